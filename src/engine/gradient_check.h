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

#include <functional>
#include <vector>

#include "engine/scalar_graph.h"

namespace nabla {

inline constexpr double kGradientCheckTolerance = 1e-6;  // relative
// Below this the two differ by rounding alone: an exact 0 from backward against 7e-17 from x − (x + y),
// where the rounding of an intermediate sum, not of the output, sets the differences' noise.
inline constexpr double kGradientCheckAbsoluteFloor = 1e-12;

struct GradientCheckRow {
    int input = -1;             // node index of the input
    int element = 0;            // which number of the input's value (tensor_graph.h), row-major; 0 for a number
    double analytic = 0;        // from backward()
    double numeric = 0;         // extrapolated central differences
    double numeric_error = 0;   // estimated absolute error of `numeric` (truncation + rounding)
    double step = 0;            // the h the estimate was made with
    double relative_error = 0;  // |a - n| / max(|a|, |n|), 0 when both are 0
    bool agrees = false;        // relative_error <= tolerance, |a - n| within 3 x numeric_error or under the floor
};

// One row: `analytic` against central differences of f around x (f(x) is the output with the
// input at x). The graph checks below call it per input, the vectorised graph per element.
GradientCheckRow check_one(double analytic, const std::function<double(double)>& f, double x);

// Leaves the graph as it was found: values recomputed and gradients from a fresh backward pass.
std::vector<GradientCheckRow> check_gradients(ScalarGraph& graph, int output);

}  // namespace nabla
