#include "ui/theme.h"

#include "imgui_internal.h"  // the hovered window and its scroll, for touch_scroll()

namespace nabla::ui {

void heading(const Fonts& fonts, const char* text) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

Layout layout_for(ImVec2 avail) {
    if (avail.x >= em(70) && avail.y >= em(28)) return Layout::Wide;
    if (avail.x >= em(50) && avail.y >= em(28)) return Layout::Compact;
    return Layout::Stacked;
}

void touch_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseSource != ImGuiMouseSource_TouchScreen || !io.MouseDown[ImGuiMouseButton_Left] || io.MouseDelta.y == 0) return;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId != 0 && (!g.ActiveIdWindow || g.ActiveId != g.ActiveIdWindow->MoveId)) return;  // a widget has the finger
    for (ImGuiWindow* w = g.HoveredWindow; w; w = w->ParentWindow)
        if (w->ScrollMax.y > 0) {
            ImGui::SetScrollY(w, w->Scroll.y - io.MouseDelta.y);
            return;
        }
}

void flow(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float after = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (after + width <= right) ImGui::SameLine();
}

void apply_theme(float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight();
    s.WindowRounding = 0;
    s.FrameRounding = 4;
    s.GrabRounding = 4;
    s.TabRounding = 4;
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 7);
    s.WindowPadding = ImVec2(12, 10);
    s.ScrollbarSize = 14;
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.95f, 1);
    // Panels have no fill of their own: each full-screen layer of blended fill costs a software
    // rasteriser ~8 ms a frame (measured: 1280x720, SwiftShader, 2 cores); the window colour is the
    // frame's clear colour (platform/main_web.cpp), which is nearly free.
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = to_vec4(colors::text);
    c[ImGuiCol_Button] = ImVec4(0.86f, 0.89f, 0.95f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.81f, 0.95f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.62f, 0.72f, 0.93f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.75f, 0.75f, 0.78f, 1);
    s.FrameBorderSize = 1;
    s.ScaleAllSizes(scale);
}

}  // namespace nabla::ui
