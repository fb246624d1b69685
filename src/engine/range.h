// A closed interval of allowed values: the one place a setting's limits are written, read by its
// validation, its refusal message and the slider that sets it.
#pragma once

#include <string>

#include "engine/number_text.h"

namespace nabla {

struct Range {
    double lo = 0, hi = 0;
    constexpr bool contains(double v) const { return v >= lo && v <= hi; }  // false for NaN
    constexpr double clamp(double v) const { return v < lo ? lo : v > hi ? hi : v; }
};

// "between 0.00001 and 10": the tail of a refusal message, from the range itself.
std::string between(Range r);

}  // namespace nabla
