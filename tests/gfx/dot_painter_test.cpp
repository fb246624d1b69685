// The CPU painter behind the playground's data points and dataset thumbnails: a dot is its colour
// inside, transparent (or the background) outside, partly covered on its one-pixel edge, and later
// dots cover earlier ones as ImGui's blending would.
#include "gfx/dot_painter.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace nabla::gfx;

namespace {

const Rgba kClear{0, 0, 0, 0}, kWhite{255, 255, 255, 255}, kBlue{8, 119, 189, 255}, kOrange{245, 147, 34, 255};

void expect_rgba(Rgba got, Rgba want) {
    EXPECT_EQ(got.r, want.r);
    EXPECT_EQ(got.g, want.g);
    EXPECT_EQ(got.b, want.b);
    EXPECT_EQ(got.a, want.a);
}

}  // namespace

TEST(DotPainter, InsideIsTheColourOutsideIsTheBackground) {
    RgbaImage img;
    paint_dots(img, 20, 10, kClear, {{10, 5, 3, kBlue}});
    ASSERT_EQ(img.width, 20);
    ASSERT_EQ(img.height, 10);
    ASSERT_EQ(img.pixels.size(), 20u * 10 * 4);
    expect_rgba(img.at(9, 4), kBlue);   // pixel centre (9.5, 4.5): 0.7 px from the dot's centre
    expect_rgba(img.at(0, 0), kClear);
    expect_rgba(img.at(15, 5), kClear);  // 5.5 px away, radius 3
}

TEST(DotPainter, TheEdgeIsPartlyCoveredWithTheDotsColour) {
    RgbaImage img;
    paint_dots(img, 20, 20, kClear, {{10, 10.5f, 3, kBlue}});
    // Pixel (12, 10) has its centre at (12.5, 10.5): 2.5 px from the centre, coverage 3 + 0.5 - 2.5 = 1.
    expect_rgba(img.at(12, 10), kBlue);
    // Pixel (13, 10): 3.5 px away, coverage 0. The pixel between the two diagonals is partial.
    expect_rgba(img.at(13, 10), kClear);
    const Rgba edge = img.at(12, 12);  // (12.5, 12.5): distance sqrt(6.25 + 4) = 3.20, coverage 0.30
    EXPECT_NEAR(edge.a, std::lround(255 * (3.5 - std::sqrt(10.25))), 1);
    EXPECT_EQ(edge.r, kBlue.r);  // straight alpha: the colour stays the dot's
    EXPECT_EQ(edge.b, kBlue.b);
}

TEST(DotPainter, LaterDotsCoverEarlierOnesAndTheBackgroundShowsAtTheEdge) {
    RgbaImage img;
    paint_dots(img, 12, 12, kWhite, {{6, 6, 4, kOrange}, {6, 6, 2, kBlue}});
    expect_rgba(img.at(5, 5), kBlue);
    expect_rgba(img.at(8, 5), kOrange);  // (8.5, 5.5): 2.55 px, outside the blue, inside the orange
    expect_rgba(img.at(0, 0), kWhite);
    // On the orange's edge over white: opaque, a mix of the two.
    const Rgba mixed = img.at(9, 9);  // (9.5, 9.5): 4.95 px, coverage 4.5 - 4.95 < 0 → white
    expect_rgba(mixed, kWhite);
    const Rgba partial = img.at(9, 6);  // (9.5, 6.5): 3.54 px, coverage 0.96
    EXPECT_EQ(partial.a, 255);
    EXPECT_GT(partial.g, kOrange.g);
    EXPECT_LT(partial.b, kWhite.b);
}

TEST(DotPainter, DotsOffTheImageOrNotFiniteAreSkipped) {
    RgbaImage img;
    paint_dots(img, 8, 8, kClear, {{-20, 4, 3, kBlue}, {NAN, 4, 3, kBlue}, {4, INFINITY, 3, kBlue}, {4, 4, -1, kBlue}, {3e30f, -3e30f, 2, kBlue}, {7.5f, 7.5f, 1, kBlue}});
    expect_rgba(img.at(0, 0), kClear);
    expect_rgba(img.at(4, 4), kClear);
    expect_rgba(img.at(7, 7), kBlue);  // a dot in the corner is clipped, not dropped
}

TEST(DotPainter, AnEmptyImageIsAllowed) {
    RgbaImage img;
    paint_dots(img, 0, 0, kWhite, {{1, 1, 1, kBlue}});
    EXPECT_TRUE(img.pixels.empty());
}
