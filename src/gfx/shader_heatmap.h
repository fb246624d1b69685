// A grid of values drawn by our own fragment shader (shaders/heatmap.frag) into a texture at the
// size it is shown, so contour lines stay sharp whatever the grid's resolution. The values come
// from the engine (lab models); how they look is decided here and in the shader.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nabla::gfx {

struct HeatmapStyle {
    enum Map { Sequential = 0, Diverging = 1, Classes = 2 } map = Sequential;
    bool log = false;            // colour by log(value − floor + epsilon): losses span decades
    float floor = 0, epsilon = 1e-3f;
    float lo = 0, hi = 1;        // the range the colour map spans (after the log)
    float levels = 0;            // contour lines across [lo, hi]
    bool mark = false;           // one strong line at `mark_value` (the decision boundary)
    float mark_value = 0.5f;
};

// The colour map's uniforms (shaders/colour_map.glsl) of `program`, which is in use.
void set_colour_uniforms(unsigned program, const HeatmapStyle& style);

class ShaderHeatmap {
public:
    ShaderHeatmap() = default;
    ShaderHeatmap(const ShaderHeatmap&) = delete;
    ShaderHeatmap& operator=(const ShaderHeatmap&) = delete;
    ~ShaderHeatmap();

    // values: cols × rows, row-major from the top; for the Classes map four floats a point (the
    // probabilities of classes 0, 1, 2 and a 0). Draws into a width × height texture now (call
    // between frames or while ImGui builds one; GL state the ImGui backend sets itself is not kept).
    void render(const std::vector<float>& values, int cols, int rows, const HeatmapStyle& style, int width, int height);
    // The same from a float texture already on the GPU (gfx/network_picture.h's, one value a pixel).
    void render_texture(unsigned values, const HeatmapStyle& style, int width, int height);
    void* imgui_id() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(target_)); }
    bool ready() const { return target_ != 0 && error_.empty(); }
    const std::string& error() const { return error_; }  // a shader that did not compile says why
    // After a lost WebGL context: every GL object is gone; the next render builds them again.
    void forget() {
        program_ = vao_ = values_ = target_ = framebuffer_ = 0;
        values_cols_ = values_rows_ = values_channels_ = target_w_ = target_h_ = 0;
        error_.clear();
    }

private:
    unsigned program_ = 0, vao_ = 0, values_ = 0, target_ = 0, framebuffer_ = 0;
    int values_cols_ = 0, values_rows_ = 0, values_channels_ = 0, target_w_ = 0, target_h_ = 0;
    std::string error_;
    bool init();
};

}  // namespace nabla::gfx
