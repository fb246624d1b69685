#include "gfx/rgba_texture.h"

#include <GLES3/gl3.h>

#include "gfx/gl_program.h"

namespace nabla::gfx {

void RgbaTexture::upload(const std::uint8_t* pixels, int width, int height, bool nearest) {
    if (width <= 0 || height <= 0) return;
    if (id_ == 0) glGenTextures(1, &id_);
    glBindTexture(GL_TEXTURE_2D, id_);
    const GLint filter = nearest ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (width != width_ || height != height_) glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    else glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    picture_changed(id_);
    width_ = width, height_ = height;
}

RgbaTexture::~RgbaTexture() {
    if (id_ != 0) glDeleteTextures(1, &id_);
}

}  // namespace nabla::gfx
