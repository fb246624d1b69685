// Numbers as people read them, in one place for messages, labels and tables.
#pragma once

#include <string>

namespace nabla {

// A limit as a person writes it: "0.00001", "100000", "0.999" (no exponents, no trailing zeros).
std::string plain_number(double v);
// `digits` significant digits, as on a slide: "0.7311", "-12", "1.2e-05"; "NaN", "+∞", never "-0".
std::string short_number(double v, int digits = 4);
// A float32 in the eight significant digits it holds, as PyTorch printed them in lecture 002:
// "1.9976202", "7.9904809", "-16.228802", "-2".
std::string float_text(float v);

}  // namespace nabla
