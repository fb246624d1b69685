#include "gfx/network_picture.h"

#include <GLES3/gl3.h>
#include <algorithm>

#include "gfx/gl_program.h"
#include "shaders.h"  // generated from shaders/ at configure time

namespace nabla::gfx {
namespace {
constexpr int kMaxLayers = 9, kMaxWidth = 32;
constexpr int kTexels = kMaxWidth / 4 + 1;  // a neuron's row: its weights four a texel, then its bias
}  // namespace

bool NetworkPicture::fits(const MlpDesc& d) {
    if (d.sizes.size() < 2 || d.sizes.size() > kMaxLayers + 1) return false;
    for (int width : d.sizes)
        if (width < 1 || width > kMaxWidth) return false;
    return d.head != Head::SoftmaxCE || d.sizes.back() <= 3;
}

bool NetworkPicture::init() {
    if (program_ != 0 || !error_.empty()) return error_.empty();
    program_ = link_program(shaders::heatmap_vert, shaders::network_frag, "network shader", error_);
    if (!program_) return false;
    glGenVertexArrays(1, &vao_);
    glGenTextures(1, &weights_);
    glGenTextures(1, &target_);
    glGenFramebuffers(1, &framebuffer_);
    return true;
}

bool NetworkPicture::render(const Mlp<float>& net, unsigned features, float extent, int width, int height) {
    const MlpDesc& d = net.desc();
    if (width <= 0 || height <= 0 || !fits(d) || !init()) return false;
    int rows = 0;
    for (size_t k = 1; k < d.sizes.size(); ++k) rows += d.sizes[k];
    rows += 3;  // the shader reads neurons four at a time: zeros after the last
    staging_.assign(static_cast<size_t>(rows) * kTexels * 4, 0.0f);
    float* row = staging_.data();
    for (const Layer<float>& L : net.layers)
        for (Eigen::Index j = 0; j < L.W.rows(); ++j, row += kTexels * 4) {
            std::copy_n(L.W.data() + j * L.W.cols(), L.W.cols(), row);  // W is out × in, a neuron a row
            row[(kTexels - 1) * 4] = d.bias ? L.b(j) : 0.0f;
        }
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, weights_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (rows != weights_rows_) {  // float textures are not filterable in WebGL2; the shader uses texelFetch
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, kTexels, rows, 0, GL_RGBA, GL_FLOAT, staging_.data());
        weights_rows_ = rows;
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kTexels, rows, GL_RGBA, GL_FLOAT, staging_.data());
    }
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    if (width != target_w_ || height != target_h_) {
        glBindTexture(GL_TEXTURE_2D, target_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, width, height, 0, GL_RGBA, GL_FLOAT, nullptr);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target_, 0);
        target_w_ = width, target_h_ = height;
        // Rendering into floats needs EXT_color_buffer_float (Emscripten enables it where it exists).
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) error_ = "float pictures are not supported here";
    }
    if (!error_.empty()) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return false;
    }
    glViewport(0, 0, width, height);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glBindVertexArray(vao_);
    glBindTexture(GL_TEXTURE_2D, weights_);
    int sizes[kMaxLayers + 1] = {};
    std::copy(d.sizes.begin(), d.sizes.end(), sizes);
    const bool softmax = d.head == Head::SoftmaxCE;
    glUniform1i(glGetUniformLocation(program_, "u_weights"), 0);
    glUniform1iv(glGetUniformLocation(program_, "u_sizes"), kMaxLayers + 1, sizes);
    glUniform1i(glGetUniformLocation(program_, "u_layers"), static_cast<int>(d.sizes.size()) - 1);
    glUniform1i(glGetUniformLocation(program_, "u_features"), static_cast<int>(features));
    glUniform1i(glGetUniformLocation(program_, "u_hidden"), static_cast<int>(d.hidden));
    glUniform1i(glGetUniformLocation(program_, "u_output"), softmax ? -1 : static_cast<int>(head_activation(d.head)));
    glUniform2f(glGetUniformLocation(program_, "u_target"), static_cast<float>(width), static_cast<float>(height));
    glUniform1f(glGetUniformLocation(program_, "u_extent"), extent);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return true;
}

bool NetworkPicture::read(int x, int y, float out[4]) const {
    if (!target_ || !error_.empty() || x < 0 || y < 0 || x >= target_w_ || y >= target_h_) return false;
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_FLOAT, out);  // row 0 is the top row as ImGui shows it
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return true;
}

NetworkPicture::~NetworkPicture() {
    if (framebuffer_) glDeleteFramebuffers(1, &framebuffer_);
    if (target_) glDeleteTextures(1, &target_);
    if (weights_) glDeleteTextures(1, &weights_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
}

}  // namespace nabla::gfx
