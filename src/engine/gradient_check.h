// Numerical gradient check (lecture 004): the analytic gradient of every input against a central
// difference (f(x + h) - f(x - h)) / 2h computed on the same graph in double precision.
//
// One fixed h cries wolf: it crosses a pole or leaves the domain when x is small (x / y at
// y = 1e-6, sqrt near 0), and vanishes in rounding when the output is large (2.4e12 + x). So h is
// chosen per input: central differences at a ladder of steps, each pair Richardson-extrapolated,
// and the estimate whose neighbours agree best (relative to its size, rounding included) is kept,
// together with its own error. A row agrees when analytic and numeric are within 1e-6 of each
// other, or within what the numeric estimate itself can resolve.
#pragma once

#include <vector>

#include "engine/scalar_graph.h"

namespace nabla {

inline constexpr double kGradientCheckTolerance = 1e-6;  // relative

struct GradientCheckRow {
    int input = -1;             // node index of the input
    double analytic = 0;        // from backward()
    double numeric = 0;         // extrapolated central differences
    double numeric_error = 0;   // estimated absolute error of `numeric` (truncation + rounding)
    double step = 0;            // the h the estimate was made with
    double relative_error = 0;  // |a - n| / max(|a|, |n|), 0 when both are 0
    bool agrees = false;        // relative_error <= tolerance, or |a - n| within 3 x numeric_error
};

// Leaves the graph as it was found: values recomputed and gradients from a fresh backward pass.
std::vector<GradientCheckRow> check_gradients(ScalarGraph& graph, int output);

}  // namespace nabla
