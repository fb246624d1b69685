#include "ui/trajectory_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/format.h"
#include "ui/hidden.h"
#include "ui/plot.h"
#include "ui/text.h"
#include "ui/view_math.h"
#include "ui/widget_map.h"

namespace nabla::ui {

namespace {

constexpr int kGridSide = 160;  // engine samples of the loss per side; the shader interpolates
constexpr int kMaxDashes = 400;  // past this many a dashed arrow is drawn solid (a deep zoom)

const Setting<RunSettings>& run_row(const char* key) { return run_settings()[key]; }
const Setting<TrajectoryState>& lab_row(const char* key) { return trajectory_settings()[key]; }

// What a teacher would call the run: GD when it uses every sample, SGD with one, minibatch between.
std::string run_label(const TrajectoryLab& lab, int i) {
    const RunSettings& r = lab.state().runs[i];
    const int n = lab.surface().size(), b = std::min(r.batch, n);
    std::string rule = enum_label(r.optimizer);
    if (!lab.surface().data_driven()) return r.optimizer == OptimizerKind::SGD ? "GD" : rule;
    std::string batch = b == n ? tr("full batch") : trf("batch %d", b);
    if (r.optimizer == OptimizerKind::SGD)
        return b == n ? tr("GD (full batch)") : b == 1 ? tr("SGD (batch 1)") : trf("minibatch SGD (%s)", batch.c_str());
    return rule + " (" + batch + ")";
}

ImVec2 to_imvec(Vec2 p) { return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)); }

ImVec4 ylgnbu(float t) {  // the same colour map as shaders/heatmap.frag, for the legend
    static const float stops[5][3] = {{1.0f, 1.0f, 0.851f}, {0.780f, 0.914f, 0.706f}, {0.255f, 0.714f, 0.769f},
                                      {0.133f, 0.369f, 0.659f}, {0.047f, 0.173f, 0.518f}};
    t = std::clamp(t, 0.0f, 1.0f) * 4;
    const int k = std::min(3, static_cast<int>(t));
    const float f = t - k;
    return ImVec4(stops[k][0] + (stops[k + 1][0] - stops[k][0]) * f, stops[k][1] + (stops[k + 1][1] - stops[k][1]) * f,
                  stops[k][2] + (stops[k + 1][2] - stops[k][2]) * f, 1);
}

void arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 color, float thickness, bool dashed = false) {
    const float dx = to.x - from.x, dy = to.y - from.y, len = std::hypot(dx, dy);
    if (len < 1.5f) return;
    const float ux = dx / len, uy = dy / len, head = std::min(10.0f, 0.45f * len);
    const ImVec2 base(to.x - ux * head, to.y - uy * head);
    const std::vector<Vec2> dash = dashed ? dashes(len - head, 7, 4, kMaxDashes) : std::vector<Vec2>{};
    for (const Vec2& d : dash)
        dl->AddLine(ImVec2(from.x + ux * static_cast<float>(d.x), from.y + uy * static_cast<float>(d.x)),
                    ImVec2(from.x + ux * static_cast<float>(d.y), from.y + uy * static_cast<float>(d.y)), color, thickness);
    if (dash.empty()) dl->AddLine(from, base, color, thickness);
    dl->AddTriangleFilled(to, ImVec2(base.x - uy * head * 0.45f, base.y + ux * head * 0.45f),
                          ImVec2(base.x + uy * head * 0.45f, base.y - ux * head * 0.45f), color);
}

