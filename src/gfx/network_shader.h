// The playground's network written out for its shape as straight-line GLSL, for shaders/network.frag
// compiled with UNROLLED: every weight read from a uniform at a place known when it compiles, every
// layer a few vector expressions, its last neurons in a vector no wider than they are. A software
// rasteriser (SwiftShader: what a school laptop without a GPU driver gets) pays for every loop
// step, run-time array index and vector component: the default network trained at 48-52 fps
// written out in whole vec4s, 56-59 with each vector as wide as its neurons (bench/frame_rate.mjs,
// every pixel). Pure text and numbers: tested natively, compiled by the tests too.
#pragma once

#include <string>
#include <vector>

#include "nn/mlp.h"

namespace nabla::gfx {

// How many vec4 uniforms (u_w) the network of `sizes` needs: per layer, per four neurons, their four
// biases, then for every four of the layer's inputs the four neurons' weights on them (a neuron a vec4).
int unrolled_uniforms(const std::vector<int>& sizes);
// The function network.frag declares under UNROLLED, `vec4 unrolled(float x1, float x2)`: the inputs
// from `features` (playground_state.h's bits), then every layer; the output layer's four values
// (the first sizes.back() meaningful), activated unless the head is a softmax.
std::string unrolled_network(const MlpDesc& desc, unsigned features);
// `net`'s biases and weights in u_w's order; zeros past a layer's last neuron or input.
void unrolled_weights(const Mlp<float>& net, std::vector<float>& out);
// The GLSL function of network.frag that applies `a` ("" for the identity).
const char* activation_function(Activation a);

}  // namespace nabla::gfx
