// The network's output (and every hidden neuron's) over the input plane [-6, 6]², side × side,
// row-major from the top left: the playground's decision boundary and neuron thumbnails.
//
// A small network fills its grid in well under a millisecond; eight layers of 32 take ~25 ms native
// for the 96² boundary, more than a frame. So the panel asks for the grid within a budget: the grid
// is made in chunks of rows over several frames from a copy of the network taken when it started,
// and the last complete grid is shown meanwhile. The picture then lags a large network in training
// by a few frames, but never mixes two steps' weights, and a frame's cost stays bounded.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "nn/mlp.h"

namespace nabla {

struct PlaneGrid {
    int side = 0;
    long step = -1;   // the training step whose weights made it
    int serial = 0;   // grows each time a newer grid is complete (the panel re-uploads then)
    std::vector<float> output;                // the output neuron (probability or value)
    std::vector<float> class_probabilities;   // softmax heads: p0, p1, p2, 0 per point (for the shader)
    std::vector<std::vector<float>> neurons;  // per hidden layer, per neuron: side×side, layer-major
};

class PlaneGridMaker {
public:
    using Features = std::function<void(float x1, float x2, float* out)>;  // a point's network inputs

    // The network or its inputs changed shape or meaning: the next grid is made at once.
    void invalidate();
    // The newest complete grid of `net` at `step`. Made at once when there is none yet for this
    // side, after invalidate(), or when budget_ms < 0; otherwise continued for at most budget_ms
    // (0: no more work in this call, the newest complete grid as it is).
    const PlaneGrid& get(const Mlp<float>& net, long step, int side, bool with_neurons, const Features& features,
                         double budget_ms);

private:
    PlaneGrid done_, next_;
    std::optional<Mlp<float>> net_;  // the weights the grid in progress is made from
    int next_row_ = 0;               // rows of next_ made so far; 0: none in progress
    bool valid_ = false;             // done_ belongs to the current network
    Matrix<float> X_;                // every point's inputs (made once per side and features)
    int X_side_ = 0;
    Activations<float> acts_;        // for one chunk of rows

    void start(const Mlp<float>& net, long step, int side, bool with_neurons);
    bool rows(int count);  // makes up to `count` more rows; true when the grid is complete
};

}  // namespace nabla