void controls(TrajectoryPanel& p, const TrajectoryLab& lab, std::vector<TrajectoryCommand>& commands) {
    // A toolbar that wraps where the window is narrow (a phone, a tablet held upright).
    const float pad = 2 * ImGui::GetStyle().FramePadding.x;
    const bool playing = lab.playing();
    const std::string play = playing ? id_label("\xE2\x9D\x9A\xE2\x9D\x9A Pause", "play") : id_label("\xE2\x96\xB6 Run", "play");
    if (ImGui::Button(play.c_str(), ImVec2(em(5.3f), 0)))
        commands.push_back(playing ? TrajectoryCommand{trajectory::Pause{}} : TrajectoryCommand{trajectory::Play{}});
    note_widget("tr:play");
    fit("tr:play", playing ? tr("\xE2\x9D\x9A\xE2\x9D\x9A Pause") : tr("\xE2\x96\xB6 Run"), em(5.3f) - pad);
    flow(em(3.5f));
    if (ImGui::Button(id_label("Step", "step").c_str())) commands.push_back(trajectory::Step{1});
    note_widget("tr:step");
    flow(em(3.5f));
    if (ImGui::Button(id_label("Reset", "reset").c_str())) commands.push_back(trajectory::Reset{});
    note_widget("tr:reset");
    const std::string steps = trf("step %ld", lab.steps());
    // Room for five digits (runs stop at 20 000 steps): the controls after it stay where they are.
    const float steps_width = std::max(ImGui::CalcTextSize(steps.c_str()).x, ImGui::CalcTextSize(trf("step %ld", 88888L).c_str()).x);
    flow(steps_width);
    ImGui::AlignTextToFramePadding();
    const ImVec2 steps_at = ImGui::GetCursorPos();
    ImGui::TextUnformatted(steps.c_str());
    ImGui::SameLine(steps_at.x + steps_width);
    ImGui::Dummy(ImVec2(0, 0));
    // The timeline: every run as it was at an earlier iteration (Run or Step goes on from now).
    if (lab.steps() > 0 && !hidden("timeline")) {
        flow(em(9));
        int at = p.view_iteration < 0 ? static_cast<int>(lab.steps()) : static_cast<int>(p.view_iteration);
        ImGui::SetNextItemWidth(em(9));
        if (ImGui::SliderInt("##tr_timeline", &at, 0, static_cast<int>(lab.steps()), p.view_iteration < 0 ? tr("now") : tr("\xE2\x97\x80 iteration %d"),
                             ImGuiSliderFlags_AlwaysClamp))
            p.view_iteration = at >= lab.steps() ? -1 : at;
        note_widget("tr:timeline");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Rewind: every run's path up to an earlier iteration; Run or Step goes on from now"));
    } else {
        p.view_iteration = -1;
    }
    if (!hidden("speed")) {
        flow(em(6));
        ImGui::SetNextItemWidth(em(6));
        ImGui::SliderInt("##tr_speed", &p.steps_per_frame, 1, 50, tr("speed %d"), ImGuiSliderFlags_Logarithmic);
        fit("tr:speed", trf("speed %d", p.steps_per_frame).c_str(), em(6) - pad);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("steps per frame for every run"));
    }
    if (hidden("presets")) return;
    const char* presets = tr("Presets:");
    flow(ImGui::CalcTextSize(presets).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(presets);
    for (const std::string& name : TrajectoryLab::preset_names()) {
        const char* title = TrajectoryLab::preset_title(name);  // in the current language
        flow(ImGui::CalcTextSize(title).x + pad);
        if (ImGui::Button((std::string(title) + "###" + name).c_str())) commands.push_back(trajectory::Preset{name});
        note_widget("tr:preset:" + name);
    }
}

void surface_settings(const TrajectoryLab& lab, const Fonts& fonts, std::vector<TrajectoryCommand>& commands) {
    heading(fonts, tr("Loss surface"));
    SurfaceSettings s = lab.state().surface;
    int kind = static_cast<int>(s.kind);
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##surface", &kind, enum_labels<SurfaceKind>(), enum_count<SurfaceKind>())) s.kind = static_cast<SurfaceKind>(kind), changed = true;
    note_widget("tr:surface-kind");
    for (int k = 0; k < enum_count<SurfaceKind>(); ++k)
        fit("tr:surface-kind", enum_labels<SurfaceKind>()[k], ImGui::GetItemRectSize().x - ImGui::GetFrameHeight());
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
    ImGui::TextWrapped("%s", enum_help(s.kind));
    ImGui::PopStyleColor();
    if (lab.surface().data_driven()) {
        ImGui::SetNextItemWidth(em(8.2f));
        const Range points = lab_row("points").slider_limits();
        if (ImGui::SliderInt("##samples", &s.points, static_cast<int>(points.lo), static_cast<int>(points.hi), tr("%d samples"))) changed = true;
        note_widget("tr:points");
        fit("tr:points", trf("%d samples", s.points).c_str(), em(8.2f) - 2 * ImGui::GetStyle().FramePadding.x);
        ImGui::SameLine();
        const Range noise = lab_row("noise").slider_limits();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderScalar("##noise", ImGuiDataType_Double, &s.noise, &noise.lo, &noise.hi, tr("noise %.2f"))) changed = true;
        if (ImGui::SmallButton(id_label("new data (seed)", "new_data").c_str())) ++s.seed, changed = true;
    } else if (s.kind == SurfaceKind::Bowl) {
        const Range kappa = lab_row("kappa").slider_limits();
        ImGui::SetNextItemWidth(-em(7));
        if (ImGui::SliderScalar(id_label("condition \xCE\xBA", "kappa").c_str(), ImGuiDataType_Double, &s.condition, &kappa.lo, &kappa.hi, "%.3g",
                                ImGuiSliderFlags_Logarithmic))
            changed = true;
        note_widget("tr:kappa");
    } else {
        ImGui::TextColored(to_vec4(colors::muted), "%s", tr("analytic: every gradient is exact (no batches)"));
    }
    if (changed) commands.push_back(trajectory::Surface{s});
}

