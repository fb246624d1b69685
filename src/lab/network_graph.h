// A small playground network, for one training sample, written out as an expression the Graph lab
// can draw: every feature, weighted sum s, activation z and the loss C as gates, with the weights
// and biases as named inputs holding their current values. In the Graph lab every value and every
// gradient of that sample's backward pass is then on screen, gate by gate (lecture 000's notation:
// s13 is layer 1, neuron 3's s; w1_32 is the weight into it from input 2).
#pragma once

#include <string>

#include "lab/graph_lab.h"
#include "lab/playground_lab.h"

namespace nabla {

constexpr int kMaxGraphParameters = 60;  // beyond this the graph is a wall of boxes

// False (and why) when the network is too big or the sample does not exist.
bool network_as_graph(const PlaygroundLab& lab, int sample, GraphLabState& out, std::string& why);

// The same network and sample with one node per layer (lecture 000's s_k = W_k z_(k-1) + b_k,
// z_k = h(s_k)): x is the sample's feature vector, W1, b1, ... the layers' weights and biases as
// matrices and vectors, y the one-hot target of a softmax. Any network whose matrices fit
// kMaxTensorElements; false (and why) otherwise.
bool network_as_vectorised_graph(const PlaygroundLab& lab, int sample, GraphLabState& out, std::string& why);

}  // namespace nabla
