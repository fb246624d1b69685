#include "ui/widget_map.h"

#include <map>
#include <vector>

#include "imgui.h"
#include "lab/json_writer.h"
#include "ui/text.h"

namespace nabla::ui {

namespace {
std::map<std::string, ImVec4> g_widgets;
struct Overflow {
    std::string name, text;
    float need, width;
};
std::vector<Overflow> g_overflows;
}  // namespace

void widget_map_begin_frame() {
    g_widgets.clear();
    g_overflows.clear();
}

void fit(const char* name, const char* text, float width) {
    const float need = text_width(text);
    if (need > width + 0.5f && g_overflows.size() < 100) g_overflows.push_back({name, text, need, width});
}

std::string overflows_json() {
    JsonWriter w;
    w.begin_array();
    for (const Overflow& o : g_overflows) {
        w.begin_object();
        w.key("name").value(o.name).key("text").value(o.text);
        w.key("need").value(static_cast<double>(o.need)).key("width").value(static_cast<double>(o.width));
        w.end_object();
    }
    w.end_array();
    return w.str();
}

void note_rect(const std::string& name, ImVec2 a, ImVec2 b) { g_widgets[name] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y); }

void note_widget(const std::string& name) { note_rect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

bool widget_rect(const std::string& name, ImVec4& out) {
    const auto it = g_widgets.find(name);
    if (it == g_widgets.end()) return false;
    out = it->second;
    return true;
}

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
