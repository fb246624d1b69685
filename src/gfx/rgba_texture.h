// A GL texture holding an RGBA image, drawn by ImGui as an image (ImGui::Image / AddImage).
// Only GL here (WebGL2 / GLES3).
#pragma once

#include <cstdint>

#include "gfx/dot_painter.h"

namespace nabla::gfx {

class RgbaTexture {
public:
    RgbaTexture() = default;
    RgbaTexture(const RgbaTexture&) = delete;
    RgbaTexture& operator=(const RgbaTexture&) = delete;
    ~RgbaTexture();

    // pixels: width×height×4 bytes, row-major from the top. nearest: sample without filtering, for
    // images made at the device's pixels with transparent parts (straight alpha blended by a linear
    // filter with its transparent black neighbours would darken every edge).
    void upload(const std::uint8_t* pixels, int width, int height, bool nearest = false);
    void upload(const RgbaImage& image, bool nearest = false) { upload(image.pixels.data(), image.width, image.height, nearest); }
    void* imgui_id() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(id_)); }
    bool ready() const { return id_ != 0; }
    // After a lost WebGL context: the old id means nothing now; the next upload makes a new one.
    void forget() { id_ = 0, width_ = height_ = 0; }

private:
    unsigned id_ = 0;
    int width_ = 0, height_ = 0;
};

}  // namespace nabla::gfx
