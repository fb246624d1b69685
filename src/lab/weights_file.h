// A trained network as a JSON file: saved from the playground's Export menu or by `nabla train
// --weights FILE`, loaded back into the playground. The file says what the network is (layer
// sizes, activation, output head, input features) and, when it came from the page, the playground
// settings it was trained with, so loading it rebuilds that network before setting its weights.
//
//   {"format": "nabla-weights", "version": 1, "sizes": [2, 4, 2, 1], "activation": "tanh",
//    "head": "sigmoid+bce", "features": "x1,x2", "playground": "data=circle&...", "steps": 1500,
//    "layers": [{"W": [[w00, w01], ...], "b": [b0, ...]}, ...]}      W: one row per output neuron
//
// Reading is strict: anything missing, mistyped, non-finite or of the wrong shape is refused with
// a message naming where ("layers[1].W[2][0] is not a finite number"), and nothing is half-loaded.
#pragma once

#include <string>
#include <vector>

#include "nn/mlp.h"

namespace nabla {

struct WeightsFile {
    std::vector<int> sizes;  // inputs, hidden layers..., outputs
    Activation activation = Activation::Tanh;
    Head head = Head::SigmoidBCE;
    std::string features;    // the playground's feature keys, "x1,x2"; "" when not known
    std::string playground;  // the playground state it was trained with; "" when not from the page
    long steps = 0;
    std::vector<Matrix<float>> W;     // W[k]: sizes[k+1] × sizes[k]
    std::vector<RowVector<float>> b;  // b[k]: sizes[k+1]
};

WeightsFile weights_of(const Mlp<float>& mlp);  // sizes, activation, head and parameters
std::string write_weights_json(const WeightsFile& f);
bool read_weights_json(const std::string& text, WeightsFile& out, std::string& error);

}  // namespace nabla
