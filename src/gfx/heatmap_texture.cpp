#include "gfx/heatmap_texture.h"

#include <algorithm>
#include <cmath>

namespace nabla::gfx {

namespace {

void mix(const float a[3], const float b[3], float t, std::uint8_t out[3]) {
    for (int i = 0; i < 3; ++i) out[i] = static_cast<std::uint8_t>(std::lround(a[i] + (b[i] - a[i]) * t));
}

}  // namespace

void colormap_rgb(Colormap map, float v, float lo, float hi, std::uint8_t out[3]) {
    static const float grey[3] = {150, 150, 150};
    if (!std::isfinite(v)) {
        for (int i = 0; i < 3; ++i) out[i] = static_cast<std::uint8_t>(grey[i]);
        return;
    }
    static const float orange[3] = {245, 147, 34}, white[3] = {248, 248, 248}, blue[3] = {8, 119, 189};
    if (map == Colormap::Diverging) {
        const float t = std::clamp((v - lo) / (hi - lo), 0.0f, 1.0f) * 2 - 1;  // -1 … 1
        if (t < 0) mix(white, orange, -t, out);
        else mix(white, blue, t, out);
        return;
    }
    static const float hues[3][3] = {{245, 147, 34}, {8, 119, 189}, {60, 160, 60}};
    const int cls = std::clamp(static_cast<int>(v), 0, 2);
    const float confidence = std::clamp((v - cls - 1.0f / 3) * 1.5f, 0.0f, 1.0f);  // softmax max ≥ 1/3
    mix(white, hues[cls], 0.25f + 0.75f * confidence, out);
}

void HeatmapTexture::upload(const std::vector<float>& values, int side, Colormap map, float lo, float hi) {
    rgba_.resize(static_cast<size_t>(side) * side * 4);
    for (int i = 0; i < side * side; ++i) {
        colormap_rgb(map, values[i], lo, hi, &rgba_[i * 4]);
        rgba_[i * 4 + 3] = 255;
    }
    texture_.upload(rgba_.data(), side, side);
}

void HeatmapAtlas::upload(const std::vector<std::vector<float>>& images, int side, Colormap map, float lo, float hi) {
    count_ = static_cast<int>(images.size());
    side_ = side;
    columns_ = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count_)))));
    rows_ = std::max(1, (count_ + columns_ - 1) / columns_);
    const int width = columns_ * side, height = rows_ * side;
    rgba_.assign(static_cast<size_t>(width) * height * 4, 255);
    for (int k = 0; k < count_; ++k) {
        const int x0 = (k % columns_) * side, y0 = (k / columns_) * side;
        for (int r = 0; r < side; ++r)
            for (int c = 0; c < side; ++c)
                colormap_rgb(map, images[k][static_cast<size_t>(r) * side + c], lo, hi,
                             &rgba_[(static_cast<size_t>(y0 + r) * width + x0 + c) * 4]);
    }
    texture_.upload(rgba_.data(), width, height);
}

void HeatmapAtlas::uv(int i, float& u0, float& v0, float& u1, float& v1) const {
    // Half a texel in from each edge: linear filtering must not pull in the neighbouring image.
    const float w = static_cast<float>(columns_ * side_), h = static_cast<float>(rows_ * side_);
    const int x = (i % columns_) * side_, y = (i / columns_) * side_;
    u0 = (x + 0.5f) / w, v0 = (y + 0.5f) / h, u1 = (x + side_ - 0.5f) / w, v1 = (y + side_ - 0.5f) / h;
}

}  // namespace nabla::gfx