void run_rows(TrajectoryPanel& p, const TrajectoryLab& lab, const Fonts& fonts, std::vector<TrajectoryCommand>& commands) {
    heading(fonts, tr("Runs"));
    ImGui::SameLine();
    if (ImGui::SmallButton(id_label("+ run", "add_run").c_str())) commands.push_back(trajectory::AddRun{});
    note_widget("tr:add-run");
    const int n = lab.surface().size();
    for (int i = 0; i < lab.run_count(); ++i) {
        const RunSettings& r = lab.state().runs[i];
        const RunTrace& t = lab.run(i);
        ImGui::PushID(i);
        const bool selected = lab.selected() == i;
        ImGui::PushStyleColor(ImGuiCol_ChildBg, selected ? IM_COL32(255, 244, 214, 255) : IM_COL32(246, 246, 244, 255));
        const bool has_momentum = uses_momentum(r.optimizer);
        const float rows = (lab.surface().data_driven() ? 3.35f : 2.35f) + (has_momentum ? 1 : 0);
        ImGui::BeginChild("run", ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing()), true, ImGuiWindowFlags_NoScrollbar);
        const ImVec2 sw = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(sw, ImVec2(sw.x + h, sw.y + h), run_color(i), 3);
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine();
        const std::string label = run_label(lab, i) +
                                  (!t.diverged.empty()   ? "  \xE2\x80\x94 " + std::string(tr("diverged"))
                                   : !t.stopped.empty() ? "  \xE2\x80\x94 " + std::string(tr("at its step limit"))
                                                        : std::string()) +
                                  "###run";  // the same row whatever its text says
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(t.diverged.empty() ? colors::text : colors::bad));
        const bool clicked = ImGui::Selectable(label.c_str(), selected, 0, ImVec2(ImGui::GetContentRegionAvail().x - em(1.8f), 0));
        ImGui::PopStyleColor();
        if (clicked)
            commands.push_back(trajectory::SelectRun{i});
        note_widget("tr:run:" + std::to_string(i));
        ImGui::SameLine();
        if (ImGui::SmallButton("\xC3\x97") && lab.run_count() > 1) commands.push_back(trajectory::RemoveRun{i});
        int rule = static_cast<int>(r.optimizer);
        ImGui::SetNextItemWidth(em(7.3f));
        if (ImGui::Combo("##rule", &rule, enum_labels<OptimizerKind>(), enum_count<OptimizerKind>()))
            commands.push_back(trajectory::Set{i, &run_row("optimizer"), static_cast<double>(rule)});
        note_widget("tr:optimizer:" + std::to_string(i));
        for (int k = 0; k < enum_count<OptimizerKind>(); ++k)
            fit("tr:optimizer", enum_labels<OptimizerKind>()[k], ImGui::GetItemRectSize().x - ImGui::GetFrameHeight());
        ImGui::SameLine();
        ImGui::TextUnformatted("\xCE\xB7");
        ImGui::SameLine();
        double lr = r.learning_rate;
        const Range lr_range = run_row("lr").slider_limits();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderScalar("##lr", ImGuiDataType_Double, &lr, &lr_range.lo, &lr_range.hi, "%.4g", ImGuiSliderFlags_Logarithmic))
            commands.push_back(trajectory::Set{i, &run_row("lr"), lr});
        note_widget("tr:lr:" + std::to_string(i));
        if (lab.surface().data_driven()) {
            int batch = std::min(r.batch, n);
            ImGui::TextUnformatted(tr("batch"));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderInt("##batch", &batch, 1, n, batch == 1 ? "1 (SGD)" : batch == n ? tr("%d (full-batch GD)") : "%d"))
                commands.push_back(trajectory::Set{i, &run_row("batch"), static_cast<double>(batch)});
            note_widget("tr:batch:" + std::to_string(i));
        }
        if (has_momentum) {  // Distill's β: how much of the last step the next one keeps
            double mu = r.momentum;
            const Range mu_range = run_row("momentum").slider_limits();
            ImGui::TextUnformatted("\xCE\xBC");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderScalar("##mu", ImGuiDataType_Double, &mu, &mu_range.lo, &mu_range.hi, "%.2f  (v \xE2\x86\x90 \xCE\xBCv + g)"))
                commands.push_back(trajectory::Set{i, &run_row("momentum"), std::round(mu * 100) / 100});
            note_widget("tr:momentum:" + std::to_string(i));
        }
        ImGui::EndChild();
        if (!t.diverged.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.diverged.c_str());
        if (!t.stopped.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.stopped.c_str());
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::Checkbox(id_label("click moves every run's start", "start_all").c_str(), &p.start_all);
}

