// Tensors as text: what a user types into an input's box, what a link and the CLI carry.
// "[[0.1, 0.5], [-0.3, 0.8]]" is a 2×2 matrix, "[0.2, 0.4]" a vector, "3" a number.
#pragma once

#include <string>

#include "engine/tensor_value.h"

namespace nabla {

// Shortest text that reads back to the same doubles.
std::string tensor_text(const Tensor& t);
// Reads tensor_text's format (spaces anywhere, a typographic minus too). On a mistake returns
// false, leaves `out` alone and says what and where ("row 2 has 3 numbers, row 1 has 2").
bool parse_tensor(const std::string& text, Tensor& out, std::string& error);

}  // namespace nabla
