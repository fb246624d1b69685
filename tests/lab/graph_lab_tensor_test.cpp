// The Graph lab with vectors and matrices (issue 14): presets E5 and E6, links that carry
// matrices, shape mistakes refused with the last good graph kept, step mode, and "expand to
// scalars" giving the same gradients element by element.
#include <gtest/gtest.h>

#include <cmath>

#include "lab/graph_lab.h"
#include "lab/tensor_expand.h"
#include "lab/tensor_text.h"

namespace nabla {
namespace {

const TensorNode& named(const GraphLab& lab, const std::string& name) {
    for (const TensorNode& n : lab.tensor().nodes())
        if (n.name == name) return n;
    ADD_FAILURE() << "no node " << name;
    return lab.tensor().node(0);
}

void expect_near(const Tensor& t, const Tensor& expected, double tolerance = 1e-12) {
    ASSERT_EQ(t.shape, expected.shape);
    for (int k = 0; k < t.size(); ++k) EXPECT_NEAR(t.data[static_cast<size_t>(k)], expected.data[static_cast<size_t>(k)], tolerance) << k;
}

TEST(GraphLabTensor, PresetE5ShowsTheLecturesNumbers) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E5"})) << lab.error();
    ASSERT_TRUE(lab.vectorised());
    expect_near(named(lab, "q").value, Tensor::vector({0.22, 0.26}));
    EXPECT_NEAR(named(lab, "f").value.data[0], 0.116, 1e-15);
    expect_near(named(lab, "q").grad, Tensor::vector({0.44, 0.52}));
    expect_near(named(lab, "W").grad, Tensor::matrix({{0.088, 0.176}, {0.104, 0.208}}));
    expect_near(named(lab, "x").grad, Tensor::vector({-0.112, 0.636}));
    ASSERT_EQ(lab.tensor_check().size(), 6u);
    for (const GradientCheckRow& r : lab.tensor_check()) EXPECT_TRUE(r.agrees);
    const std::string json = lab.to_json();
    EXPECT_NE(json.find("\"vectorised\":true"), std::string::npos);
    EXPECT_NE(json.find("\"shapes\":{\"W\":[2,2],\"x\":[2]}"), std::string::npos) << json;
    // Back to a graph of numbers: the scalar lab as it was.
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E1"}));
    EXPECT_FALSE(lab.vectorised());
    EXPECT_NE(lab.to_json().find("\"gradients\":{\"x\":-4,\"y\":-4,\"z\":3}"), std::string::npos);
}

TEST(GraphLabTensor, LinksCarryMatricesAndTamperedOnesAreRefused) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E6"}));
    const std::string link = lab.link();
    EXPECT_NE(link.find("W1=%5B%5B0.5%2C-1%5D"), std::string::npos) << link;
    GraphLab other;
    ASSERT_TRUE(other.apply({GraphCommand::LoadState, link})) << other.error();
    EXPECT_EQ(other.link(), link);
    expect_near(named(other, "W1").grad, named(lab, "W1").grad, 0);
    // A ragged matrix, a shape that does not fit, a number that is not one: refused, nothing changes.
    EXPECT_FALSE(other.apply({GraphCommand::LoadState, "expr=f%20%3D%20sum(W)&W=%5B%5B1%2C2%5D%2C%5B3%5D%5D"}));
    EXPECT_EQ(other.error(), "cannot read the link: W: row 2 has 1 numbers, row 1 has 2");
    EXPECT_FALSE(other.apply({GraphCommand::LoadState, "expr=f%20%3D%20sum(W%20%40%20x)&W=%5B%5B1%2C2%5D%5D&x=%5B1%2C2%2C3%5D"}));
    EXPECT_NE(other.error().find("W @ x: (1\xC3\x97" "2) @ (3) does not fit"), std::string::npos) << other.error();
    EXPECT_EQ(other.link(), link);
}

