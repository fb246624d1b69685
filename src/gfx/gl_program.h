// Compiling and linking our shaders (shaders/, embedded by cmake/web_app.cmake), with the driver's
// message when they fail: one copy for every program the page draws with.
#pragma once

#include <string>

namespace nabla::gfx {

// The linked program, or 0 with `error` set to "<name>: <the driver's log>" (also printed to
// stderr, which reaches the console where the browser tests look). `defines` ("#define X\n" lines)
// go in after the fragment shader's #version line, `tail` (functions it declares) after its end:
// one source, several variants.
unsigned link_program(const char* vertex, const char* fragment, const char* name, std::string& error, const char* defines = "",
                      const char* tail = "");

// The textures the UI shows that were drawn or uploaded again since the platform last drew: it draws
// a frame while any is listed, even one whose ImGui draw data is unchanged, and there where they are
// shown; then it empties the list (platform/main_web.cpp). More than kMostChangedPictures: all of it.
inline constexpr int kMostChangedPictures = 32;
inline unsigned changed_pictures[kMostChangedPictures];
inline int changed_picture_count = 0;
inline void picture_changed(unsigned texture) {
    if (changed_picture_count < kMostChangedPictures) changed_pictures[changed_picture_count] = texture;
    ++changed_picture_count;
}

}  // namespace nabla::gfx
