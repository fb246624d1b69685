#include "nn/optimizer.h"

#include <cmath>

namespace nabla {

const char* optimizer_name(OptimizerKind k) {
    switch (k) {
        case OptimizerKind::SGD: return "sgd";
        case OptimizerKind::Momentum: return "momentum";
        case OptimizerKind::Nesterov: return "nesterov";
        case OptimizerKind::RMSProp: return "rmsprop";
        case OptimizerKind::Adam: return "adam";
    }
    return "?";
}

std::string OptimizerSettings::validate() const {
    if (!std::isfinite(learning_rate) || learning_rate <= 0 || learning_rate > 100)
        return "the learning rate must be a finite number in (0, 100]";
    if (!(momentum >= 0 && momentum < 1)) return "momentum must be in [0, 1)";
    if (!(rho > 0 && rho < 1)) return "RMSProp's rho must be in (0, 1)";
    if (!(beta1 >= 0 && beta1 < 1 && beta2 > 0 && beta2 < 1)) return "Adam's betas must be in [0, 1)";
    if (!(epsilon > 0 && std::isfinite(epsilon))) return "epsilon must be a small positive number";
    if (!(l1 >= 0 && l1 <= 10 && l2 >= 0 && l2 <= 10)) return "regularisation rates must be in [0, 10]";
    return "";
}

template <class T>
Optimizer<T>::Optimizer(const Mlp<T>& mlp) {
    for (const Layer<T>& L : mlp.layers) {
        weights_.push_back({std::vector<T>(L.W.size()), std::vector<T>(L.W.size())});
        biases_.push_back({std::vector<T>(L.b.size()), std::vector<T>(L.b.size())});
    }
}

template <class T>
void Optimizer<T>::reset() {
    for (auto* group : {&weights_, &biases_})
        for (State& st : *group) {
            std::fill(st.m.begin(), st.m.end(), T(0));
            std::fill(st.r.begin(), st.r.end(), T(0));
        }
    t_ = 0;
}

template <class T>
void Optimizer<T>::update(T* w_ptr, const T* g_ptr, State& st, Eigen::Index n, const OptimizerSettings& s) {
    using Array = Eigen::Array<T, Eigen::Dynamic, 1>;
    Eigen::Map<Array> w(w_ptr, n), m(st.m.data(), n), r(st.r.data(), n);
    Eigen::Map<const Array> g(g_ptr, n);
    const T lr = static_cast<T>(s.learning_rate), mu = static_cast<T>(s.momentum), eps = static_cast<T>(s.epsilon);
    switch (s.kind) {
        case OptimizerKind::SGD: w -= lr * g; break;
        case OptimizerKind::Momentum: m = mu * m + g; w -= lr * m; break;
        case OptimizerKind::Nesterov: m = mu * m + g; w -= lr * (g + mu * m); break;
        case OptimizerKind::RMSProp: {
            const T rho = static_cast<T>(s.rho);
            r = rho * r + (T(1) - rho) * g.square();
            w -= lr * g / (r.sqrt() + eps);
            break;
        }
        case OptimizerKind::Adam: {
            const T b1 = static_cast<T>(s.beta1), b2 = static_cast<T>(s.beta2);
            m = b1 * m + (T(1) - b1) * g;
            r = b2 * r + (T(1) - b2) * g.square();
            const T c1 = T(1) - static_cast<T>(std::pow(s.beta1, static_cast<double>(t_)));
            const T c2 = T(1) - static_cast<T>(std::pow(s.beta2, static_cast<double>(t_)));
            w -= lr * (m / c1) / ((r / c2).sqrt() + eps);
            break;
        }
    }
}

template <class T>
T Optimizer<T>::step(Mlp<T>& mlp, const OptimizerSettings& s) {
    if (s.kind != kind_) {
        reset();
        kind_ = s.kind;
    }
    ++t_;
    T penalty = 0;
    for (size_t k = 0; k < mlp.layers.size(); ++k) {
        Layer<T>& L = mlp.layers[k];
        if (s.l2 > 0) penalty += l2_penalty<T>(L.W, static_cast<T>(s.l2), L.dW);
        if (s.l1 > 0) penalty += l1_penalty<T>(L.W, static_cast<T>(s.l1), L.dW);
        update(L.W.data(), L.dW.data(), weights_[k], L.W.size(), s);
        if (mlp.desc().bias) update(L.b.data(), L.db.data(), biases_[k], L.b.size(), s);
    }
    return penalty;
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace nabla