TEST(GraphLabTensor, ShapeMistakesAreRefusedAndTheLastGoodGraphStays) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E5"}));
    // Typing: x @ W is (2) @ (2×2), which fits; W @ W @ x fits; q @ W @ q is a number.
    EXPECT_TRUE(lab.apply({GraphCommand::SetExpression, "q = x @ W; f = sum(q)"}));
    EXPECT_FALSE(lab.apply({GraphCommand::SetExpression, "q = W @ x; f = q"}));
    EXPECT_EQ(lab.parse_error().message, "the output f is (2): backprop starts from a number");
    EXPECT_EQ(lab.state().expression, "q = x @ W; f = sum(q)");
    // Setting a value: W becomes 2×3, so W @ ... no longer fits x @ W? x (2) @ W (2×3) fits: (3).
    EXPECT_TRUE(lab.apply({GraphCommand::SetTensor, "W=[[1,2,3],[4,5,6]]"})) << lab.error();
    EXPECT_EQ(named(lab, "q").value.shape, Shape::vector(3));
    EXPECT_FALSE(lab.apply({GraphCommand::SetTensor, "x=[1,2,3]"}));
    EXPECT_NE(lab.error().find("cannot set x: x @ W: (3) @ (2\xC3\x97" "3) does not fit"), std::string::npos) << lab.error();
    EXPECT_TRUE(lab.parse_error().message.empty());  // the box's text was fine: the value was not
    EXPECT_EQ(named(lab, "x").value.shape, Shape::vector(2));
    EXPECT_FALSE(lab.apply({GraphCommand::SetTensor, "x=[1,"}));
    EXPECT_FALSE(lab.apply({GraphCommand::SetValue, "W", 3}));  // a matrix is typed, not dragged
    EXPECT_FALSE(lab.apply({GraphCommand::QuizStart, "", 1}));
    // A number again: the graph is one of numbers (x @ W would not take a number: * does).
    EXPECT_FALSE(lab.apply({GraphCommand::SetTensor, "W=2"}));
    EXPECT_NE(lab.error().find("@ multiplies vectors and matrices"), std::string::npos) << lab.error();
    EXPECT_TRUE(lab.apply({GraphCommand::SetTensor, "W=[[1,2],[3,4]]"}));
    EXPECT_TRUE(lab.apply({GraphCommand::SetExpression, "f = sum(x * W)"})) << lab.error();
    EXPECT_TRUE(lab.apply({GraphCommand::SetTensor, "W=2"})) << lab.error();
    EXPECT_TRUE(lab.apply({GraphCommand::SetTensor, "x=3"}));
    EXPECT_FALSE(lab.vectorised());
    EXPECT_DOUBLE_EQ(lab.parsed().graph.node(lab.parsed().output).value, 6);
}

TEST(GraphLabTensor, TypingAnExpressionOverKeepsTheMatricesTypedEarlier) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E5"}));
    // Key by key: "h", "h = t", ... each parses with other inputs; W and x come back as they were.
    const std::string target = "h = tanh(W @ x); f = sum(h)";
    for (size_t n = 1; n <= target.size(); ++n) lab.apply({GraphCommand::SetExpression, target.substr(0, n)});
    ASSERT_EQ(lab.state().expression, target);
    ASSERT_TRUE(lab.vectorised());
    EXPECT_EQ(named(lab, "W").value, Tensor::matrix({{0.1, 0.5}, {-0.3, 0.8}}));
    EXPECT_EQ(named(lab, "x").value, Tensor::vector({0.2, 0.4}));
}

TEST(GraphLabTensor, VectorsFromBeforeThatDoNotFitWaitWhileNumbersStandIn) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E5"}));
    // x is a vector from E5; the scalar expression typed next takes it as a number, and says so.
    ASSERT_TRUE(lab.apply({GraphCommand::SetExpression, "f = (x + y) * z"})) << lab.error();
    EXPECT_FALSE(lab.vectorised());
    EXPECT_NE(lab.inputs_note().find("x from before did not fit"), std::string::npos) << lab.inputs_note();
    // x stands in as 1; y and z are E1's 5 and -4, from before E5.
    EXPECT_DOUBLE_EQ(lab.parsed().graph.node(lab.parsed().output).value, (1 + 5) * -4);
    // Typing E5 again brings W and x back as they were.
    ASSERT_TRUE(lab.apply({GraphCommand::SetExpression, "q = W @ x; f = norm2(q)"})) << lab.error();
    ASSERT_TRUE(lab.vectorised());
    EXPECT_EQ(named(lab, "x").value, Tensor::vector({0.2, 0.4}));
    EXPECT_NEAR(named(lab, "f").value.data[0], 0.116, 1e-15);
    EXPECT_EQ(lab.inputs_note(), "");
    // A link's values are what it says: a shape that does not fit is refused, not replaced.
    EXPECT_FALSE(lab.apply({GraphCommand::LoadState, "expr=f%20%3D%20x&x=%5B1%2C2%5D"}));
    // A quiz ends when the graph becomes vectorised: its questions ask for numbers.
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E1"}));
    ASSERT_TRUE(lab.apply({GraphCommand::QuizStart, "", 1}));
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E5"}));
    EXPECT_FALSE(lab.quiz_on());
    EXPECT_FALSE(lab.apply({GraphCommand::QuizAnswer, "0"}));
}

