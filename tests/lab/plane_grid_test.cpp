// The playground's pictures of a large network are made a few milliseconds a frame: the grid made
// in budgeted pieces must equal the one made at once from the weights of the step it started at,
// never mix two steps, and the panel must see the newest complete grid in between.
#include <gtest/gtest.h>

#include "lab/plane_grid.h"
#include "lab/playground_lab.h"

namespace nabla {
namespace {

const PlaneGridMaker::Features kXY = [](float x1, float x2, float* out) { out[0] = x1, out[1] = x2; };

MlpDesc big_network() {
    MlpDesc d;
    d.sizes = {2, 32, 32, 32, 32, 32, 32, 32, 32, 1};
    d.hidden = Activation::ReLU;
    return d;
}

TEST(PlaneGrid, MadeInPiecesItEqualsTheGridMadeAtOnce) {
    Mlp<float> net(big_network());
    PlaneGridMaker pieces, whole;
    const PlaneGrid first = pieces.get(net, 0, 96, false, kXY, 0.01);  // the first grid is made at once
    EXPECT_EQ(first.step, 0);
    EXPECT_EQ(first.output.size(), 96u * 96u);

    Mlp<float> stepped = net;  // "training": every weight moves
    for (auto& layer : stepped.layers) layer.W *= 1.1f;
    int calls = 0;
    const PlaneGrid* g = &pieces.get(stepped, 1, 96, false, kXY, 0.01);
    while (g->step != 1 && calls < 10000) {
        EXPECT_EQ(g->output, first.output) << "until the new grid is complete, the old one is shown whole";
        Mlp<float> later = stepped;  // the network moves on meanwhile: the grid in progress keeps step 1's weights
        for (auto& layer : later.layers) layer.W *= 1.01f;
        g = &pieces.get(later, 2 + calls, 96, false, kXY, 0.01);
        ++calls;
    }
    EXPECT_GT(calls, 2) << "a 0.01 ms budget cannot make 96 rows of 8x32 at once";
    EXPECT_EQ(g->step, 1);
    EXPECT_EQ(g->output, whole.get(stepped, 1, 96, false, kXY, -1).output);
    EXPECT_EQ(pieces.get(stepped, 9, 96, false, kXY, 0).step, 1) << "budget 0: the newest complete grid as it is";
}

TEST(PlaneGrid, NeuronImagesAndInvalidation) {
    Mlp<float> net(big_network());
    PlaneGridMaker maker;
    const PlaneGrid& g = maker.get(net, 0, 28, true, kXY, 5);
    ASSERT_EQ(g.neurons.size(), 8u * 32u);
    for (const auto& img : g.neurons) EXPECT_EQ(img.size(), 28u * 28u);
    MlpDesc other = big_network();
    other.sizes = {2, 4, 1};
    Mlp<float> small(other);
    maker.invalidate();  // a new structure: made at once, whatever the budget
    EXPECT_EQ(maker.get(small, 0, 28, true, kXY, 0).neurons.size(), 4u);
}

// The playground as the panel drives it: a large network in training, the picture within budget.
TEST(PlaneGrid, ThePlaygroundsPictureFollowsTraining) {
    PlaygroundLab lab;
    ASSERT_TRUE(lab.apply(playground::LoadState{"data=spiral&layers=32,32,32,32,32,32,32,32&act=relu"})) << lab.error();
    const long first = lab.grid_within(96, false, 4).step;
    for (int frame = 0; frame < 200 && lab.grid_within(96, false, 4).step == first; ++frame) lab.advance(5);
    const PlaygroundLab::Grid shown = lab.grid_within(96, false, 0);
    EXPECT_GT(shown.step, first);
    EXPECT_LE(shown.step, lab.trainer().steps());
    EXPECT_EQ(lab.grid(96, false).step, lab.trainer().steps()) << "the hook's grid is made at once, of now";
}

}  // namespace
}  // namespace nabla

namespace nabla {
namespace {

// A clock the test controls: every look at it is one millisecond later.
double fake_now = 0;
double tick() { return fake_now += 1; }

// Issue 15: 100 000 points through eight layers of 32, full batch, was one step far beyond the
// frame's 10 ms. The step and its record (every point evaluated) now go a chunk of rows per look
// at the clock, and come out as the step made at once.
TEST(PlaygroundSlices, AHugeFullBatchStepRespectsTheFramesBudget) {
    const std::string link = "data=circle&points=20000&layers=32,32,32,32,32,32,32,32&act=relu&batch=10000";
    PlaygroundLab at_once, sliced;
    ASSERT_TRUE(at_once.apply(playground::LoadState{link})) << at_once.error();
    ASSERT_TRUE(sliced.apply(playground::LoadState{link})) << sliced.error();
    ASSERT_EQ(at_once.advance(1), 1);
    int frames = 0;
    while (sliced.trainer().steps() < 1 || sliced.history().size() < at_once.history().size()) {
        const double deadline = fake_now + 3;  // three looks at the clock: at most three chunks a frame
        const int before = sliced.trainer().steps();
        sliced.advance(25, tick, deadline);
        EXPECT_LE(sliced.trainer().steps() - before, 1);
        ASSERT_LT(++frames, 1000);
    }
    // 10 000 rows in 512-row chunks (20) and 20 000 points evaluated in 512-row chunks (40): many frames.
    EXPECT_GE(frames, 15);
    for (size_t k = 0; k < at_once.trainer().mlp().layers.size(); ++k)
        EXPECT_EQ(sliced.trainer().mlp().layers[k].W, at_once.trainer().mlp().layers[k].W) << "layer " << k;
    EXPECT_EQ(sliced.history().back().train_loss, at_once.history().back().train_loss);
    EXPECT_EQ(sliced.history().back().test_accuracy, at_once.history().back().test_accuracy);
}

}  // namespace
}  // namespace nabla
