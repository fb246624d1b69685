// Forward and local backward of every scalar op. Local gradients are computed here, during the
// forward pass, and kept on the edges (lecture 004: "local gradients are computed in the forward pass").
#include "engine/scalar_ops.h"

#include <cmath>

namespace nabla {

const OpInfo& op_info(Op op) {
    static const OpInfo table[] = {
        {"input", "", 0},       {"const", "", 0},
        {"add", "+", 2},        {"sub", "\xE2\x88\x92", 2}, {"mul", "\xC3\x97", 2},
        {"div", "/", 2},        {"pow", "^", 2},            {"max", "max", 2},
        {"min", "min", 2},      {"neg", "\xE2\x88\x92", 1}, {"exp", "exp", 1},
        {"log", "log", 1},      {"sqrt", "sqrt", 1},        {"tanh", "tanh", 1},
        {"sigmoid", "\xCF\x83", 1}, {"relu", "relu", 1},    {"abs", "abs", 1},
        {"sin", "sin", 1},      {"cos", "cos", 1},
        {"matmul", "@", 2},     {"transpose", "\xE1\xB5\x80", 1},  // ᵀ
        {"sum", "sum", 1},      {"mean", "mean", 1},        {"norm2", "\xE2\x80\x96\xC2\xB7\xE2\x80\x96\xC2\xB2", 1},  // ‖·‖²
    };
    return table[static_cast<int>(op)];
}

namespace {

double sigmoid(double s) {
    // Stable on both tails: never exponentiates a large positive number.
    if (s >= 0) return 1.0 / (1.0 + std::exp(-s));
    const double e = std::exp(s);
    return e / (1.0 + e);
}

const char* domain_issue(Op op, double a, double b) {
    switch (op) {
        case Op::Div: return b == 0 ? "division by zero" : "division overflowed";
        case Op::Log: return a < 0 ? "log of a negative number" : a == 0 ? "log(0) is -infinity" : "the slope 1/x of log overflowed";
        case Op::Sqrt: return a < 0 ? "square root of a negative number" : "sqrt has an infinite slope at 0";
        case Op::Pow:
            if (a < 0 && b != std::floor(b)) return "negative base with a fractional exponent";
            if (a == 0 && b < 1) return "0 to a power below 1 has an infinite slope";
            return "power overflowed";
        case Op::Exp: return "exp overflowed";
        default: return "the result is not a finite number";
    }
}

}  // namespace

OpEval evaluate_op(Op op, double a, double b, bool exponent_is_constant) {
    OpEval r;
    double* d = r.local;
    switch (op) {
        case Op::Input:
        case Op::Const: r.value = a; break;
        case Op::Add: r.value = a + b; d[0] = 1; d[1] = 1; break;        // add distributes
        case Op::Sub: r.value = a - b; d[0] = 1; d[1] = -1; break;
        case Op::Mul: r.value = a * b; d[0] = b; d[1] = a; break;        // mul swaps
        case Op::Div: r.value = a / b; d[0] = 1 / b; d[1] = -a / (b * b); break;
        case Op::Pow:
            r.value = std::pow(a, b);
            d[0] = b == 0 ? 0 : b * std::pow(a, b - 1);
            // d/db a^b = a^b ln a: defined only for a > 0; a literal exponent needs no gradient.
            d[1] = a > 0 ? r.value * std::log(a) : (exponent_is_constant ? 0 : NAN);
            break;
        // max routes; a NaN is passed on, never swallowed by a comparison that is false for it
        case Op::Max:
            if (std::isnan(a) || std::isnan(b)) r.value = d[0] = d[1] = NAN;
            else r.value = a >= b ? a : b, d[0] = a >= b, d[1] = a < b;
            break;
        case Op::Min:
            if (std::isnan(a) || std::isnan(b)) r.value = d[0] = d[1] = NAN;
            else r.value = a <= b ? a : b, d[0] = a <= b, d[1] = a > b;
            break;
        case Op::Neg: r.value = -a; d[0] = -1; break;
        case Op::Exp: r.value = std::exp(a); d[0] = r.value; break;
        case Op::Log: r.value = std::log(a); d[0] = 1 / a; break;
        case Op::Sqrt: r.value = std::sqrt(a); d[0] = 0.5 / r.value; break;
        // tanh' = 1 - tanh² and σ' = (1-σ)σ, written so that they keep their digits on the tails,
        // where 1 - tanh and 1 - σ cancel (at 30, (1-σ)σ is 0.1 % off; at 40 it is 0).
        case Op::Tanh: { r.value = std::tanh(a); const double c = std::cosh(a); d[0] = 1 / (c * c); break; }
        case Op::Sigmoid: r.value = sigmoid(a); d[0] = r.value * sigmoid(-a); break;
        case Op::Relu:  // relu(NaN) is NaN: relu(log(-1)) used to print 0
            r.value = std::isnan(a) ? a : a > 0 ? a : 0;
            d[0] = std::isnan(a) ? a : a > 0;
            break;
        case Op::Abs: r.value = std::fabs(a); d[0] = a > 0 ? 1 : a < 0 ? -1 : 0; break;
        case Op::Sin: r.value = std::sin(a); d[0] = std::cos(a); break;
        case Op::Cos: r.value = std::cos(a); d[0] = -std::sin(a); break;
        case Op::MatMul: r.value = a * b; d[0] = b; d[1] = a; break;
        case Op::Transpose:
        case Op::Sum:
        case Op::Mean: r.value = a; d[0] = 1; break;
        case Op::Norm2: r.value = a * a; d[0] = 2 * a; break;
    }
    const int n = op_info(op).arity;
    bool finite = std::isfinite(r.value);
    for (int k = 0; k < n; ++k) finite = finite && std::isfinite(d[k]);
    if (!finite) {
        const bool inputs_finite = std::isfinite(a) && (n < 2 || std::isfinite(b));
        if (op == Op::Pow && std::isfinite(r.value) && !std::isfinite(d[1]))
            r.issue = "the gradient of a^b in b needs a > 0";
        else
            r.issue = inputs_finite ? domain_issue(op, a, b) : "an input is not a finite number";
    }
    return r;
}

}  // namespace nabla
