// One window filling the canvas: a header with the lab tabs and a status line, then the active
// lab's panel. Commands are collected during the frame and applied after it, so a panel never
// sees a lab change halfway through drawing.
#include "app/app.h"

#include <vector>

#include "imgui.h"
#include "lab/graph_lab.h"
#include "ui/graph_panel.h"
#include "ui/theme.h"
#include "ui/widget_map.h"

namespace nabla {

namespace {

struct App {
    GraphLab graph;
    ui::GraphPanel graph_panel;
    ui::Fonts fonts;
    std::vector<GraphCommand> pending;
    std::string last_error;
    std::string status;  // shown in the header: a refused link, a refused command
};

App* g_app = nullptr;

bool apply_graph(const GraphCommand& c) {
    App& a = *g_app;
    const bool ok = a.graph.apply(c);
    if (!ok) a.last_error = a.graph.error();
    // Typing errors show under the expression box; other refusals go to the status line.
    if (!ok && c.kind != GraphCommand::SetExpression) a.status = a.graph.error();
    if (ok && c.kind != GraphCommand::SetValue) a.status.clear();
    return ok;
}

void header() {
    App& a = *g_app;
    ImGui::PushFont(a.fonts.heading);
    ImGui::TextUnformatted("\xE2\x88\x87 Nabla");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextColored(ui::to_vec4(ui::colors::muted), "  backpropagation, gate by gate");
    if (!a.status.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ui::to_vec4(ui::colors::bad), "   %s", a.status.c_str());
    }
}

}  // namespace

void app_init() {
    g_app = new App();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini: the page's state lives in its link
    ui::apply_theme();
    g_app->fonts = ui::load_fonts(17.0f);
}

void app_frame() {
    App& a = *g_app;
    ui::widget_map_begin_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("Nabla", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    header();
    if (ImGui::BeginTabBar("labs")) {
        if (ImGui::BeginTabItem("Graph lab")) {
            a.graph_panel.draw(a.graph, a.fonts, a.pending);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
    for (const GraphCommand& c : a.pending) apply_graph(c);
    a.pending.clear();
}

void app_shutdown() {
    delete g_app;
    g_app = nullptr;
}

std::string app_state_json() {
    return "{\"lab\":\"graph\",\"graph\":" + g_app->graph.to_json() + "}";
}

bool app_command(const std::string& lab, const std::string& kind, const std::string& text, double value) {
    if (lab != "graph") {
        g_app->last_error = "no lab named '" + lab + "'";
        return false;
    }
    static const struct {
        const char* name;
        GraphCommand::Kind kind;
    } kinds[] = {
        {"expression", GraphCommand::SetExpression}, {"value", GraphCommand::SetValue},
        {"step_forward", GraphCommand::StepForward}, {"step_back", GraphCommand::StepBack},
        {"step_start", GraphCommand::StepToStart},   {"step_end", GraphCommand::StepToEnd},
        {"preset", GraphCommand::LoadPreset},        {"state", GraphCommand::LoadState},
    };
    for (const auto& k : kinds)
        if (kind == k.name) return apply_graph({k.kind, text, value});
    g_app->last_error = "no command named '" + kind + "'";
    return false;
}

const std::string& app_last_error() { return g_app->last_error; }

std::string app_widgets_json() { return ui::widget_map_json(); }

std::string app_link() { return "graph:" + g_app->graph.state().to_string(); }

bool app_open_link(const std::string& link) {
    const std::string prefix = "graph:";
    if (link.rfind(prefix, 0) != 0) {
        g_app->status = "cannot read the link: it should start with #graph:";
        return false;
    }
    const bool ok = apply_graph({GraphCommand::LoadState, link.substr(prefix.size())});
    if (!ok) g_app->status = g_app->graph.error() + " (kept the default example)";
    return ok;
}

}  // namespace nabla
