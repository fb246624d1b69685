#include "lab/loss_surface.h"

#include <cmath>
#include <cstdio>

#include "engine/i18n.h"
#include "nn/rng.h"

namespace nabla {

namespace {

// Logistic regression keeps a small L2 term so its minimum is a point even when the sampled
// classes happen to be separable (without it the best weights would be infinitely large).
constexpr double kLogisticL2 = 0.01;

double softplus(double z) { return std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z))); }
double sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }

}  // namespace

std::string SurfaceSettings::validate() const {
    SurfaceKind known;
    if (!enum_from_index(static_cast<int>(kind), known)) return tr("no such surface");
    if (!points_range.contains(points))
        return trf("the dataset needs between %s and %s points", plain_number(points_range.lo).c_str(), plain_number(points_range.hi).c_str());
    if (!noise_range.contains(noise))
        return trf("noise must be between %s and %s", plain_number(noise_range.lo).c_str(), plain_number(noise_range.hi).c_str());
    if (!condition_range.contains(condition))
        return trf("the condition number must be between %s and %s", plain_number(condition_range.lo).c_str(),
                   plain_number(condition_range.hi).c_str());
    return "";
}

std::string SurfaceSettings::key() const {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%d/%d/%.17g/%.17g/%llu", static_cast<int>(kind), points, noise, condition,
                  static_cast<unsigned long long>(seed));
    return buf;
}

LossSurface::LossSurface(const SurfaceSettings& s) : settings_(s) {
    Rng rng(s.seed);
    if (s.kind == SurfaceKind::LinearRegression) {
        // Lecture 002's y = 2x, with x where the lecture puts it (1, 2, 3) and some noise.
        for (int i = 0; i < s.points; ++i) {
            const double x = rng.uniform(0, 3.5);
            x_.push_back(x);
            t_.push_back(2 * x + s.noise * rng.normal());
        }
    } else if (s.kind == SurfaceKind::LogisticRegression) {
        // Two classes around ±(1, 0.5); labels ±1 so the loss reads softplus(−t·w·x).
        for (int i = 0; i < s.points; ++i) {
            const double t = i % 2 == 0 ? 1 : -1, spread = 0.3 + s.noise;
            x_.push_back(t * 1.0 + spread * rng.normal());
            x2_.push_back(t * 0.5 + spread * rng.normal());
            t_.push_back(t);
        }
    }
    switch (s.kind) {
        case SurfaceKind::LinearRegression:
        case SurfaceKind::LogisticRegression: minimum_ = find_data_minimum(); break;
        case SurfaceKind::Bowl: minimum_ = {0, 0}; break;
        case SurfaceKind::Rosenbrock: minimum_ = {1, 1}; break;
        case SurfaceKind::Beale: minimum_ = {3, 0.5}; break;
        case SurfaceKind::Himmelblau: minimum_ = {3, 2}; break;
        case SurfaceKind::Saddle: minimum_ = {0, std::sqrt(2.0)}; break;
    }
    minimum_loss_ = loss(minimum_);
}

double LossSurface::sample_loss(Vec2 p, int i) const {
    if (settings_.kind == SurfaceKind::LinearRegression) {
        const double r = p.x * x_[i] + p.y - t_[i];
        return r * r;
    }
    return softplus(-t_[i] * (p.x * x_[i] + p.y * x2_[i])) + 0.5 * kLogisticL2 * (p.x * p.x + p.y * p.y);
}

Vec2 LossSurface::sample_gradient(Vec2 p, int i) const {
    if (settings_.kind == SurfaceKind::LinearRegression) {
        const double r = p.x * x_[i] + p.y - t_[i];  // dL/dŷ = 2r, dŷ/dw = x, dŷ/db = 1
        return {2 * r * x_[i], 2 * r};
    }
    const double g = -t_[i] * sigmoid(-t_[i] * (p.x * x_[i] + p.y * x2_[i]));  // d softplus(−t s)/ds
    return {g * x_[i] + kLogisticL2 * p.x, g * x2_[i] + kLogisticL2 * p.y};
}

double LossSurface::analytic_loss(Vec2 p) const {
    const double x = p.x, y = p.y;
    switch (settings_.kind) {
        case SurfaceKind::Bowl: return 0.5 * (x * x + settings_.condition * y * y);
        case SurfaceKind::Rosenbrock: return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        case SurfaceKind::Beale: {
            const double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
            return a * a + b * b + c * c;
        }
        case SurfaceKind::Himmelblau: {
            const double a = x * x + y - 11, b = x + y * y - 7;
            return a * a + b * b;
        }
        case SurfaceKind::Saddle: return x * x + 0.25 * y * y * y * y - y * y;
        default: return NAN;
    }
}

