// The graph's bookkeeping: local gradients stored in the forward pass, upstream x local =
// downstream on every edge, branches summed, and non-finite results marked with a reason.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/scalar_graph.h"
#include "test_util.h"

namespace nabla {
namespace {

TEST(ScalarGraph, EveryEdgeHoldsUpstreamTimesLocal) {
    const ParsedExpression p = parse_ok("f = (x + y) * z", {{"x", -2}, {"y", 5}, {"z", -4}});
    for (const Edge& e : p.graph.edges()) {
        EXPECT_DOUBLE_EQ(e.downstream, e.upstream * e.local);
        EXPECT_DOUBLE_EQ(e.upstream, p.graph.node(e.to).grad);
    }
}

TEST(ScalarGraph, BranchesSumTheirGradients) {
    // x is used three times: f = x*x + x, df/dx = 2x + 1.
    const ParsedExpression p = parse_ok("f = x*x + x", {{"x", 3}});
    const int x = p.graph.find_input("x");
    EXPECT_EQ(p.graph.node(x).out.size(), 3u);
    EXPECT_DOUBLE_EQ(p.graph.node(x).grad, 7);
    double sum = 0;
    for (const int e : p.graph.node(x).out) sum += p.graph.edge(e).downstream;
    EXPECT_DOUBLE_EQ(sum, 7);
}

TEST(ScalarGraph, MaxRoutesMulSwapsAddDistributes) {
    const ParsedExpression p = parse_ok("f = max(a, b) + c * d", {{"a", 1}, {"b", 4}, {"c", 2}, {"d", -3}});
    EXPECT_DOUBLE_EQ(grad_of(p, "a"), 0);   // max routes everything to the larger input
    EXPECT_DOUBLE_EQ(grad_of(p, "b"), 1);
    EXPECT_DOUBLE_EQ(grad_of(p, "c"), -3);  // mul swaps
    EXPECT_DOUBLE_EQ(grad_of(p, "d"), 2);
}

TEST(ScalarGraph, StepwisePropagationMatchesFullBackward) {
    ParsedExpression p = parse_ok("f = tanh(x * y) + exp(x) / y", {{"x", 0.3}, {"y", 1.7}});
    const double gx = grad_of(p, "x"), gy = grad_of(p, "y");
    p.graph.begin_backward(p.output);
    EXPECT_EQ(grad_of(p, "x"), 0);
    for (int i = p.output; i >= 0; --i) p.graph.propagate(i);
    EXPECT_DOUBLE_EQ(grad_of(p, "x"), gx);
    EXPECT_DOUBLE_EQ(grad_of(p, "y"), gy);
}

struct DomainCase {
    const char* expression;
    double x;
    const char* issue;
};

TEST(ScalarGraph, NonFiniteResultsAreMarkedWithAReason) {
    const DomainCase cases[] = {
        {"f = log(x)", -2, "log of a negative number"},
        {"f = log(x)", 0, "log(0) is -infinity"},
        {"f = 1 / x", 0, "division by zero"},
        {"f = sqrt(x)", -1, "square root of a negative number"},
        {"f = sqrt(x)", 0, "sqrt has an infinite slope at 0"},
        {"f = exp(x)", 1000, "exp overflowed"},
        {"f = x ^ 0.5", -4, "negative base with a fractional exponent"},
    };
    for (const DomainCase& c : cases) {
        const ParsedExpression p = parse_ok(c.expression, {{"x", c.x}});
        const Node* marked = nullptr;
        for (const Node& n : p.graph.nodes())
            if (!n.finite() && !marked) marked = &n;
        ASSERT_NE(marked, nullptr) << c.expression << " at x = " << c.x;
        EXPECT_STREQ(marked->issue, c.issue) << c.expression << " at x = " << c.x;
    }
}

TEST(ScalarGraph, NonFiniteValuesPropagateAsMarkedNotSilent) {
    const ParsedExpression p = parse_ok("f = log(x) * 2 + 1", {{"x", -1}});
    EXPECT_FALSE(p.graph.node(p.output).finite());
    EXPECT_STREQ(p.graph.node(p.output).issue, "an input is not a finite number");
}

TEST(ScalarGraph, PowWithLiteralExponentOfNegativeBaseIsFine) {
    const ParsedExpression p = parse_ok("f = x ^ 3", {{"x", -2}});
    EXPECT_TRUE(p.graph.node(p.output).finite());
    EXPECT_DOUBLE_EQ(p.graph.node(p.output).value, -8);
    EXPECT_DOUBLE_EQ(grad_of(p, "x"), 12);
}

TEST(ScalarGraph, PowGradientInExponentNeedsPositiveBase) {
    const ParsedExpression p = parse_ok("f = x ^ y", {{"x", -2}, {"y", 2}});
    EXPECT_DOUBLE_EQ(p.graph.node(p.output).value, 4);
    EXPECT_STREQ(p.graph.node(p.output).issue, "the gradient of a^b in b needs a > 0");
}

}  // namespace
}  // namespace nabla
