// The worked examples of the lectures (shared/LESSONS.md E1-E3), value by value and gradient by
// gradient. These numbers are what a student compares the page with.
#include <gtest/gtest.h>

#include "test_util.h"

namespace nabla {
namespace {

TEST(LectureE1, AddThenMultiply) {
    const ParsedExpression p = parse_ok("q = x + y; f = q * z", {{"x", -2}, {"y", 5}, {"z", -4}});
    EXPECT_DOUBLE_EQ(named(p, "q").value, 3);
    EXPECT_DOUBLE_EQ(p.graph.node(p.output).value, -12);
    EXPECT_DOUBLE_EQ(grad_of(p, "z"), 3);           // df/dz = q
    EXPECT_DOUBLE_EQ(named(p, "q").grad, -4);       // df/dq = z
    EXPECT_DOUBLE_EQ(grad_of(p, "x"), -4);          // the add gate distributes -4 ...
    EXPECT_DOUBLE_EQ(grad_of(p, "y"), -4);          // ... to both inputs
}

// Every gate of E2 in forward order, as on the slide: the value and the gradient on its output.
struct GateExpectation {
    Op op;
    double value;
};

TEST(LectureE2, SigmoidNeuronGateByGate) {
    const ParsedExpression p = parse_ok("f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))",
                                        {{"w0", 2}, {"x0", -1}, {"w1", -3}, {"x1", -2}, {"w2", -3}});
    const GateExpectation gates[] = {
        {Op::Mul, -2}, {Op::Mul, 6}, {Op::Add, 4}, {Op::Add, 1}, {Op::Neg, -1},
        {Op::Exp, 0.36787944117144233}, {Op::Add, 1.3678794411714423}, {Op::Div, 0.7310585786300049},
    };
    size_t k = 0;
    for (const Node& n : p.graph.nodes()) {
        if (n.op == Op::Input || n.op == Op::Const) continue;
        ASSERT_LT(k, std::size(gates));
        EXPECT_EQ(n.op, gates[k].op) << "gate " << k;
        EXPECT_NEAR(n.value, gates[k].value, 1e-12) << "gate " << k;
        ++k;
    }
    EXPECT_EQ(k, std::size(gates));

    // Backward, as the lecture walks it: local gradient of 1/x is -1/x^2 = -0.5344 ...
    const Node& out = p.graph.node(p.output);
    EXPECT_NEAR(p.graph.edge(out.in[1]).local, -0.53444, 1e-5);
    // ... the gradient below the exp gate (on the output of *(-1)) is -0.1966, and below *(-1) it
    // is +0.1966, which reaches the last add gate.
    int adds = 0;
    for (const Node& n : p.graph.nodes()) {
        if (n.op == Op::Exp) { EXPECT_NEAR(n.grad, -0.53444, 1e-5); }
        if (n.op == Op::Neg) { EXPECT_NEAR(n.grad, -0.19661193, 1e-8); }
        if (n.op == Op::Add && ++adds == 2) { EXPECT_NEAR(n.grad, 0.19661193, 1e-8); }
    }
    const double s = 0.19661193324148185;  // (1 - sigma) sigma at sigma(1)
    EXPECT_NEAR(grad_of(p, "w0"), -s, 1e-12);
    EXPECT_NEAR(grad_of(p, "x0"), 2 * s, 1e-12);
    EXPECT_NEAR(grad_of(p, "w1"), -2 * s, 1e-12);
    EXPECT_NEAR(grad_of(p, "x1"), -3 * s, 1e-12);
    EXPECT_NEAR(grad_of(p, "w2"), s, 1e-12);
    // The rounded values LESSONS.md prints.
    EXPECT_NEAR(grad_of(p, "w0"), -0.1966, 5e-5);
    EXPECT_NEAR(grad_of(p, "x0"), 0.3932, 5e-5);
    EXPECT_NEAR(grad_of(p, "w1"), -0.3932, 5e-5);
    EXPECT_NEAR(grad_of(p, "x1"), -0.5898, 5e-5);
    EXPECT_NEAR(grad_of(p, "w2"), 0.1966, 5e-5);
}

TEST(LectureE2, OneSigmoidGateGivesTheSameGradients) {
    const std::vector<std::pair<std::string, double>> v = {{"w0", 2}, {"x0", -1}, {"w1", -3}, {"x1", -2}, {"w2", -3}};
    const ParsedExpression expanded = parse_ok("f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))", v);
    const ParsedExpression gate = parse_ok("f = sigmoid(w0*x0 + w1*x1 + w2)", v);
    EXPECT_NEAR(gate.graph.node(gate.output).value, 0.7310585786300049, 1e-15);
    EXPECT_NEAR(gate.graph.edge(gate.graph.node(gate.output).in[0]).local, 0.19661193324148185, 1e-15);
    for (const auto& [name, unused] : v) EXPECT_NEAR(grad_of(expanded, name), grad_of(gate, name), 1e-15) << name;
}

TEST(LectureE3, OneSampleOfLinearRegression) {
    const ParsedExpression p = parse_ok("y_hat = x * w; s = y_hat - y; loss = s^2", {{"x", 1}, {"w", 1}, {"y", 2}});
    EXPECT_EQ(p.output_name, "loss");
    EXPECT_DOUBLE_EQ(named(p, "y_hat").value, 1);
    EXPECT_DOUBLE_EQ(named(p, "s").value, -1);
    EXPECT_DOUBLE_EQ(p.graph.node(p.output).value, 1);
    EXPECT_DOUBLE_EQ(named(p, "s").grad, -2);      // dloss/ds = 2s
    EXPECT_DOUBLE_EQ(named(p, "y_hat").grad, -2);  // dloss/dy_hat
    EXPECT_DOUBLE_EQ(grad_of(p, "w"), -2);         // dloss/dw = 2s x
}

}  // namespace
}  // namespace nabla
