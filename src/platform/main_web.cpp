// The browser entry point: a GLFW window on the page's canvas with a WebGL2 context, ImGui's GLFW
// and OpenGL3 backends, and the frame loop driven by requestAnimationFrame. The only file, with
// js_bridge.cpp, that includes GLFW or emscripten.h.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cstdint>
#include <cstdio>

#include "app/app.h"
#include "gfx/gl_program.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/input.h"
#include "platform/js_bridge.h"
#include "ui/fonts.h"

namespace {

GLFWwindow* g_window = nullptr;
float g_pixel_ratio = 1;  // device pixels per CSS pixel, as the drawing buffer was sized

// Emscripten's GLFW reports the mouse in drawing-buffer pixels; ImGui works in CSS pixels.
void cursor_position(GLFWwindow* window, double x, double y) {
    nabla::input::note_mouse();
    ImGui_ImplGlfw_CursorPosCallback(window, x / g_pixel_ratio, y / g_pixel_ratio);
}

// The drawing buffer in device pixels, sized to the canvas first, and how many there are per CSS pixel.
struct Canvas {
    int width = 0, height = 0;
    ImVec2 ratio = {1, 1};
};

Canvas fit_canvas() {
    nabla::bridge_fit_canvas();
    Canvas c;
    nabla::bridge_canvas_buffer_size(c.width, c.height);
    int css_width = 0, css_height = 0;
    glfwGetWindowSize(g_window, &css_width, &css_height);
    if (css_width > 0 && css_height > 0)
        c.ratio = ImVec2(static_cast<float>(c.width) / css_width, static_cast<float>(c.height) / css_height);
    return c;
}

// What a frame would show: ImGui's vertices, indices and commands (textures, clip rectangles), the
// drawing buffer's size and how often the panels' pictures were drawn. An unchanged frame is not
// drawn again: the browser keeps showing the last one, and an idle lab costs its UI work but no
// rasterising and compositing, which software WebGL pays dearly for.
std::uint64_t frame_fingerprint(const ImDrawData* d, int width, int height) {
    std::uint64_t h = 1469598103934665603ull ^ (static_cast<std::uint64_t>(width) << 32 | static_cast<unsigned>(height));
    h = (h ^ nabla::gfx::pictures_changed) * 1099511628211ull;
    auto add = [&h](const void* data, size_t bytes) {
        const auto* w = static_cast<const std::uint32_t*>(data);  // every buffer here is whole 32-bit words
        for (size_t i = 0; i < bytes / 4; ++i) h = (h ^ w[i]) * 1099511628211ull;
    };
    for (int i = 0; i < d->CmdListsCount; ++i) {
        const ImDrawList* l = d->CmdLists[i];
        add(l->VtxBuffer.Data, l->VtxBuffer.size_in_bytes());
        add(l->IdxBuffer.Data, l->IdxBuffer.size_in_bytes());
        add(l->CmdBuffer.Data, l->CmdBuffer.size_in_bytes());
    }
    return h;
}

std::uint64_t g_shown = 0;  // the fingerprint of the frame on the canvas; 0: none yet, draw
int g_redrawn = 0;

double g_frame_ms = 0;  // the main thread's time in frame(), all frames so far (the bench divides)

void frame() {
    const double start = emscripten_get_now();
    if (nabla::bridge_gl_lost()) return;  // nothing can be drawn; the labs keep their state
    if (nabla::bridge_take_gl_restored()) {
        // Every GL object died with the context: ImGui's are made again at its next frame, the
        // panels' when they next draw, the font texture by app_fit below.
        ImGui_ImplOpenGL3_DestroyDeviceObjects();
        nabla::app_gl_restored();
        g_shown = 0;
    }
    const Canvas canvas = fit_canvas();
    const int width = canvas.width, height = canvas.height;
    g_pixel_ratio = canvas.ratio.x;
    if (nabla::app_fit(width / canvas.ratio.x, height / canvas.ratio.y, canvas.ratio.x)) {  // new text sizes
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        ++nabla::gfx::pictures_changed;
    }
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    nabla::input::after_backend_new_frame();
    ImGuiIO& io = ImGui::GetIO();
    // The backend takes Emscripten's framebuffer size (= the window's) and, while the mouse is
    // outside the canvas, its position unscaled: both corrected for HiDPI here.
    io.DisplayFramebufferScale = canvas.ratio;
    if (g_pixel_ratio != 1 && nabla::input::mouse_is_pointer()) {
        double x = 0, y = 0;
        glfwGetCursorPos(g_window, &x, &y);
        io.AddMousePosEvent(static_cast<float>(x / g_pixel_ratio), static_cast<float>(y / g_pixel_ratio));
    }
    ImGui::NewFrame();
    nabla::app_frame();
    ImGui::Render();
    ImDrawData* draw = ImGui::GetDrawData();
    const std::uint64_t fingerprint = frame_fingerprint(draw, width, height);
    // A picture to download is cut from the canvas as drawn this frame: it is drawn then, always.
    if (fingerprint != g_shown || nabla::app_download_waiting()) {
        glViewport(0, 0, width, height);
        glClearColor(0.96f, 0.96f, 0.95f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(draw);
        g_shown = fingerprint;
        ++g_redrawn;
    }
    int draw_calls = 0;
    for (int i = 0; i < draw->CmdListsCount; ++i) draw_calls += draw->CmdLists[i]->CmdBuffer.Size;
    g_frame_ms += emscripten_get_now() - start;
    nabla::bridge_after_frame(draw->TotalVtxCount, draw->TotalIdxCount, draw_calls, g_redrawn, g_frame_ms);
    if (nabla::ui::wants_more_hangul()) nabla::bridge_fetch_more_hangul();
    if (nabla::app_take_course_request()) nabla::bridge_fetch_course();
}

}  // namespace

int main(int argc, char** argv) {
    glfwSetErrorCallback([](int code, const char* text) { std::printf("nabla: GLFW error %d: %s\n", code, text); });
    if (!glfwInit()) {
        nabla::bridge_fail("GLFW could not start in this browser");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(1280, 720, "Nabla", nullptr, nullptr);
    if (!g_window) {
        nabla::bridge_fail("this browser could not create a WebGL2 context: try a current Chrome, Firefox or Safari");
        return 1;
    }
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    glfwSetCursorPosCallback(g_window, cursor_position);  // replaces the backend's, which it then calls
    // Characters come from the hidden text field while it has the focus (IME, soft keyboards).
    glfwSetCharCallback(g_window, [](GLFWwindow* w, unsigned int c) {
        if (!nabla::bridge_text_field_focused()) ImGui_ImplGlfw_CharCallback(w, c);
    });
    ImGui_ImplOpenGL3_Init("#version 300 es");
    nabla::bridge_install_input();
    nabla::app_init(argc > 2 ? argv[2] : "");
    nabla::bridge_open_initial_link(argc > 1 ? argv[1] : nullptr);

    // Emscripten's main loop: the browser calls frame() once per animation frame; main returns
    // at once and the runtime stays alive.
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
