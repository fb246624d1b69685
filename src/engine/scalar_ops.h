// The scalar operations of the autodiff graph: each op's forward value and the local gradient of
// each of its inputs, side by side (CS231n lecture 4: a gate knows only its inputs and its output).
// Owns no graph; scalar_graph.h wires these into nodes and edges.
#pragma once

#include <cstdint>

namespace nabla {

enum class Op : std::uint8_t {
    Input, Const,
    Add, Sub, Mul, Div, Pow, Max, Min,                       // binary
    Neg, Exp, Log, Sqrt, Tanh, Sigmoid, Relu, Abs, Sin, Cos,  // unary
    // Vectorised ops (engine/tensor_graph.h), last so `op >= MatMul` finds them. On numbers they are the 1×1 case: a @ b = a·b,
    // aᵀ = sum(a) = mean(a) = a, norm2(a) = a², so a scalar graph computes them too.
    MatMul, Transpose, Sum, Mean, Norm2
};

struct OpInfo {
    const char* name;     // what the parser and the JSON call it: "add", "exp"
    const char* symbol;   // what a node shows: "+", "exp"
    int arity;            // 0 for inputs and constants
};

const OpInfo& op_info(Op op);

// Classes of ops the vectorised graph treats alike (engine/tensor_graph.h).
inline bool is_elementwise_binary(Op op) { return op >= Op::Add && op <= Op::Min; }
inline bool is_elementwise_unary(Op op) { return op >= Op::Neg && op <= Op::Cos; }
inline bool is_elementwise(Op op) { return is_elementwise_binary(op) || is_elementwise_unary(op); }
inline bool is_reduction(Op op) { return op == Op::Sum || op == Op::Mean || op == Op::Norm2; }
inline bool is_vectorised_op(Op op) { return op >= Op::MatMul; }  // @, ᵀ, sum, mean, norm2

// One evaluated gate: its value, d(value)/d(input k) for k < arity, and, when something is not
// finite, a short reason a learner can read ("log of a negative number").
struct OpEval {
    double value = 0;
    double local[2] = {0, 0};
    const char* issue = nullptr;
};

// `exponent_is_constant` lets pow skip the gradient with respect to a literal exponent, which is
// undefined for a negative base (x^2 at x = -3 is fine; x^y at x = -3 is not differentiable in y).
OpEval evaluate_op(Op op, double a, double b, bool exponent_is_constant);

}  // namespace nabla
