// A GL texture filled from a grid of values with a colour map, drawn by ImGui as an image: the
// playground's decision boundary and neuron thumbnails (engine-filled; see lab/playground_lab.h).
// Only GL here (WebGL2 / GLES3); the values come from the lab, the colours are decided here.
#pragma once

#include <cstdint>
#include <vector>

#include "gfx/rgba_texture.h"

namespace nabla::gfx {

enum class Colormap {
    Diverging,   // TensorFlow Playground's: orange for low/negative, white in the middle, blue for high
    Classes,     // value = class index + confidence: one hue per class, paler where unsure
};

class HeatmapTexture {
public:
    // values: side×side, row-major from the top. [lo, hi] maps onto the colour map; non-finite
    // values are drawn grey, never as a colour they do not have.
    void upload(const std::vector<float>& values, int side, Colormap map, float lo, float hi);
    void* imgui_id() const { return texture_.imgui_id(); }
    bool ready() const { return texture_.ready(); }
    void forget() { texture_.forget(); }  // after a lost WebGL context

private:
    RgbaTexture texture_;
    std::vector<std::uint8_t> rgba_;
};

// Many heatmaps of one size in one texture (the playground's neuron thumbnails): drawn from one
// texture, ImGui batches them into one draw call, where 256 textures were 256 (and a software
// rasteriser spent most of a frame on them).
class HeatmapAtlas {
public:
    void upload(const std::vector<std::vector<float>>& images, int side, Colormap map, float lo, float hi);
    void* imgui_id() const { return texture_.imgui_id(); }
    bool ready() const { return texture_.ready(); }
    int size() const { return count_; }
    void uv(int i, float& u0, float& v0, float& u1, float& v1) const;  // image i's corners in the texture
    void forget() { texture_.forget(); }

private:
    RgbaTexture texture_;
    std::vector<std::uint8_t> rgba_;
    int count_ = 0, columns_ = 1, rows_ = 1, side_ = 1;
};

// The colour a value gets (also used for drawing data points on top of the heatmap).
void colormap_rgb(Colormap map, float value, float lo, float hi, std::uint8_t out[3]);

}  // namespace nabla::gfx
