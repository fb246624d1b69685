// Every surface's gradient against central differences in double precision, its minimum against an
// independent computation, and the minibatch gradient against the full one.
#include <gtest/gtest.h>

#include <cmath>

#include "lab/loss_surface.h"
#include "nn/rng.h"

namespace nabla {
namespace {

Vec2 central_difference(const LossSurface& s, Vec2 p) {
    const double h = 1e-6;
    return {(s.loss({p.x + h, p.y}) - s.loss({p.x - h, p.y})) / (2 * h), (s.loss({p.x, p.y + h}) - s.loss({p.x, p.y - h})) / (2 * h)};
}

TEST(LossSurface, EveryGradientMatchesCentralDifferences) {
    Rng rng(7);
    for (int k = 0; k < enum_count<SurfaceKind>(); ++k) {
        SurfaceSettings settings;
        settings.kind = static_cast<SurfaceKind>(k);
        const LossSurface s(settings);
        const View v = s.default_view();
        for (int trial = 0; trial < 200; ++trial) {
            const Vec2 p{rng.uniform(v.x0, v.x1), rng.uniform(v.y0, v.y1)};
            const Vec2 g = s.gradient(p), fd = central_difference(s, p);
            const double scale = 1 + std::hypot(g.x, g.y);
            EXPECT_NEAR(g.x, fd.x, 2e-6 * scale) << enum_key(settings.kind) << " at " << p.x << ", " << p.y;
            EXPECT_NEAR(g.y, fd.y, 2e-6 * scale) << enum_key(settings.kind) << " at " << p.x << ", " << p.y;
        }
    }
}

TEST(LossSurface, MinimaAreWhereTheGradientVanishes) {
    for (int k = 0; k < enum_count<SurfaceKind>(); ++k) {
        SurfaceSettings settings;
        settings.kind = static_cast<SurfaceKind>(k);
        const LossSurface s(settings);
        const Vec2 g = s.gradient(s.minimum());
        EXPECT_NEAR(g.x, 0, 1e-9) << enum_key(settings.kind);
        EXPECT_NEAR(g.y, 0, 1e-9) << enum_key(settings.kind);
        // and it is a minimum: every neighbour is higher
        for (const Vec2 d : {Vec2{1e-3, 0}, Vec2{-1e-3, 0}, Vec2{0, 1e-3}, Vec2{0, -1e-3}})
            EXPECT_GT(s.loss({s.minimum().x + d.x, s.minimum().y + d.y}), s.minimum_loss()) << enum_key(settings.kind);
    }
}

TEST(LossSurface, LinearRegressionMinimumIsTheLeastSquaresLine) {
    SurfaceSettings settings;  // lecture 002's y = 2x with noise 0.5
    const LossSurface s(settings);
    // Closed form, computed here independently: w = cov(x, y) / var(x), b = mean y − w · mean x.
    double mx = 0, my = 0, sxy = 0, sxx = 0;
    const int n = s.size();
    for (int i = 0; i < n; ++i) mx += s.x()[i] / n, my += s.target()[i] / n;
    for (int i = 0; i < n; ++i) sxy += (s.x()[i] - mx) * (s.target()[i] - my), sxx += (s.x()[i] - mx) * (s.x()[i] - mx);
    const double w = sxy / sxx, b = my - w * mx;
    EXPECT_NEAR(s.minimum().x, w, 1e-12);
    EXPECT_NEAR(s.minimum().y, b, 1e-12);
    EXPECT_NEAR(w, 2, 0.3);  // the data really is y = 2x
    EXPECT_NEAR(b, 0, 0.5);
}

TEST(LossSurface, BatchOfEverySampleIsTheFullGradientExactly) {
    for (const SurfaceKind kind : {SurfaceKind::LinearRegression, SurfaceKind::LogisticRegression}) {
        SurfaceSettings settings;
        settings.kind = kind;
        const LossSurface s(settings);
        std::vector<int> all;
        for (int i = 0; i < s.size(); ++i) all.push_back(i);
        const Vec2 p{0.7, -1.3};
        EXPECT_EQ(s.batch_gradient(p, all).x, s.gradient(p).x);
        EXPECT_EQ(s.batch_gradient(p, all).y, s.gradient(p).y);
        // while one sample is a different, noisy estimate
        EXPECT_NE(s.batch_gradient(p, {3}).x, s.gradient(p).x);
    }
}

TEST(LossSurface, AnalyticSurfacesIgnoreTheBatch) {
    SurfaceSettings settings;
    settings.kind = SurfaceKind::Rosenbrock;
    const LossSurface s(settings);
    EXPECT_FALSE(s.data_driven());
    EXPECT_EQ(s.batch_gradient({-1, 2}, {0}).x, s.gradient({-1, 2}).x);
    EXPECT_DOUBLE_EQ(s.loss({1, 1}), 0);
    EXPECT_DOUBLE_EQ(s.loss({0, 0}), 1);  // (1 − 0)² + 100·0
}

TEST(LossSurface, SettingsOutOfRangeAreRefused) {
    SurfaceSettings s;
    s.points = 1;
    EXPECT_NE(s.validate(), "");
    s = {};
    s.noise = NAN;
    EXPECT_NE(s.validate(), "");
    s = {};
    s.condition = 0.5;
    EXPECT_NE(s.validate(), "");
    s = {};
    s.kind = static_cast<SurfaceKind>(99);
    EXPECT_NE(s.validate(), "");
    EXPECT_EQ(SurfaceSettings{}.validate(), "");
}

}  // namespace
}  // namespace nabla
