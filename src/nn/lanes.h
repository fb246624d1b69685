// Narrow networks (every layer at most 7 neurons wide, at most 9 layers: the playground's usual
// sizes, where the general path's 4×8 matrix kernel never runs and every product takes its scalar
// edge loop) with four examples in the four SIMD lanes. A pass takes up to 128 examples (32 groups
// of four) through every layer's forward, the loss and every layer's backward inside one function:
// a layer's products run in tiles of 4 neurons × 1 group (and single neurons) whose sums stay in
// registers, whatever the widths. Layers of 8 and more stay on the 4×8 kernel: in WebAssembly
// it beat these tiles on W2's eight-wide layers (bench/run.mjs, --general), natively it did not.
// Training only: forward passes alone (evaluation, the pictures) keep Mlp::forward, where a narrow
// network costs little and the page's weight budget (450 KB) had no room for a second copy.
// The formulas are Mlp::forward/loss/backward's (the same fast_tanh, the same loss rows, each sum
// of a forward product in gemm_nt_direct's order); sums over examples run in another order, so
// results equal the general path to float rounding (tests/nn/lanes_test.cpp compares the two on
// every activation and head).
#pragma once

#include <vector>

#include "engine/simd.h"
#include "nn/mlp.h"

namespace nabla {

inline constexpr int kLanesMaxWidth = 7, kLanesMaxLayers = 9;  // the playground: 8 hidden layers and the output
inline constexpr int kLanesGroups = 32;                          // groups of four examples per pass
// The activations of one pass, layer-major (vector [neuron × groups + group]): 75 KB.
inline constexpr int kLanesBufferVectors = (2 * kLanesMaxLayers + 3) * kLanesMaxWidth * kLanesGroups;

// Every layer at most kLanesMaxWidth wide, at most kLanesMaxLayers layers, and desc.lanes.
bool fits_lanes(const MlpDesc& desc);

// One minibatch, or one chunk of one, for a network that fits_lanes.
class LanesStep {
public:
    LanesStep() : buffer_(kLanesBufferVectors) {}
    // Forward, loss and backward of the examples X.row(rows[r]) with targets targets(rows[r], 0)
    // for r < count (gathered here, never copied into a batch): leaves their mean gradient in every
    // layer's dW and db and returns their mean loss, as Mlp::forward, loss and backward would.
    float run(Mlp<float>& mlp, const Matrix<float>& X, const Matrix<float>& targets, const int* rows, int count);
    // The largest |dW| or |db| the last run left, NaN if any was NaN or infinite: the divergence check, once.
    float largest_gradient() const { return largest_; }

private:
    std::vector<simd::f32x4> buffer_;
    float largest_ = 0;
};

}  // namespace nabla
