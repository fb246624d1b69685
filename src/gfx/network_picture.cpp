#include "gfx/network_picture.h"

#include <GLES3/gl3.h>
#include <algorithm>

#include "gfx/gl_program.h"
#include "gfx/network_shader.h"
#include "shaders.h"  // generated from shaders/ at configure time

namespace nabla::gfx {
namespace {
constexpr int kTexels = NetworkPicture::kMaxWidth / 4 + 1;  // a neuron's row: its weights four a texel, then its bias
// Networks up to WebGL2's guaranteed uniforms (less those network.frag and colour_map.glsl declare
// besides u_w, with room to spare) are unrolled, the same on every GPU: the playground's common
// sizes (16,16 takes 105). Larger ones take the loops: written out, eight layers of 32 ran slower.
constexpr int kUnrolledUniforms = 224 - 32;

void delete_programs(unsigned a, unsigned b) {
    if (a) glDeleteProgram(a);
    if (b) glDeleteProgram(b);
}
}  // namespace

bool NetworkPicture::fits(const MlpDesc& d) {
    if (d.sizes.size() < 2 || d.sizes.size() > kMaxLayers + 1) return false;
    for (int width : d.sizes)
        if (width < 1 || width > kMaxWidth) return false;
    return d.head != Head::SoftmaxCE || d.sizes.back() <= 3;
}

bool NetworkPicture::init() {
    if (loops_.values != 0 || !error_.empty()) return error_.empty();
    loops_.values = link_program(shaders::heatmap_vert, shaders::network_frag, "network shader", error_);
    loops_.coloured = loops_.values ? link_program(shaders::heatmap_vert, shaders::network_frag, "network shader, coloured", error_,
                                                   "#define COLOURED\n")
                                    : 0;
    if (!loops_.coloured) return false;
    glGenVertexArrays(1, &vao_);
    glGenTextures(1, &weights_);
    for (Target* t : {&values_, &colours_}) {
        glGenTextures(1, &t->texture);
        glGenFramebuffers(1, &t->framebuffer);
    }
    return true;
}

// The weights where the shader will read them (uniforms_ for an unrolled network that fits, else
// the texture), and what the picture is of into drawn_.
bool NetworkPicture::prepare(const Mlp<float>& net, unsigned features, float extent, int width, int height) {
    const MlpDesc& d = net.desc();
    if (width <= 0 || height <= 0 || !fits(d) || !init()) return false;
    drawn_ = Drawn{};
    std::copy(d.sizes.begin(), d.sizes.end(), drawn_.sizes);
    drawn_.layers = static_cast<int>(d.sizes.size()) - 1;
    drawn_.hidden = static_cast<int>(d.hidden);
    drawn_.output = d.head == Head::SoftmaxCE ? -1 : static_cast<int>(head_activation(d.head));
    drawn_.features = features;
    drawn_.extent = extent;
    drawn_.width = width, drawn_.height = height;
    // A network of another shape (or other features) needs its own unrolled shader: made now, kept
    // while the shape stays (training changes weights only). One that will not compile takes the loops.
    std::string shape = std::to_string(drawn_.hidden) + "/" + std::to_string(drawn_.output) + "/" + std::to_string(features) + "/";
    for (int s : d.sizes) shape += std::to_string(s) + ",";
    if (shape != unrolled_shape_) {
        delete_programs(unrolled_.values, unrolled_.coloured);
        unrolled_ = Programs{};
        unrolled_shape_ = shape;
        if (unrolled_uniforms(d.sizes) <= kUnrolledUniforms) {
            const std::string tail = unrolled_network(d, features);
            const std::string defines = "#define UNROLLED " + std::to_string(unrolled_uniforms(d.sizes)) + "\n";
            std::string why;
            unrolled_.values = link_program(shaders::heatmap_vert, shaders::network_frag, "unrolled network shader", why, defines.c_str(), tail.c_str());
            unrolled_.coloured = unrolled_.values ? link_program(shaders::heatmap_vert, shaders::network_frag, "unrolled network shader, coloured", why,
                                                                 (defines + "#define COLOURED\n").c_str(), tail.c_str())
                                                  : 0;
            if (!unrolled_.coloured) delete_programs(unrolled_.values, 0), unrolled_ = Programs{};
        }
    }
    drawn_.unrolled = unrolled_.coloured != 0;
    if (drawn_.unrolled) {
        unrolled_weights(net, uniforms_);
        return true;
    }
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
    return true;
}

// `target` at width × height (made again when the size changed); false when the GPU cannot draw into it.
bool NetworkPicture::size(Target& target, unsigned format, int width, int height) {
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
    if (width != target.width || height != target.height) {
        glBindTexture(GL_TEXTURE_2D, target.texture);
        // Colours are filtered as ShaderHeatmap's pictures are, where a HiDPI ratio puts the picture
        // between device pixels; floats cannot be in WebGL2 (and are read a texel each).
        const bool floats = format == GL_RGBA32F;
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, floats ? GL_NEAREST : GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, floats ? GL_NEAREST : GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, format, width, height, 0, GL_RGBA, floats ? GL_FLOAT : GL_UNSIGNED_BYTE, nullptr);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.texture, 0);
        target.width = width, target.height = height;
        // Rendering into floats needs EXT_color_buffer_float (Emscripten enables it where it exists).
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
            error_ = floats ? "float pictures are not supported here" : "the picture cannot be drawn into here";
    }
    if (error_.empty()) return true;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return false;
}

