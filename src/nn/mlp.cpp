// Forward and backward of the MLP, layer by layer, in the order the lecture writes them.
#include "nn/mlp.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "engine/i18n.h"
#include "nn/rng.h"

namespace nabla {

Head head_for_task(int classes) {
    return classes == 0 ? Head::LinearMSE : classes > 2 ? Head::SoftmaxCE : Head::SigmoidBCE;
}

int head_outputs(Head h, int classes) { return h == Head::SoftmaxCE ? std::max(2, classes) : 1; }

Activation head_activation(Head h) {
    switch (h) {
        case Head::SigmoidBCE: return Activation::Sigmoid;
        case Head::TanhHalfSquared: return Activation::Tanh;
        default: return Activation::Linear;
    }
}

std::string MlpDesc::validate() const {
    if (sizes.size() < 2) return tr("a network needs at least an input and an output layer");
    if (sizes.size() > 34) return trf("at most %d hidden layers", 32);
    for (size_t k = 0; k < sizes.size(); ++k) {
        const int layer = static_cast<int>(k);
        if (sizes[k] < 1) return trf("layer %d has %d neurons: every layer needs at least 1", layer, sizes[k]);
        if (sizes[k] > 4096) return trf("layer %d has more than %d neurons", layer, 4096);
    }
    if (head == Head::SigmoidBCE && sizes.back() != 1) return tr("a sigmoid + cross-entropy output has exactly 1 neuron");
    if (head == Head::SoftmaxCE && sizes.back() < 2) return tr("a softmax output needs at least 2 classes");
    return "";
}

template <class T>
void Activations<T>::reserve(const MlpDesc& desc, int cap) {
    const size_t n = desc.sizes.size() - 1;
    s.resize(n), z.resize(n), ds.resize(n), dz.resize(n), wt.resize(n);
    for (size_t k = 0; k < n; ++k) {
        const int width = desc.sizes[k + 1];
        s[k].resize(cap, width), z[k].resize(cap, width), ds[k].resize(cap, width), dz[k].resize(cap, width);
        wt[k].resize(desc.sizes[k], width);
    }
    capacity = cap;
    rows = 0;
}

template <class T>
Mlp<T>::Mlp(const MlpDesc& desc) : desc_(desc) {
    Rng rng(desc.seed);
    const size_t n = desc.sizes.size() - 1;
    layers.resize(n);
    for (size_t k = 0; k < n; ++k) {
        const int in = desc.sizes[k], out = desc.sizes[k + 1];
        Layer<T>& L = layers[k];
        L.W.resize(out, in), L.dW.setZero(out, in);
        L.b.setConstant(out, desc.bias ? static_cast<T>(desc.bias_init) : T(0));
        L.db.setZero(out);
        const Activation h = k + 1 == n ? head_activation(desc.head) : desc.hidden;
        Init init = desc.init;
        if (init == Init::Auto) init = (h == Activation::ReLU || h == Activation::LeakyReLU) ? Init::He : Init::Xavier;
        for (int i = 0; i < out; ++i)
            for (int j = 0; j < in; ++j) {
                double w = 0;
                switch (init) {
                    case Init::He: w = rng.normal(0, std::sqrt(2.0 / in)); break;                  // He et al. 2015
                    case Init::PlaygroundUniform: w = rng.uniform(-0.5, 0.5); break;               // TF Playground
                    case Init::Constant: w = desc.weight_init; break;                               // lecture 002
                    default: { const double a = std::sqrt(6.0 / (in + out)); w = rng.uniform(-a, a); }  // Glorot
                }
                L.W(i, j) = static_cast<T>(w);
            }
    }
}

namespace {
// Probabilities from the logits, for predictions and the UI: `rows` rows of K, row-major.
template <class T>
void softmax_rows(const T* s, T* z, Eigen::Index rows, int K) {
    for (Eigen::Index i = 0; i < rows; ++i, s += K, z += K) {
        const T m = *std::max_element(s, s + K);
        T sum = 0;
        for (int j = 0; j < K; ++j) sum += z[j] = std::exp(s[j] - m);
        for (int j = 0; j < K; ++j) z[j] /= sum;
    }
}
}  // namespace

// linear_forward and the activation, layer by layer, but over chunks of rows that stay in the
// first-level cache through every layer: a 100×100 decision-boundary grid is 10 000 rows.
template <class T>
void Mlp<T>::forward(ConstMatrixView<T> X, Activations<T>& a) const {
    const Eigen::Index B = X.rows();
    a.rows = static_cast<int>(B);
    const int n = layer_count();
    for (int k = 0; k < n; ++k)  // Wᵀ for the blocked product; narrow layers use gemm_nt_direct
        if (desc_.sizes[k + 1] >= 8) transpose(layers[k].W.data(), a.wt[k].data(), desc_.sizes[k + 1], desc_.sizes[k]);
    constexpr Eigen::Index kChunk = 128;
    for (Eigen::Index r0 = 0; r0 < B; r0 += kChunk) {
        const Eigen::Index rows = std::min(kChunk, B - r0);
        for (int k = 0; k < n; ++k) {
            const int in = desc_.sizes[k], out = desc_.sizes[k + 1];
            const T* input = (k == 0 ? X.data() : a.z[k - 1].data()) + r0 * in;
            MatrixView<T> s(a.s[k].data() + r0 * out, rows, out), z(a.z[k].data() + r0 * out, rows, out);
            const T* bias = desc_.bias ? layers[k].b.data() : nullptr;
            if (out >= 8) gemm_nn<T>(input, a.wt[k].data(), s.data(), static_cast<int>(rows), out, in, bias);
            else gemm_nt_direct<T>(input, layers[k].W.data(), s.data(), static_cast<int>(rows), out, in, bias);
            const bool output = k == n - 1;
            if (output && desc_.head == Head::SoftmaxCE) softmax_rows<T>(s.data(), z.data(), rows, out);
            else activation_forward<T>(output ? head_activation(desc_.head) : desc_.hidden, s, z);
        }
    }
}

template <class T>
T Mlp<T>::loss(ConstMatrixView<T> targets, Activations<T>& a) const {
    const Eigen::Index B = a.rows;
    const int L = layer_count() - 1;
    MatrixView<T> ds = top_rows(a.ds[L], B), dz = top_rows(a.dz[L], B);
    ConstMatrixView<T> s = top_rows(std::as_const(a.s[L]), B), z = top_rows(std::as_const(a.z[L]), B);
    switch (desc_.head) {
        case Head::SigmoidBCE: return sigmoid_bce_with_logits<T>(s, targets, ds);
        case Head::SoftmaxCE: return softmax_cross_entropy<T>(s, targets, ds);
        case Head::LinearMSE: {
            const T value = mean_squared_error<T>(z, targets, dz);
            ds = dz;
            return value;
        }
        case Head::TanhHalfSquared: {
            const T value = half_squared_error<T>(z, targets, dz);
            activation_backward<T>(Activation::Tanh, dz, s, z, ds);
            return value;
        }
    }
    return T(0);
}

template <class T>
void Mlp<T>::backward(ConstMatrixView<T> X, Activations<T>& a) {
    const Eigen::Index B = a.rows;
    for (int k = layer_count() - 1; k >= 0; --k) {
        Layer<T>& L = layers[k];
        ConstMatrixView<T> ds = top_rows(std::as_const(a.ds[k]), B);
        RowVector<T>* db = desc_.bias ? &L.db : nullptr;
        if (k == 0) {
            linear_backward<T>(ds, X, L.W, L.dW, db, static_cast<MatrixView<T>*>(nullptr));
            continue;
        }
        // dC/dz_{k-1} = dC/ds_k W_k, then dC/ds_{k-1} = dC/dz_{k-1} ⊙ h'(s_{k-1}) (lecture 000).
        MatrixView<T> dz_below = top_rows(a.dz[k - 1], B), ds_below = top_rows(a.ds[k - 1], B);
        linear_backward<T>(ds, top_rows(std::as_const(a.z[k - 1]), B), L.W, L.dW, db, &dz_below);
        activation_backward<T>(desc_.hidden, dz_below, top_rows(std::as_const(a.s[k - 1]), B),
                               top_rows(std::as_const(a.z[k - 1]), B), ds_below);
    }
}

template class Mlp<float>;
template class Mlp<double>;
template struct Activations<float>;
template struct Activations<double>;

}  // namespace nabla