void legend_bar(ImDrawList* dl, ImVec2 a, ImVec2 b, const gfx::HeatmapStyle& st) {
    const int bands = 48;
    for (int k = 0; k < bands; ++k) {
        const float t0 = 1 - static_cast<float>(k) / bands, t1 = 1 - static_cast<float>(k + 1) / bands;
        const float y0 = a.y + (b.y - a.y) * k / bands, y1 = a.y + (b.y - a.y) * (k + 1) / bands;
        dl->AddRectFilledMultiColor(ImVec2(a.x, y0), ImVec2(b.x, y1), ImGui::GetColorU32(ylgnbu(t0)), ImGui::GetColorU32(ylgnbu(t0)),
                                    ImGui::GetColorU32(ylgnbu(t1)), ImGui::GetColorU32(ylgnbu(t1)));
    }
    dl->AddRect(a, b, colors::node_border);
    for (int k = 0; k <= 4; ++k) {  // loss values at five heights (the scale is logarithmic)
        const float t = k / 4.0f, s = st.lo + (st.hi - st.lo) * t;
        const double loss = std::exp(static_cast<double>(s)) - st.epsilon + st.floor;
        const float y = b.y - (b.y - a.y) * t;
        dl->AddLine(ImVec2(b.x, y), ImVec2(b.x + 4, y), colors::node_border);
        dl->AddText(ImVec2(b.x + 6, y - ImGui::GetTextLineHeight() / 2), colors::muted, short_number(loss).c_str());
    }
}

// The loss over the view, coloured on a log scale (losses span decades: Rosenbrock, Beale) by our
// fragment shader, drawn again only when the picture would change (software GL pays per pixel).
gfx::HeatmapStyle surface_picture(TrajectoryPanel& p, const TrajectoryLab& lab, ImVec2 size) {
    const View& v = p.view;
    const std::vector<double>& grid = lab.grid(v, kGridSide);
    double lo = INFINITY, hi = -INFINITY;
    for (const double x : grid)
        if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
    if (!(lo <= hi)) lo = 0, hi = 1;
    gfx::HeatmapStyle st;
    st.map = gfx::HeatmapStyle::Sequential;
    st.log = true;
    st.floor = static_cast<float>(std::min(lo, lab.surface().minimum_loss()));
    st.epsilon = static_cast<float>(std::max(1e-4 * (hi - st.floor), 1e-9));
    st.lo = std::log(static_cast<float>(lo - st.floor) + st.epsilon);
    st.hi = std::log(static_cast<float>(hi - st.floor) + st.epsilon);
    st.levels = 16;
    // In device pixels, so contour lines stay one pixel wide and sharp on a HiDPI screen.
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x;
    const int width = static_cast<int>(size.x * ratio), height = static_cast<int>(size.y * ratio);
    char key[160];
    std::snprintf(key, sizeof key, "%s/%.17g/%.17g/%.17g/%.17g/%d/%d", lab.state().surface.key().c_str(), v.x0, v.x1, v.y0, v.y1, width, height);
    if (p.rendered_for != key) {
        const std::vector<float> values(grid.begin(), grid.end());
        p.surface.render(values, kGridSide, kGridSide, st, width, height);
        p.rendered_for = key;
    }
    if (p.surface.ready()) ImGui::Image(p.surface.imgui_id(), size);
    else ImGui::Dummy(size);
    return st;
}

// Ticks at round numbers, labelled inside the edges, and the axes' names.
void axes(ImDrawList* dl, const PlaneMap& map, const LossSurface& surface) {
    const View& v = map.v;
    const float left = static_cast<float>(map.left), top = static_cast<float>(map.top);
    const float right = static_cast<float>(map.left + map.width), bottom = static_cast<float>(map.top + map.height);
    const double step = tick_step(v.x1 - v.x0, 6);
    const float line = ImGui::GetTextLineHeight();
    for (double x = std::ceil(v.x0 / step) * step; x <= v.x1; x += step) {
        const float sx = static_cast<float>(map.to_x(x));
        dl->AddLine(ImVec2(sx, bottom - 6), ImVec2(sx, bottom), colors::node_border);
        dl->AddText(ImVec2(sx + 2, bottom - 6 - line), colors::text, short_number(std::fabs(x) < 1e-12 ? 0 : x).c_str());
    }
    for (double y = std::ceil(v.y0 / step) * step; y <= v.y1; y += step) {
        const float sy = static_cast<float>(map.to_y(y));
        dl->AddLine(ImVec2(left, sy), ImVec2(left + 6, sy), colors::node_border);
        dl->AddText(ImVec2(left + 8, sy - line), colors::text, short_number(std::fabs(y) < 1e-12 ? 0 : y).c_str());
    }
    const std::string xname = std::string(surface.axis_name(0)) + " \xE2\x86\x92", yname = std::string("\xE2\x86\x91 ") + surface.axis_name(1);
    dl->AddText(ImVec2(right - ImGui::CalcTextSize(xname.c_str()).x - 6, bottom - 2 * line - 6), colors::text, xname.c_str());
    dl->AddText(ImVec2(left + 8, top + 4), colors::text, yname.c_str());
}

