// The playground's output at full resolution: the network itself runs once per pixel in our fragment
// shader (shaders/network.frag), its weights in a float texture. A pixel each, the same pass colours
// it (the maps of shaders/colour_map.glsl) into the picture ImGui draws; coarser (a slow device while
// training), it writes a float picture of the output (or the class probabilities) that ShaderHeatmap
// then interpolates and colours. No grid, so no interpolation: tie lines between three classes stay
// clean at any size. The engine's Mlp::forward stays the reference: the browser tests read values
// back (read()) and compare.
#pragma once

#include <string>
#include <vector>

#include "gfx/shader_heatmap.h"
#include "nn/mlp.h"

namespace nabla::gfx {

class NetworkPicture {
public:
    NetworkPicture() = default;
    NetworkPicture(const NetworkPicture&) = delete;
    NetworkPicture& operator=(const NetworkPicture&) = delete;
    ~NetworkPicture();

    // What the shader can run: at most 9 weight layers of at most 32, a softmax of at most 3 classes.
    static constexpr int kMaxLayers = 9, kMaxWidth = 32;
    static bool fits(const MlpDesc& desc);
    // `net` over the plane [-extent, extent]² into a width × height float texture (texture()), inputs
    // made from the playground's feature bits. False (and nothing drawn) when it cannot: the caller
    // falls back to the engine's grid; error() says why when the GPU refused.
    bool render(const Mlp<float>& net, unsigned features, float extent, int width, int height);
    // The same coloured by `style` in one pass, into an RGBA8 picture (coloured_texture()) to show
    // as it is: no float picture is written (read() makes one when it is asked for).
    bool render_coloured(const Mlp<float>& net, unsigned features, float extent, const HeatmapStyle& style, int width, int height);
    unsigned texture() const { return values_.texture; }
    unsigned coloured_texture() const { return colours_.texture; }
    const std::string& error() const { return error_; }
    // The values at pixel (x, y) of the last picture, either kind, counted from its top-left as it is shown.
    bool read(int x, int y, float out[4]);
    void forget() {  // after a lost WebGL context every GL object is gone; the next render remakes them
        loops_ = unrolled_ = Programs{};
        unrolled_shape_.clear();
        vao_ = weights_ = 0;
        values_ = colours_ = Target{};
        weights_rows_ = 0;
        drawn_ = Drawn{};
        error_.clear();
    }

private:
    struct Programs {  // network.frag writing values, and coloured (COLOURED)
        unsigned values = 0, coloured = 0;
    };
    struct Target {  // a texture drawn into, and its framebuffer
        unsigned texture = 0, framebuffer = 0;
        int width = 0, height = 0;
    };
    struct Drawn {  // the last picture's network and plane, for read(); its weights are in weights_ or uniforms_
        int sizes[kMaxLayers + 1] = {}, layers = 0, hidden = 0, output = 0;
        unsigned features = 0;
        float extent = 0;
        int width = 0, height = 0;
        bool unrolled = false;  // drawn by unrolled_ (the weights in uniforms_), else by loops_
        bool values = false;    // values_ holds its values (false after a coloured picture until read())
    };
    Programs loops_, unrolled_;   // the general shader; the one written out for unrolled_shape_
    std::string unrolled_shape_;  // the network and features unrolled_ was made for ("" none yet)
    unsigned vao_ = 0, weights_ = 0;
    Target values_, colours_;
    int weights_rows_ = 0;
    Drawn drawn_;
    std::vector<float> staging_;   // the weights as the texture holds them
    std::vector<float> uniforms_;  // or as the unrolled shader reads them (gfx/network_shader.h)
    std::string error_;
    bool init();
    bool prepare(const Mlp<float>& net, unsigned features, float extent, int width, int height);
    bool size(Target& target, unsigned format, int width, int height);
    void draw(const Target& target, const HeatmapStyle* colours);
    bool draw_values();
};

}  // namespace nabla::gfx
