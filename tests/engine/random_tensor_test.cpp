// Every element of every gradient of many random vectorised expressions against double-precision
// central differences. Expressions are generated as text with a shape asked of every subexpression
// (a matrix from a product of two, a vector from a matrix times a vector, a number from a sum), so
// the parser, shape inference, broadcasting and every op's vector-Jacobian product are exercised.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <string>

#include "engine/tensor_graph.h"

namespace nabla {
namespace {

class TensorExpressionGenerator {
public:
    explicit TensorExpressionGenerator(unsigned seed) : rng_(seed) {}

    std::string program() {
        inputs_.clear();
        // The output is a number made from something with a shape, so tensors are always inside.
        const Shape inner = random_shape(false);
        switch (pick(4)) {
            case 0: return "f = sum(" + generate(inner, 3) + ")";
            case 1: return "f = mean(" + generate(inner, 3) + ")";
            case 2: return "f = norm2(" + generate(inner, 3) + ")";
            default: {
                const int n = dim();
                return "f = (" + generate(Shape::vector(n), 3) + ") @ (" + generate(Shape::vector(n), 3) + ")";
            }
        }
    }
    const std::map<std::string, Shape>& inputs() const { return inputs_; }
    double value() { return std::uniform_real_distribution<double>(-1.5, 1.5)(rng_); }

private:
    std::mt19937 rng_;
    std::map<std::string, Shape> inputs_;

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
    int dim() { return 1 + pick(4); }
    Shape random_shape(bool scalar_too) {
        const int r = pick(scalar_too ? 3 : 2);
        return r == 0 ? Shape::matrix(dim(), dim()) : r == 1 ? Shape::vector(dim()) : Shape::scalar();
    }

    std::string leaf(const Shape& s) {
        if (s.rank == 0 && uniform() < 0.3) return std::to_string(1 + pick(3));
        for (const auto& [name, shape] : inputs_)
            if (shape == s && uniform() < 0.4) return name;  // used again: its branches sum
        const std::string name = std::string(1, static_cast<char>('a' + inputs_.size() % 26)) + std::to_string(inputs_.size() / 26);
        inputs_[name] = s;
        return name;
    }

    std::string generate(const Shape& s, int depth) {
        if (depth == 0 || uniform() < 0.15) return leaf(s);
        const int choice = pick(s.rank == 0 ? 14 : 19);  // 14 and up: an op only shapes have
        // Made only where used, so every input named appears in the text.
        const std::string same = choice < 13 || (choice == 13 && s.rank > 0) ? "(" + generate(s, depth - 1) + ")" : "";
        switch (choice) {
            case 0: return same + " + (" + generate(s, depth - 1) + ")";
            case 1: return same + " - (" + generate(s, depth - 1) + ")";
            case 2: return same + " * (" + generate(s, depth - 1) + ")";
            case 3: return same + " / (1.5 + (" + generate(s, depth - 1) + ")^2)";
            case 4: return "tanh" + same;
            case 5: return "sigmoid" + same;
            case 6: return "exp(tanh" + same + ")";
            case 7: return "log(1 + " + same + "^2)";
            case 8: return "sqrt(1 + " + same + " * " + same + ")";
            case 9: return pick(2) ? "relu" + same : "abs" + same;
            case 10: return std::string(pick(2) ? "max(" : "min(") + same + ", " + generate(s, depth - 1) + ")";
            case 11: return same + " * (" + generate(Shape::scalar(), depth - 1) + ")";  // a number broadcast
            case 12: return pick(2) ? "-" + same : same + "^" + std::to_string(2 + pick(2));
            case 13: return s.rank == 0 ? reduction(depth) : same + " - (" + generate(Shape::scalar(), depth - 1) + ")";
            default: return shaped(s, depth);
        }
    }

    // What only a vector, a matrix or a number can come from.
    std::string reduction(int depth) {
        if (uniform() < 0.3) {
            const int n = dim();
            return "(" + generate(Shape::vector(n), depth - 1) + ") @ (" + generate(Shape::vector(n), depth - 1) + ")";
        }
        static const char* const kReductions[] = {"sum", "mean", "norm2"};
        return std::string(kReductions[pick(3)]) + "(" + generate(random_shape(false), depth - 1) + ")";
    }