void minimum_mark(ImDrawList* dl, const PlaneMap& map, Vec2 minimum) {
    const ImVec2 m = to_imvec(map.to_screen(minimum));
    dl->AddLine(ImVec2(m.x - 6, m.y - 6), ImVec2(m.x + 6, m.y + 6), colors::text, 2);
    dl->AddLine(ImVec2(m.x - 6, m.y + 6), ImVec2(m.x + 6, m.y - 6), colors::text, 2);
    dl->AddText(ImVec2(m.x + 8, m.y - 4), colors::text, tr("min"));
}

// Paths: a white halo under each so they read on light and dark parts of the map. Drawn as
// separate segments, not one polyline: SGD turns back on itself, and a polyline's mitred joints
// there grow into long spikes. Segments are clipped to the picture in double precision (a
// diverging run leaves it by orders of magnitude); steps under a pixel are skipped, and a path is
// cut to its share of kPathSegments (ui/view_math.h, bound_segments): a run 20 000 steps long
// costs a frame what one of 2 000 does. Returns the thinning stride (1: every step drawn).
constexpr size_t kPathSegments = 3000;  // all runs together: about 48 000 vertices with the halos

int paths(ImDrawList* dl, const PlaneMap& map, const TrajectoryLab& lab, const TrajectoryPanel& p) {
    const double left = map.left - 8, top = map.top - 8, right = map.left + map.width + 8, bottom = map.top + map.height + 8;
    auto inside = [&](Vec2 q) { return q.x >= left && q.x <= right && q.y >= top && q.y <= bottom; };
    auto pinned = [&](Vec2 q) {  // a point off the picture, shown on its edge
        return ImVec2(static_cast<float>(std::clamp(q.x, left + 8, right - 8)), static_cast<float>(std::clamp(q.y, top + 8, bottom - 8)));
    };
    auto imvec = [](Vec2 q) { return ImVec2(static_cast<float>(q.x), static_cast<float>(q.y)); };
    const size_t share = kPathSegments / static_cast<size_t>(std::max(1, lab.run_count()));
    int thinned = 1;
    std::vector<Segment> segments, passing;
    for (int i = 0; i < lab.run_count(); ++i) {
        const RunTrace& t = lab.run(i);
        const size_t shown = p.shown_points(t);  // the timeline may show an earlier iteration
        segments.clear();
        passing.clear();
        Vec2 from = map.to_screen(t.path[0]);
        for (size_t k = 1; k < shown; ++k) {
            const Vec2 to = map.to_screen(t.path[k]);
            if (k + 1 < shown && std::fabs(to.x - from.x) + std::fabs(to.y - from.y) < 1.0) continue;
            double x0 = from.x, y0 = from.y, x1 = to.x, y1 = to.y;
            // A step from off the picture to off the picture (a run blowing up) only passes through:
            // drawn faint, so the steps that happen here stay the ones you read.
            auto& into = !inside(from) && !inside(to) ? passing : segments;
            if (clip_segment(x0, y0, x1, y1, left, top, right, bottom)) into.push_back({{x0, y0}, {x1, y1}});
            from = to;
        }
        thinned = std::max(thinned, bound_segments(segments, share));
        bound_segments(passing, share / 4);
        const ImU32 c = run_color(i);
        const float width = lab.selected() == i ? 3.0f : 2.0f;  // whole pixels: textured lines, a third of the triangles
        for (const Segment& g : passing) dl->AddLine(imvec(g.a), imvec(g.b), (c & 0x00FFFFFF) | (70u << 24), 1);
        for (const Segment& g : segments) dl->AddLine(imvec(g.a), imvec(g.b), IM_COL32(255, 255, 255, 170), width + 2);
        for (const Segment& g : segments) dl->AddLine(imvec(g.a), imvec(g.b), c, width);
        const size_t recent = shown > 25 ? shown - 25 : 0;  // the recent steps as dots
        for (size_t k = recent; k < shown; ++k)
            if (const Vec2 q = map.to_screen(t.path[k]); inside(q)) dl->AddCircleFilled(to_imvec(q), 2.4f, c, 8);
        const Vec2 first = map.to_screen(t.path.front()), last = map.to_screen(t.path[shown - 1]);
        if (inside(first)) dl->AddCircle(pinned(first), 6, c, 16, 2);
        const ImVec2 e = pinned(last);
        dl->AddCircleFilled(e, 5.5f, IM_COL32(255, 255, 255, 255), 16);
        dl->AddCircleFilled(e, 4, c, 16);
        if (!t.diverged.empty() && shown == t.path.size()) {
            dl->AddLine(ImVec2(e.x - 8, e.y - 8), ImVec2(e.x + 8, e.y + 8), colors::bad, 3);
            dl->AddLine(ImVec2(e.x - 8, e.y + 8), ImVec2(e.x + 8, e.y - 8), colors::bad, 3);
        }
    }
    return thinned;
}

