// Generators. Each draws every point from one Rng in a fixed order, then the split shuffles with
// the same Rng: one seed, one dataset, natively and in the browser.
#include "nn/datasets.h"

#include <cmath>
#include <vector>

#include "engine/i18n.h"
#include "nn/rng.h"

namespace nabla {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Point {
    double x1, x2, y;
};

std::vector<Point> generate(const DatasetDesc& d, Rng& rng) {
    std::vector<Point> pts;
    const int n = d.points;
    const double noise = d.noise;
    switch (d.kind) {
        case DatasetKind::Circle: {  // label by the noisy point's distance, as the playground does
            const double radius = 5;
            for (int i = 0; i < n; ++i) {
                const bool inside = i < n / 2;
                const double r = inside ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
                const double angle = rng.uniform(0, 2 * kPi);
                const double x = r * std::sin(angle), y = r * std::cos(angle);
                const double nx = rng.uniform(-radius, radius) * noise, ny = rng.uniform(-radius, radius) * noise;
                const double dist = std::hypot(x + nx, y + ny);
                pts.push_back({x, y, dist < radius * 0.5 ? 1.0 : 0.0});
            }
            break;
        }
        case DatasetKind::Xor: {
            const double padding = 0.3;
            for (int i = 0; i < n; ++i) {
                double x = rng.uniform(-5, 5), y = rng.uniform(-5, 5);
                x += x > 0 ? padding : -padding;
                y += y > 0 ? padding : -padding;
                const double nx = rng.uniform(-5, 5) * noise, ny = rng.uniform(-5, 5) * noise;
                pts.push_back({x, y, (x + nx) * (y + ny) >= 0 ? 1.0 : 0.0});
            }
            break;
        }
        case DatasetKind::Gaussian: {  // two blobs at (2, 2) and (-2, -2); noise widens them
            const double variance = 0.5 + 3.5 * noise;
            for (int i = 0; i < n; ++i) {
                const bool positive = i < n / 2;
                const double c = positive ? 2 : -2;
                pts.push_back({rng.normal(c, std::sqrt(variance)), rng.normal(c, std::sqrt(variance)), positive ? 1.0 : 0.0});
            }
            break;
        }
        case DatasetKind::Spiral:
        case DatasetKind::Spiral3: {
            const int arms = d.kind == DatasetKind::Spiral ? 2 : 3;
            const int per_arm = n / arms;
            for (int a = 0; a < arms; ++a)
                for (int i = 0; i < per_arm; ++i) {
                    const double r = static_cast<double>(i) / per_arm * 5;
                    const double t = 1.75 * i / per_arm * 2 * kPi + a * 2 * kPi / arms;
                    pts.push_back({r * std::sin(t) + rng.uniform(-1, 1) * noise, r * std::cos(t) + rng.uniform(-1, 1) * noise,
                                   static_cast<double>(arms == 2 ? 1 - a : a)});
                }
            break;
        }
        case DatasetKind::TwoMoons: {
            for (int i = 0; i < n; ++i) {
                const bool upper = i < n / 2;
                const double t = rng.uniform(0, kPi);
                const double x = upper ? std::cos(t) : 1 - std::cos(t), y = upper ? std::sin(t) : 0.5 - std::sin(t);
                // Centred and scaled into the playground's [-6, 6] view.
                pts.push_back({(x - 0.5) * 4 + rng.normal(0, 0.1 + noise), (y - 0.25) * 4 + rng.normal(0, 0.1 + noise),
                               upper ? 1.0 : 0.0});
            }
            break;
        }
        case DatasetKind::Plane: {
            for (int i = 0; i < n; ++i) {
                const double x = rng.uniform(-6, 6), y = rng.uniform(-6, 6);
                const double nx = rng.uniform(-6, 6) * noise, ny = rng.uniform(-6, 6) * noise;
                pts.push_back({x, y, (x + nx + y + ny) / 12});
            }
            break;
        }
        case DatasetKind::Sine: {
            for (int i = 0; i < n; ++i) {
                const double x = rng.uniform(-6, 6), y = rng.uniform(-6, 6);
                pts.push_back({x, y, std::sin(x) * std::cos(y / 2) + rng.normal(0, 0.5 * noise)});
            }
            break;
        }
        case DatasetKind::Own: break;  // placed by hand: nn/own_data.h
        case DatasetKind::Line: {  // lecture 002: y = 2x
            for (int i = 0; i < n; ++i) {
                const double x = rng.uniform(-3, 3);
                pts.push_back({x, 0, 2 * x + rng.normal(0, 2 * noise)});
            }
            break;
        }
    }
    return pts;
}

Dataset to_dataset(const std::vector<Point>& pts, const std::vector<int>& idx, size_t from, size_t to, int dims, int classes) {
    Dataset d;
    d.classes = classes;
    d.X.resize(static_cast<Eigen::Index>(to - from), dims);
    d.y.resize(static_cast<Eigen::Index>(to - from), 1);
    for (size_t k = from; k < to; ++k) {
        const Point& p = pts[idx[k]];
        const auto row = static_cast<Eigen::Index>(k - from);
        d.X(row, 0) = static_cast<float>(p.x1);
        if (dims == 2) d.X(row, 1) = static_cast<float>(p.x2);
        d.y(row, 0) = static_cast<float>(p.y);
    }
    return d;
}

}  // namespace

std::string DatasetDesc::validate() const {
    if (!DatasetLimits::points.contains(points)) return trf("the number of points must be %s", between(DatasetLimits::points).c_str());
    if (!DatasetLimits::noise.contains(noise)) return trf("noise must be %s", between(DatasetLimits::noise).c_str());
    if (!(train_fraction > 0 && train_fraction < 1)) return tr("the training fraction must be between 0 and 1 (exclusive)");
    if (static_cast<int>(points * train_fraction) < 2 || points - static_cast<int>(points * train_fraction) < 1)
        return tr("the split leaves too few points for training or testing");
    return "";
}

DataSplit make_dataset(const DatasetDesc& d) {
    Rng rng(d.seed);
    const std::vector<Point> pts = generate(d, rng);
    std::vector<int> idx(pts.size());
    for (size_t k = 0; k < idx.size(); ++k) idx[k] = static_cast<int>(k);
    for (size_t k = idx.size(); k > 1; --k) std::swap(idx[k - 1], idx[rng.below(static_cast<std::uint32_t>(k))]);  // Fisher-Yates
    const size_t n_train = static_cast<size_t>(static_cast<double>(pts.size()) * d.train_fraction);
    const int dims = d.kind == DatasetKind::Line ? 1 : 2;
    const int classes = d.kind == DatasetKind::Spiral3 ? 3 : (d.kind == DatasetKind::Plane || d.kind == DatasetKind::Sine || d.kind == DatasetKind::Line) ? 0 : 2;
    return {to_dataset(pts, idx, 0, n_train, dims, classes), to_dataset(pts, idx, n_train, pts.size(), dims, classes)};
}

}  // namespace nabla
