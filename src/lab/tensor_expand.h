// "Expand to scalars": a vectorised graph written out number by number, as the scalar Graph lab
// draws it (lecture 001 works q = W·x both ways). Every input element becomes an input of its own
// (W_12 is row 1, column 2 of W; x_2 the second element of x), every named vector or matrix a
// statement per element (q_1 = W_11*x_1 + W_12*x_2), so the gradients of the two graphs are equal
// element by element.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/tensor_graph.h"

namespace nabla {

struct ScalarExpansion {
    std::string expression;
    std::vector<std::pair<std::string, double>> values;  // every element of every input, by its name
};

// The name of element `flat` of a value called `base`: "x_2", "W_12", "W_1_10" past 9.
std::string element_input_name(const std::string& base, const Shape& shape, int flat);

// False with a reason when the written-out graph would pass the parser's limits (400 nodes).
bool expand_to_scalars(const TensorGraph& graph, ScalarExpansion& out, std::string& error);

}  // namespace nabla
