// Loss surfaces over two parameters p = (p0, p1), for the trajectory lab.
// Data-driven surfaces average a per-sample loss over a small seeded dataset, so a minibatch has a
// gradient of its own (lecture 000: the SGD path is noisy because each step sees one sample).
// Analytic surfaces have one exact gradient whatever the batch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/enum_table.h"
#include "engine/range.h"

namespace nabla {

struct Vec2 {
    double x = 0, y = 0;
};

enum class SurfaceKind { LinearRegression, LogisticRegression, Bowl, Rosenbrock, Beale, Himmelblau, Saddle, Last = Saddle };
// help: the surface's formula, shown under the combo.
template <>
struct EnumTable<SurfaceKind> {
    static constexpr EnumRow<SurfaceKind> rows[] = {
        {SurfaceKind::LinearRegression, "linear", "linear regression (y = 2x)", "linear",
         "linear regression  y\xCC\x82 = w\xC2\xB7x + b,  L = mean (y\xCC\x82 \xE2\x88\x92 y)\xC2\xB2"},
        {SurfaceKind::LogisticRegression, "logistic", "logistic regression", "logistic",
         "logistic regression  p = \xCF\x83(w1\xC2\xB7x1 + w2\xC2\xB7x2),  L = mean cross-entropy + 0.005\xC2\xB7\xE2\x80\x96w\xE2\x80\x96\xC2\xB2"},
        {SurfaceKind::Bowl, "bowl", "quadratic bowl", "bowl", "quadratic bowl  L = \xC2\xBD(x\xC2\xB2 + \xCE\xBA\xC2\xB7y\xC2\xB2)"},
        {SurfaceKind::Rosenbrock, "rosenbrock", "Rosenbrock", "Rosenbrock", "Rosenbrock  L = (1 \xE2\x88\x92 x)\xC2\xB2 + 100(y \xE2\x88\x92 x\xC2\xB2)\xC2\xB2"},
        {SurfaceKind::Beale, "beale", "Beale", "Beale",
         "Beale  L = (1.5 \xE2\x88\x92 x + xy)\xC2\xB2 + (2.25 \xE2\x88\x92 x + xy\xC2\xB2)\xC2\xB2 + (2.625 \xE2\x88\x92 x + xy\xC2\xB3)\xC2\xB2"},
        {SurfaceKind::Himmelblau, "himmelblau", "Himmelblau", "Himmelblau",
         "Himmelblau  L = (x\xC2\xB2 + y \xE2\x88\x92 11)\xC2\xB2 + (x + y\xC2\xB2 \xE2\x88\x92 7)\xC2\xB2"},
        {SurfaceKind::Saddle, "saddle", "saddle", "saddle", "saddle between two minima  L = x\xC2\xB2 + y\xE2\x81\xB4/4 \xE2\x88\x92 y\xC2\xB2"},
    };
};
static_assert(enum_table_complete<SurfaceKind>(), "every surface has one row, in order");

struct SurfaceSettings {
    SurfaceKind kind = SurfaceKind::LinearRegression;
    int points = 32;         // data-driven: how many samples
    double noise = 0.5;      // data-driven: the spread around the true line / class centre
    double condition = 10;   // bowl: ratio of its two curvatures
    std::uint64_t seed = 1;  // data-driven: the dataset

    static constexpr Range points_range{2, 1000}, noise_range{0, 5}, condition_range{1, 1000};

    std::string validate() const;  // "" when usable
    std::string key() const;       // equal keys, equal surfaces (for caches)
};

struct View {  // a rectangle of parameter space: p0 across, p1 up
    double x0 = -1, x1 = 1, y0 = -1, y1 = 1;
};

class LossSurface {
public:
    explicit LossSurface(const SurfaceSettings& s);  // s must validate

    bool data_driven() const { return !x_.empty(); }
    int size() const { return data_driven() ? static_cast<int>(x_.size()) : 1; }  // samples

    // The full loss and its gradient: the average over every sample.
    double loss(Vec2 p) const;
    Vec2 gradient(Vec2 p) const;
    // The average over the samples `batch` (indices, ascending: with every index the result is
    // bit-for-bit the full gradient). Analytic surfaces ignore the batch.
    Vec2 batch_gradient(Vec2 p, const std::vector<int>& batch) const;

    const char* axis_name(int axis) const;  // "w", "b"; "w1", "w2"; "x", "y"
    View default_view() const;
    Vec2 default_start() const;
    Vec2 minimum() const { return minimum_; }  // the global minimum (one of them for Himmelblau)
    double minimum_loss() const { return minimum_loss_; }

    // The samples, for checks against them: x and target (linear); x1 and label (logistic).
    const std::vector<double>& x() const { return x_; }
    const std::vector<double>& target() const { return t_; }

private:
    SurfaceSettings settings_;
    std::vector<double> x_, x2_, t_;
    Vec2 minimum_;
    double minimum_loss_ = 0;

    double sample_loss(Vec2 p, int i) const;
    Vec2 sample_gradient(Vec2 p, int i) const;
    Vec2 analytic_gradient(Vec2 p) const;
    double analytic_loss(Vec2 p) const;
    Vec2 find_data_minimum() const;
};

}  // namespace nabla
