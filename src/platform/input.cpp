#include "platform/input.h"

#include <cfloat>
#include <cmath>

#include "imgui.h"

namespace nabla::input {

namespace {

bool g_touch = false;  // the last pointer event came from a finger or a pen
ImVec2 g_finger(-FLT_MAX, -FLT_MAX);  // where it is (or nowhere, once lifted)

// The wheel notch the panels zoom by (graph canvas 1.12, loss surface 1.15): a pinch that doubles
// the fingers' spread zooms about as much as six notches.
constexpr float kNotch = 1.13f;

}  // namespace

void pointer(Phase phase, float x, float y, bool pen) {
    ImGuiIO& io = ImGui::GetIO();
    g_touch = true;
    io.AddMouseSourceEvent(pen ? ImGuiMouseSource_Pen : ImGuiMouseSource_TouchScreen);
    switch (phase) {
        case Phase::Down:
            g_finger = ImVec2(x, y);
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
            break;
        case Phase::Move:
            g_finger = ImVec2(x, y);
            io.AddMousePosEvent(x, y);
            break;
        case Phase::Up:
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a lifted finger hovers nothing
            g_finger = ImVec2(-FLT_MAX, -FLT_MAX);
            break;
        case Phase::Cancel:
            g_finger = ImVec2(-FLT_MAX, -FLT_MAX);
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
            break;
    }
}

void pinch(float x, float y, float log_spread_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    g_touch = true;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    g_finger = ImVec2(x, y);
    io.AddMousePosEvent(x, y);
    io.AddMouseWheelEvent(0, log_spread_ratio / std::log(kNotch));
}

void wheel(float x, float y, float dx, float dy) {
    ImGuiIO& io = ImGui::GetIO();
    g_touch = false;
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x, y);
    io.AddMouseWheelEvent(dx, dy);
}

void after_backend_new_frame() {
    if (g_touch) ImGui::GetIO().AddMousePosEvent(g_finger.x, g_finger.y);
}

void note_mouse() {
    if (g_touch) ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    g_touch = false;
}

bool mouse_is_pointer() { return !g_touch; }

}  // namespace nabla::input
