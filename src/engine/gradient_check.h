// Numerical gradient check (lecture 004): the analytic gradient of every input against a central
// difference (f(x + h) - f(x - h)) / 2h computed on the same graph in double precision.
#pragma once

#include <vector>

#include "engine/scalar_graph.h"

namespace nabla {

struct GradientCheckRow {
    int input = -1;          // node index of the input
    double analytic = 0;     // from backward()
    double numeric = 0;      // central difference
    double relative_error = 0;  // |a - n| / max(|a|, |n|), 0 when both are 0
};

// h is scaled by max(1, |x|) so large inputs are not lost in rounding. Leaves the graph as it was
// found: values recomputed and gradients from a fresh backward pass.
std::vector<GradientCheckRow> check_gradients(ScalarGraph& graph, int output, double h = 1e-5);

}  // namespace nabla