// At the selected run's current point, its next step to scale: −η·(full gradient), −η·(this
// minibatch's gradient), and the update the optimizer will make.
void next_step_arrows(ImDrawList* dl, const PlaneMap& map, const TrajectoryLab& lab) {
    const int sel = lab.selected();
    if (sel < 0 || sel >= lab.run_count() || !lab.run(sel).diverged.empty()) return;
    const RunTrace& t = lab.run(sel);
    const double lr = lab.state().runs[sel].learning_rate;
    const Vec2 here = t.path.back();
    const ImVec2 h = to_imvec(map.to_screen(here));
    auto to = [&](double dx, double dy) { return to_imvec(map.to_screen({here.x + dx, here.y + dy})); };
    arrow(dl, h, to(-lr * t.full_gradient.x, -lr * t.full_gradient.y), IM_COL32(30, 30, 30, 255), 2.5f);
    if (lab.surface().data_driven() && static_cast<int>(t.next_batch.size()) < lab.surface().size())
        arrow(dl, h, to(-lr * t.batch_gradient.x, -lr * t.batch_gradient.y), IM_COL32(200, 0, 120, 255), 2.5f, true);
    arrow(dl, h, to(t.next_step.x, t.next_step.y), run_color(sel), 2.0f);
}

// Click sets the start, drag pans, the wheel zooms about the pointer (within zoom_view's bounds).
void surface_mouse(TrajectoryPanel& p, const PlaneMap& map, const TrajectoryLab& lab, std::vector<TrajectoryCommand>& commands) {
    ImGuiIO& io = ImGui::GetIO();
    const LossSurface& surface = lab.surface();
    if (ImGui::IsItemHovered()) {
        const Vec2 q = map.to_plane({io.MousePos.x, io.MousePos.y});
        ImGui::SetTooltip(tr("%s = %s, %s = %s\nloss %s\nclick: start here   drag: pan   wheel: zoom"), surface.axis_name(0),
                          short_number(q.x).c_str(), surface.axis_name(1), short_number(q.y).c_str(), short_number(surface.loss(q)).c_str());
        if (io.MouseWheel != 0) p.view = zoom_view(p.view, q, std::pow(1.15, -io.MouseWheel), surface.default_view());
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4)) {
        p.dragging = true;
        const Vec2 a = map.to_plane({0, 0}), b = map.to_plane({io.MouseDelta.x, io.MouseDelta.y});
        const double dx = b.x - a.x, dy = b.y - a.y;
        p.view = {p.view.x0 - dx, p.view.x1 - dx, p.view.y0 - dy, p.view.y1 - dy};
    }
    if (ImGui::IsItemDeactivated()) {
        if (!p.dragging) commands.push_back(trajectory::Start{p.start_all ? -1 : lab.selected(), map.to_plane({io.MousePos.x, io.MousePos.y})});
        p.dragging = false;
    }
}

