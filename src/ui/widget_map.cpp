#include "ui/widget_map.h"

#include <map>

#include "imgui.h"
#include "lab/json_writer.h"

namespace nabla::ui {

namespace {
std::map<std::string, ImVec4> g_widgets;
}

void widget_map_begin_frame() { g_widgets.clear(); }

void note_rect(const std::string& name, ImVec2 a, ImVec2 b) { g_widgets[name] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y); }

void note_widget(const std::string& name) { note_rect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

std::string widget_map_json() {
    JsonWriter w;
    w.begin_object();
    for (const auto& [name, r] : g_widgets) {
        w.key(name).begin_array();
        w.value(static_cast<double>(r.x)).value(static_cast<double>(r.y)).value(static_cast<double>(r.z)).value(static_cast<double>(r.w));
        w.end_array();
    }
    w.end_object();
    return w.str();
}

}  // namespace nabla::ui
