#include "gfx/dot_painter.h"

#include <algorithm>
#include <cmath>

namespace nabla::gfx {

Rgba RgbaImage::at(int x, int y) const {
    const std::uint8_t* p = &pixels[(static_cast<size_t>(y) * width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
}

namespace {

// Porter-Duff "over" in straight alpha: what ImGui's blending would have produced, drawn in order.
void blend_over(std::uint8_t* dst, Rgba src, float coverage) {
    const float as = src.a / 255.0f * coverage, ad = dst[3] / 255.0f;
    const float out = as + ad * (1 - as);
    if (out <= 0) return;
    const std::uint8_t rgb[3] = {src.r, src.g, src.b};
    for (int i = 0; i < 3; ++i) dst[i] = static_cast<std::uint8_t>(std::lround((rgb[i] * as + dst[i] * ad * (1 - as)) / out));
    dst[3] = static_cast<std::uint8_t>(std::lround(out * 255));
}

}  // namespace

void paint_dots(RgbaImage& image, int width, int height, Rgba background, const std::vector<Dot>& dots) {
    image.width = std::max(0, width);
    image.height = std::max(0, height);
    image.pixels.resize(static_cast<size_t>(image.width) * image.height * 4);
    for (size_t i = 0; i < image.pixels.size(); i += 4) {
        image.pixels[i] = background.r, image.pixels[i + 1] = background.g;
        image.pixels[i + 2] = background.b, image.pixels[i + 3] = background.a;
    }
    for (const Dot& d : dots) {
        if (!std::isfinite(d.x) || !std::isfinite(d.y) || !(d.radius > 0)) continue;
        // Pixel centres at (x + 0.5, y + 0.5); coverage falls from 1 to 0 across the edge's pixel.
        // Clamped before the cast: a far-away point must not overflow an int.
        auto clamp_to = [](float v, int hi) { return static_cast<int>(std::clamp(v, -1.0f, static_cast<float>(hi))); };
        const int x0 = std::max(0, clamp_to(std::floor(d.x - d.radius - 1), image.width));
        const int x1 = std::min(image.width - 1, clamp_to(std::ceil(d.x + d.radius + 1), image.width));
        const int y0 = std::max(0, clamp_to(std::floor(d.y - d.radius - 1), image.height));
        const int y1 = std::min(image.height - 1, clamp_to(std::ceil(d.y + d.radius + 1), image.height));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const float distance = std::hypot(x + 0.5f - d.x, y + 0.5f - d.y);
                const float coverage = std::clamp(d.radius + 0.5f - distance, 0.0f, 1.0f);
                if (coverage > 0) blend_over(&image.pixels[(static_cast<size_t>(y) * image.width + x) * 4], d.color, coverage);
            }
    }
}

}  // namespace nabla::gfx
