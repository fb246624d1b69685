// The Graph lab's model as the UI and the test hook drive it: presets, live edits that keep the
// last good graph, backprop stepping, links that survive a round trip or are refused with a reason,
// and a layout that never overlaps.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "lab/graph_lab.h"

namespace nabla {
namespace {

double grad(const GraphLab& lab, const std::string& input) {
    const ScalarGraph& g = lab.parsed().graph;
    return g.node(g.find_input(input)).grad;
}

TEST(GraphLab, StartsOnE1) {
    GraphLab lab;
    EXPECT_DOUBLE_EQ(lab.parsed().graph.node(lab.parsed().output).value, -12);
    EXPECT_DOUBLE_EQ(grad(lab, "x"), -4);
    EXPECT_DOUBLE_EQ(grad(lab, "z"), 3);
}

TEST(GraphLab, PresetE2FoldsConstantsIntoLectureLabels) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E2"}));
    std::vector<std::string> labels;
    for (const NodePlace& p : lab.layout().places)
        if (p.visible) labels.push_back(p.label);
    const std::vector<std::string> expected = {"w0", "x0", "\xC3\x97", "w1", "x1", "\xC3\x97", "+", "w2", "+",
                                               "\xC3\x97\xE2\x88\x92" "1", "exp", "+1", "1/x"};
    EXPECT_EQ(labels, expected);
    EXPECT_NEAR(grad(lab, "x1"), -0.5898, 5e-5);
    EXPECT_EQ(lab.layout().columns, 8);  // inputs, *, +, +, -, exp, +1, 1/x
}

TEST(GraphLab, BadExpressionKeepsTheLastGoodGraph) {
    GraphLab lab;
    EXPECT_FALSE(lab.apply({GraphCommand::SetExpression, "f = (x + y"}));
    EXPECT_EQ(lab.parse_error().text(), "expected ')' at 11: the '(' at 5 is not closed");
    EXPECT_EQ(lab.draft(), "f = (x + y");
    EXPECT_EQ(lab.state().expression, "f = (x + y) * z");
    EXPECT_DOUBLE_EQ(grad(lab, "x"), -4);
    // Fixing it clears the error and keeps the values of the inputs that remain.
    EXPECT_TRUE(lab.apply({GraphCommand::SetExpression, "f = (x + y) * w"}));
    EXPECT_TRUE(lab.parse_error().message.empty());
    EXPECT_DOUBLE_EQ(lab.state().values[0].second.data[0], -2);
    EXPECT_DOUBLE_EQ(lab.state().values[2].second.data[0], 1);  // w is new: starts at 1
}

TEST(GraphLab, ValuesRecomputeLiveAndRefuseNonFinite) {
    GraphLab lab;
    EXPECT_TRUE(lab.apply({GraphCommand::SetValue, "z", 2.5}));
    EXPECT_DOUBLE_EQ(grad(lab, "x"), 2.5);
    EXPECT_FALSE(lab.apply({GraphCommand::SetValue, "z", NAN}));
    EXPECT_FALSE(lab.apply({GraphCommand::SetValue, "nope", 1}));
    EXPECT_EQ(lab.error(), "'nope' is not an input of this expression");
    EXPECT_DOUBLE_EQ(grad(lab, "x"), 2.5);
}

TEST(GraphLab, StepModeWalksBackpropOneGateAtATime) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E1"}));
    ASSERT_EQ(lab.backprop_order().size(), 2u);  // the mul gate, then the add gate
    ASSERT_TRUE(lab.apply({GraphCommand::StepForward}));  // from complete: start over
    EXPECT_EQ(lab.backprop_done(), 0);
    EXPECT_EQ(lab.current_gate(), lab.parsed().output);
    EXPECT_DOUBLE_EQ(grad(lab, "z"), 0);
    EXPECT_FALSE(lab.gradient_ready(lab.parsed().graph.find_input("z")));
    ASSERT_TRUE(lab.apply({GraphCommand::StepForward}));  // mul propagates: z and q get theirs
    EXPECT_DOUBLE_EQ(grad(lab, "z"), 3);
    EXPECT_TRUE(lab.gradient_ready(lab.parsed().graph.find_input("z")));
    EXPECT_DOUBLE_EQ(grad(lab, "x"), 0);
    ASSERT_TRUE(lab.apply({GraphCommand::StepForward}));  // add propagates
    EXPECT_DOUBLE_EQ(grad(lab, "x"), -4);
    EXPECT_EQ(lab.current_gate(), -1);
    ASSERT_TRUE(lab.apply({GraphCommand::StepBack}));
    EXPECT_DOUBLE_EQ(grad(lab, "x"), 0);
    // A value change in step mode keeps the step.
    ASSERT_TRUE(lab.apply({GraphCommand::SetValue, "x", 10}));
    EXPECT_EQ(lab.backprop_done(), 1);
    ASSERT_TRUE(lab.apply({GraphCommand::StepToEnd}));
    EXPECT_EQ(lab.state().backprop_step, -1);
}