void surface_view(TrajectoryPanel& p, const TrajectoryLab& lab, std::vector<TrajectoryCommand>& commands) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float legend = std::clamp(avail.x - 300, em(2.9f), em(5));  // narrower on a phone, so the surface keeps 300 px
    const ImVec2 size(std::max(100.0f, avail.x - legend), std::max(100.0f, avail.y));
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + size.x, a.y + size.y);
    if (p.view_for != lab.state().surface.key() || p.view_size.x != size.x || p.view_size.y != size.y) {
        p.view = fit_view(lab.surface().default_view(), size.x, size.y);
        p.view_for = lab.state().surface.key();
        p.view_size = size;
    }
    const gfx::HeatmapStyle st = surface_picture(p, lab, size);
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton("surface", size);
    note_widget("tr:surface");
    const PlaneMap map{p.view, a.x, a.y, size.x, size.y};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(a, b, true);
    axes(dl, map, lab.surface());
    minimum_mark(dl, map, lab.surface().minimum());
    const int thinned = paths(dl, map, lab, p);
    if (p.view_iteration < 0) next_step_arrows(dl, map, lab);  // the next step is now's
    if (thinned > 1) {  // say so: older steps are a sample, not the whole path
        const std::string note = trf("older steps: 1 in %d drawn", thinned);
        const ImVec2 at(a.x + 6, a.y + em(1.5f)), size = ImGui::CalcTextSize(note.c_str());
        dl->AddRectFilled(ImVec2(at.x - 3, at.y - 1), ImVec2(at.x + size.x + 3, at.y + size.y + 1), IM_COL32(255, 255, 255, 210), 3);
        dl->AddText(at, colors::text, note.c_str());
    }
    dl->PopClipRect();
    legend_bar(dl, ImVec2(b.x + 8, a.y + em(1.2f)), ImVec2(b.x + 8 + em(0.8f), b.y - em(1.2f)), st);
    dl->AddText(ImVec2(b.x + 4, a.y), colors::muted, tr("loss"));
    surface_mouse(p, map, lab, commands);
}

