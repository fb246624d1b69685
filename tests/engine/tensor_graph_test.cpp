// The vectorised graph: lecture 001's E5 exactly, shapes of every op, numpy's broadcasting and its
// reduction in backward, shape errors with their positions, Jacobians, and the values' text form.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "engine/tensor_graph.h"
#include "lab/tensor_text.h"

namespace nabla {
namespace {

Tensor T(const std::string& text) {
    Tensor t;
    std::string error;
    EXPECT_TRUE(parse_tensor(text, t, error)) << text << ": " << error;
    return t;
}

struct Built {
    ParsedExpression parsed;
    std::unique_ptr<TensorGraph> graph;
    ParseError error;
    bool ok = false;
    const TensorNode& named(const std::string& name) const {
        for (const TensorNode& n : graph->nodes())
            if (n.name == name) return n;
        ADD_FAILURE() << "no node " << name;
        return graph->node(0);
    }
};

// `values` may name inputs the expression does not use when `all_used` is false.
Built build(const std::string& text, const std::map<std::string, std::string>& values, bool all_used = true) {
    Built b;
    ParseError perr;
    b.parsed = parse_expression(text, perr);
    EXPECT_TRUE(b.parsed.ok()) << perr.text();
    b.graph = std::make_unique<TensorGraph>(b.parsed, text);
    for (const auto& [name, v] : values) {
        const int id = b.graph->find_input(name);
        if (all_used) {
            EXPECT_GE(id, 0) << name;
        }
        if (id >= 0) b.graph->set_value(id, T(v));
    }
    b.ok = b.graph->forward(b.error);
    if (b.ok) b.graph->backward();
    return b;
}

void expect_tensor(const Tensor& t, const std::string& expected, double tolerance = 1e-12) {
    const Tensor e = T(expected);
    ASSERT_EQ(t.shape, e.shape) << t.shape.text() << " vs " << e.shape.text();
    for (int k = 0; k < e.size(); ++k) EXPECT_NEAR(t.data[static_cast<size_t>(k)], e.data[static_cast<size_t>(k)], tolerance) << "element " << k;
}

TEST(TensorGraph, LectureE5IsExact) {
    // Lecture 001: q = W·x, f = ‖q‖²; ∂f/∂q = 2q, ∂f/∂W = 2q·xᵀ, ∂f/∂x = 2Wᵀq.
    const Built b = build("q = W @ x; f = norm2(q)", {{"W", "[[0.1,0.5],[-0.3,0.8]]"}, {"x", "[0.2,0.4]"}});
    ASSERT_TRUE(b.ok) << b.error.text();
    expect_tensor(b.named("q").value, "[0.22, 0.26]");
    EXPECT_NEAR(b.named("f").value.data[0], 0.116, 1e-15);
    expect_tensor(b.named("q").grad, "[0.44, 0.52]");
    expect_tensor(b.named("W").grad, "[[0.088, 0.176], [0.104, 0.208]]");
    expect_tensor(b.named("x").grad, "[-0.112, 0.636]");
    // The edges carry the same: the matmul's upstream is ∂f/∂q, its downstreams ∂f/∂W and ∂f/∂x.
    const TensorEdge& into_w = b.graph->edge(b.named("q").in[0]);
    expect_tensor(into_w.upstream, "[0.44, 0.52]");
    expect_tensor(into_w.downstream, "[[0.088, 0.176], [0.104, 0.208]]");
    EXPECT_TRUE(into_w.local.empty());  // @'s local gradient is the other operand, not a diagonal
}

TEST(TensorGraph, TwoLayerNetworkMatchesItsScalarExpansion) {
    // f = W₂·max(0, W₁x): one hidden unit is off, so its gradient is routed to nothing.
    const Built b = build("s = W1 @ x; h = max(0, s); f = W2 @ h",
                          {{"W1", "[[0.5,-1],[1,0.5],[-0.5,1]]"}, {"x", "[1,2]"}, {"W2", "[1,-0.5,2]"}});
    ASSERT_TRUE(b.ok) << b.error.text();
    expect_tensor(b.named("s").value, "[-1.5, 2, 1.5]");
    EXPECT_DOUBLE_EQ(b.named("f").value.data[0], 2);
    expect_tensor(b.named("W2").grad, "[0, 2, 1.5]");
    expect_tensor(b.named("s").grad, "[0, -0.5, 2]");
    expect_tensor(b.named("W1").grad, "[[0,0],[-0.5,-1],[2,4]]");
    expect_tensor(b.named("x").grad, "[-1.5, 1.75]");
    // The same computation written out number by number in the scalar graph.
    ParseError err;
    ParsedExpression s = parse_expression(
        "s1 = a11*x1 + a12*x2; s2 = a21*x1 + a22*x2; s3 = a31*x1 + a32*x2; f = v1*max(0, s1) + v2*max(0, s2) + v3*max(0, s3)", err);
    ASSERT_TRUE(s.ok()) << err.text();
    const std::map<std::string, double> v = {{"a11", 0.5}, {"a12", -1}, {"a21", 1},   {"a22", 0.5}, {"a31", -0.5},
                                             {"a32", 1},   {"x1", 1},   {"x2", 2},     {"v1", 1},    {"v2", -0.5}, {"v3", 2}};
    for (const auto& [name, value] : v) s.graph.set_value(s.graph.find_input(name), value);
    s.graph.forward();
    s.graph.backward(s.output);
    const auto g = [&](const char* name) { return s.graph.node(s.graph.find_input(name)).grad; };
    const TensorNode& w1 = b.named("W1");
    const char* a[] = {"a11", "a12", "a21", "a22", "a31", "a32"};
    for (int k = 0; k < 6; ++k) EXPECT_DOUBLE_EQ(w1.grad.data[static_cast<size_t>(k)], g(a[k])) << a[k];
    EXPECT_DOUBLE_EQ(b.named("x").grad.data[0], g("x1"));
    EXPECT_DOUBLE_EQ(b.named("x").grad.data[1], g("x2"));
}

TEST(TensorGraph, ShapesOfEveryOp) {
    const std::map<std::string, std::string> v = {{"A", "[[1,2,3],[4,5,6]]"}, {"B", "[[1,0],[0,1],[1,1]]"}, {"u", "[1,2,3]"}, {"w", "[1,-1]"}};
    const auto shape_of = [&](const std::string& text) {
        Built b = build("r = " + text + "; f = sum(r)", v, false);
        EXPECT_TRUE(b.ok) << text << ": " << b.error.text();
        return b.ok ? b.named("r").value.shape.text() : std::string("error");
    };
    EXPECT_EQ(shape_of("A @ B"), "(2\xC3\x97" "2)");
    EXPECT_EQ(shape_of("A @ u"), "(2)");
    EXPECT_EQ(shape_of("w @ A"), "(3)");
    EXPECT_EQ(shape_of("u @ u"), "scalar");
    EXPECT_EQ(shape_of("A\xE1\xB5\x80"), "(3\xC3\x97" "2)");  // Aᵀ
    EXPECT_EQ(shape_of("A.T"), "(3\xC3\x97" "2)");
    EXPECT_EQ(shape_of("transpose(u)"), "(3)");             // numpy: a vector has no orientation
    EXPECT_EQ(shape_of("A + u"), "(2\xC3\x97" "3)");        // a bias added to every row
    EXPECT_EQ(shape_of("A * 2"), "(2\xC3\x97" "3)");
    EXPECT_EQ(shape_of("tanh(A)"), "(2\xC3\x97" "3)");
    EXPECT_EQ(shape_of("mean(A)"), "scalar");
    EXPECT_EQ(shape_of("max(0, A - 3)"), "(2\xC3\x97" "3)");
    EXPECT_EQ(shape_of("B @ w"), "(3)");
    // On numbers every op is the scalar graph's 1×1 case.
    const Built s = build("f = a @ b + norm2(a) + sum(b) + mean(a)\xE1\xB5\x80", {{"a", "3"}, {"b", "-2"}});
    ASSERT_TRUE(s.ok);
    EXPECT_DOUBLE_EQ(s.named("f").value.data[0], -6 + 9 - 2 + 3);
    EXPECT_DOUBLE_EQ(s.named("a").grad.data[0], -2 + 6 + 1);
}

TEST(TensorGraph, BroadcastGradientsSumOverTheRepeatedDimension) {
    // y = X @ W + b over a batch of 3 rows: b is added to each row, so ∂f/∂b is the column sums.
    const Built b = build("y = X @ W + b; f = sum(y * y)", {{"X", "[[1,2],[3,4],[5,6]]"}, {"W", "[[1,0],[0,1]]"}, {"b", "[1,-1]"}});
    ASSERT_TRUE(b.ok) << b.error.text();
    // y = [[2,1],[4,3],[6,5]], ∂f/∂y = 2y, ∂f/∂b = column sums of 2y.
    expect_tensor(b.named("b").grad, "[24, 18]");
    // A number broadcast to every element gets the sum of all their gradients.
    const Built c = build("f = sum(c * u)", {{"c", "2"}, {"u", "[1,2,3]"}});
    ASSERT_TRUE(c.ok);
    expect_tensor(c.named("c").grad, "6");
    // A column (m×1) and a row (1×n) broadcast to m×n.
    const Built o = build("f = sum(a + r)", {{"a", "[[1],[2]]"}, {"r", "[[1,2,3]]"}});
    ASSERT_TRUE(o.ok) << o.error.text();
    expect_tensor(o.named("a").grad, "[[3],[3]]");
    expect_tensor(o.named("r").grad, "[[2,2,2]]");
}

TEST(TensorGraph, ShapeErrorsNameBothShapesAndPointAtTheOperator) {
    Built b = build("q = W @ x; f = norm2(q)", {{"W", "[[1,2,3],[4,5,6]]"}, {"x", "[1,2]"}});
    ASSERT_FALSE(b.ok);
    EXPECT_EQ(b.error.text(), "W @ x: (2\xC3\x97" "3) @ (2) does not fit at 7: the left's last dimension (3) must equal the right's first (2)");
    b = build("f = sum(A + v)", {{"A", "[[1,2,3],[4,5,6]]"}, {"v", "[1,2]"}});
    ASSERT_FALSE(b.ok);
    EXPECT_EQ(b.error.position, 11);
    EXPECT_NE(b.error.message.find("A + v: (2\xC3\x97" "3) + (2) do not fit"), std::string::npos) << b.error.message;
    b = build("f = sum(W @ 2)", {{"W", "[[1,2],[3,4]]"}});
    ASSERT_FALSE(b.ok);
    EXPECT_NE(b.error.text().find("use * to scale"), std::string::npos) << b.error.text();
    b = build("q = W @ x", {{"W", "[[1,2],[3,4]]"}, {"x", "[1,2]"}});
    ASSERT_FALSE(b.ok);
    EXPECT_EQ(b.error.message, "the output q is (2): backprop starts from a number");
    EXPECT_NE(b.error.hint.find("norm2(q)"), std::string::npos);
    // Too many numbers in one value: an outer product of a long column and a long row.
    std::string column = "[[1]", row = "[[1";
    for (int k = 1; k < 100; ++k) column += ",[1]", row += ",1";
    column += "]", row += "]]";
    b = build("f = sum(c @ r)", {{"c", column}, {"r", row}});
    EXPECT_NE(b.error.message.find("c @ r makes (100\xC3\x97" "100): more than 1024 numbers"), std::string::npos) << b.error.message;
    EXPECT_FALSE(b.ok);
    b = build("f = sum(a * r)", {{"a", row}, {"r", "[[1],[2],[3],[4],[5],[6],[7],[8],[9],[10],[11]]"}});
    ASSERT_FALSE(b.ok);
    EXPECT_NE(b.error.message.find("more than 1024 numbers"), std::string::npos) << b.error.message;
}

TEST(TensorGraph, JacobiansAreDiagonalForElementwiseOpsAndTheOtherOperandForMatmul) {
    const Built b = build("q = W @ x; h = tanh(q); f = sum(h)", {{"W", "[[0.1,0.5],[-0.3,0.8]]"}, {"x", "[0.2,0.4]"}});
    ASSERT_TRUE(b.ok);
    const int q = b.graph->edge(b.named("h").in[0]).from, h = b.graph->edge(b.graph->node(b.graph->output()).in[0]).from;
    const Tensor jh = b.graph->jacobian(h, 0);  // ∂h/∂q: diagonal 1 - tanh²
    ASSERT_EQ(jh.shape, Shape::matrix(2, 2));
    EXPECT_NEAR(jh.at(0, 0), 1 - std::pow(std::tanh(0.22), 2), 1e-15);
    EXPECT_EQ(jh.at(0, 1), 0);
    EXPECT_EQ(jh.at(1, 0), 0);
    const Tensor jx = b.graph->jacobian(q, 1);  // ∂q/∂x = W
    expect_tensor(jx, "[[0.1,0.5],[-0.3,0.8]]");
    const Tensor jw = b.graph->jacobian(q, 0);  // ∂q/∂W: 2 × 4, row i holds xᵀ in W's row i
    expect_tensor(jw, "[[0.2,0.4,0,0],[0,0,0.2,0.4]]");
}

TEST(TensorGraph, NotFiniteElementsAreNamed) {
    const Built b = build("f = sum(log(x))", {{"x", "[1,-2,3]"}});
    ASSERT_TRUE(b.ok);
    const TensorNode& log_node = b.graph->node(b.graph->edge(b.graph->node(b.graph->output()).in[0]).from);
    ASSERT_FALSE(log_node.finite());
    EXPECT_STREQ(log_node.issue, "log of a negative number");
    EXPECT_EQ(element_name(log_node.value.shape, log_node.issue_element), "[2]");
}

TEST(TensorGraph, GradientCheckCoversEveryElement) {
    Built b = build("q = W @ x; f = norm2(q)", {{"W", "[[0.1,0.5],[-0.3,0.8]]"}, {"x", "[0.2,0.4]"}});
    const std::vector<GradientCheckRow> rows = check_tensor_gradients(*b.graph, 100);
    ASSERT_EQ(rows.size(), 6u);
    for (const GradientCheckRow& r : rows) EXPECT_TRUE(r.agrees) << r.input << " " << r.element;
    // Taken in turn from each input: W[1,1], x[1], W[1,2], x[2], ...
    EXPECT_EQ(rows[0].element, 0);
    EXPECT_NE(rows[0].input, rows[1].input);
    EXPECT_EQ(check_tensor_gradients(*b.graph, 3).size(), 3u);
    expect_tensor(b.named("W").grad, "[[0.088, 0.176], [0.104, 0.208]]");  // left as it was
}

TEST(TensorText, ReadsNumbersVectorsAndMatricesAndSaysWhatIsWrong) {
    EXPECT_EQ(T("3").shape, Shape::scalar());
    EXPECT_EQ(T(" [ 0.2 , 0.4 ] ").shape, Shape::vector(2));
    EXPECT_EQ(T("[[1,2,3],[4,5,6]]").shape, Shape::matrix(2, 3));
    EXPECT_EQ(T("[\xE2\x88\x92" "0.3]").data[0], -0.3);
    EXPECT_EQ(tensor_text(T("[[0.1, 0.5], [-0.3, 0.8]]")), "[[0.1,0.5],[-0.3,0.8]]");
    EXPECT_EQ(tensor_text(T("[1e-7,2]")), "[1e-07,2]");
    const auto refused = [](const std::string& text) {
        Tensor t(7.0);
        std::string error;
        EXPECT_FALSE(parse_tensor(text, t, error)) << text;
        EXPECT_EQ(t.data[0], 7.0);  // left alone
        return error;
    };
    EXPECT_EQ(refused("[[1,2],[3]]"), "row 2 has 1 numbers, row 1 has 2");
    EXPECT_EQ(refused("[]"), "an empty [] has no numbers");
    EXPECT_EQ(refused("[1,2"), "expected ']': the '[' is not closed");
    EXPECT_EQ(refused("[1,x]"), "'x' is not a number");
    EXPECT_EQ(refused("[[[1]]]"), "a value can be a number, a vector or a matrix, not deeper");
    EXPECT_EQ(refused("[1,]"), "a ',' before ']' has nothing after it");
    EXPECT_EQ(refused("[1] 2"), "unexpected '2' after the value");
    EXPECT_EQ(refused("[1e999]"), "'1e999' is not a number");
    EXPECT_EQ(refused("[\xE2\x88\x92" "1,,2]"), "expected a number at 5");  // characters, not bytes: − is one
    EXPECT_EQ(T("[1\n,2]").shape, Shape::vector(2));                      // a newline is space
    std::string big = "[0";
    for (int k = 0; k < 1024; ++k) big += ",0";
    EXPECT_EQ(refused(big + "]"), "more than 1024 numbers: the limit of one value");
    // Tensor text round-trips.
    for (const char* text : {"[[0.1,0.5],[-0.3,0.8]]", "[0.2,0.4]", "-3.25", "[[1],[2]]", "[[1,2]]"})
        EXPECT_EQ(tensor_text(T(text)), text);
}

TEST(Parser, SpansPointAtEachNodesOperator) {
    ParseError err;
    const std::string text = "q = W @ x; f = norm2(q) + 2";
    const ParsedExpression p = parse_expression(text, err);
    ASSERT_TRUE(p.ok());
    ASSERT_EQ(p.spans.size(), static_cast<size_t>(p.graph.size()));
    TensorGraph g(p, text);
    const int q = g.edge(g.node(g.output()).in[0]).from;  // norm2(q)
    EXPECT_EQ(g.source(q), "norm2(q)");
    EXPECT_EQ(g.source(g.output()), "norm2(q) + 2");
    EXPECT_EQ(p.spans[static_cast<size_t>(g.output())].at, 25);
    EXPECT_EQ(g.source(g.edge(g.node(q).in[0]).from), "W @ x");
}

}  // namespace
}  // namespace nabla
