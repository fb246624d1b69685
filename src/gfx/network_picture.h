// The playground's output at full resolution: the network itself runs once per pixel in our fragment
// shader (shaders/network.frag), its weights in a float texture, into a float picture of the output
// (or the class probabilities) that ShaderHeatmap then colours. No grid, so no interpolation: tie
// lines between three classes stay clean at any size. The engine's Mlp::forward stays the reference:
// the browser tests read values back (read()) and compare.
#pragma once

#include <string>
#include <vector>

#include "nn/mlp.h"

namespace nabla::gfx {

class NetworkPicture {
public:
    NetworkPicture() = default;
    NetworkPicture(const NetworkPicture&) = delete;
    NetworkPicture& operator=(const NetworkPicture&) = delete;
    ~NetworkPicture();

    // What the shader can run: at most 9 weight layers of at most 32, a softmax of at most 3 classes.
    static bool fits(const MlpDesc& desc);
    // `net` over the plane [-extent, extent]² into a width × height float texture, inputs made from
    // the playground's feature bits. False (and nothing drawn) when it cannot: the caller falls back
    // to the engine's grid; error() says why when the GPU refused.
    bool render(const Mlp<float>& net, unsigned features, float extent, int width, int height);
    unsigned texture() const { return target_; }
    const std::string& error() const { return error_; }
    // The values at pixel (x, y) of the last picture, counted from its top-left as it is shown.
    bool read(int x, int y, float out[4]) const;
    void forget() {  // after a lost WebGL context every GL object is gone; the next render remakes them
        program_ = vao_ = weights_ = target_ = framebuffer_ = 0;
        weights_rows_ = target_w_ = target_h_ = 0;
        error_.clear();
    }

private:
    unsigned program_ = 0, vao_ = 0, weights_ = 0, target_ = 0, framebuffer_ = 0;
    int weights_rows_ = 0, target_w_ = 0, target_h_ = 0;
    std::vector<float> staging_;  // the weights as the texture holds them
    std::string error_;
    bool init();
};

}  // namespace nabla::gfx
