// Central differences perturb one input at a time and re-run the forward pass.
#include "engine/gradient_check.h"

#include <algorithm>
#include <cmath>

namespace nabla {

std::vector<GradientCheckRow> check_gradients(ScalarGraph& graph, int output, double h) {
    std::vector<GradientCheckRow> rows;
    graph.forward();
    graph.backward(output);
    for (int i = 0; i < graph.size(); ++i) {
        if (graph.node(i).op != Op::Input) continue;
        GradientCheckRow row;
        row.input = i;
        row.analytic = graph.node(i).grad;
        const double x = graph.node(i).value;
        const double step = h * std::max(1.0, std::fabs(x));
        graph.set_value(i, x + step);
        graph.forward();
        const double f_plus = graph.node(output).value;
        graph.set_value(i, x - step);
        graph.forward();
        const double f_minus = graph.node(output).value;
        graph.set_value(i, x);
        row.numeric = (f_plus - f_minus) / (2 * step);
        const double scale = std::max(std::fabs(row.analytic), std::fabs(row.numeric));
        row.relative_error = scale == 0 ? 0 : std::fabs(row.analytic - row.numeric) / scale;
        if (std::isnan(row.relative_error)) row.relative_error = INFINITY;
        rows.push_back(row);
    }
    graph.forward();
    graph.backward(output);
    return rows;
}

}  // namespace nabla
