// One window filling the canvas: a header with the lab tabs and a status line, then the active
// lab's panel. Commands are collected during the frame and applied after it, so a panel never
// sees a lab change halfway through drawing. Every lab is driven the same way (LabOf below), so
// this file does not grow when a lab gains a command.
#include "app/app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

#include "engine/i18n.h"
#include "imgui.h"
#include "lab/exports.h"
#include "lab/tensor_json.h"
#include "lab/graph_lab.h"
#include "lab/hidden_controls.h"
#include "lab/json_writer.h"
#include "lab/lesson_lab.h"
#include "lab/playground_lab.h"
#include "lab/trajectory_lab.h"
#include "lab/url_codec.h"
#include "ui/fonts.h"
#include "ui/graph_panel.h"
#include "ui/hidden.h"
#include "ui/lesson_panel.h"
#include "ui/playground_panel.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/trajectory_panel.h"
#include "ui/widget_map.h"

// One frame's draw list may pass 65 535 vertices (a large graph zoomed to read, six long paths):
// 16-bit indices wrapped into glyph garbage over the picture (issue 15). cmake/imgui.cmake makes them 32-bit.
static_assert(sizeof(ImDrawIdx) == 4, "ImDrawIdx must be 32-bit: see cmake/imgui.cmake");

namespace nabla {

// Where a refused command is told: the header's status line unless the lab shows it itself, and
// whether an accepted one clears it. graph_lab.h overrides these for typing and dragging.
template <class C>
bool shows_error_inline(const C&) {
    return false;
}
template <class C>
bool keeps_status(const C&) {
    return false;
}

namespace {

struct Status {
    std::string status;      // shown in the header: a refused link, a refused command
    bool deliberate = false;  // someone changed something since the link was last written (app_take_deliberate)
    std::string last_error;  // for the hook
};

// The header shows a refusal on one line: a tampered link may carry any amount of text. Cut at a
// character boundary (never inside a UTF-8 sequence) and marked.
std::string bounded(const std::string& s, size_t max_bytes = 240) {
    if (s.size() <= max_bytes) return s;
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "\xE2\x80\xA6";
}

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A lab as the app sees it, whatever its model and panel.
struct LabSlot {
    const char* title;  // on its tab, in English (translated where drawn; the tab's ID is the lab's name)
    const char* kept;   // what a refused link leaves in place, in English
    virtual ~LabSlot() = default;
    virtual const char* name() const = 0;  // in links and the hook
    virtual void frame(double deadline_ms) = 0;
    virtual void draw(const ui::Fonts& fonts, bool presenting) = 0;
    virtual void apply_pending(Status& st) = 0;
    virtual bool command(const std::string& kind, const std::string& text, double value, Status& st) = 0;
    virtual void nav(Nav n) = 0;  // queued like a panel's command
    virtual void forget_gl() = 0;
    virtual std::string link() const = 0;
    virtual std::string json() const = 0;
    virtual std::string take_link_request() = 0;
    virtual std::string extra_json() const { return ""; }  // more fields for the state JSON
};

template <class Lab, class Panel>
struct LabOf : LabSlot {
    Lab lab;
    Panel panel;
    std::vector<typename Lab::Command> pending;