// Found by fuzz_graph_link: x1 = -1.1e67 wrote "e+67" into the link, whose '+' read back as a
// space, so the lab's own link was refused. Hangul names ride percent-encoded.
TEST(GraphLab, LinksCarryExponentsAndHangulNames) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::SetExpression, "f = \xEA\xB0\x80\xEC\xA4\x91\xEC\xB9\x98 * x1"}));
    ASSERT_TRUE(lab.apply({GraphCommand::SetValue, "x1", -1.1111111111111112e+67}));
    ASSERT_TRUE(lab.apply({GraphCommand::SetValue, "\xEA\xB0\x80\xEC\xA4\x91\xEC\xB9\x98", 2.5e-300}));
    EXPECT_EQ(lab.link().find('+'), std::string::npos) << lab.link();
    GraphLab other;
    ASSERT_TRUE(other.apply({GraphCommand::LoadState, lab.link()})) << other.error();
    EXPECT_EQ(other.link(), lab.link());
    EXPECT_EQ(other.state().values, lab.state().values);
}

TEST(GraphLab, StateStringRoundTripsAndTamperedLinksAreRefused) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E3"}));
    ASSERT_TRUE(lab.apply({GraphCommand::SetValue, "w", 1.25}));
    const std::string link = lab.state().to_string();
    GraphLab other;
    ASSERT_TRUE(other.apply({GraphCommand::LoadState, link})) << other.error();
    EXPECT_EQ(other.state().to_string(), link);
    EXPECT_EQ(other.state().expression, "y_hat = x * w; s = y_hat - y; loss = s^2");

    const std::map<std::string, std::string> tampered = {
        {"x=1", "cannot read the link: the link has no expr=... part"},
        {"expr=x*y&x=abc", "cannot read the link: the value of x must be a finite number, not 'abc'"},
        {"expr=x*y&x=nan", "cannot read the link: the value of x must be a finite number, not 'nan'"},
        {"expr=x%zz", "cannot read the link: bad %-escape in 'expr'"},
        {"expr=x*y&step=-7", "cannot read the link: step must be an integer >= -1, not '-7'"},
        {"expr=(x", "expected ')' at 3: the '(' at 1 is not closed"},
        {"expr=x*y&X=3&y=2", "cannot read the link: it sets X, which is not an input of x*y (its inputs: x, y)"},
        {"expr=x*y&x=1&x=2", "cannot read the link: x is set twice"},
        {"expr=x*y&x=0x10", "cannot read the link: the value of x must be a finite number, not '0x10'"},
    };
    for (const auto& [text, message] : tampered) {
        EXPECT_FALSE(other.apply({GraphCommand::LoadState, text})) << text;
        EXPECT_EQ(other.error(), message) << text;
        EXPECT_EQ(other.state().to_string(), link) << "a refused link must not change the state";
    }
}

TEST(GraphLab, InputsNamedLikeReservedKeysSurviveTheLink) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::SetExpression, "f = step * expr"}));
    ASSERT_TRUE(lab.apply({GraphCommand::SetValue, "step", 3}));
    GraphLab other;
    ASSERT_TRUE(other.apply({GraphCommand::LoadState, lab.state().to_string()})) << other.error();
    EXPECT_DOUBLE_EQ(other.state().values[0].second.data[0], 3);
    EXPECT_EQ(other.state().backprop_step, -1);
}

