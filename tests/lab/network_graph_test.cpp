// The playground's network written out for the Graph lab must be the same network: for one sample,
// the Graph lab's loss and its gradient for every weight (double precision, gate by gate) against
// the trainer's own one-sample backward pass (float32, matrices).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "lab/network_graph.h"

namespace nabla {
namespace {

// One node per layer: the same loss as the scalar graph, and dC/dW_k equal to the trainer's
// one-sample gradient, row by row.
void expect_same_vectorised_network(PlaygroundLab& lab, int sample, double scalar_loss) {
    GraphLabState g;
    std::string why;
    ASSERT_TRUE(network_as_vectorised_graph(lab, sample, g, why)) << why;
    GraphLab graph;
    ASSERT_TRUE(graph.apply({GraphCommand::LoadState, g.to_string()})) << graph.error() << "\n" << g.expression;
    ASSERT_TRUE(graph.vectorised());
    const TensorGraph& tg = graph.tensor();
    if (!std::isnan(scalar_loss)) {
        EXPECT_NEAR(tg.node(tg.output()).value.data[0], scalar_loss, 1e-12) << g.expression;
    }
    const std::vector<int>& sizes = lab.trainer().mlp().desc().sizes;
    for (int k = 0; k + 1 < static_cast<int>(sizes.size()); ++k) {
        const TensorNode& W = tg.node(tg.find_input("W" + std::to_string(k + 1)));
        ASSERT_EQ(W.grad.shape, Shape::matrix(sizes[k + 1], sizes[k]));
        for (int i = 0; i < sizes[k + 1]; ++i) {
            const NeuronTrace t = lab.trace(sample, k, i);
            for (int j = 0; j < sizes[k]; ++j)
                EXPECT_NEAR(W.grad.at(i, j), t.dw_sample[j], 1e-4 + 1e-3 * std::fabs(t.dw_sample[j])) << "W" << k + 1 << "[" << i << "," << j << "]";
        }
    }
}

void expect_same_network(PlaygroundLab& lab, int sample) {
    GraphLabState g;
    std::string why;
    ASSERT_TRUE(network_as_graph(lab, sample, g, why)) << why;
    GraphLab graph;
    ASSERT_TRUE(graph.apply({GraphCommand::LoadState, g.to_string()})) << graph.error() << "\n" << g.expression;
    const ScalarGraph& sg = graph.parsed().graph;
    ASSERT_TRUE(std::isfinite(sg.node(graph.parsed().output).value));
    const std::vector<int>& sizes = lab.trainer().mlp().desc().sizes;
    int checked = 0;
    for (int k = 0; k + 1 < static_cast<int>(sizes.size()); ++k)
        for (int i = 0; i < sizes[k + 1]; ++i) {
            const NeuronTrace t = lab.trace(sample, k, i);
            ASSERT_TRUE(t.valid);
            const bool wide = sizes[k] > 9 || sizes[k + 1] > 9;
            for (int j = 0; j < sizes[k]; ++j) {
                const std::string name = "w" + std::to_string(k + 1) + "_" + std::to_string(i + 1) + (wide ? "_" : "") + std::to_string(j + 1);
                const int node = sg.find_input(name);
                ASSERT_GE(node, 0) << name;
                EXPECT_NEAR(sg.node(node).grad, t.dw_sample[j], 1e-4 + 1e-3 * std::fabs(t.dw_sample[j])) << name;
                ++checked;
            }
        }
    EXPECT_GT(checked, 0);
    expect_same_vectorised_network(lab, sample, sg.node(graph.parsed().output).value);
}

TEST(NetworkGraph, TheGraphLabComputesTheTrainersGradientsForOneSample) {
    PlaygroundLab lab;  // circle, 2-4-2-1 tanh, sigmoid + cross-entropy
    lab.advance(200);
    for (const int sample : {0, 7, 42}) expect_same_network(lab, sample);
}

TEST(NetworkGraph, WeightsSitNextToTheirGatesWithoutOverlaps) {
    PlaygroundLab lab;
    GraphLabState g;
    std::string why;
    ASSERT_TRUE(network_as_graph(lab, 0, g, why)) << why;
    GraphLab graph;
    ASSERT_TRUE(graph.apply({GraphCommand::LoadState, g.to_string()})) << graph.error();
    const ScalarGraph& sg = graph.parsed().graph;
    const GraphLayout& L = graph.layout();
    int moved = 0;
    for (const int id : graph.parsed().inputs) {  // each input one column before its first consumer
        int first = L.columns;
        for (const int e : sg.node(id).out) first = std::min(first, L.places[sg.edge(e).to].column);
        EXPECT_EQ(L.places[id].column, first - 1) << sg.node(id).name;
        moved += L.places[id].column > 0;
    }
    EXPECT_GT(moved, 8);  // the second and third layers' weights and biases left column 0
    for (size_t i = 0; i < L.places.size(); ++i)
        for (size_t j = i + 1; j < L.places.size(); ++j)
            if (L.places[i].visible && L.places[j].visible && L.places[i].column == L.places[j].column) {
                EXPECT_GE(std::fabs(L.places[i].row - L.places[j].row), 0.999f) << i << " and " << j;
            }
    // The lecture's small graphs keep every input in column 0, as the slides draw them.
    GraphLab e2;
    ASSERT_TRUE(e2.apply({GraphCommand::LoadPreset, "E2"}));
    for (const int id : e2.parsed().inputs) EXPECT_EQ(e2.layout().places[id].column, 0);
}

TEST(NetworkGraph, SoftmaxRegressionExtraFeaturesAndReLU) {
    PlaygroundLab lab;
    PlaygroundState s = lab.state();
    s.dataset = DatasetKind::Spiral3;  // three classes: softmax + cross-entropy
    s.hidden = {3};
    s.activation = Activation::ReLU;
    s.features = X1 | X2 | X1Squared | SinX2;
    ASSERT_TRUE(lab.set_state(s)) << lab.error();
    lab.advance(50);
    expect_same_network(lab, 5);
    s.dataset = DatasetKind::Sine;  // regression: linear output, squared error
    s.features = X1 | X2;
    s.activation = Activation::Tanh;
    ASSERT_TRUE(lab.set_state(s)) << lab.error();
    lab.advance(50);
    expect_same_network(lab, 3);
}

TEST(NetworkGraph, BigNetworksAndMissingSamplesAreRefusedWithAReason) {
    PlaygroundLab lab;
    PlaygroundState s = lab.state();
    s.hidden = {8, 8};
    ASSERT_TRUE(lab.set_state(s));
    GraphLabState g;
    std::string why;
    EXPECT_FALSE(network_as_graph(lab, 0, g, why));
    EXPECT_NE(why.find("at most 60"), std::string::npos) << why;
    // One node per layer draws it: 8 × 8 matrices.
    expect_same_vectorised_network(lab, 0, NAN);
    s.hidden = {4, 2};
    ASSERT_TRUE(lab.set_state(s));
    EXPECT_FALSE(network_as_graph(lab, -1, g, why));
    EXPECT_FALSE(network_as_graph(lab, 100000, g, why));
}

}  // namespace
}  // namespace nabla