    std::string shaped(const Shape& s, int depth) {
        const int k = dim();
        if (s.rank == 2) {
            const int m = s.dims[0], n = s.dims[1];
            switch (pick(4)) {
                case 0: return "(" + generate(Shape::matrix(m, k), depth - 1) + ") @ (" + generate(Shape::matrix(k, n), depth - 1) + ")";
                case 1: return "(" + generate(Shape::matrix(n, m), depth - 1) + ")" + (pick(2) ? "\xE1\xB5\x80" : ".T");
                case 2: return "(" + generate(s, depth - 1) + ") + (" + generate(Shape::vector(n), depth - 1) + ")";  // a bias per row
                default: return "(" + generate(Shape::matrix(m, 1), depth - 1) + ") * (" + generate(Shape::matrix(1, n), depth - 1) + ")";
            }
        }
        const int n = s.dims[0];
        switch (pick(3)) {
            case 0: return "(" + generate(Shape::matrix(n, k), depth - 1) + ") @ (" + generate(Shape::vector(k), depth - 1) + ")";
            case 1: return "(" + generate(Shape::vector(k), depth - 1) + ") @ (" + generate(Shape::matrix(k, n), depth - 1) + ")";
            default: return "transpose(" + generate(s, depth - 1) + ")";
        }
    }
};

// Central differences are wrong within h of a kink (relu, abs, max, min): such samples are skipped.
bool near_a_kink(const TensorGraph& g) {
    for (const TensorNode& n : g.nodes()) {
        if (n.op != Op::Relu && n.op != Op::Abs && n.op != Op::Max && n.op != Op::Min) continue;
        const Tensor& a = g.node(g.edge(n.in[0]).from).value;
        const Tensor* b = op_info(n.op).arity == 2 ? &g.node(g.edge(n.in[1]).from).value : nullptr;
        for (int r = 0; r < n.value.shape.rows2(); ++r)
            for (int c = 0; c < n.value.shape.cols2(); ++c) {
                const auto at = [&](const Tensor& t) { return t.data[static_cast<size_t>(broadcast_index(t.shape, r, c))]; };
                if (std::fabs(at(a) - (b ? at(*b) : 0.0)) < 1e-3) return true;
            }
    }
    return false;
}

TEST(RandomTensorExpressions, EveryElementOfEveryGradientMatchesCentralDifferences) {
    TensorExpressionGenerator gen(20261127);
    int checked = 0, skipped = 0, elements = 0, matmuls = 0, broadcasts = 0;
    double worst = 0;
    for (int trial = 0; trial < 1300; ++trial) {
        const std::string text = gen.program();
        ParseError err;
        const ParsedExpression parsed = parse_expression(text, err);
        ASSERT_TRUE(parsed.ok()) << text << ": " << err.text();
        TensorGraph g(parsed, text);
        for (const auto& [name, shape] : gen.inputs()) {
            Tensor t(shape, 0.0);
            for (double& x : t.data) x = gen.value();
            const int id = g.find_input(name);
            ASSERT_GE(id, 0) << name << " in " << text;
            g.set_value(id, t);
        }
        ASSERT_TRUE(g.forward(err)) << text << ": " << err.text();
        bool finite = true;
        for (const TensorNode& n : g.nodes()) finite = finite && n.finite();
        if (!finite || near_a_kink(g)) {
            ++skipped;
            continue;
        }
        const std::vector<GradientCheckRow> rows = check_tensor_gradients(g, 100000);
        for (const GradientCheckRow& r : rows) {
            ASSERT_TRUE(r.agrees) << text << "\n  " << g.node(r.input).name << element_name(g.node(r.input).value.shape, r.element)
                                  << ": analytic " << r.analytic << ", numeric " << r.numeric << " ± " << r.numeric_error;
            if (std::fabs(r.analytic - r.numeric) > kGradientCheckAbsoluteFloor) worst = std::max(worst, r.relative_error);
        }
        elements += static_cast<int>(rows.size());
        for (const TensorNode& n : g.nodes()) {
            matmuls += n.op == Op::MatMul && !n.value.is_scalar();
            if (op_info(n.op).arity == 2 && n.op != Op::MatMul)
                broadcasts += g.node(g.edge(n.in[0]).from).value.shape != g.node(g.edge(n.in[1]).from).value.shape;
        }
        ++checked;
    }
    EXPECT_GE(checked, 1000) << "skipped " << skipped;
    EXPECT_GE(matmuls, 500);
    EXPECT_GE(broadcasts, 500);
    std::printf("[ info ] %d expressions, %d gradient elements checked (%d skipped at a kink), %d matrix products, "
                "%d broadcasts, worst relative error %.2e\n", checked, elements, skipped, matmuls, broadcasts, worst);
}

}  // namespace
}  // namespace nabla
