// Loss surfaces over two parameters p = (p0, p1), for the trajectory lab.
// Data-driven surfaces average a per-sample loss over a small seeded dataset, so a minibatch has a
// gradient of its own (lecture 000: the SGD path is noisy because each step sees one sample).
// Analytic surfaces have one exact gradient whatever the batch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nabla {

struct Vec2 {
    double x = 0, y = 0;
};

enum class SurfaceKind { LinearRegression, LogisticRegression, Bowl, Rosenbrock, Beale, Himmelblau, Saddle };
constexpr int kSurfaceCount = 7;
const char* surface_name(SurfaceKind k);   // short, for links: "linear", "logistic", "bowl"...
const char* surface_title(SurfaceKind k);  // for people: "linear regression  y = w·x + b"

struct SurfaceSettings {
    SurfaceKind kind = SurfaceKind::LinearRegression;
    int points = 32;         // data-driven: how many samples
    double noise = 0.5;      // data-driven: the spread around the true line / class centre
    double condition = 10;   // bowl: ratio of its two curvatures
    std::uint64_t seed = 1;  // data-driven: the dataset

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