TEST(GraphLab, GatePatternsAreNamed) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "P"}));
    const ScalarGraph& g = lab.parsed().graph;
    std::map<std::string, int> seen;
    for (int i = 0; i < g.size(); ++i)
        if (const char* p = gate_pattern(g, i)) ++seen[p];
    EXPECT_EQ(seen["add: distributes"], 2);  // x*y + max(z, w), and ... + x
    EXPECT_EQ(seen["mul: swaps"], 1);        // x*y (2 * (...) has a constant input)
    EXPECT_EQ(seen["max: routes"], 1);
    EXPECT_EQ(seen["branch: sums"], 1);      // x is used twice
    EXPECT_DOUBLE_EQ(grad(lab, "x"), 2 * -4 + 1);
    EXPECT_DOUBLE_EQ(grad(lab, "z"), 2);
    EXPECT_DOUBLE_EQ(grad(lab, "w"), 0);
}

TEST(GraphLab, LayoutHasNoOverlapsForLargeGraphs) {
    std::string text = "f = 0";
    for (int i = 0; i < 30; ++i) text += " + tanh(a" + std::to_string(i % 12) + " * b" + std::to_string(i % 7) + ")";
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::SetExpression, text})) << lab.error();
    const GraphLayout& L = lab.layout();
    int visible = 0;
    for (size_t i = 0; i < L.places.size(); ++i) {
        if (!L.places[i].visible) continue;
        ++visible;
        for (size_t j = i + 1; j < L.places.size(); ++j) {
            if (L.places[j].visible && L.places[j].column == L.places[i].column) {
                EXPECT_GE(std::fabs(L.places[i].row - L.places[j].row), 0.999f) << i << " and " << j;
            }
        }
    }
    EXPECT_GE(visible, 40);
    // Every node sits in the column before its first consumer; the output is rightmost.
    const ScalarGraph& g = lab.parsed().graph;
    for (int i = 0; i < g.size(); ++i) {
        if (!L.places[i].visible || g.node(i).out.empty()) continue;
        int first = L.columns;
        for (const int e : g.node(i).out) first = std::min(first, L.places[g.edge(e).to].column);
        EXPECT_EQ(L.places[i].column, first - 1) << i;
    }
    EXPECT_EQ(L.places[lab.parsed().output].column, L.columns - 1);
}

// The 399-node graph: each product wired across up to 100 columns, 5 000 waypoints, and a
// frame of 123 000 vertices. Edges now span one column each: no waypoints at all.
TEST(GraphLab, ALongSumWiresEachProductToItsAdd) {
    std::string text = "f = a0*b0";
    for (int i = 1; i < 100; ++i) text += " + a" + std::to_string(i) + "*b" + std::to_string(i);
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::SetExpression, text})) << lab.error();
    EXPECT_EQ(lab.parsed().graph.size(), 399);
    size_t waypoints = 0;
    for (const auto& w : lab.layout().edge_waypoints) waypoints += w.size();
    EXPECT_EQ(waypoints, 0u);
    // Small graphs keep the lecture's picture: inputs on the left.
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E2"}));
    for (const int id : lab.parsed().inputs) EXPECT_EQ(lab.layout().places[id].column, 0);
}

TEST(GraphLab, GradientCheckAgreesForEveryInput) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadPreset, "E2"}));
    ASSERT_EQ(lab.check().size(), 5u);
    for (const GradientCheckRow& r : lab.check()) EXPECT_LT(r.relative_error, 1e-8);
}

TEST(GraphLab, JsonCarriesTheNumbers) {
    GraphLab lab;
    const std::string json = lab.to_json();
    EXPECT_NE(json.find("\"gradients\":{\"x\":-4,\"y\":-4,\"z\":3}"), std::string::npos) << json;
    EXPECT_NE(json.find("\"output\":{\"name\":\"f\",\"value\":-12}"), std::string::npos) << json;
}

}  // namespace
}  // namespace nabla
