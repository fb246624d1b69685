// Which parts of a frame changed (gfx/damage.h): nothing when nothing did, everything when the
// frame is new or a layer appears, and otherwise few disjoint rectangles in whole device pixels that
// cover every triangle that moved, changed or went away.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "gfx/damage.h"

namespace nabla::gfx {
namespace {

constexpr float kWidth = 1280, kHeight = 720;

// A layer of n small squares (two triangles each) on a grid, each with a look of its own.
std::vector<DrawnCorner> squares(int n, float size = 6) {
    std::vector<DrawnCorner> c;
    for (int i = 0; i < n; ++i) {
        const float x = 10 + 14.0f * static_cast<float>(i % 80), y = 10 + 14.0f * static_cast<float>(i / 80);
        const std::uint64_t look = 1000 + static_cast<std::uint64_t>(i);
        for (const auto& [dx, dy] : {std::pair{0, 0}, {1, 0}, {1, 1}, {0, 0}, {1, 1}, {0, 1}})
            c.push_back({x + size * static_cast<float>(dx), y + size * static_cast<float>(dy), look});
    }
    return c;
}

const std::vector<DamageRect>& frame(Damage& d, const std::vector<std::vector<DrawnCorner>>& layers, float ratio = 1) {
    d.begin(kWidth, kHeight, ratio);
    for (std::vector<DrawnCorner> l : layers) d.layer(std::move(l));
    return d.finish();
}

bool whole(const std::vector<DamageRect>& r) {
    return r.size() == 1 && r[0].x0 == 0 && r[0].y0 == 0 && r[0].x1 == kWidth && r[0].y1 == kHeight;
}

bool covers(const std::vector<DamageRect>& rects, float x0, float y0, float x1, float y1) {
    for (const DamageRect& r : rects)
        if (r.x0 <= x0 && r.y0 <= y0 && r.x1 >= x1 && r.y1 >= y1) return true;
    return false;
}

void expect_disjoint_and_whole_pixels(const std::vector<DamageRect>& rects, float ratio) {
    for (size_t i = 0; i < rects.size(); ++i) {
        for (float v : {rects[i].x0, rects[i].y0, rects[i].x1, rects[i].y1})  // to float rounding: 2.625 is no power of two
            EXPECT_NEAR(v * ratio, std::round(v * ratio), 1e-3) << v;
        for (size_t j = i + 1; j < rects.size(); ++j) {
            const DamageRect &a = rects[i], &b = rects[j];
            EXPECT_FALSE(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) << i << " and " << j << " overlap";
        }
    }
}

TEST(Damage, TheFirstFrameIsWholeAnUnchangedOneIsNothing) {
    Damage d;
    EXPECT_TRUE(whole(frame(d, {squares(10), squares(5)})));
    EXPECT_TRUE(frame(d, {squares(10), squares(5)}).empty());
    EXPECT_TRUE(whole(frame(d, {squares(10), squares(5), squares(1)}))) << "a popup: a layer more";
    EXPECT_TRUE(whole(frame(d, {squares(10), squares(5)}))) << "the popup closed: a layer less";
    d.begin(kWidth + 1, kHeight, 1);  // a new canvas size
    d.layer(squares(10)), d.layer(squares(5));
    const std::vector<DamageRect>& wider = d.finish();
    ASSERT_EQ(wider.size(), 1u);
    EXPECT_EQ(wider[0].area(), (kWidth + 1) * kHeight);
    d.begin(kWidth, kHeight, 1);
    d.layer(squares(10)), d.layer(squares(5));
    d.everything();  // a font rebuilt, a picture to download
    EXPECT_TRUE(whole(d.finish()));
}

TEST(Damage, AChangedTriangleIsRedrawnWhereItWasAndWhereItIs) {
    Damage d;
    frame(d, {squares(100)});
    std::vector<DrawnCorner> moved = squares(100);
    for (int k = 6 * 42; k < 6 * 43; ++k) moved[k].x += 30;  // square 42 (at 598, 10) moves right
    const auto& rects = frame(d, {moved});
    ASSERT_EQ(rects.size(), 1u);
    EXPECT_TRUE(covers(rects, 598, 10, 634, 16)) << rects[0].x0 << " " << rects[0].y0 << " " << rects[0].x1 << " " << rects[0].y1;
    EXPECT_LT(rects[0].area(), 60 * 20) << "only around it";

    std::vector<DrawnCorner> recoloured = moved;
    recoloured[6 * 7 + 2].look = 1;  // one corner of square 7 (at 108, 10): its whole triangle
    const auto& again = frame(d, {recoloured});
    ASSERT_EQ(again.size(), 1u);
    EXPECT_TRUE(covers(again, 108, 10, 114, 16));
}

TEST(Damage, AGrowingLayerRedrawsWhatLiesBetweenItsCommonStartAndEnd) {
    Damage d;
    std::vector<DrawnCorner> before = squares(50);
    frame(d, {before});
    std::vector<DrawnCorner> after = before;
    const std::vector<DrawnCorner> extra = squares(61);  // square 60 sits at (850, 10)
    after.insert(after.begin() + 6 * 20, extra.end() - 6, extra.end());
    const auto& rects = frame(d, {after});
    ASSERT_FALSE(rects.empty());
    EXPECT_FALSE(whole(rects));
    EXPECT_TRUE(covers(rects, 850, 10, 856, 16));
    float area = 0;
    for (const DamageRect& r : rects) area += r.area();
    EXPECT_LT(area, 20 * 20) << "the squares before and after it are where they were";
}

TEST(Damage, ScatteredChangesBecomeFewDisjointRectanglesCoveringThemAll) {
    for (const float ratio : {1.0f, 2.0f, 2.625f}) {
        Damage d;
        std::mt19937 rng(5);
        std::vector<DrawnCorner> layer = squares(3000);
        frame(d, {layer}, ratio);
        int partial = 0;
        for (int round = 0; round < 20; ++round) {
            std::vector<DrawnCorner> next = layer;
            std::vector<int> changed;
            for (int k = 0; k < 12; ++k) {
                const int s = static_cast<int>(rng() % 3000);
                changed.push_back(s);
                for (int c = 0; c < 6; ++c) next[6 * s + c].look ^= 77;
            }
            const auto& rects = frame(d, {next}, ratio);
            ASSERT_FALSE(rects.empty());
            EXPECT_LE(rects.size(), 8u);
            expect_disjoint_and_whole_pixels(rects, ratio);
            partial += !whole(rects);
            if (!whole(rects))
                for (int s : changed) {
                    const DrawnCorner& a = next[6 * s];
                    EXPECT_TRUE(covers(rects, a.x, a.y, a.x + 6, a.y + 6)) << "square " << s << " at ratio " << ratio;
                }
            layer = next;
        }
        EXPECT_GE(partial, 15) << "twelve small changes seldom need the whole canvas";
    }
}

TEST(Damage, MostOfTheCanvasChangedIsOneWholeRedraw) {
    Damage d;
    frame(d, {squares(3000)});
    std::vector<DrawnCorner> next = squares(3000);
    for (DrawnCorner& c : next) c.look ^= 1;
    EXPECT_TRUE(whole(frame(d, {next})));
}

}  // namespace
}  // namespace nabla::gfx
