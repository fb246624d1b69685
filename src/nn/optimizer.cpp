#include "nn/optimizer.h"

#include <cmath>

#include "engine/tr.h"

namespace nabla {

std::string OptimizerSettings::validate() const {
    if (!std::isfinite(learning_rate) || learning_rate <= 0 || learning_rate > 100)
        return tr("the learning rate must be a finite number in (0, 100]");
    if (!(momentum >= 0 && momentum < 1)) return tr("momentum must be in [0, 1)");
    if (!(rho > 0 && rho < 1)) return tr("RMSProp's rho must be in (0, 1)");
    if (!(beta1 >= 0 && beta1 < 1 && beta2 > 0 && beta2 < 1)) return tr("Adam's betas must be in [0, 1)");
    if (!(epsilon > 0 && std::isfinite(epsilon))) return tr("epsilon must be a small positive number");
    if (!(l1 >= 0 && l1 <= 10 && l2 >= 0 && l2 <= 10)) return tr("regularisation rates must be in [0, 10]");
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

// Plain loops over contiguous arrays, which the compiler vectorises.
template <class T>
void apply_update(const OptimizerSettings& s, long t, T* __restrict w, const T* __restrict g, T* __restrict m,
                  T* __restrict r, Eigen::Index n) {
    const T lr = static_cast<T>(s.learning_rate), mu = static_cast<T>(s.momentum), eps = static_cast<T>(s.epsilon);
    switch (s.kind) {
        case OptimizerKind::SGD:
            for (Eigen::Index i = 0; i < n; ++i) w[i] -= lr * g[i];
            break;
        case OptimizerKind::Momentum:
            for (Eigen::Index i = 0; i < n; ++i) {
                m[i] = mu * m[i] + g[i];
                w[i] -= lr * m[i];
            }
            break;
        case OptimizerKind::Nesterov:
            for (Eigen::Index i = 0; i < n; ++i) {
                m[i] = mu * m[i] + g[i];
                w[i] -= lr * (g[i] + mu * m[i]);
            }
            break;
        case OptimizerKind::RMSProp: {
            // 1 - ρ in double, then rounded once, as PyTorch passes it (float(1 - 0.9), not 1 - float(0.9)).
            const T rho = static_cast<T>(s.rho), one_minus_rho = static_cast<T>(1 - s.rho);
            for (Eigen::Index i = 0; i < n; ++i) {
                r[i] = rho * r[i] + one_minus_rho * g[i] * g[i];
                w[i] -= lr * g[i] / (std::sqrt(r[i]) + eps);
            }
            break;
        }
        case OptimizerKind::Adam: {
            // 1 - β in double, then rounded once, as torch.optim.Adam does: 1 - float(0.999) is
            // 9.99987e-4, and that drifted from PyTorch 4-28 times faster than rounding alone.
            const T b1 = static_cast<T>(s.beta1), b2 = static_cast<T>(s.beta2);
            const T one_minus_b1 = static_cast<T>(1 - s.beta1), one_minus_b2 = static_cast<T>(1 - s.beta2);
            const T c1 = T(1) - static_cast<T>(std::pow(s.beta1, static_cast<double>(t)));
            const T c2 = T(1) - static_cast<T>(std::pow(s.beta2, static_cast<double>(t)));
            for (Eigen::Index i = 0; i < n; ++i) {
                m[i] = b1 * m[i] + one_minus_b1 * g[i];
                r[i] = b2 * r[i] + one_minus_b2 * g[i] * g[i];
                w[i] -= lr * (m[i] / c1) / (std::sqrt(r[i] / c2) + eps);
            }
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
        State& sw = weights_[k];
        State& sb = biases_[k];
        apply_update(s, t_, L.W.data(), L.dW.data(), sw.m.data(), sw.r.data(), L.W.size());
        if (mlp.desc().bias) apply_update(s, t_, L.b.data(), L.db.data(), sb.m.data(), sb.r.data(), L.b.size());
    }
    return penalty;
}

template void apply_update<float>(const OptimizerSettings&, long, float*, const float*, float*, float*, Eigen::Index);
template void apply_update<double>(const OptimizerSettings&, long, double*, const double*, double*, double*, Eigen::Index);
template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace nabla