void loss_column(TrajectoryPanel& p, const TrajectoryLab& lab, const Fonts& fonts) {
    heading(fonts, tr("Loss per iteration"));
    ImGui::SameLine();
    if (ImGui::SmallButton(id_label("fit view", "fit_view").c_str())) p.view_for.clear();  // the surface's view, back to the whole picture
    std::vector<PlotSeries> series;
    size_t longest = 0;
    for (int i = 0; i < lab.run_count(); ++i) {
        PlotSeries s{trf("run %d", i + 1), run_color(i), {}};
        // excess over the minimum, so the log scale shows the approach all the way down
        for (const double l : lab.run(i).loss) s.y.push_back(std::max(l - lab.surface().minimum_loss(), 1e-12));
        longest = std::max(longest, s.y.size());
        series.push_back(std::move(s));
    }
    std::vector<double> x(longest);
    for (size_t k = 0; k < longest; ++k) x[k] = static_cast<double>(k);
    for (PlotSeries& s : series) s.y.resize(longest, NAN);
    line_plot("tr_loss", ImVec2(ImGui::GetContentRegionAvail().x, em(11.3f)), x, series, p.log_loss, tr("iteration"),
              "L \xE2\x88\x92 L(min)", &p.log_loss, p.view_iteration < 0 ? NAN : static_cast<double>(p.view_iteration));
    // The numbers behind Figure 3: the noisy path is the long one.
    if (ImGui::BeginTable("tr_runs", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableSetupColumn(id_label("run", "run").c_str());
        ImGui::TableSetupColumn(id_label("loss", "loss").c_str());
        ImGui::TableSetupColumn(id_label("path length", "length").c_str());
        ImGui::TableHeadersRow();
        for (int i = 0; i < lab.run_count(); ++i) {
            const RunTrace& r = lab.run(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(to_vec4(run_color(i)), "\xE2\x96\xA0 %d", i + 1);
            ImGui::TableNextColumn();
            if (r.diverged.empty()) ImGui::TextUnformatted(short_number(r.loss.back()).c_str());
            else ImGui::TextColored(to_vec4(colors::bad), "%s", tr("diverged"));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(short_number(r.length).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    const int sel = lab.selected();
    if (sel < 0 || sel >= lab.run_count()) return;
    const RunTrace& t = lab.run(sel);
    const LossSurface& s = lab.surface();
    heading(fonts, tr("Selected run, next step"));
    ImGui::TextWrapped("%s", run_label(lab, sel).c_str());
    const size_t shown = p.shown_points(t);
    ImGui::Text(tr("at (%s, %s)   loss %s"), short_number(t.path[shown - 1].x).c_str(), short_number(t.path[shown - 1].y).c_str(),
                short_number(t.loss[std::min(shown, t.loss.size()) - 1]).c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto key = [&](ImU32 c, bool dashed, const char* text) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float y = at.y + ImGui::GetTextLineHeight() / 2;
        arrow(dl, ImVec2(at.x, y), ImVec2(at.x + em(1.8f), y), c, 2.5f, dashed);
        ImGui::Dummy(ImVec2(em(2), 0));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", text);
    };
    const std::string full = trf("\xE2\x88\x92\xCE\xB7\xC2\xB7\xE2\x88\x87L (every sample)\n\xE2\x88\x87L = (%s, %s)",
                                 short_number(t.full_gradient.x).c_str(), short_number(t.full_gradient.y).c_str());
    key(IM_COL32(30, 30, 30, 255), false, full.c_str());
    if (s.data_driven() && static_cast<int>(t.next_batch.size()) < s.size()) {
        const std::string mb = trf("\xE2\x88\x92\xCE\xB7\xC2\xB7g (the next minibatch, %zu)\ng = (%s, %s)", t.next_batch.size(),
                                   short_number(t.batch_gradient.x).c_str(), short_number(t.batch_gradient.y).c_str());
        key(IM_COL32(200, 0, 120, 255), true, mb.c_str());
    }
    const std::string up =
        trf("the update it will make\n\xCE\x94 = (%s, %s)", short_number(t.next_step.x).c_str(), short_number(t.next_step.y).c_str());
    key(run_color(sel), false, up.c_str());
    if (!t.diverged.empty() || !t.stopped.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::bad));
        ImGui::TextWrapped("%s", (t.diverged.empty() ? t.stopped : t.diverged).c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace

ImU32 run_color(int run) {
    static const ImU32 palette[kMaxRuns] = {IM_COL32(215, 25, 28, 255),  IM_COL32(240, 120, 0, 255),  IM_COL32(20, 20, 20, 255),
                                            IM_COL32(130, 40, 180, 255), IM_COL32(0, 140, 70, 255),   IM_COL32(230, 0, 160, 255)};
    return palette[run % kMaxRuns];
}

namespace {

// The surface's settings and the runs' rows (either may be hidden by the link).
void settings_column(TrajectoryPanel& p, const TrajectoryLab& lab, const Fonts& fonts, std::vector<TrajectoryCommand>& commands) {
    if (!hidden("surface")) surface_settings(lab, fonts, commands), ImGui::Spacing();
    if (!hidden("runs")) run_rows(p, lab, fonts, commands);
}

}  // namespace

void TrajectoryPanel::draw(const TrajectoryLab& lab, const Fonts& fonts, std::vector<TrajectoryCommand>& commands) {
    if (lab.steps() != seen_steps) view_iteration = -1, seen_steps = lab.steps();
    // Refusals show on the app's status line, until the next accepted change.
    const Layout layout = layout_for(ImGui::GetContentRegionAvail());
    const ImGuiWindowFlags picture = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    if (presenting) {  // the surface and its paths fill what the controls leave
        controls(*this, lab, commands);
        ImGui::BeginChild("tr_surface", ImVec2(0, 0), false, picture);
        surface_view(*this, lab, commands);
        ImGui::EndChild();
        return;
    }
    if (layout == Layout::Stacked) {
        // One column that scrolls: the controls, the surface, the losses, then the settings.
        ImGui::BeginChild("tr_column", ImVec2(0, 0), false);
        controls(*this, lab, commands);
        const float width = ImGui::GetContentRegionAvail().x;
        ImGui::BeginChild("tr_surface", ImVec2(width, std::max(em(5) + 300, std::min(width * 0.9f, em(36)))), false, picture);
        surface_view(*this, lab, commands);
        ImGui::EndChild();
        loss_column(*this, lab, fonts);
        settings_column(*this, lab, fonts, commands);
        ImGui::EndChild();
        return;
    }
    controls(*this, lab, commands);
    // Wide: settings | surface | losses. Compact (a 1024-wide projector): one scrolling column of
    // settings and losses beside the surface, which keeps most of the width.
    if (!hidden("surface") || !hidden("runs") || layout == Layout::Compact) {
        ImGui::BeginChild("tr_left", ImVec2(layout == Layout::Wide ? em(19) : em(17.5f), 0), false);
        settings_column(*this, lab, fonts, commands);
        if (layout == Layout::Compact) {
            ImGui::Spacing();
            loss_column(*this, lab, fonts);
        }
        ImGui::EndChild();
        ImGui::SameLine();
    }
    const float right = layout == Layout::Wide ? em(18.2f) + 8 : 0;
    ImGui::BeginChild("tr_surface", ImVec2(ImGui::GetContentRegionAvail().x - right, 0), false, picture);
    surface_view(*this, lab, commands);
    ImGui::EndChild();
    if (layout == Layout::Wide) {
        ImGui::SameLine();
        ImGui::BeginChild("tr_loss", ImVec2(0, 0), false);
        loss_column(*this, lab, fonts);
        ImGui::EndChild();
    }
}

}  // namespace nabla::ui