// drawn_'s network over the plane into `target`, which size() has bound: its values, or its colours
// by `colours` (the unrolled program when it has one).
void NetworkPicture::draw(const Target& target, const HeatmapStyle* colours) {
    const Programs& programs = drawn_.unrolled ? unrolled_ : loops_;
    const unsigned program = colours ? programs.coloured : programs.values;
    glUseProgram(program);
    if (colours) set_colour_uniforms(program, *colours);
    glViewport(0, 0, target.width, target.height);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(vao_);
    if (drawn_.unrolled) {
        glUniform4fv(glGetUniformLocation(program, "u_w"), static_cast<int>(uniforms_.size() / 4), uniforms_.data());
    } else {
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, weights_);
        glUniform1i(glGetUniformLocation(program, "u_weights"), 0);
        glUniform1i(glGetUniformLocation(program, "u_features"), static_cast<int>(drawn_.features));
        glUniform1i(glGetUniformLocation(program, "u_hidden"), drawn_.hidden);
    }
    glUniform1iv(glGetUniformLocation(program, "u_sizes"), kMaxLayers + 1, drawn_.sizes);
    glUniform1i(glGetUniformLocation(program, "u_layers"), drawn_.layers);
    glUniform1i(glGetUniformLocation(program, "u_output"), drawn_.output);
    glUniform2f(glGetUniformLocation(program, "u_target"), static_cast<float>(target.width), static_cast<float>(target.height));
    glUniform1f(glGetUniformLocation(program, "u_extent"), drawn_.extent);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

// drawn_'s values into the float picture.
bool NetworkPicture::draw_values() {
    if (!size(values_, GL_RGBA32F, drawn_.width, drawn_.height)) return false;
    draw(values_, nullptr);
    drawn_.values = true;
    return true;
}

bool NetworkPicture::render(const Mlp<float>& net, unsigned features, float extent, int width, int height) {
    return prepare(net, features, extent, width, height) && draw_values();
}

bool NetworkPicture::render_coloured(const Mlp<float>& net, unsigned features, float extent, const HeatmapStyle& style, int width,
                                     int height) {
    if (!prepare(net, features, extent, width, height) || !size(colours_, GL_RGBA8, width, height)) return false;
    draw(colours_, &style);
    picture_changed(colours_.texture);
    return true;
}

bool NetworkPicture::read(int x, int y, float out[4]) {
    if (!error_.empty() || drawn_.width == 0 || x < 0 || y < 0 || x >= drawn_.width || y >= drawn_.height) return false;
    if (!drawn_.values && !draw_values()) return false;  // after a coloured picture: its values once, same weights and plane
    glBindFramebuffer(GL_FRAMEBUFFER, values_.framebuffer);
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_FLOAT, out);  // row 0 is the top row as ImGui shows it
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return true;
}

NetworkPicture::~NetworkPicture() {
    for (Target* t : {&values_, &colours_}) {
        if (t->framebuffer) glDeleteFramebuffers(1, &t->framebuffer);
        if (t->texture) glDeleteTextures(1, &t->texture);
    }
    if (weights_) glDeleteTextures(1, &weights_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    delete_programs(unrolled_.values, unrolled_.coloured);
    delete_programs(loops_.values, loops_.coloured);
}

}  // namespace nabla::gfx