TEST(GraphLabTensor, ExpandKeepsTheOutputAndRefusesNamesThatClash) {
    GraphLab lab;
    // f names an earlier value: the written-out graph must end with it, not with r.
    ASSERT_TRUE(lab.apply({GraphCommand::LoadState, "expr=q%20%3D%20sum(x%20*%20x)%3B%20r%20%3D%202%20*%20q%3B%20f%20%3D%20q&x=%5B1%2C2%5D"}))
        << lab.error();
    const Tensor dx = named(lab, "x").grad;
    ASSERT_TRUE(lab.apply({GraphCommand::ExpandToScalars})) << lab.error();
    const ScalarGraph& g = lab.parsed().graph;
    EXPECT_DOUBLE_EQ(g.node(lab.parsed().output).value, 5);
    EXPECT_DOUBLE_EQ(g.node(g.find_input("x_1")).grad, dx.data[0]);
    EXPECT_DOUBLE_EQ(g.node(g.find_input("x_2")).grad, dx.data[1]);
    // x_1 is taken by an input of its own: writing x's elements would merge the two.
    GraphLab clash;
    ASSERT_TRUE(clash.apply({GraphCommand::LoadState, "expr=f%20%3D%20sum(x)%20*%20x_1&x=%5B1%2C2%5D&x_1=3"})) << clash.error();
    EXPECT_FALSE(clash.apply({GraphCommand::ExpandToScalars}));
    EXPECT_NE(clash.error().find("x_1 is a name in the expression already"), std::string::npos) << clash.error();
}

TEST(GraphLabTensor, StepModeSendsMatricesDownOneGateAtATime) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E5"}));
    ASSERT_TRUE(lab.apply({GraphCommand::StepToStart}));
    ASSERT_TRUE(lab.apply({GraphCommand::StepForward}));  // norm2 has propagated: dq known, dW not yet
    EXPECT_EQ(lab.backprop_done(), 1);
    expect_near(named(lab, "q").grad, Tensor::vector({0.44, 0.52}));
    expect_near(named(lab, "W").grad, Tensor(Shape::matrix(2, 2), 0.0));
    EXPECT_FALSE(lab.gradient_ready(lab.tensor().find_input("W")));
    ASSERT_TRUE(lab.apply({GraphCommand::StepForward}));
    expect_near(named(lab, "W").grad, Tensor::matrix({{0.088, 0.176}, {0.104, 0.208}}));
}

TEST(GraphLabTensor, ExpandToScalarsGivesEqualGradientsElementByElement) {
    for (const char* preset : {"E5", "E6"}) {
        GraphLab lab;
        ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, preset}));
        const TensorGraph tensor = lab.tensor();
        ASSERT_TRUE(lab.apply({GraphCommand::ExpandToScalars})) << lab.error();
        EXPECT_FALSE(lab.vectorised());
        const ScalarGraph& g = lab.parsed().graph;
        int inputs = 0;
        for (const TensorNode& n : tensor.nodes()) {
            if (n.op != Op::Input) continue;
            for (int k = 0; k < n.value.size(); ++k, ++inputs) {
                const std::string name = element_input_name(n.name, n.value.shape, k);
                const int id = g.find_input(name);
                ASSERT_GE(id, 0) << name << " in " << lab.state().expression;
                EXPECT_DOUBLE_EQ(g.node(id).value, n.value.data[static_cast<size_t>(k)]) << name;
                EXPECT_NEAR(g.node(id).grad, n.grad.data[static_cast<size_t>(k)], 1e-15) << name;
            }
        }
        EXPECT_EQ(inputs, static_cast<int>(lab.parsed().inputs.size()));
        EXPECT_NEAR(g.node(lab.parsed().output).value, tensor.node(tensor.output()).value.data[0], 1e-15);
        EXPECT_FALSE(lab.apply({GraphCommand::ExpandToScalars}));  // already numbers
    }
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E5"}));
    ASSERT_TRUE(lab.apply({GraphCommand::ExpandToScalars}));
    EXPECT_EQ(lab.state().expression, "q_1 = W_11*x_1 + W_12*x_2; q_2 = W_21*x_1 + W_22*x_2; f = q_1^2 + q_2^2");
}

TEST(GraphLabTensor, ExpandingAGraphTooLargeToWriteOutIsRefused) {
    GraphLab lab;
    std::string w = "[", x = "[";
    for (int r = 0; r < 20; ++r) {
        w += (r ? ",[" : "[");
        for (int c = 0; c < 20; ++c) w += (c ? ",0.1" : "0.1");
        w += "]";
        x += (r ? ",1" : "1");
    }
    ASSERT_TRUE(lab.apply({GraphCommand::LoadState, "expr=f%20%3D%20norm2(W%20%40%20x)&W=" + w + "]&x=" + x + "]"})) << lab.error();
    EXPECT_FALSE(lab.apply({GraphCommand::ExpandToScalars}));
    EXPECT_EQ(lab.error().rfind("written out number by number: the ", 0), 0u) << lab.error();  // over the parser's limits
    EXPECT_TRUE(lab.vectorised());
}

}  // namespace
}  // namespace nabla
