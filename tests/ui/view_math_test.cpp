// The panels' geometry, checked without a browser: mapping a view to pixels and back, fitting it
// to a picture, zooming within bounds, tick steps, clipping, and dash counts that stay bounded.
#include <gtest/gtest.h>

#include <cmath>

#include "ui/view_math.h"

namespace nabla::ui {
namespace {

TEST(ViewMath, PlaneMapRoundTripsAndPutsYUp) {
    const PlaneMap map{{-6, 6, -6, 6}, 10, 20, 240, 120};
    EXPECT_EQ(map.to_screen({-6, 6}).x, 10);  // top-left corner
    EXPECT_EQ(map.to_screen({-6, 6}).y, 20);
    EXPECT_EQ(map.to_screen({6, -6}).x, 250);  // bottom-right corner
    EXPECT_EQ(map.to_screen({6, -6}).y, 140);
    const Vec2 p = map.to_plane(map.to_screen({1.25, -3.5}));
    EXPECT_NEAR(p.x, 1.25, 1e-12);
    EXPECT_NEAR(p.y, -3.5, 1e-12);
    const Vec2 c = map.cell_centre(0, 0, 4);  // the top-left cell of a 4 x 4 grid
    EXPECT_DOUBLE_EQ(c.x, -4.5);
    EXPECT_DOUBLE_EQ(c.y, 4.5);
}

TEST(ViewMath, FitKeepsUnitsSquareAndTheViewInside) {
    const View v = fit_view({-1, 1, -1, 1}, 400, 200);
    EXPECT_DOUBLE_EQ((v.x1 - v.x0) / 400, (v.y1 - v.y0) / 200);
    EXPECT_LE(v.x0, -1);
    EXPECT_GE(v.x1, 1);
    EXPECT_DOUBLE_EQ(v.y0, -1);
    EXPECT_DOUBLE_EQ(v.y1, 1);
}

TEST(ViewMath, ZoomKeepsThePointerAndStopsAtItsBounds) {
    const View home{-1, 1, -1, 1};
    View v = zoom_view(home, {0.5, 0.5}, 0.5, home);
    EXPECT_DOUBLE_EQ(v.x1 - v.x0, 1);
    EXPECT_DOUBLE_EQ(0.5 - v.x0, 0.75);  // the point under the pointer stays under it: 1.5 to its left, halved
    for (int notch = 0; notch < 1000; ++notch) v = zoom_view(v, {0.3, 0.3}, 1 / 1.15, home);
    EXPECT_GE(v.x1 - v.x0, 2e-6 * (1 - 1e-9));  // 1e-6 of home, never less
    EXPECT_TRUE(std::isfinite(v.x0) && v.x1 > v.x0);
    for (int notch = 0; notch < 1000; ++notch) v = zoom_view(v, {1e9, -1e9}, 1.15, home);
    EXPECT_LE(v.x1 - v.x0, 2e3 * (1 + 1e-9));  // 1000 times home, never more
    EXPECT_LE(std::fabs(0.5 * (v.x0 + v.x1)), 2e3 + 1e-6);  // and within reach of it
}

TEST(ViewMath, TickStepsAreRoundAndNoDenserThanAsked) {
    EXPECT_DOUBLE_EQ(tick_step(1, 6), 0.2);
    EXPECT_DOUBLE_EQ(tick_step(12, 6), 5);  // span / count = 2 exactly: the next round step up
    EXPECT_DOUBLE_EQ(tick_step(30, 6), 10);
    EXPECT_DOUBLE_EQ(tick_step(7000, 6), 2000);
    for (double span = 1e-3; span < 1e6; span *= 1.37) {
        const double step = tick_step(span, 6);
        EXPECT_LE(span / step, 6) << span;
        EXPECT_GT(span / step, 6.0 / 10) << span;
    }
}

TEST(ViewMath, ClipSegment) {
    double x0 = -10, y0 = 5, x1 = 20, y1 = 5;  // crosses the box left to right
    ASSERT_TRUE(clip_segment(x0, y0, x1, y1, 0, 0, 10, 10));
    EXPECT_DOUBLE_EQ(x0, 0);
    EXPECT_DOUBLE_EQ(x1, 10);
    double a = -10, b = -10, c = -5, d = 20;  // passes by on the left
    EXPECT_FALSE(clip_segment(a, b, c, d, 0, 0, 10, 10));
    double far0 = 1e300, far1 = 5, in0 = 5, in1 = 5;  // a diverged point far away: clipped, finite
    ASSERT_TRUE(clip_segment(in0, in1, far0, far1, 0, 0, 10, 10));
    EXPECT_DOUBLE_EQ(far0, 10);
}

TEST(ViewMath, SegmentDistance) {
    EXPECT_DOUBLE_EQ(segment_distance({5, 3}, {0, 0}, {10, 0}), 3);
    EXPECT_DOUBLE_EQ(segment_distance({-4, 3}, {0, 0}, {10, 0}), 5);  // past an end: to the end
    EXPECT_DOUBLE_EQ(segment_distance({1, 1}, {0, 0}, {0, 0}), std::sqrt(2.0));
}

TEST(ViewMath, DashesAreBounded) {
    const std::vector<Vec2> d = dashes(30, 7, 4, 100);
    ASSERT_EQ(d.size(), 5u);
    EXPECT_DOUBLE_EQ(d[4].x, 28);
    EXPECT_DOUBLE_EQ(d[4].y, 30);  // the last dash ends with the segment
    EXPECT_TRUE(dashes(1e9, 7, 4, 400).empty());  // a deep zoom: drawn solid, not 140 million dashes
    EXPECT_TRUE(dashes(NAN, 7, 4, 400).empty());
}

}  // namespace
}  // namespace nabla::ui

namespace nabla::ui {
namespace {

// SGD circling a minimum: 20 000 steps back and forth among a few pixels are a handful of lines.
TEST(BoundSegments, RepeatsOfTheSamePixelsAreDrawnOnce) {
    std::vector<Segment> s;
    for (int k = 0; k < 20000; ++k) {
        const Vec2 a{100.0 + k % 5, 100.2}, b{103.0 - k % 3, 98.9 + 0.1 * (k % 2)};
        s.push_back(k % 2 ? Segment{a, b} : Segment{b, a});
    }
    EXPECT_EQ(bound_segments(s, 3000), 1);
    EXPECT_LE(s.size(), 5u * 3u);
    EXPECT_GE(s.size(), 5u);
}

// A path that keeps finding new pixels is thinned to the budget: the newest half kept in full, the
// older steps sampled evenly, oldest first, so the frame's cost stays flat as the run grows.
TEST(BoundSegments, ALongPathIsCutToTheBudgetKeepingTheNewest) {
    for (const int steps : {2000, 10000, 40000}) {
        std::vector<Segment> s;
        for (int k = 0; k < steps; ++k) s.push_back({{k * 1.0, 0}, {k + 1.0, 1}});
        const int stride = bound_segments(s, 2000);
        EXPECT_LE(s.size(), 2000u) << steps;
        EXPECT_EQ(stride, steps <= 2000 ? 1 : static_cast<int>((steps - 1000 + 999) / 1000)) << steps;
        EXPECT_EQ(s.back().b.x, steps) << "the newest step is drawn";
        EXPECT_EQ(s.front().a.x, 0) << "so is the first";
        if (steps > 2000) {
            EXPECT_EQ(s[s.size() - 1000].a.x, steps - 1000) << "the newest 1000 in full";
        }
    }
}

}  // namespace
}  // namespace nabla::ui
