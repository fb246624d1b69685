// One window filling the canvas: a header with the lab tabs and a status line, then the active
// lab's panel. Commands are collected during the frame and applied after it, so a panel never
// sees a lab change halfway through drawing.
#include "app/app.h"

#include <chrono>
#include <vector>

#include "imgui.h"
#include "lab/graph_lab.h"
#include "lab/playground_lab.h"
#include "ui/graph_panel.h"
#include "ui/playground_panel.h"
#include "ui/theme.h"
#include "ui/widget_map.h"

namespace nabla {

namespace {

enum class Tab { Graph, Playground };

struct App {
    GraphLab graph;
    ui::GraphPanel graph_panel;
    PlaygroundLab playground;
    ui::PlaygroundPanel playground_panel;
    ui::Fonts fonts;
    Tab tab = Tab::Graph;
    bool select_tab = false;  // a link chose the tab: select it in the tab bar once
    std::vector<GraphCommand> pending;
    std::vector<PlaygroundCommand> pending_playground;
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

bool apply_playground(const PlaygroundCommand& c) {
    App& a = *g_app;
    const bool ok = a.playground.apply(c);
    if (!ok) a.last_error = a.playground.error(), a.status = a.playground.error();
    else a.status.clear();
    return ok;
}

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Training is time-sliced: at most the panel's steps per frame, and never more than 10 ms of a
// 16 ms frame, so the page keeps drawing at 60 frames per second while it learns.
void advance_playground() {
    App& a = *g_app;
    if (!a.playground.playing()) return;
    a.playground.advance(a.playground_panel.steps_per_frame, now_ms, now_ms() + 10.0);
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
    advance_playground();
    if (ImGui::BeginTabBar("labs")) {
        const auto flags = [&](Tab t) { return a.select_tab && a.tab == t ? ImGuiTabItemFlags_SetSelected : 0; };
        const bool graph_open = ImGui::BeginTabItem("Graph lab", nullptr, flags(Tab::Graph));
        ui::note_widget("tab:graph");
        if (graph_open) {
            if (!a.select_tab) a.tab = Tab::Graph;
            a.graph_panel.draw(a.graph, a.fonts, a.pending);
            ImGui::EndTabItem();
        }
        const bool playground_open = ImGui::BeginTabItem("Training playground", nullptr, flags(Tab::Playground));
        ui::note_widget("tab:playground");
        if (playground_open) {
            if (!a.select_tab) a.tab = Tab::Playground;
            a.playground_panel.draw(a.playground, a.fonts, a.pending_playground);
            ImGui::EndTabItem();
        }
        a.select_tab = false;
        ImGui::EndTabBar();
    }
    ImGui::End();
    for (const GraphCommand& c : a.pending) apply_graph(c);
    a.pending.clear();
    for (const PlaygroundCommand& c : a.pending_playground) apply_playground(c);
    a.pending_playground.clear();
}

void app_shutdown() {
    delete g_app;
    g_app = nullptr;
}

std::string app_state_json() {
    const char* tab = g_app->tab == Tab::Graph ? "graph" : "playground";
    return std::string("{\"lab\":\"") + tab + "\",\"graph\":" + g_app->graph.to_json() +
           ",\"playground\":" + g_app->playground.to_json() + "}";
}

namespace {

bool playground_command(const std::string& kind, const std::string& text, double value) {
    static const struct {
        const char* name;
        PlaygroundCommand::Kind kind;
    } kinds[] = {
        {"play", PlaygroundCommand::Play},   {"pause", PlaygroundCommand::Pause},         {"step", PlaygroundCommand::Step},
        {"reset", PlaygroundCommand::Reset}, {"lr", PlaygroundCommand::LearningRate},     {"batch", PlaygroundCommand::BatchSize},
        {"optimizer", PlaygroundCommand::Optimizer}, {"state", PlaygroundCommand::LoadState},
    };
    for (const auto& k : kinds)
        if (kind == k.name) {
            PlaygroundCommand c{k.kind, value, static_cast<int>(value)};
            c.text = text;
            return apply_playground(c);
        }
    g_app->last_error = "no command named '" + kind + "'";
    return false;
}

}  // namespace

bool app_command(const std::string& lab, const std::string& kind, const std::string& text, double value) {
    if (lab == "app" && kind == "tab") {  // switch labs, as a click on the tab would
        if (text != "graph" && text != "playground") return g_app->last_error = "no lab named '" + text + "'", false;
        g_app->tab = text == "graph" ? Tab::Graph : Tab::Playground;
        g_app->select_tab = true;
        return true;
    }
    if (lab == "playground") return playground_command(kind, text, value);
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

std::string app_link() {
    if (g_app->tab == Tab::Playground) return "playground:" + g_app->playground.state().to_string();
    return "graph:" + g_app->graph.state().to_string();
}

bool app_open_link(const std::string& link) {
    App& a = *g_app;
    bool ok = false;
    if (link.rfind("graph:", 0) == 0) {
        ok = apply_graph({GraphCommand::LoadState, link.substr(6)});
        if (!ok) a.status = a.graph.error() + " (kept the default example)";
    } else if (link.rfind("playground:", 0) == 0) {
        a.tab = Tab::Playground;
        a.select_tab = true;
        PlaygroundCommand c{PlaygroundCommand::LoadState};
        c.text = link.substr(11);
        ok = apply_playground(c);
        if (!ok) a.status = a.playground.error() + " (kept the default settings)";
    } else {
        a.status = "cannot read the link: it should start with #graph: or #playground:";
    }
    return ok;
}

}  // namespace nabla