Vec2 LossSurface::analytic_gradient(Vec2 p) const {
    const double x = p.x, y = p.y;
    switch (settings_.kind) {
        case SurfaceKind::Bowl: return {x, settings_.condition * y};
        case SurfaceKind::Rosenbrock: return {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
        case SurfaceKind::Beale: {
            const double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
            return {2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                    2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y};
        }
        case SurfaceKind::Himmelblau: {
            const double a = x * x + y - 11, b = x + y * y - 7;
            return {4 * a * x + 2 * b, 2 * a + 4 * b * y};
        }
        case SurfaceKind::Saddle: return {2 * x, y * y * y - 2 * y};
        default: return {NAN, NAN};
    }
}

double LossSurface::loss(Vec2 p) const {
    if (!data_driven()) return analytic_loss(p);
    double sum = 0;
    for (int i = 0; i < size(); ++i) sum += sample_loss(p, i);
    return sum / size();
}

Vec2 LossSurface::gradient(Vec2 p) const {
    if (!data_driven()) return analytic_gradient(p);
    std::vector<int> all(size());
    for (int i = 0; i < size(); ++i) all[i] = i;
    return batch_gradient(p, all);
}

Vec2 LossSurface::batch_gradient(Vec2 p, const std::vector<int>& batch) const {
    if (!data_driven()) return analytic_gradient(p);
    Vec2 sum;
    for (const int i : batch) {
        const Vec2 g = sample_gradient(p, i);
        sum.x += g.x, sum.y += g.y;
    }
    const double n = static_cast<double>(batch.size());
    return {sum.x / n, sum.y / n};
}

// Newton's method with the exact Hessian: one step for least squares, a few for logistic.
Vec2 LossSurface::find_data_minimum() const {
    Vec2 p;
    for (int iteration = 0; iteration < 50; ++iteration) {
        double h00 = 0, h01 = 0, h11 = 0;
        for (int i = 0; i < size(); ++i) {
            if (settings_.kind == SurfaceKind::LinearRegression) {
                h00 += 2 * x_[i] * x_[i], h01 += 2 * x_[i], h11 += 2;
            } else {
                const double q = sigmoid(p.x * x_[i] + p.y * x2_[i]), c = q * (1 - q);
                h00 += c * x_[i] * x_[i], h01 += c * x_[i] * x2_[i], h11 += c * x2_[i] * x2_[i];
            }
        }
        const double n = size(), l2 = settings_.kind == SurfaceKind::LogisticRegression ? kLogisticL2 : 0;
        h00 = h00 / n + l2, h01 /= n, h11 = h11 / n + l2;
        const Vec2 g = gradient(p);
        const double det = h00 * h11 - h01 * h01;
        if (!(std::fabs(det) > 1e-300)) break;
        const Vec2 step{(h11 * g.x - h01 * g.y) / det, (h00 * g.y - h01 * g.x) / det};
        p.x -= step.x, p.y -= step.y;
        if (std::fabs(step.x) + std::fabs(step.y) < 1e-15) break;
    }
    return p;
}

const char* LossSurface::axis_name(int axis) const {
    switch (settings_.kind) {
        case SurfaceKind::LinearRegression: return axis == 0 ? "w" : "b";
        case SurfaceKind::LogisticRegression: return axis == 0 ? "w1" : "w2";
        default: return axis == 0 ? "x" : "y";
    }
}

View LossSurface::default_view() const {
    switch (settings_.kind) {
        case SurfaceKind::LinearRegression: return {-1, 5, -3, 3};
        case SurfaceKind::LogisticRegression: return {-3, 6, -4, 5};
        case SurfaceKind::Bowl: return {-3, 3, -3, 3};
        case SurfaceKind::Rosenbrock: return {-2, 2, -1, 3};
        case SurfaceKind::Beale: return {-4.5, 4.5, -4.5, 4.5};
        case SurfaceKind::Himmelblau: return {-5, 5, -5, 5};
        case SurfaceKind::Saddle: return {-3, 3, -3, 3};
    }
    return {};
}

Vec2 LossSurface::default_start() const {
    switch (settings_.kind) {
        case SurfaceKind::LinearRegression: return {-0.5, 2.5};
        case SurfaceKind::LogisticRegression: return {-2, 4};
        case SurfaceKind::Bowl: return {-2.5, 1};
        case SurfaceKind::Rosenbrock: return {-1.2, 1};
        case SurfaceKind::Beale: return {1, 1.75};
        case SurfaceKind::Himmelblau: return {0, 0};
        case SurfaceKind::Saddle: return {2.5, 0.02};
    }
    return {};
}

}  // namespace nabla
