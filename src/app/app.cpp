// One window filling the canvas: a header with the lab tabs and a status line, then the active
// lab's panel. Commands are collected during the frame and applied after it, so a panel never
// sees a lab change halfway through drawing.
#include "app/app.h"

#include <chrono>
#include <cmath>
#include <vector>

#include "imgui.h"
#include "lab/graph_lab.h"
#include "lab/json_writer.h"
#include "lab/network_graph.h"
#include "lab/url_codec.h"
#include "lab/playground_lab.h"
#include "lab/trajectory_lab.h"
#include "ui/graph_panel.h"
#include "ui/playground_panel.h"
#include "ui/trajectory_panel.h"
#include "ui/theme.h"
#include "ui/widget_map.h"

namespace nabla {

namespace {

enum class Tab { Graph, Playground, Trajectory };

// The labs by name, as links (#playground:...), the hook and the state JSON call them.
const struct LabName {
    const char* name;
    Tab tab;
    const char* kept;  // what a refused link leaves in place
} kLabs[] = {{"graph", Tab::Graph, "the default example"},
             {"playground", Tab::Playground, "the default settings"},
             {"trajectory", Tab::Trajectory, "the default runs"}};

const LabName* lab_named(const std::string& name) {
    for (const LabName& l : kLabs)
        if (name == l.name) return &l;
    return nullptr;
}

const char* lab_name(Tab tab) {
    for (const LabName& l : kLabs)
        if (l.tab == tab) return l.name;
    return "graph";
}

struct App {
    GraphLab graph;
    ui::GraphPanel graph_panel;
    PlaygroundLab playground;
    ui::PlaygroundPanel playground_panel;
    TrajectoryLab trajectory;
    ui::TrajectoryPanel trajectory_panel;
    ui::Fonts fonts;
    Tab tab = Tab::Graph;
    bool select_tab = false;  // a link chose the tab: select it in the tab bar once
    std::vector<GraphCommand> pending;
    std::vector<PlaygroundCommand> pending_playground;
    std::vector<TrajectoryCommand> pending_trajectory;
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

bool apply_trajectory(const TrajectoryCommand& c) {
    App& a = *g_app;
    const bool ok = a.trajectory.apply(c);
    if (!ok) a.last_error = a.trajectory.error(), a.status = a.trajectory.error();
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

// The playground's network for one sample, drawn as a graph in the Graph lab (small networks only).
bool open_network_in_graph(int sample) {
    App& a = *g_app;
    GraphLabState g;
    std::string why;
    if (!network_as_graph(a.playground, sample, g, why)) return a.status = a.last_error = why, false;
    if (!a.graph.apply({GraphCommand::LoadState, g.to_string()})) return a.status = a.last_error = a.graph.error(), false;
    a.status.clear();
    a.tab = Tab::Graph;
    a.select_tab = true;
    return true;
}

// Two-parameter steps are cheap: the speed control is simply steps per frame.
void advance_trajectory() {
    App& a = *g_app;
    if (a.trajectory.playing()) a.trajectory.step(a.trajectory_panel.steps_per_frame);
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

void app_init(float pixel_ratio) {
    g_app = new App();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini: the page's state lives in its link
    ui::apply_theme();
    g_app->fonts = ui::load_fonts(17.0f, pixel_ratio);
}

void app_frame() {
    App& a = *g_app;
    ui::widget_map_begin_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    // No background: the frame is cleared to the window colour already, and a full-screen blended quad
    // on top of it costs a software rasteriser (a projector laptop without a GPU) a third of its frame.
    ImGui::Begin("Nabla", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    header();
    advance_playground();
    advance_trajectory();
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
        const bool trajectory_open = ImGui::BeginTabItem("Trajectory lab", nullptr, flags(Tab::Trajectory));
        ui::note_widget("tab:trajectory");
        if (trajectory_open) {
            if (!a.select_tab) a.tab = Tab::Trajectory;
            a.trajectory_panel.draw(a.trajectory, a.fonts, a.pending_trajectory);
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
    if (a.playground_panel.open_in_graph >= 0) open_network_in_graph(a.playground_panel.open_in_graph);
    a.playground_panel.open_in_graph = -1;
    for (const TrajectoryCommand& c : a.pending_trajectory) apply_trajectory(c);
    a.pending_trajectory.clear();
}

void app_shutdown() {
    delete g_app;
    g_app = nullptr;
}

std::string app_state_json() {
    const App& a = *g_app;
    const View& v = a.trajectory_panel.view;
    return std::string("{\"lab\":\"") + lab_name(a.tab) + "\",\"graph\":" + a.graph.to_json() + ",\"playground\":" + a.playground.to_json() +
           ",\"trajectory\":" + a.trajectory.to_json() + ",\"trajectory_view\":[" + format_number(v.x0) + "," + format_number(v.x1) +
           "," + format_number(v.y0) + "," + format_number(v.y1) + "],\"status\":" + json_escape(a.status) + "}";
}

namespace {

bool playground_command(const std::string& kind, const std::string& text, double value) {
    if (kind == "graph") return open_network_in_graph(static_cast<int>(value));
    static const struct {
        const char* name;
        PlaygroundCommand::Kind kind;
    } kinds[] = {
        {"play", PlaygroundCommand::Play},   {"pause", PlaygroundCommand::Pause},         {"step", PlaygroundCommand::Step},
        {"reset", PlaygroundCommand::Reset}, {"lr", PlaygroundCommand::LearningRate},     {"batch", PlaygroundCommand::BatchSize},
        {"optimizer", PlaygroundCommand::Optimizer}, {"state", PlaygroundCommand::LoadState},
        {"sample", PlaygroundCommand::SelectSample},
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

// text: a preset name or a link; value: the run for lr / batch / optimizer is `text` ("0".."5"),
// the number of steps for step.
bool trajectory_command(const std::string& kind, const std::string& text, double value) {
    static const struct {
        const char* name;
        TrajectoryCommand::Kind kind;
    } kinds[] = {
        {"play", TrajectoryCommand::Play},         {"pause", TrajectoryCommand::Pause},   {"step", TrajectoryCommand::Step},
        {"reset", TrajectoryCommand::Reset},       {"preset", TrajectoryCommand::Preset}, {"state", TrajectoryCommand::LoadState},
        {"lr", TrajectoryCommand::LearningRate},   {"batch", TrajectoryCommand::Batch},   {"optimizer", TrajectoryCommand::Optimizer},
        {"select", TrajectoryCommand::SelectRun},  {"add_run", TrajectoryCommand::AddRun}, {"momentum", TrajectoryCommand::Momentum},
    };
    for (const auto& k : kinds)
        if (kind == k.name) {
            TrajectoryCommand c{k.kind, -1, value};
            c.text = text;
            const bool per_run = k.kind == TrajectoryCommand::LearningRate || k.kind == TrajectoryCommand::Batch ||
                                 k.kind == TrajectoryCommand::Optimizer || k.kind == TrajectoryCommand::SelectRun ||
                                 k.kind == TrajectoryCommand::Momentum;
            if (per_run) {
                double run = 0;
                if (!parse_finite(text, run) || run != std::floor(run) || run < 0 || run >= kMaxRuns)
                    return g_app->last_error = "name the run as text: 0 to 5", false;
                c.run = static_cast<int>(run);
            }
            return apply_trajectory(c);
        }
    g_app->last_error = "no command named '" + kind + "'";
    return false;
}

}  // namespace

bool app_command(const std::string& lab, const std::string& kind, const std::string& text, double value) {
    if (lab == "app" && kind == "tab") {  // switch labs, as a click on the tab would
        const LabName* l = lab_named(text);
        if (!l) return g_app->last_error = "no lab named '" + text + "'", false;
        g_app->tab = l->tab;
        g_app->select_tab = true;
        return true;
    }
    if (lab == "playground") return playground_command(kind, text, value);
    if (lab == "trajectory") return trajectory_command(kind, text, value);
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
    if (g_app->tab == Tab::Trajectory) return "trajectory:" + g_app->trajectory.state().to_string();
    return "graph:" + g_app->graph.state().to_string();
}

bool app_open_link(const std::string& link) {
    App& a = *g_app;
    const size_t colon = link.find(':');
    const LabName* l = colon == std::string::npos ? nullptr : lab_named(link.substr(0, colon));
    if (!l) {
        a.status = "cannot read the link: it should start with #graph:, #playground: or #trajectory:";
        return false;
    }
    a.tab = l->tab;
    a.select_tab = true;
    if (app_command(l->name, "state", link.substr(colon + 1), 0)) return true;
    a.status = a.last_error + " (kept " + l->kept + ")";
    return false;
}

}  // namespace nabla
