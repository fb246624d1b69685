// All interop with the page's JavaScript: the test hook (window.nabla, see web/index.html), the URL
// hash that holds the state of the page, and fatal-error reporting.
#pragma once

namespace nabla {

// Touch, pen and wheel listeners on the canvas that feed platform/input.cpp (after ImGui is set up).
void bridge_install_input();
// Applies the page's location.hash (web/index.html passes it as argv[1]), if any.
void bridge_open_initial_link(const char* link);
// Marks the page ready; mirrors the state into the hash; keeps what the frame asked the GPU to draw
// (vertices, indices, draw calls) for nabla.drawn(): on a software rasteriser, the frame rate follows it;
// how many frames were drawn at all (an unchanged one is not: main_web.cpp), the shares of the canvas
// they drew again (only what changed is), summed, and the main thread's milliseconds in them all
// (the rest of a frame's time is the browser's: rasterising, compositing).
void bridge_after_frame(int vertices, int indices, int draw_calls, int redrawn, double redrawn_share, double frame_ms);
void bridge_fail(const char* message);  // shows a message in the page instead of the app
bool bridge_text_field_focused();       // the hidden text field has the focus: text comes from it, not GLFW
void bridge_fetch_more_hangul();        // fetches hangul-more.ttf into /fonts, once
void bridge_fetch_course();             // fetches course.txt beside the page (app_course_arrived)
bool bridge_gl_lost();                  // the WebGL context is lost: draw nothing until it returns
bool bridge_take_gl_restored();         // it came back since the last call: make every GL object again
void bridge_fit_canvas();               // keeps the drawing buffer the canvas's CSS box × devicePixelRatio
void bridge_canvas_buffer_size(int& width, int& height);  // the drawing buffer, in device pixels

}  // namespace nabla
