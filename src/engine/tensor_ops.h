// Tensor ops with their backward passes side by side. Every backward is a vector-Jacobian
// product (lecture 001: the Jacobian of an elementwise op is diagonal; never build it).
// Shapes (see tensor.h): Z [B×I] layer input, W [O×I] weights (s[i] = Σ_j w[i,j] z[j], lecture 000),
// b [1×O] bias, S [B×O] pre-activations, dX always has the shape of X.
#pragma once

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "engine/enum_table.h"
#include "engine/fast_math.h"
#include "engine/gemm.h"
#include "engine/tensor.h"

namespace nabla {

// ---- linear layer: S = Z Wᵀ + 1 bᵀ -------------------------------------------------------------
// Z, S, dS, dZ are contiguous row-major blocks (whole matrices or top_rows views).
// Wt_scratch [I×O] holds Wᵀ during the forward product.

template <class T, class ZIn, class SOut>
void linear_forward(const ZIn& Z, const Matrix<T>& W, const RowVector<T>* b, SOut& S, Matrix<T>& Wt_scratch) {
    gemm_nt<T>(Z.data(), W.data(), S.data(), static_cast<int>(Z.rows()), static_cast<int>(W.rows()),
               static_cast<int>(W.cols()), Wt_scratch.data(), b ? b->data() : nullptr);
}

// dW = dSᵀ Z, db = Σ_rows dS, dZ = dS W (the two Jacobian-vector products of a module, lecture 000:
// one with respect to its weights, one with respect to its input state).
template <class T, class DSIn, class ZIn, class DZOut>
void linear_backward(const DSIn& dS, const ZIn& Z, const Matrix<T>& W, Matrix<T>& dW, RowVector<T>* db, DZOut* dZ) {
    const int B = static_cast<int>(dS.rows()), O = static_cast<int>(W.rows()), I = static_cast<int>(W.cols());
    gemm_tn<T>(dS.data(), Z.data(), dW.data(), O, I, B);
    if (db) {
        T* sum = db->data();
        std::fill(sum, sum + O, T(0));
        for (int r = 0; r < B; ++r)
            for (int o = 0; o < O; ++o) sum[o] += dS.data()[r * O + o];
    }
    if (dZ) gemm_nn<T>(dS.data(), W.data(), dZ->data(), B, I, O);
}

// ---- elementwise activations: Z = h(S), dS = dZ ⊙ h'(S) -------------------------------------------

enum class Activation { Linear, ReLU, LeakyReLU, Tanh, Sigmoid, Last = Sigmoid };
template <>
struct EnumTable<Activation> {
    static constexpr EnumRow<Activation> rows[] = {
        {Activation::Linear, "linear", "linear", "linear", "h(s) = s"},
        {Activation::ReLU, "relu", "ReLU", "ReLU", "h(s) = max(0, s)"},
        {Activation::LeakyReLU, "leaky_relu", "leaky ReLU", "leaky", "h(s) = max(0.01 s, s)"},
        {Activation::Tanh, "tanh", "tanh", "tanh", "h(s) = tanh(s)"},
        {Activation::Sigmoid, "sigmoid", "sigmoid", "\xCF\x83", "h(s) = 1 / (1 + e^-s)"},
    };
};
static_assert(enum_table_complete<Activation>(), "every activation has one row, in order");
constexpr double kLeakySlope = 0.01;  // cast to T where used: Mlp<double> gets 0.01, not 0.01f

template <class T, class SIn, class ZOut>
void activation_forward(Activation a, const SIn& S, ZOut& Z) {
    if constexpr (std::is_same_v<T, float>) {  // SIMD kernels for the two transcendental ones
        if (a == Activation::Tanh) return tanh_array(S.data(), Z.data(), static_cast<long>(S.size()));
        if (a == Activation::Sigmoid) return sigmoid_array(S.data(), Z.data(), static_cast<long>(S.size()));
    }
    switch (a) {
        case Activation::Linear: Z = S; break;
        case Activation::ReLU: Z = S.array().max(T(0)); break;
        case Activation::LeakyReLU: Z = (S.array() > T(0)).select(S.array(), S.array() * static_cast<T>(kLeakySlope)); break;
        case Activation::Tanh: Z = S.array().tanh(); break;
        // exp(-s) overflows to +inf for very negative s and 1/inf = 0: saturates, never NaN.
        case Activation::Sigmoid: Z = (T(1) + (-S.array()).exp()).inverse(); break;
    }
}

// Uses the stored output Z where h' is cheaper from it: tanh' = 1 - z², σ' = (1 - σ)σ. Plain loops
// over contiguous arrays: the compiler vectorises them (Eigen 3.4 has no WebAssembly packets).
template <class T, class DZIn, class SIn, class ZIn, class DSOut>
void activation_backward(Activation a, const DZIn& dZ_, const SIn& S_, const ZIn& Z_, DSOut& dS_) {
    const T* __restrict dZ = dZ_.data();
    const T* __restrict S = S_.data();
    const T* __restrict Z = Z_.data();
    T* __restrict dS = dS_.data();
    const long n = static_cast<long>(dZ_.size());
    const T slope = static_cast<T>(kLeakySlope);
    switch (a) {
        case Activation::Linear: for (long i = 0; i < n; ++i) dS[i] = dZ[i]; break;
        case Activation::ReLU: for (long i = 0; i < n; ++i) dS[i] = S[i] > T(0) ? dZ[i] : T(0); break;
        case Activation::LeakyReLU: for (long i = 0; i < n; ++i) dS[i] = S[i] > T(0) ? dZ[i] : dZ[i] * slope; break;
        case Activation::Tanh: for (long i = 0; i < n; ++i) dS[i] = dZ[i] * (T(1) - Z[i] * Z[i]); break;
        case Activation::Sigmoid: for (long i = 0; i < n; ++i) dS[i] = dZ[i] * (T(1) - Z[i]) * Z[i]; break;
    }
}

// ---- losses: return the mean over the batch and write dLoss/d(input) ------------------------------

// ½ Σ_k (o - t)², averaged over the batch: TensorFlow Playground's loss (with tanh outputs, t = ±1).
template <class T, class OIn, class TIn, class DOOut>
T half_squared_error(const OIn& O, const TIn& Tg, DOOut& dO) {
    const T B = static_cast<T>(O.rows());
    dO = (O - Tg) / B;
    return T(0.5) * (O - Tg).squaredNorm() / B;
}

// Mean squared error over batch and outputs (lecture 002: loss = (ŷ - y)² for one sample).
template <class T, class OIn, class TIn, class DOOut>
T mean_squared_error(const OIn& O, const TIn& Tg, DOOut& dO) {
    const T n = static_cast<T>(O.size());
    dO = (O - Tg) * (T(2) / n);
    return (O - Tg).squaredNorm() / n;
}

// Sigmoid + binary cross-entropy fused on one logit s, t ∈ {0, 1}:
// loss = max(s, 0) - s t + log(1 + e^-|s|) never overflows, and dLoss/ds = σ(s) - t (written ÷ B,
// the batch's mean). One row at a time so the matrix version and the SIMD lanes path (nn/lanes.cpp)
// share every operation.
template <class T>
T bce_with_logits_row(T s, T t, T B, T& ds) {
    const T sig = s >= 0 ? T(1) / (T(1) + std::exp(-s)) : std::exp(s) / (T(1) + std::exp(s));
    ds = (sig - t) / B;
    return std::max(s, T(0)) - s * t + std::log1p(std::exp(-std::fabs(s)));
}

template <class T, class SIn, class TIn, class DSOut>
T sigmoid_bce_with_logits(const SIn& S, const TIn& Tg, DSOut& dS) {
    const T B = static_cast<T>(S.rows());
    T total = 0;
    for (Eigen::Index i = 0; i < S.rows(); ++i) total += bce_with_logits_row<T>(S(i, 0), Tg(i, 0), B, dS(i, 0));
    return total / B;
}

// Softmax + cross-entropy fused on K logits s, label y ∈ [0, K):
// loss = logsumexp(s) - s_y = log(Σ_j e^(s_j - m)) - (s_y - m) with m the largest logit, so no
// large m is added and taken away again; and since the largest term is e^0 = 1, the log is
// log1p(the others' sum): a confident right answer keeps its small loss (3.1e-7, not 0).
// dLoss/ds = softmax(s) - onehot(y), written ÷ B into ds.
template <class T>
T softmax_ce_row(const T* s, int K, int y, T B, T* ds) {
    int top = 0;
    for (int j = 1; j < K; ++j)
        if (s[j] > s[top]) top = j;
    const T m = s[top];
    T sum = 0, others = 0;  // others summed apart: sum − 1 would cancel away the digits of a small loss
    for (int j = 0; j < K; ++j) {
        ds[j] = std::exp(s[j] - m);
        sum += ds[j];
        if (j != top) others += ds[j];
    }
    for (int j = 0; j < K; ++j) ds[j] /= sum * B;
    ds[y] -= T(1) / B;
    return std::log1p(others) - (s[y] - m);
}

// The same over a batch: S [B×K] row-major, labels stored as T in column 0.
template <class T, class SIn, class LIn, class DSOut>
T softmax_cross_entropy(const SIn& S, const LIn& labels, DSOut& dS) {
    const T B = static_cast<T>(S.rows());
    const int K = static_cast<int>(S.cols());
    T total = 0;
    for (Eigen::Index i = 0; i < S.rows(); ++i)
        total += softmax_ce_row<T>(S.data() + i * K, K, static_cast<int>(labels(i, 0)), B, dS.data() + i * K);
    return total / B;
}

// ---- penalties on weights: value and gradient (added to dW) ----------------------------------------

template <class T>
T l2_penalty(const Matrix<T>& W, T rate, Matrix<T>& dW) {  // rate/2 ‖W‖²
    dW += rate * W;
    return T(0.5) * rate * W.squaredNorm();
}

template <class T>
T l1_penalty(const Matrix<T>& W, T rate, Matrix<T>& dW) {  // rate ‖W‖₁, subgradient 0 at 0
    dW.array() += rate * W.array().sign();
    return rate * W.array().abs().sum();
}

}  // namespace nabla
