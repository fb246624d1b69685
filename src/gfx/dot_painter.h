// Data points painted on the CPU into one RGBA image, for ImGui to draw as a single textured quad.
// As ImGui circles, the playground's 500 points and the dataset thumbnails' 2,000 were ~50,000 tiny
// triangles a frame, which a software rasteriser (SwiftShader here; a projector laptop without a GPU)
// pays for in full: a third of the frame. Painted once when the data or the size changes, they cost
// nothing per frame. Pure C++ (no GL) so the native tests check the pixels.
#pragma once

#include <cstdint>
#include <vector>

namespace nabla::gfx {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 0;
};

struct Dot {
    float x = 0, y = 0;  // centre, in pixels from the image's top-left corner
    float radius = 1;
    Rgba color;
};

// A width×height image, row-major from the top, straight (not premultiplied) alpha, as ImGui's
// default blending expects.
struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;  // 4 bytes a pixel

    Rgba at(int x, int y) const;
};

// Fills the image with the background, then paints the dots in order (later ones on top), each with
// an anti-aliased edge one pixel wide.
void paint_dots(RgbaImage& image, int width, int height, Rgba background, const std::vector<Dot>& dots);

}  // namespace nabla::gfx
