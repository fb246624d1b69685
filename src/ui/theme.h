// The look of the app: a light theme that survives a projector, the lecture's colours (forward
// values green, gradients red), and the fonts. Only ImGui here; no lab code.
#pragma once

#include "imgui.h"

namespace nabla::ui {

struct Fonts {
    ImFont* body = nullptr;       // panels and tables
    ImFont* heading = nullptr;    // section titles
    ImFont* canvas = nullptr;     // graph labels: rasterised large, drawn scaled with the zoom
    ImFont* canvas_bold = nullptr;
};

// load_fonts(): ui/fonts.h.
// The theme at a UI scale: paddings, spacings and roundings grow with the text.
void apply_theme(float scale = 1);

// Sizes are written in font units, so a UI scale or a longer translation moves everything together:
// em(10) is ten times the body text's height.
inline float em(float n = 1) { return n * ImGui::GetFontSize(); }

// How a lab arranges itself in the space it has: side by side on a desktop or a projector, a
// narrower sidebar on a 1024-wide projector, one scrolling column on a phone or a tablet held upright.
enum class Layout { Wide, Compact, Stacked };
Layout layout_for(ImVec2 avail);

// A finger dragged over no widget scrolls the window under it, as a phone's page would (ImGui
// scrolls by wheel and scrollbar only). Call once a frame, after the windows are drawn.
void touch_scroll();

// Lays the next item of `width` beside the last one if it fits on the line, else on a new line:
// a toolbar wraps instead of running off the right edge.
void flow(float width);

// A section title in the heading font ("Data", "Runs", "Expression").
void heading(const Fonts& fonts, const char* text);

namespace colors {
constexpr ImU32 value = IM_COL32(24, 128, 56, 255);       // forward value: green, as on the slides
constexpr ImU32 gradient = IM_COL32(200, 32, 32, 255);    // gradient: red, as on the slides
constexpr ImU32 pending = IM_COL32(150, 150, 150, 255);   // a gradient not yet known in step mode
constexpr ImU32 highlight = IM_COL32(255, 160, 0, 255);   // the gate propagating now
constexpr ImU32 node_fill = IM_COL32(255, 255, 255, 255);
constexpr ImU32 node_border = IM_COL32(60, 60, 70, 255);
constexpr ImU32 input_fill = IM_COL32(232, 240, 252, 255);
constexpr ImU32 edge = IM_COL32(120, 120, 130, 255);
constexpr ImU32 edge_hover = IM_COL32(30, 90, 200, 255);
constexpr ImU32 text = IM_COL32(20, 20, 25, 255);
constexpr ImU32 muted = IM_COL32(105, 105, 115, 255);
constexpr ImU32 bad = IM_COL32(190, 0, 0, 255);
constexpr ImU32 canvas_bg = IM_COL32(252, 252, 250, 255);
constexpr ImU32 grid = IM_COL32(236, 236, 232, 255);
}  // namespace colors

inline ImVec4 to_vec4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace nabla::ui