    const char* name() const override { return Lab::name; }
    void frame(double deadline_ms) override { lab.frame(panel.steps_per_frame, now_ms, deadline_ms); }
    void draw(const ui::Fonts& fonts, bool presenting) override {
        panel.presenting = presenting;
        panel.draw(lab, fonts, pending);
    }
    bool apply(const typename Lab::Command& c, Status& st) {
        const bool ok = lab.apply(c);
        if (!ok) {
            st.last_error = lab.error();
            if (!shows_error_inline(c)) st.status = lab.error();
        } else if (!keeps_status(c)) {
            st.status.clear();
        }
        return ok;
    }
    void apply_pending(Status& st) override {
        st.deliberate |= !pending.empty();  // a click, a key, a drag: Back should undo it
        for (const auto& c : pending) apply(c, st);
        pending.clear();
    }
    bool command(const std::string& kind, const std::string& text, double value, Status& st) override {
        typename Lab::Command c;
        if (!Lab::parse_command(kind, text, value, c, st.last_error)) return false;
        return apply(c, st);
    }
    void forget_gl() override { panel.forget_gl(); }
    void nav(Nav n) override {
        typename Lab::Command c;
        if (lab.nav_command(n, c)) pending.push_back(c);
    }
    std::string link() const override { return std::string(Lab::name) + ":" + lab.link(); }
    std::string json() const override { return lab.to_json(); }
    std::string take_link_request() override { return lab.take_link_request(); }
};

struct GraphSlot : LabOf<GraphLab, ui::GraphPanel> {
    std::string extra_json() const override { return ",\"graph_view\":{\"zoom\":" + format_number(panel.view.zoom) + "}"; }
};

struct TrajectorySlot : LabOf<TrajectoryLab, ui::TrajectoryPanel> {
    std::string extra_json() const override {  // where the surface is looked at, for tests that aim at it
        const View& v = panel.view;
        return ",\"trajectory_view\":[" + format_number(v.x0) + "," + format_number(v.x1) + "," + format_number(v.y0) + "," +
               format_number(v.y1) + "],\"trajectory_timeline\":" + std::to_string(panel.view_iteration);
    }
};

// The Lessons tab: the course's table of contents; while a lesson is open its bar sits over the labs
// (app_frame) and its link is the page's.
struct LessonSlot : LabOf<LessonLab, ui::LessonPanel> {};

// The UI scale's choices: automatic (grows with the window, so a 1920x1080 projector is not tiny), or
// a fixed percentage of the 17 px text that fits a 1280x720 projector.
constexpr int kScaleChoices[] = {0, 100, 125, 150, 200};
constexpr float kBodyPx = 17;

// Presenting: at least one and a half times the text, for the back of the hall.
float body_px(int scale_percent, bool presenting, float width, float height) {
    const float grow = std::clamp(std::min(width / 1280.0f, height / 720.0f), 1.0f, 2.0f);
    const float px = scale_percent > 0 ? kBodyPx * scale_percent / 100.0f : std::round(kBodyPx * grow);
    return presenting ? std::max(px, std::round(kBodyPx * 1.5f)) : px;
}

// The app's own part of a link, after the lab's state: "&ui.present=1&ui.text=150". The "ui."
// keys cannot clash with a lab's (no expression name has a dot).
constexpr const char* kPresentKey = "ui.present";
constexpr const char* kTextKey = "ui.text";
// The language: "lang=ko". Written when Korean or when someone chose it (the header's switch, a
// link); otherwise the link says nothing and each reader gets their browser's language.
constexpr const char* kLangKey = "lang";
// The controls a lesson hides: "hide=opt,act,reg" (lab/hidden_controls.h).
constexpr const char* kHideKey = "hide";

struct App {
    std::vector<std::unique_ptr<LabSlot>> labs;
    ui::Fonts fonts;
    int scale_percent = 0;              // 0: automatic
    bool presenting = false;            // presentation mode: the lab's picture fills the window
    float fonts_px = 0, fonts_ratio = 0;  // what the atlas holds
    size_t tab = 0;
    bool select_tab = false;  // a link chose the tab: select it in the tab bar once
    const GraphLab* graph = nullptr;  // its expression may hold names in any script
    const PlaygroundLab* playground = nullptr;
    ui::PlaygroundPanel* playground_panel = nullptr;  // its pictures read back (a GL action)
    const TrajectoryLab* trajectory = nullptr;
    LessonSlot* lessons = nullptr;
    bool course_asked = false;  // the platform was asked to fetch the course (app_take_course_request)
    std::vector<Download> downloads;  // asked for by the Export menu, taken by the platform
    int picture_in = 0;               // frames until the picture is cut (the menu must be gone from it)
    std::string picture_name;
    bool pick_file = false;
    HiddenControls hidden;  // the link's hide=: controls a lesson leaves out
    bool language_chosen = false;  // by the switch or a link, not the browser: the link keeps it
    bool copy_link = false;        // the header's Copy link was pressed: the platform copies it
    Status st;
};

App* g_app = nullptr;

// Opens a link; one the open lesson asked for keeps the lesson open (any other ends it).
bool open_link(const std::string& full_link, bool for_lesson);
bool open_step_link(const std::string& link) { return open_link(link, true); }

LabSlot* lab_named(const std::string& name) {
    for (auto& l : g_app->labs)
        if (name == l->name()) return l.get();
    return nullptr;
}

template <class Slot>
void add_lab(const char* title, const char* kept) {
    auto slot = std::make_unique<Slot>();
    slot->title = title;
    slot->kept = kept;
    g_app->labs.push_back(std::move(slot));
}

// In a lesson a clicker's Next and Back walk the lesson, except while the Graph lab on screen is
// being stepped through backprop on a step without a question ("step it yourself"): then they
// step gates until backprop is complete (or back at its start), and only then move the lesson.
bool lesson_takes(Nav nav, const LabSlot& shown) {
    const LessonLab& lesson = g_app->lessons->lab;
    if (!lesson.open() || (nav != Nav::Next && nav != Nav::Back)) return false;
    if (lesson.current()->has_question) return true;  // a question's reveal may leave backprop part-way
    if (std::string(shown.name()) != GraphLab::name) return true;
    const GraphLab& graph = *g_app->graph;
    if (graph.state().backprop_step < 0) return true;
    const int done = graph.backprop_done(), total = static_cast<int>(graph.backprop_order().size());
    return nav == Nav::Next ? done >= total : done <= 0;
}

// A presentation clicker sends Page Down / Page Up (some: arrows, Space, Enter); keyboards have the
// rest. Ignored while a text box has the keyboard, so typing an expression never steps anything.
void keys(LabSlot& lab) {
    if (ImGui::GetIO().WantTextInput) return;
    static const struct {
        ImGuiKey key;
        Nav nav;
    } kKeys[] = {{ImGuiKey_RightArrow, Nav::Next}, {ImGuiKey_Space, Nav::Next},   {ImGuiKey_PageDown, Nav::Next},
                 {ImGuiKey_LeftArrow, Nav::Back},  {ImGuiKey_PageUp, Nav::Back},  {ImGuiKey_Home, Nav::First},
                 {ImGuiKey_End, Nav::Last},        {ImGuiKey_Enter, Nav::RunPause}, {ImGuiKey_KeypadEnter, Nav::RunPause}};
    for (const auto& k : kKeys)
        if (ImGui::IsKeyPressed(k.key, false)) {
            if (lesson_takes(k.nav, lab)) g_app->lessons->nav(k.nav);
            else lab.nav(k.nav);
        }
    if (ImGui::IsKeyPressed(ImGuiKey_P, false)) g_app->presenting = !g_app->presenting;  // P: present
}

// Each lab's picture, as the widget map names it: what "Picture (PNG)" cuts from the canvas.
const char* picture_widget(const std::string& lab) {
    return lab == "graph" ? "graph:canvas" : lab == "playground" ? "pg:output" : "tr:surface";
}

// A header button that opens a menu (widget "app:<id>"); true while the menu is open, between
// BeginPopup and the caller's EndPopup.
bool header_menu(const std::string& label, const char* id, const char* tooltip) {
    ui::flow(ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
    const std::string popup = std::string(id) + "_menu";
    if (ImGui::Button(label.c_str())) ImGui::OpenPopup(popup.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    ui::note_widget(std::string("app:") + id);
    return ImGui::BeginPopup(popup.c_str());
}

// The header's Export menu: the current lab's picture and numbers as files, and a weights file back.
void export_menu() {
    App& a = *g_app;
    if (!header_menu(ui::id_label("Export…", "export"), "export", tr("Download this lab's picture or numbers; load a network's weights"))) return;
    const std::string lab = a.labs[a.tab]->name();
    auto offer = [&](const std::string& item, const char* id, std::string name, const char* mime, auto text) {
        if (ImGui::Selectable(item.c_str())) a.downloads.push_back({std::move(name), mime, text(), false, 0, 0, 0, 0});
        ui::note_widget(std::string("app:export:") + id);
    };
    if (ImGui::Selectable(ui::id_label("Picture (PNG)", "png").c_str())) {
        a.picture_in = 2;  // cut two frames on, once the menu is closed
        const long steps = lab == "playground" ? a.playground->trainer().steps() : lab == "trajectory" ? a.trajectory->steps() : -1;
        a.picture_name = "nabla-" + lab + (steps >= 0 ? "-step" + std::to_string(steps) : std::string()) + ".png";
    }
    ui::note_widget("app:export:png");
    if (lab == "playground") {
        const PlaygroundLab& pg = *a.playground;
        offer(ui::id_label("Loss history (CSV)", "history"), "history", "nabla-history.csv", "text/csv",
              [&] { return history_csv(pg.history(), pg.trainer().mlp().layer_count()); });
        offer(ui::id_label("Weights (JSON)", "weights"), "weights", "nabla-weights.json", "application/json", [&] { return pg.weights_json(); });
        if (pg.state().dataset == DatasetKind::Own)
            offer(ui::id_label("Your data (CSV)", "data"), "data", "nabla-data.csv", "text/csv", [&] { return pg.state().own.to_csv(); });
        ImGui::Separator();
        if (ImGui::Selectable(ui::id_label("Load weights (JSON)…", "load-weights").c_str())) a.pick_file = true;
        ui::note_widget("app:export:load-weights");
    } else if (lab == "graph") {
        offer(ui::id_label("Node table (CSV)", "nodes"), "nodes", "nabla-nodes.csv", "text/csv", [&] { return a.graph->vectorised() ? tensor_nodes_csv(a.graph->tensor()) : nodes_csv(a.graph->parsed()); });
    } else {
        offer(ui::id_label("Paths (CSV)", "paths"), "paths", "nabla-paths.csv", "text/csv", [&] { return paths_csv(*a.trajectory); });
    }
    ImGui::EndPopup();
}

// "Hide…": the current lab's hideable controls as checkboxes; what is ticked disappears and stays
// hidden in the link, for a focused lesson. The menu itself never hides.
void hide_menu() {
    App& a = *g_app;
    if (!header_menu(ui::id_label("Hide…", "hide"), "hide", tr("Hide controls for a focused lesson: the link keeps them hidden"))) return;
    ImGui::TextColored(ui::to_vec4(ui::colors::muted), "%s", tr("Hidden in this page and its link:"));
    for (const HideableControl& c : hideable_controls(a.labs[a.tab]->name())) {
        bool on = a.hidden.hidden(c.key);
        if (ImGui::Checkbox(ui::id_label(c.label, c.key).c_str(), &on)) a.hidden.set(c.key, on), a.st.deliberate = true;
        ui::note_widget(std::string("app:hide:") + c.key);
    }
    if (!a.hidden.empty()) {
        if (ImGui::Button(ui::id_label("Show all", "show-all").c_str())) a.hidden.clear(), a.st.deliberate = true;
        ui::note_widget("app:hide:show-all");
    }
    ImGui::EndPopup();
}

// The text size, for the back of a lecture hall.
void scale_combo() {
    App& a = *g_app;
    ui::flow(ui::em(7.5f));
    int choice = 0;
    for (int i = 0; i < static_cast<int>(std::size(kScaleChoices)); ++i)
        if (kScaleChoices[i] == a.scale_percent) choice = i;
    ImGui::SetNextItemWidth(ui::em(7.5f));
    std::string texts[std::size(kScaleChoices)];
    const char* labels[std::size(kScaleChoices)];
    for (size_t i = 0; i < std::size(kScaleChoices); ++i) {
        texts[i] = kScaleChoices[i] > 0 ? trf("text %d%%", kScaleChoices[i]) : std::string(tr("text: auto"));
        labels[i] = texts[i].c_str();
        ui::fit("app:scale", labels[i], ui::em(7.5f) - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x);
    }
    if (ImGui::Combo("##scale", &choice, labels, static_cast<int>(std::size(labels))))
        a.scale_percent = kScaleChoices[choice], a.st.deliberate = true;
    ui::note_widget("app:scale");
}

void header() {
    App& a = *g_app;
    ImGui::PushFont(a.fonts.heading);
    ImGui::TextUnformatted("\xE2\x88\x87 Nabla");
    ImGui::PopFont();
    if (!a.presenting) {
        ImGui::SameLine();
        ImGui::TextColored(ui::to_vec4(ui::colors::muted), "  %s", tr("backpropagation, gate by gate"));
    }
    // One ID for both states, so the button stays the same widget when it toggles or the language changes.
    const std::string present = a.presenting ? ui::id_label("\xE2\x96\xA0 End presentation (P)", "present")
                                             : ui::id_label("\xE2\x96\xB6 Present (P)", "present");
    ui::flow(ImGui::CalcTextSize(present.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::Button(present.c_str())) a.presenting = !a.presenting, a.st.deliberate = true;
    ui::note_widget("app:present");
    // A lesson presented: its picture and text, the end of the presentation and the language only.
    const bool lesson_presented = a.presenting && a.lessons->lab.open();
    if (!lesson_presented) scale_combo();
    // The language switch names the other language in its own words: a Korean student finds
    // "한국어" on an English page, an English speaker "English" on a Korean one.
    const Language other = language() == Language::Korean ? Language::English : Language::Korean;
    const std::string switch_label = std::string(enum_label(other)) + "###lang";
    ui::flow(ImGui::CalcTextSize(switch_label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::Button(switch_label.c_str())) {
        set_language(other);
        a.language_chosen = true;
        a.st.deliberate = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Language: the whole app, its messages and the link"));
    ui::note_widget("app:lang");
    if (lesson_presented) {
        if (!a.st.status.empty()) ImGui::SameLine(), ImGui::TextColored(ui::to_vec4(ui::colors::bad), "   %s", bounded(a.st.status).c_str());
        return;
    }
    // The link reproduces what is on screen, training included: copied for the class in one click.
    const std::string copy = ui::id_label("Copy link", "copylink");
    ui::flow(ImGui::CalcTextSize(copy.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::Button(copy.c_str())) a.copy_link = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Copy this page's link: it opens the same state, training replayed"));
    ui::note_widget("app:copy-link");
    if (a.labs[a.tab].get() != a.lessons) {  // the Lessons tab has no picture and no controls to hide
        export_menu();
        hide_menu();
    }
    if (!a.st.status.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ui::to_vec4(ui::colors::bad), "   %s", bounded(a.st.status).c_str());
    }
}

}  // namespace

void app_init(const char* reader_language) {
    g_app = new App();
    set_language(language_from_locale(reader_language ? reader_language : ""));
    add_lab<GraphSlot>("Graph lab", "the default example");
    g_app->graph = &static_cast<GraphSlot&>(*g_app->labs.back()).lab;
    add_lab<LabOf<PlaygroundLab, ui::PlaygroundPanel>>("Training playground", "the default settings");
    auto& playground = static_cast<LabOf<PlaygroundLab, ui::PlaygroundPanel>&>(*g_app->labs.back());
    g_app->playground = &playground.lab;
    g_app->playground_panel = &playground.panel;
    add_lab<TrajectorySlot>("Trajectory lab", "the default runs");
    g_app->trajectory = &static_cast<TrajectorySlot&>(*g_app->labs.back()).lab;
    add_lab<LessonSlot>("Lessons", "the open lesson");
    g_app->lessons = &static_cast<LessonSlot&>(*g_app->labs.back());
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini: the page's state lives in its link
    ui::set_hidden_controls(&g_app->hidden);
}

bool app_fit(float css_width, float css_height, float pixel_ratio) {
    App& a = *g_app;
    const float px = body_px(a.scale_percent, a.presenting, css_width, css_height);
    if (const GraphLab* graph = a.graph) ui::want_glyphs(graph->state().expression);  // typed or linked names: 가중치
    // The course's texts are not in the built-in subset: Hangul beyond the table comes from hangul-more.ttf.
    const LessonLab& lessons = a.lessons->lab;
    for (const Lesson& l : lessons.course().lessons) ui::want_glyphs(l.title.text());
    if (const LessonStep* step = lessons.current()) {
        ui::want_glyphs(lessons.text()), ui::want_glyphs(lessons.ask()), ui::want_glyphs(lessons.hint());
        for (const LessonOption& o : step->question.options) ui::want_glyphs(o.label.text());
    }
    if (px == a.fonts_px && pixel_ratio == a.fonts_ratio && !ui::fonts_stale()) return false;
    a.fonts = ui::load_fonts(px, pixel_ratio);
    ui::apply_theme(px / kBodyPx);
    a.fonts_px = px, a.fonts_ratio = pixel_ratio;
    return true;
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
    // Training is time-sliced: never more than 10 ms of a 16 ms frame, so the page keeps drawing at
    // 60 frames per second while it learns (each lab also caps its steps per frame).
    for (auto& l : a.labs) l->frame(now_ms() + 10.0);
    const bool in_lesson = a.lessons->lab.open();
    // A lesson presented on a wide screen (a projector's 16:9) reads beside its picture, which keeps
    // the whole height; otherwise the lesson's bar sits over the lab.
    const bool beside = in_lesson && a.presenting && vp->Size.x >= 1.5f * vp->Size.y;
    if (in_lesson) {
        a.lessons->panel.presenting = a.presenting;
        a.lessons->panel.draw_bar(a.lessons->lab, a.fonts, a.lessons->pending, vp->Size.y * (a.presenting ? 0.34f : 0.4f),
                                  beside ? std::round(vp->Size.x * 0.3f) : 0);
    }
    if (in_lesson && a.presenting) {  // the lesson's picture and text only: no tabs
        if (beside) ImGui::SameLine(), ImGui::BeginGroup();
        a.labs[a.tab]->draw(a.fonts, a.presenting);
        if (beside) ImGui::EndGroup();
    } else if (ImGui::BeginTabBar("labs")) {
        for (size_t i = 0; i < a.labs.size(); ++i) {
            LabSlot& l = *a.labs[i];
            const bool open = ImGui::BeginTabItem(ui::id_label(l.title, l.name()).c_str(), nullptr,
                                                  a.select_tab && a.tab == i ? ImGuiTabItemFlags_SetSelected : 0);
            ui::note_widget(std::string("tab:") + l.name());
            if (open) {
                if (!a.select_tab) a.tab = i;
                if (&l == a.lessons) a.lessons->lab.want_course();
                l.draw(a.fonts, a.presenting);
                ImGui::EndTabItem();
            }
        }
        a.select_tab = false;
        ImGui::EndTabBar();
    }
    ImGui::End();
    ui::touch_scroll();
    keys(*a.labs[a.tab]);
    if (a.picture_in > 0 && --a.picture_in == 0) {
        ImVec4 r;
        if (ui::widget_rect(picture_widget(a.labs[a.tab]->name()), r)) a.downloads.push_back({a.picture_name, "image/png", "", true, r.x, r.y, r.z, r.w});
        else a.st.status = tr("there is no picture on screen to export");
    }
    for (auto& l : a.labs) {
        l->apply_pending(a.st);
        if (const std::string link = l->take_link_request(); !link.empty()) {
            if (l.get() == a.lessons) open_step_link(link);
            else app_open_link(link);
        }
    }
}

std::string app_state_json() {
    const App& a = *g_app;
    std::string json = std::string("{\"lab\":\"") + a.labs[a.tab]->name() + "\"";
    for (const auto& l : a.labs) json += std::string(",\"") + l->name() + "\":" + l->json() + l->extra_json();
    // The playground's output while it trains: a value every pixel, or every 2nd, 4th, 8th on a slow device.
    json += ",\"output_coarseness\":" + std::to_string(a.playground_panel->coarseness);
    json += std::string(",\"lang\":\"") + enum_key(language()) + "\",\"missing_glyphs\":" + std::to_string(ui::missing_glyphs());
    json += ",\"untranslated\":[";
    for (size_t i = 0; i < untranslated().size(); ++i) json += (i ? "," : "") + json_escape(untranslated()[i]);
    return json + "],\"status\":" + json_escape(a.st.status) + "}";
}

bool app_command(const std::string& lab, const std::string& kind, const std::string& text, double value) {
    App& a = *g_app;
    a.st.deliberate = true;
    if (lab == "app" && kind == "tab") {  // switch labs, as a click on the tab would
        for (size_t i = 0; i < a.labs.size(); ++i)
            if (text == a.labs[i]->name()) {
                a.tab = i;
                a.select_tab = true;
                return true;
            }
        return a.st.last_error = trf("no lab named '%s'", text.c_str()), false;
    }
    LabSlot* l = lab_named(lab);
    if (!l) return a.st.last_error = trf("no lab named '%s'", lab.c_str()), false;
    const bool ok = l->command(kind, text, value, a.st);
    if (const std::string link = l->take_link_request(); !link.empty()) return l == a.lessons ? open_step_link(link) && ok : app_open_link(link);
    return ok;
}

bool app_open_file(const std::string& name, const std::string& text) {
    App& a = *g_app;
    a.st.deliberate = true;
    const bool json = name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0;
    if (json) {
        if (!app_command("app", "tab", "playground", 0) || !app_command("playground", "weights", text, 0)) {
            a.st.status = name + ": " + a.st.last_error;
            return false;
        }
        a.st.status = trf("%s: weights loaded (a link does not carry them)", name.c_str());
        return true;
    }
    if (!app_command("app", "tab", "playground", 0) || !app_command("playground", "csv", text, 0)) {
        a.st.status = name + ": " + a.st.last_error;
        return false;
    }
    a.st.status = trf("%s: your data, %d points", name.c_str(), static_cast<int>(a.playground->state().own.points.size()));
    return true;
}

const std::string& app_last_error() { return g_app->st.last_error; }

bool app_output_pixel(int x, int y, float out[4]) { return g_app->playground_panel->network.read(x, y, out); }

void app_notice(const std::string& message) { g_app->st.status = message; }

void app_gl_lost() {
    g_app->st.status = tr("The graphics context was lost (the GPU was reset or is busy): everything is kept and drawn again when it returns.");
}

void app_gl_restored() {
    for (auto& l : g_app->labs) l->forget_gl();
    g_app->fonts_px = 0;  // the font texture is made again too
    g_app->st.status.clear();
}

std::string app_widgets_json() { return ui::widget_map_json(); }

std::string app_overflows_json() { return ui::overflows_json(); }

bool app_take_deliberate() { return std::exchange(g_app->st.deliberate, false); }

bool app_download_waiting() { return !g_app->downloads.empty(); }

bool app_take_download(Download& out) {
    if (g_app->downloads.empty()) return false;
    out = std::move(g_app->downloads.front());
    g_app->downloads.erase(g_app->downloads.begin());
    return true;
}

bool app_take_pick_file() { return std::exchange(g_app->pick_file, false); }

bool app_take_copy_link() { return std::exchange(g_app->copy_link, false); }

std::string app_link() {
    const App& a = *g_app;
    const LessonLab& lesson = a.lessons->lab;
    std::string link = lesson.open() || !lesson.link().empty() ? a.lessons->link() : a.labs[a.tab]->link();
    if (a.presenting) link += std::string("&") + kPresentKey + "=1";
    if (a.scale_percent > 0) link += std::string("&") + kTextKey + "=" + std::to_string(a.scale_percent);
    if (a.language_chosen || language() != Language::English) link += std::string("&") + kLangKey + "=" + enum_key(language());
    if (!a.hidden.empty()) link += std::string("&") + kHideKey + "=" + a.hidden.text();
    return link;
}

bool app_open_link(const std::string& full_link) { return open_link(full_link, false); }

namespace {

bool open_link(const std::string& full_link, bool for_lesson) {
    App& a = *g_app;
    // The app's own keys first; the rest is the lab's. A link without hide= shows everything.
    std::string link, hide_refusal;
    a.hidden.clear();
    for (const std::string& part : split_list(full_link, '&')) {
        const size_t eq = part.find('=');
        const std::string key = part.substr(0, eq), value = eq == std::string::npos ? "" : part.substr(eq + 1);
        if (key == kPresentKey) {
            a.presenting = value == "1";
        } else if (key == kLangKey) {
            Language lang;
            if (enum_from_key(value, lang)) set_language(lang), a.language_chosen = true;  // an unknown one: the reader's
        } else if (key == kHideKey) {
            std::string why;
            if (!a.hidden.read(value, why)) hide_refusal = why;  // the rest of the link still opens
        } else if (key == kTextKey) {
            a.scale_percent = 0;
            for (const int choice : kScaleChoices)
                if (value == std::to_string(choice)) a.scale_percent = choice;
        } else {
            link += (link.empty() ? "" : "&") + part;
        }
    }
    const size_t colon = link.find(':');
    LabSlot* l = colon == std::string::npos ? nullptr : lab_named(link.substr(0, colon));
    if (!l) {
        std::string names;
        for (const auto& each : a.labs) names += std::string(names.empty() ? "#" : ", #") + each->name() + ":";
        a.st.status = trf("cannot read the link: it should start with %s", names.c_str());
        return false;
    }
    const size_t shown = a.tab;
    for (size_t i = 0; i < a.labs.size(); ++i)
        if (a.labs[i].get() == l) a.tab = i;
    a.select_tab = true;
    // A link that only names a lab ("#trajectory:") opens it as it is: nothing to read, nothing refused.
    if (colon + 1 == link.size()) {
        if (!for_lesson && l != a.lessons) a.lessons->lab.apply({LessonCommand::Close});
        if (!hide_refusal.empty()) a.st.status = trf("cannot read the link: %s", hide_refusal.c_str());
        return true;
    }
    if (l->command("state", link.substr(colon + 1), 0, a.st)) {
        // A lab link from anywhere but the open lesson (the address bar, Back, a preset's link) ends
        // the lesson, or a lesson link still waiting for the course.
        if (!for_lesson && l != a.lessons) a.lessons->lab.apply({LessonCommand::Close});
        if (!hide_refusal.empty()) a.st.status = trf("cannot read the link: %s", hide_refusal.c_str());
        return true;
    }
    // Refused: everything stays, the open lesson's step on screen included.
    if (l == a.lessons && a.lessons->lab.open()) a.tab = shown;
    a.st.status = trf("%s (kept %s)", a.st.last_error.c_str(), tr(l->kept));
    return false;
}

}  // namespace

// ---- the course, fetched beside the page when first wanted --------------------------------

bool app_take_course_request() {
    App& a = *g_app;
    if (a.course_asked || !a.lessons->lab.wants_course()) return false;
    return a.course_asked = true;
}

void app_course_failed(const std::string& message) {
    App& a = *g_app;
    a.lessons->lab.course_failed(message);
    a.course_asked = false;  // the Lessons tab asks again when it is opened again
    a.st.status = message;
}

void app_course_arrived(const std::string& text) {
    App& a = *g_app;
    const bool had_pending = !a.lessons->lab.link().empty();
    if (!a.lessons->lab.load_course(text)) {
        a.st.status = a.lessons->lab.error();
        return;
    }
    // A lesson link that waited for the course: its step's lab opens now.
    if (const std::string link = a.lessons->take_link_request(); !link.empty() && had_pending) open_step_link(link);
}

}  // namespace nabla
