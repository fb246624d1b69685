// Compiling and linking our shaders (shaders/, embedded by cmake/web_app.cmake), with the driver's
// message when they fail: one copy for every program the page draws with.
#pragma once

#include <string>

namespace nabla::gfx {

// The linked program, or 0 with `error` set to "<name>: <the driver's log>" (also printed to
// stderr, which reaches the console where the browser tests look).
unsigned link_program(const char* vertex, const char* fragment, const char* name, std::string& error);

// Grows whenever a texture the UI shows is drawn or uploaded again: the platform skips drawing a
// frame whose ImGui draw data is unchanged only while this has not moved (platform/main_web.cpp).
inline unsigned long pictures_changed = 0;
// Which textures, since the platform last drew (it redraws where they are shown, and empties this;
// more than kMostChangedPictures redraw the whole canvas).
inline constexpr int kMostChangedPictures = 32;
inline unsigned changed_pictures[kMostChangedPictures];
inline int changed_picture_count = 0;
inline void picture_changed(unsigned texture) {
    ++pictures_changed;
    if (changed_picture_count < kMostChangedPictures) changed_pictures[changed_picture_count] = texture;
    ++changed_picture_count;
}

}  // namespace nabla::gfx
