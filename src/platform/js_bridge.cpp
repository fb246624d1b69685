// C entry points called from web/index.html through Module.ccall, and EM_JS helpers calling the
// page. Strings returned to JS live in static storage until the next call. No exception crosses.
#include "platform/js_bridge.h"

#include <emscripten.h>

#include <string>

#include "app/app.h"

namespace {

int g_frames = 0;
std::string g_drawn = "{}";  // the last frame's draw counts, as JSON
std::string g_link;      // the link last written to the hash
std::string g_returned;  // storage for strings handed to JS

EM_JS(void, js_mark_ready, (), { if (window.nabla) window.nabla._setReady(); });
EM_JS(void, js_set_hash, (const char* link), { history.replaceState(null, "", "#" + UTF8ToString(link)); });
// Sizes the canvas's drawing buffer to its CSS box times the device pixel ratio, every frame, so a
// laptop's HiDPI screen gets crisp text; the GLFW window (ImGui's coordinates) stays in CSS pixels.
// Emscripten 3.1.6's glfwSetWindowSize requests fullscreen instead when the size equals the
// screen's (headless Chromium, a browser in F11 on a projector), so the window record is set here.
EM_JS(void, js_fit_canvas, (), {
    const c = Module.canvas;
    const w = Math.max(1, c.clientWidth | 0), h = Math.max(1, c.clientHeight | 0);
    const ratio = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
    const bw = Math.round(w * ratio), bh = Math.round(h * ratio);
    const win = GLFW.active;
    if (!win || (c.width === bw && c.height === bh && win.width === w && win.height === h)) return;
    c.width = bw;
    c.height = bh;
    win.width = w;
    win.height = h;
});
EM_JS(int, js_canvas_buffer_width, (), { return Module.canvas.width; });
EM_JS(int, js_canvas_buffer_height, (), { return Module.canvas.height; });
EM_JS(void, js_fail, (const char* message), { if (window.nabla) window.nabla._fail(UTF8ToString(message)); });

}  // namespace

namespace nabla {

void bridge_open_initial_link(const char* link) {
    if (link && *link) app_open_link(link);
    g_link = app_link();
}

void bridge_after_frame(int vertices, int indices, int draw_calls) {
    g_drawn = "{\"vertices\":" + std::to_string(vertices) + ",\"indices\":" + std::to_string(indices) +
              ",\"draw_calls\":" + std::to_string(draw_calls) + "}";
    if (++g_frames == 1) js_mark_ready();
    const std::string link = app_link();
    if (link != g_link) {
        g_link = link;
        js_set_hash(link.c_str());
    }
}

void bridge_fail(const char* message) { js_fail(message); }

void bridge_fit_canvas() { js_fit_canvas(); }

void bridge_canvas_buffer_size(int& width, int& height) {
    width = js_canvas_buffer_width();
    height = js_canvas_buffer_height();
}

}  // namespace nabla

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* nabla_state_json() {
    g_returned = nabla::app_state_json();
    return g_returned.c_str();
}

EMSCRIPTEN_KEEPALIVE int nabla_command(const char* lab, const char* kind, const char* text, double value) {
    return nabla::app_command(lab, kind, text, value) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* nabla_widgets_json() {
    g_returned = nabla::app_widgets_json();
    return g_returned.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* nabla_last_error() { return nabla::app_last_error().c_str(); }

EMSCRIPTEN_KEEPALIVE int nabla_frame_count() { return g_frames; }

EMSCRIPTEN_KEEPALIVE const char* nabla_drawn_json() { return g_drawn.c_str(); }

}
