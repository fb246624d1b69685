// The browser entry point: a GLFW window on the page's canvas with a WebGL2 context, ImGui's GLFW
// and OpenGL3 backends, and the frame loop driven by requestAnimationFrame. The only file, with
// js_bridge.cpp, that includes GLFW or emscripten.h.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "app/app.h"
#include "gfx/damage.h"
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

// FNV-1a over 32-bit words: the frame's fingerprint and the look of a drawn corner.
constexpr std::uint64_t kHashStart = 14695981039346656037ull;
std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return (h ^ v) * 1099511628211ull; }
template <class T>
std::uint64_t bits(T v) {
    std::uint32_t b;
    static_assert(sizeof v == sizeof b);
    std::memcpy(&b, &v, sizeof b);
    return b;
}

// What a frame would show: ImGui's vertices, indices and commands (textures, clip rectangles) and
// the drawing buffer's size. An unchanged frame is not drawn again (unless a picture in it was:
// gfx::changed_pictures): the browser keeps showing the last one, and an idle lab costs its UI work
// but no rasterising and compositing, which software WebGL pays dearly for.
std::uint64_t frame_fingerprint(const ImDrawData* d, int width, int height) {
    std::uint64_t h = mix(kHashStart, static_cast<std::uint64_t>(width) << 32 | static_cast<unsigned>(height));
    auto add = [&h](const void* data, size_t bytes) {
        const auto* w = static_cast<const std::uint32_t*>(data);  // every buffer here is whole 32-bit words
        for (size_t i = 0; i < bytes / 4; ++i) h = mix(h, w[i]);
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
double g_redrawn_share = 0;  // the share of the canvas drawn again, summed over frames (the bench divides)

// Where this frame differs from the one on the canvas (gfx/damage.h): ImGui's triangles, layer by
// layer, and the quads of pictures drawn again since.
nabla::gfx::Damage g_damage;
const std::vector<nabla::gfx::DamageRect>& damage(const ImDrawData* d, bool everything) {
    namespace gfx = nabla::gfx;
    g_damage.begin(d->DisplaySize.x, d->DisplaySize.y, d->FramebufferScale.x);
    if (everything || gfx::changed_picture_count > gfx::kMostChangedPictures) g_damage.everything();
    const unsigned *redrawn = gfx::changed_pictures, *redrawn_end = redrawn + std::min(gfx::changed_picture_count, gfx::kMostChangedPictures);
    for (int i = 0; i < d->CmdListsCount; ++i) {
        const ImDrawList* l = d->CmdLists[i];
        std::vector<gfx::DrawnCorner> corners;
        corners.reserve(static_cast<size_t>(l->IdxBuffer.Size));
        for (const ImDrawCmd& c : l->CmdBuffer) {
            const auto texture = static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(c.TextureId));
            const std::uint64_t how = mix(mix(mix(mix(mix(kHashStart, texture), bits(c.ClipRect.x)), bits(c.ClipRect.y)), bits(c.ClipRect.z)), bits(c.ClipRect.w));
            const size_t first = corners.size();
            for (unsigned k = 0; k < c.ElemCount; ++k) {
                const ImDrawVert& v = l->VtxBuffer[static_cast<int>(c.VtxOffset + l->IdxBuffer[static_cast<int>(c.IdxOffset + k)])];
                corners.push_back({v.pos.x, v.pos.y, mix(mix(mix(how, bits(v.uv.x)), bits(v.uv.y)), v.col)});
            }
            if (std::find(redrawn, redrawn_end, texture) != redrawn_end) g_damage.changed(corners, first, corners.size());
        }
        g_damage.layer(std::move(corners));
    }
    gfx::changed_picture_count = 0;
    return g_damage.finish();
}

// A GL scissor box in device pixels (y from the bottom), as the ImGui backend makes one from a clip
// rectangle: its arithmetic, truncations included (its end is not int(x1 · scale) but int(x0 · scale)
// + int((x1 - x0) · scale)), so that a partial redraw touches exactly the pixels a whole one would.
struct Box {
    int x = 0, y = 0, w = 0, h = 0;
};
Box box_of(float x0, float y0, float x1, float y1, ImVec2 scale, float fb_height) {
    const ImVec2 lo(x0 * scale.x, y0 * scale.y), hi(x1 * scale.x, y1 * scale.y);
    return {static_cast<int>(lo.x), static_cast<int>(fb_height - hi.y), static_cast<int>(hi.x - lo.x), static_cast<int>(hi.y - lo.y)};
}
// A clip rectangle the backend turns into exactly `b` (a quarter pixel inside every truncation).
ImVec4 clip_of(Box b, ImVec2 scale, float fb_height) {
    const float top = fb_height - static_cast<float>(b.y) - 0.25f;
    return ImVec4((static_cast<float>(b.x) + 0.25f) / scale.x, (top - static_cast<float>(b.h) - 0.5f) / scale.y,
                  (static_cast<float>(b.x + b.w) + 0.75f) / scale.x, top / scale.y);
}

// Clears and draws again only `rects` (disjoint): each command once per rectangle it meets, on the
// pixels a whole redraw would give it there. The canvas keeps its pixels elsewhere (-sGL_TESTING=1).
void draw_rects(ImDrawData* d, const std::vector<nabla::gfx::DamageRect>& rects) {
    const ImVec2 scale = d->FramebufferScale;
    const float fb_height = static_cast<float>(static_cast<int>(d->DisplaySize.y * scale.y));
    std::vector<Box> boxes;
    glEnable(GL_SCISSOR_TEST);
    for (const nabla::gfx::DamageRect& r : rects) {
        const Box b = box_of(r.x0, r.y0, r.x1, r.y1, scale, fb_height);
        glScissor(b.x, b.y, b.w, b.h);
        glClear(GL_COLOR_BUFFER_BIT);
        boxes.push_back(b);
    }
    glDisable(GL_SCISSOR_TEST);
    for (int i = 0; i < d->CmdListsCount; ++i) {
        ImVector<ImDrawCmd> clipped;
        for (const ImDrawCmd& c : d->CmdLists[i]->CmdBuffer) {
            const Box own = box_of(c.ClipRect.x, c.ClipRect.y, c.ClipRect.z, c.ClipRect.w, scale, fb_height);
            for (const Box& b : boxes) {
                const int x0 = std::max(own.x, b.x), y0 = std::max(own.y, b.y);
                const int x1 = std::min(own.x + own.w, b.x + b.w), y1 = std::min(own.y + own.h, b.y + b.h);
                if (x1 <= x0 || y1 <= y0) continue;
                ImDrawCmd part = c;
                part.ClipRect = clip_of({x0, y0, x1 - x0, y1 - y0}, scale, fb_height);
                clipped.push_back(part);
            }
        }
        d->CmdLists[i]->CmdBuffer.swap(clipped);
    }
    ImGui_ImplOpenGL3_RenderDrawData(d);
}

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
        g_shown = 0;  // every glyph may have moved in the atlas: all of it again
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
    int draw_calls = 0;
    for (int i = 0; i < draw->CmdListsCount; ++i) draw_calls += draw->CmdLists[i]->CmdBuffer.Size;
    // A picture to download is cut from the canvas as drawn this frame: it is drawn then, all of it.
    const bool download = nabla::app_download_waiting();
    if (fingerprint != g_shown || download || nabla::gfx::changed_picture_count > 0) {
        const std::vector<nabla::gfx::DamageRect>& rects = damage(draw, g_shown == 0 || download);
        glViewport(0, 0, width, height);
        glClearColor(0.96f, 0.96f, 0.95f, 1.0f);
        const float canvas_area = draw->DisplaySize.x * draw->DisplaySize.y;
        if (rects.size() == 1 && rects[0].area() >= canvas_area) {
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(draw);
        } else if (!rects.empty()) {
            draw_rects(draw, rects);
        }
        for (const nabla::gfx::DamageRect& r : rects) g_redrawn_share += r.area() / canvas_area;
        g_shown = fingerprint;
        ++g_redrawn;
    }
    g_frame_ms += emscripten_get_now() - start;
    nabla::bridge_after_frame(draw->TotalVtxCount, draw->TotalIdxCount, draw_calls, g_redrawn, g_redrawn_share, g_frame_ms);
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
