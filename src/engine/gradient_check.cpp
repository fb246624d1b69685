// Central differences perturb one input at a time and re-run the forward pass.
#include "engine/gradient_check.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>

namespace nabla {
namespace {

struct Estimate {
    double value = 0;
    double error = INFINITY;
    double step = 0;
    bool local = false;  // from a step where the differences behave as the derivative's
    bool better_than(const Estimate& o) const { return local != o.local ? local : error < o.error; }
};

// f(x + h) and f(x - h) of one input; nullopt when either side is not finite (outside the domain).
class OneInput {
public:
    OneInput(const std::function<double(double)>& f, double x) : f_(f), x_(x) {}

    std::optional<double> central(double h, double& rounding) {
        const double plus = at(x_ + h), minus = at(x_ - h);
        if (!std::isfinite(plus) || !std::isfinite(minus)) return std::nullopt;
        // Each value carries a few ulps of rounding; divided by 2h that is the estimate's floor.
        rounding = 2 * DBL_EPSILON * (std::fabs(plus) + std::fabs(minus)) / (2 * h);
        return (plus - minus) / (2 * h);
    }

    // Steps h_k = 4^k * 2^bottom, from small to large. Each central difference D(h) is O(h^2) off,
    // so R_k = (16 D(h_k) - D(h_k+1)) / 15 is O(h^4) off; its distance to the R of the next smaller
    // step, plus rounding, is its error. Small steps are ruled by rounding and the error falls as h
    // grows, until truncation (or a pole, a kink, a flat tail far away) takes over and it rises:
    // the scan stops there, so a large step that only looks calm (a saturated tail) is never taken.
    // A level counts only where the differences shrink with h as a derivative's do.
    Estimate ladder(int bottom, int levels, bool stop_when_worse) {
        std::vector<std::optional<double>> d(levels);
        std::vector<double> noise(levels, INFINITY);
        for (int k = 0; k < levels; ++k) d[k] = central(std::ldexp(1.0, bottom + 2 * k), noise[k]);
        Estimate best;
        for (int k = 1; k + 1 < levels; ++k) {
            if (!d[k - 1] || !d[k] || !d[k + 1]) continue;
            const double a = std::fabs(*d[k + 1] - *d[k]), b = std::fabs(*d[k] - *d[k - 1]);
            const bool local = a >= 4 * b || a <= 4 * (noise[k] + noise[k + 1]);
            const double r = (16 * *d[k] - *d[k + 1]) / 15, smaller = (16 * *d[k - 1] - *d[k]) / 15;
            const double error = std::fabs(r - smaller) + noise[k] * 16 / 15;
            if (stop_when_worse && best.local && error > 16 * best.error) break;
            const Estimate e{r, error, std::ldexp(1.0, bottom + 2 * k), local};
            if (e.better_than(best)) best = e;
        }
        return best;
    }

    double x() const { return x_; }

private:
    double at(double v) { return f_(v); }
    const std::function<double(double)>& f_;
    double x_;
};

Estimate numeric_gradient(const std::function<double(double)>& at, double x0) {
    OneInput f(at, x0);
    const double x = std::fabs(f.x());
    const int scale = std::ilogb(std::max(x, 1.0));  // the exponent of max(|x|, 1)
    // Most points: steps around 2^-12 of the input's scale, where truncation and rounding balance.
    Estimate e = f.ladder(scale - 16, 5, false);
    if (!(e.local && e.error <= 1e-9 * std::fabs(e.value))) {
        // The rest: from 2^-50 of |x| (a small x near a pole or the domain's edge needs a small
        // step) up to 2^10 times its scale (a huge output needs a large one), at most 200 levels.
        const int low = (x > 0 ? std::ilogb(x) : 0) - 50;
        const Estimate wide = f.ladder(low, std::min(200, (scale + 10 - low) / 2 + 1), true);
        if (wide.better_than(e)) e = wide;
    }
    return e;
}

}  // namespace

GradientCheckRow check_one(double analytic, const std::function<double(double)>& f, double x) {
    GradientCheckRow row;
    row.analytic = analytic;
    const Estimate e = numeric_gradient(f, x);
    row.numeric = std::isfinite(e.error) ? e.value : NAN;
    row.numeric_error = e.error;
    row.step = e.step;
    const double gap = std::fabs(row.analytic - row.numeric);
    const double scale = std::max(std::fabs(row.analytic), std::fabs(row.numeric));
    row.relative_error = scale == 0 ? 0 : gap / scale;
    if (std::isnan(row.relative_error)) row.relative_error = INFINITY;
    row.agrees = row.relative_error <= kGradientCheckTolerance || gap <= 3 * row.numeric_error || gap <= kGradientCheckAbsoluteFloor;
    return row;
}

std::vector<GradientCheckRow> check_gradients(ScalarGraph& graph, int output) {
    std::vector<GradientCheckRow> rows;
    graph.forward();
    graph.backward(output);
    for (int i = 0; i < graph.size(); ++i) {
        if (graph.node(i).op != Op::Input) continue;
        const double x = graph.node(i).value;
        const std::function<double(double)> f = [&](double v) {
            graph.set_value(i, v);
            graph.forward();
            return graph.node(output).value;
        };
        GradientCheckRow row = check_one(graph.node(i).grad, f, x);
        graph.set_value(i, x);
        row.input = i;
        rows.push_back(row);
    }
    graph.forward();
    graph.backward(output);
    return rows;
}

}  // namespace nabla
