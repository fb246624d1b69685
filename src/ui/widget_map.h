// Where the named widgets of the last frame were drawn, in canvas pixels. The browser tests use it
// to aim real mouse clicks and drags at ImGui widgets (which have no DOM), instead of hard-coding
// coordinates that break whenever the layout changes.
#pragma once

#include <string>

#include "imgui.h"

namespace nabla::ui {

void widget_map_begin_frame();
// Records the rect of the last ImGui item under `name` ("preset:E2", "value:x", "expression").
void note_widget(const std::string& name);
void note_rect(const std::string& name, ImVec2 min, ImVec2 max);  // for things drawn, not widgets
std::string widget_map_json();  // {"preset:E2":[x, y, w, h], ...}
bool widget_rect(const std::string& name, ImVec4& out);  // x, y, w, h of this frame's widget, if drawn
// Text that did not fit its widget in the last frame (ui/text.h fit()): [{name, text, need, width}].
std::string overflows_json();

}  // namespace nabla::ui
