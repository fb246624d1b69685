// A multilayer perceptron in the notation of lecture 000: for layer k, s_k = z_{k-1} W_kᵀ + b_k
// (pre-activation) and z_k = h(s_k); backward keeps dC/ds_k, dC/dz_k, dC/dW_k and dC/db_k, all
// readable by the UI. Parameters live in Mlp; per-pass buffers live in Activations, so training and
// drawing a decision boundary each keep their own without sharing or reallocating.
// Shapes: X [B×I₀], W_k [O_k×I_k], b_k [1×O_k], s_k, z_k, ds_k, dz_k [B×O_k].
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/tensor.h"
#include "engine/tensor_ops.h"

namespace nabla {

// The output layer and its loss go together (lecture 001's table); TanhHalfSquared is
// TensorFlow Playground's choice (tanh output, targets ±1, loss ½(o - t)²).
enum class Head { SigmoidBCE, SoftmaxCE, LinearMSE, TanhHalfSquared, Last = TanhHalfSquared };
template <>
struct EnumTable<Head> {
    static constexpr EnumRow<Head> rows[] = {
        {Head::SigmoidBCE, "sigmoid+bce", "sigmoid + binary cross-entropy", "sigmoid", "two classes"},
        {Head::SoftmaxCE, "softmax+ce", "softmax + cross-entropy", "softmax", "several classes"},
        {Head::LinearMSE, "linear+mse", "linear + mean squared error", "linear", "regression"},
        {Head::TanhHalfSquared, "tanh+half_squared", "tanh + \xC2\xBD squared error", "tanh", "TensorFlow Playground's choice"},
    };
};
static_assert(enum_table_complete<Head>(), "every head has one row, in order");

enum class Init { Auto, Xavier, He, PlaygroundUniform, Constant, Last = Constant };
template <>
struct EnumTable<Init> {
    static constexpr EnumRow<Init> rows[] = {
        {Init::Auto, "auto", "automatic", "auto", "He for ReLU and leaky ReLU, Xavier otherwise"},
        {Init::Xavier, "xavier", "Xavier", "Xavier", ""},
        {Init::He, "he", "He", "He", ""},
        {Init::PlaygroundUniform, "playground", "TensorFlow Playground's uniform", "uniform", ""},
        {Init::Constant, "constant", "constant", "constant", "every weight starts at one value (lecture 002: w = 1.0)"},
    };
};
static_assert(enum_table_complete<Init>(), "every initialisation has one row, in order");

// Lecture 001's table: the task decides the output layer and its loss (classes 0: regression).
Head head_for_task(int classes);
int head_outputs(Head h, int classes);  // softmax: one per class; otherwise one

struct MlpDesc {
    std::vector<int> sizes = {2, 4, 2, 1};  // inputs, hidden layers..., outputs
    Activation hidden = Activation::Tanh;
    Head head = Head::SigmoidBCE;
    Init init = Init::Auto;   // Auto: He for ReLU and leaky ReLU, Xavier otherwise
    float bias_init = 0;
    float weight_init = 1;    // Init::Constant's value
    bool bias = true;
    std::uint64_t seed = 1;
    // Narrow networks (nn/lanes.h) run four examples per SIMD vector; false keeps them on the
    // general kernels, which the tests compare the lanes with.
    bool lanes = true;

    std::string validate() const;  // "" when usable, else what is wrong and how to fix it
};

template <class T>
struct Layer {
    Matrix<T> W, dW;
    RowVector<T> b, db;
};

// Buffers of one forward/backward pass for up to `capacity` rows.
template <class T>
struct Activations {
    std::vector<Matrix<T>> s, z, ds, dz;  // one per layer
    std::vector<Matrix<T>> wt;            // scratch: Wᵀ of each layer during forward
    int capacity = 0;
    int rows = 0;  // rows of the last forward pass
    void reserve(const MlpDesc& desc, int capacity);
};

template <class T>
class Mlp {
public:
    explicit Mlp(const MlpDesc& desc);  // desc must validate(); weights drawn from desc.seed

    const MlpDesc& desc() const { return desc_; }
    int layer_count() const { return static_cast<int>(layers.size()); }
    std::vector<Layer<T>> layers;

    // z_L of the last layer holds the predictions: probabilities for the sigmoid and softmax heads.
    void forward(ConstMatrixView<T> X, Activations<T>& a) const;
    // The data loss of the last forward pass (mean over its rows) and dC/ds_L of the output layer.
    // targets: t ∈ {0,1} (SigmoidBCE), class index (SoftmaxCE), values (LinearMSE, TanhHalfSquared).
    T loss(ConstMatrixView<T> targets, Activations<T>& a) const;
    // From dC/ds_L down: dW, db of every layer, ds and dz of every layer below the output.
    void backward(ConstMatrixView<T> X, Activations<T>& a);

private:
    MlpDesc desc_;
};

Activation head_activation(Head h);  // what the output layer applies (SoftmaxCE: see forward)

extern template class Mlp<float>;
extern template class Mlp<double>;
extern template struct Activations<float>;
extern template struct Activations<double>;

}  // namespace nabla
