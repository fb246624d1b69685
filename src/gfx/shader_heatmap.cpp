#include "gfx/shader_heatmap.h"

#include <GLES3/gl3.h>

#include "gfx/gl_program.h"
#include "shaders.h"  // generated from shaders/ at configure time

namespace nabla::gfx {

void set_colour_uniforms(unsigned program, const HeatmapStyle& st) {
    glUniform1i(glGetUniformLocation(program, "u_log"), st.log ? 1 : 0);
    glUniform1f(glGetUniformLocation(program, "u_floor"), st.floor);
    glUniform1f(glGetUniformLocation(program, "u_epsilon"), st.epsilon);
    glUniform1f(glGetUniformLocation(program, "u_lo"), st.lo);
    glUniform1f(glGetUniformLocation(program, "u_hi"), st.hi);
    glUniform1i(glGetUniformLocation(program, "u_colormap"), static_cast<int>(st.map));
    glUniform1f(glGetUniformLocation(program, "u_levels"), st.levels);
    glUniform1i(glGetUniformLocation(program, "u_mark_on"), st.mark ? 1 : 0);
    glUniform1f(glGetUniformLocation(program, "u_mark"), st.mark_value);
}

bool ShaderHeatmap::init() {
    if (program_ != 0 || !error_.empty()) return error_.empty();
    program_ = link_program(shaders::heatmap_vert, shaders::heatmap_frag, "heatmap shaders", error_);
    if (!program_) return false;
    glGenVertexArrays(1, &vao_);  // WebGL2 draws need a bound VAO even with no attributes
    glGenTextures(1, &values_);
    glGenTextures(1, &target_);
    glGenFramebuffers(1, &framebuffer_);
    return true;
}

void ShaderHeatmap::render(const std::vector<float>& values, int cols, int rows, const HeatmapStyle& st, int width, int height) {
    const int channels = st.map == HeatmapStyle::Classes ? 4 : 1;
    if (width <= 0 || height <= 0 || cols <= 0 || rows <= 0 || values.size() < static_cast<size_t>(cols) * rows * channels || !init())
        return;
    const GLenum format = channels == 4 ? GL_RGBA : GL_RED;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, values_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (cols != values_cols_ || rows != values_rows_ || channels != values_channels_) {
        // Float textures are not filterable in WebGL2: the shader interpolates with texelFetch itself.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexImage2D(GL_TEXTURE_2D, 0, channels == 4 ? GL_RGBA32F : GL_R32F, cols, rows, 0, format, GL_FLOAT, values.data());
        values_cols_ = cols, values_rows_ = rows, values_channels_ = channels;
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, cols, rows, format, GL_FLOAT, values.data());
    }
    render_texture(values_, st, width, height);
}

void ShaderHeatmap::render_texture(unsigned values, const HeatmapStyle& st, int width, int height) {
    if (width <= 0 || height <= 0 || !init()) return;
    glBindTexture(GL_TEXTURE_2D, target_);
    if (width != target_w_ || height != target_h_) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        target_w_ = width, target_h_ = height;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target_, 0);
    glViewport(0, 0, width, height);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glBindVertexArray(vao_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, values);
    glUniform1i(glGetUniformLocation(program_, "u_values"), 0);
    glUniform2f(glGetUniformLocation(program_, "u_target"), static_cast<float>(width), static_cast<float>(height));
    set_colour_uniforms(program_, st);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    picture_changed(target_);
    // Back to the canvas; the ImGui backend sets program, VAO, viewport and blending itself.
    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

ShaderHeatmap::~ShaderHeatmap() {
    if (framebuffer_) glDeleteFramebuffers(1, &framebuffer_);
    if (target_) glDeleteTextures(1, &target_);
    if (values_) glDeleteTextures(1, &values_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
}

}  // namespace nabla::gfx
