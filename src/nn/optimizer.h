// Update rules for the MLP's parameters, switchable between steps without touching the weights.
// PyTorch's conventions, so numbers can be compared with it:
//   SGD       w ← w − η g
//   momentum  v ← μ v + g;                 w ← w − η v
//   Nesterov  v ← μ v + g;                 w ← w − η (g + μ v)
//   RMSProp   r ← ρ r + (1 − ρ) g²;        w ← w − η g / (√r + ε)
//   Adam      m ← β₁ m + (1 − β₁) g;  r ← β₂ r + (1 − β₂) g²;  w ← w − η m̂ / (√r̂ + ε), with bias correction
#pragma once

#include <string>
#include <vector>

#include "nn/mlp.h"

namespace nabla {

enum class OptimizerKind { SGD, Momentum, Nesterov, RMSProp, Adam, Last = Adam };
template <>
struct EnumTable<OptimizerKind> {
    static constexpr EnumRow<OptimizerKind> rows[] = {
        {OptimizerKind::SGD, "sgd", "SGD", "SGD", "w \xE2\x86\x90 w \xE2\x88\x92 \xCE\xB7 g"},
        {OptimizerKind::Momentum, "momentum", "momentum", "momentum", "v \xE2\x86\x90 \xCE\xBC v + g;  w \xE2\x86\x90 w \xE2\x88\x92 \xCE\xB7 v"},
        {OptimizerKind::Nesterov, "nesterov", "Nesterov", "Nesterov", "v \xE2\x86\x90 \xCE\xBC v + g;  w \xE2\x86\x90 w \xE2\x88\x92 \xCE\xB7 (g + \xCE\xBC v)"},
        {OptimizerKind::RMSProp, "rmsprop", "RMSProp", "RMSProp", "w \xE2\x86\x90 w \xE2\x88\x92 \xCE\xB7 g / (\xE2\x88\x9Ar + \xCE\xB5)"},
        {OptimizerKind::Adam, "adam", "Adam", "Adam", "w \xE2\x86\x90 w \xE2\x88\x92 \xCE\xB7 m\xCC\x82 / (\xE2\x88\x9Ar\xCC\x82 + \xCE\xB5)"},
    };
};
static_assert(enum_table_complete<OptimizerKind>(), "every optimizer has one row, in order");
// μ matters to these two only (the UI shows its slider for them).
inline bool uses_momentum(OptimizerKind k) { return k == OptimizerKind::Momentum || k == OptimizerKind::Nesterov; }

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::SGD;
    double learning_rate = 0.03;
    double momentum = 0.9;   // μ, momentum and Nesterov
    double rho = 0.9;        // RMSProp's decay
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    double l1 = 0, l2 = 0;   // regularisation rates on the weights (not the biases)

    std::string validate() const;  // "" when usable
};

// One update of n parameters with their gradient g, state m and r (zero at first), and t the
// number of the step being taken (1 for the first; Adam's bias correction needs it). Shared by
// the MLP's optimizer and the trajectory lab's two-parameter runs.
template <class T>
void apply_update(const OptimizerSettings& s, long t, T* __restrict w, const T* __restrict g, T* __restrict m,
                  T* __restrict r, Eigen::Index n);

template <class T>
class Optimizer {
public:
    explicit Optimizer(const Mlp<T>& mlp);  // sizes the state once

    // Adds the regularisation gradients to dW, applies one update, returns the penalty value.
    // A change of kind resets the optimizer's state (never the weights).
    T step(Mlp<T>& mlp, const OptimizerSettings& s);
    void reset();
    long steps() const { return t_; }

private:
    struct State {
        std::vector<T> m, r;  // first and second moment (or velocity and mean square)
    };
    std::vector<State> weights_, biases_;
    OptimizerKind kind_ = OptimizerKind::SGD;
    long t_ = 0;
};

extern template class Optimizer<float>;
extern template class Optimizer<double>;

}  // namespace nabla
