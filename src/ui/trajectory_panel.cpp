#include "ui/trajectory_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/format.h"
#include "ui/plot.h"
#include "ui/widget_map.h"

namespace nabla::ui {

namespace {

constexpr int kGridSide = 160;  // engine samples of the loss per side; the shader interpolates
const char* const kSurfaceLabels[] = {"linear regression (y = 2x)", "logistic regression", "quadratic bowl", "Rosenbrock",
                                      "Beale", "Himmelblau", "saddle"};

// What a teacher would call the run: GD when it uses every sample, SGD with one, minibatch between.
std::string run_label(const TrajectoryLab& lab, int i) {
    const RunSettings& r = lab.state().runs[i];
    const int n = lab.surface().size(), b = std::min(r.batch, n);
    std::string rule = kOptimizerLabels[static_cast<int>(r.optimizer)];
    if (!lab.surface().data_driven()) return r.optimizer == OptimizerKind::SGD ? "GD" : rule;
    std::string batch = b == n ? "full batch" : b == 1 ? "batch 1" : "batch " + std::to_string(b);
    if (r.optimizer == OptimizerKind::SGD) return b == n ? "GD (full batch)" : b == 1 ? "SGD (batch 1)" : "minibatch SGD (" + batch + ")";
    return rule + " (" + batch + ")";
}

// The default view grown to the widget's aspect ratio, so one unit is as long across as up and
// gradients look perpendicular to the contours, as they are.
View fit(const View& v, float width, float height) {
    const double cx = 0.5 * (v.x0 + v.x1), cy = 0.5 * (v.y0 + v.y1);
    const double scale = std::max((v.x1 - v.x0) / width, (v.y1 - v.y0) / height);
    return {cx - 0.5 * width * scale, cx + 0.5 * width * scale, cy - 0.5 * height * scale, cy + 0.5 * height * scale};
}

ImVec4 ylgnbu(float t) {  // the same colour map as shaders/heatmap.frag, for the legend
    static const float stops[5][3] = {{1.0f, 1.0f, 0.851f}, {0.780f, 0.914f, 0.706f}, {0.255f, 0.714f, 0.769f},
                                      {0.133f, 0.369f, 0.659f}, {0.047f, 0.173f, 0.518f}};
    t = std::clamp(t, 0.0f, 1.0f) * 4;
    const int k = std::min(3, static_cast<int>(t));
    const float f = t - k;
    return ImVec4(stops[k][0] + (stops[k + 1][0] - stops[k][0]) * f, stops[k][1] + (stops[k + 1][1] - stops[k][1]) * f,
                  stops[k][2] + (stops[k + 1][2] - stops[k][2]) * f, 1);
}

// The part of segment (x0, y0)-(x1, y1) inside [left, right] × [top, bottom] (Liang–Barsky), in
// double: a diverging run's points are far beyond what a float pixel coordinate can hold.
bool clip_segment(double& x0, double& y0, double& x1, double& y1, double left, double top, double right, double bottom) {
    const double dx = x1 - x0, dy = y1 - y0;
    double t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy}, q[4] = {x0 - left, right - x0, y0 - top, bottom - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, r);
        else t1 = std::min(t1, r);
        if (t0 > t1) return false;
    }
    x1 = x0 + t1 * dx, y1 = y0 + t1 * dy;
    x0 = x0 + t0 * dx, y0 = y0 + t0 * dy;
    return true;
}

void arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 color, float thickness, bool dashed = false) {
    const float dx = to.x - from.x, dy = to.y - from.y, len = std::hypot(dx, dy);
    if (len < 1.5f) return;
    const float ux = dx / len, uy = dy / len, head = std::min(10.0f, 0.45f * len);
    const ImVec2 base(to.x - ux * head, to.y - uy * head);
    if (dashed) {
        for (float s = 0; s < len - head; s += 7)
            dl->AddLine(ImVec2(from.x + ux * s, from.y + uy * s),
                        ImVec2(from.x + ux * std::min(s + 4, len - head), from.y + uy * std::min(s + 4, len - head)), color, thickness);
    } else {
        dl->AddLine(from, base, color, thickness);
    }
    dl->AddTriangleFilled(to, ImVec2(base.x - uy * head * 0.45f, base.y + ux * head * 0.45f),
                          ImVec2(base.x + uy * head * 0.45f, base.y - ux * head * 0.45f), color);
}

void controls(TrajectoryPanel& p, const TrajectoryLab& lab, std::vector<TrajectoryCommand>& commands) {
    ImGui::TextUnformatted("Presets:");
    for (const std::string& name : TrajectoryLab::preset_names()) {
        ImGui::SameLine();
        if (ImGui::Button(TrajectoryLab::preset_title(name))) commands.push_back({TrajectoryCommand::Preset, -1, 0, {}, {}, name});
        note_widget("tr:preset:" + name);
    }
    ImGui::SameLine(0, 24);
    const bool playing = lab.playing();
    if (ImGui::Button(playing ? "\xE2\x9D\x9A\xE2\x9D\x9A Pause" : "\xE2\x96\xB6 Run", ImVec2(90, 0)))
        commands.push_back({playing ? TrajectoryCommand::Pause : TrajectoryCommand::Play});
    note_widget("tr:play");
    ImGui::SameLine();
    if (ImGui::Button("Step")) commands.push_back({TrajectoryCommand::Step, -1, 1});
    note_widget("tr:step");
    ImGui::SameLine();
    if (ImGui::Button("Reset")) commands.push_back({TrajectoryCommand::Reset});
    note_widget("tr:reset");
    ImGui::SameLine();
    ImGui::Text("  step %ld  ", lab.steps());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##tr_speed", &p.steps_per_frame, 1, 50, "speed %d", ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("steps per frame for every run");
}

void surface_settings(const TrajectoryLab& lab, const Fonts& fonts, std::vector<TrajectoryCommand>& commands) {
    heading(fonts, "Loss surface");
    SurfaceSettings s = lab.state().surface;
    int kind = static_cast<int>(s.kind);
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##surface", &kind, kSurfaceLabels, kSurfaceCount)) s.kind = static_cast<SurfaceKind>(kind), changed = true;
    note_widget("tr:surface-kind");
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
    ImGui::TextWrapped("%s", surface_title(s.kind));
    ImGui::PopStyleColor();
    if (lab.surface().data_driven()) {
        ImGui::SetNextItemWidth(140);
        if (ImGui::SliderInt("##samples", &s.points, 4, 200, "%d samples")) changed = true;
        note_widget("tr:points");
        ImGui::SameLine();
        float noise = static_cast<float>(s.noise);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##noise", &noise, 0, 2, "noise %.2f")) s.noise = noise, changed = true;
        if (ImGui::SmallButton("new data (seed)")) ++s.seed, changed = true;
    } else if (s.kind == SurfaceKind::Bowl) {
        float kappa = static_cast<float>(s.condition);
        ImGui::SetNextItemWidth(-120);
        if (ImGui::SliderFloat("condition \xCE\xBA", &kappa, 1, 200, "%.3g", ImGuiSliderFlags_Logarithmic)) s.condition = kappa, changed = true;
        note_widget("tr:kappa");
    } else {
        ImGui::TextColored(to_vec4(colors::muted), "analytic: every gradient is exact (no batches)");
    }
    if (changed) commands.push_back({TrajectoryCommand::Surface, -1, 0, {}, s});
}

void run_rows(TrajectoryPanel& p, const TrajectoryLab& lab, const Fonts& fonts, std::vector<TrajectoryCommand>& commands) {
    heading(fonts, "Runs");
    ImGui::SameLine();
    if (ImGui::SmallButton("+ run")) commands.push_back({TrajectoryCommand::AddRun});
    note_widget("tr:add-run");
    const int n = lab.surface().size();
    for (int i = 0; i < lab.run_count(); ++i) {
        const RunSettings& r = lab.state().runs[i];
        const RunTrace& t = lab.run(i);
        ImGui::PushID(i);
        const bool selected = lab.selected() == i;
        ImGui::PushStyleColor(ImGuiCol_ChildBg, selected ? IM_COL32(255, 244, 214, 255) : IM_COL32(246, 246, 244, 255));
        const bool has_momentum = r.optimizer == OptimizerKind::Momentum || r.optimizer == OptimizerKind::Nesterov;
        const float rows = (lab.surface().data_driven() ? 3.35f : 2.35f) + (has_momentum ? 1 : 0);
        ImGui::BeginChild("run", ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing()), true, ImGuiWindowFlags_NoScrollbar);
        const ImVec2 sw = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(sw, ImVec2(sw.x + h, sw.y + h), run_color(i), 3);
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine();
        const std::string label = run_label(lab, i) + (t.diverged.empty() ? "" : "  \xE2\x80\x94 diverged");
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(t.diverged.empty() ? colors::text : colors::bad));
        const bool clicked = ImGui::Selectable(label.c_str(), selected, 0, ImVec2(ImGui::GetContentRegionAvail().x - 30, 0));
        ImGui::PopStyleColor();
        if (clicked)
            commands.push_back({TrajectoryCommand::SelectRun, i});
        note_widget("tr:run:" + std::to_string(i));
        ImGui::SameLine();
        if (ImGui::SmallButton("\xC3\x97") && lab.run_count() > 1) commands.push_back({TrajectoryCommand::RemoveRun, i});
        int rule = static_cast<int>(r.optimizer);
        ImGui::SetNextItemWidth(124);
        if (ImGui::Combo("##rule", &rule, kOptimizerLabels, kOptimizerCount)) commands.push_back({TrajectoryCommand::Optimizer, i, static_cast<double>(rule)});
        note_widget("tr:optimizer:" + std::to_string(i));
        ImGui::SameLine();
        ImGui::TextUnformatted("\xCE\xB7");
        ImGui::SameLine();
        double lr = r.learning_rate;
        const double lo = 1e-4, hi = 2;
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderScalar("##lr", ImGuiDataType_Double, &lr, &lo, &hi, "%.4g", ImGuiSliderFlags_Logarithmic))
            commands.push_back({TrajectoryCommand::LearningRate, i, lr});
        note_widget("tr:lr:" + std::to_string(i));
        if (lab.surface().data_driven()) {
            int batch = std::min(r.batch, n);
            ImGui::TextUnformatted("batch");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderInt("##batch", &batch, 1, n, batch == 1 ? "1 (SGD)" : batch == n ? "%d (full-batch GD)" : "%d"))
                commands.push_back({TrajectoryCommand::Batch, i, static_cast<double>(batch)});
            note_widget("tr:batch:" + std::to_string(i));
        }
        if (has_momentum) {  // Distill's β: how much of the last step the next one keeps
            double mu = r.momentum;
            const double mu_lo = 0, mu_hi = 0.99;
            ImGui::TextUnformatted("\xCE\xBC");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            if (ImGui::SliderScalar("##mu", ImGuiDataType_Double, &mu, &mu_lo, &mu_hi, "%.2f  (v \xE2\x86\x90 \xCE\xBCv + g)"))
                commands.push_back({TrajectoryCommand::Momentum, i, std::round(mu * 100) / 100});
            note_widget("tr:momentum:" + std::to_string(i));
        }
        ImGui::EndChild();
        if (!t.diverged.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.diverged.c_str());
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::Checkbox("click moves every run's start", &p.start_all);
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

void surface_view(TrajectoryPanel& p, const TrajectoryLab& lab, std::vector<TrajectoryCommand>& commands) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float legend = 86;
    const ImVec2 size(std::max(100.0f, avail.x - legend), std::max(100.0f, avail.y));
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + size.x, a.y + size.y);
    const LossSurface& surface = lab.surface();
    if (p.view_for != lab.state().surface.key()) {
        p.view = fit(surface.default_view(), size.x, size.y);
        p.view_for = lab.state().surface.key();
    }
    View& v = p.view;
    // The loss over the view, coloured on a log scale: losses span decades (Rosenbrock, Beale).
    const std::vector<double>& grid = lab.grid(v, kGridSide);
    double lo = INFINITY, hi = -INFINITY;
    for (const double x : grid)
        if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
    if (!(lo <= hi)) lo = 0, hi = 1;
    gfx::HeatmapStyle st;
    st.map = gfx::HeatmapStyle::Sequential;
    st.log = true;
    st.floor = static_cast<float>(std::min(lo, surface.minimum_loss()));
    st.epsilon = static_cast<float>(std::max(1e-4 * (hi - st.floor), 1e-9));
    st.lo = std::log(static_cast<float>(lo - st.floor) + st.epsilon);
    st.hi = std::log(static_cast<float>(hi - st.floor) + st.epsilon);
    st.levels = 16;
    // In device pixels, so contour lines stay one pixel wide and sharp on a HiDPI screen.
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x;
    const int width = static_cast<int>(size.x * ratio), height = static_cast<int>(size.y * ratio);
    char key[160];  // draw again only when the picture would change (software GL pays per pixel)
    std::snprintf(key, sizeof key, "%s/%.17g/%.17g/%.17g/%.17g/%d/%d", lab.state().surface.key().c_str(), v.x0, v.x1, v.y0, v.y1, width, height);
    if (p.rendered_for != key) {
        const std::vector<float> values(grid.begin(), grid.end());
        p.surface.render(values, kGridSide, kGridSide, st, width, height);
        p.rendered_for = key;
    }
    if (p.surface.ready()) ImGui::Image(p.surface.imgui_id(), size);
    else ImGui::Dummy(size);
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton("surface", size);
    note_widget("tr:surface");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(a, b, true);
    const double sx = size.x / (v.x1 - v.x0), sy = size.y / (v.y1 - v.y0);
    auto to_screen = [&](Vec2 q) { return ImVec2(a.x + static_cast<float>((q.x - v.x0) * sx), a.y + static_cast<float>((v.y1 - q.y) * sy)); };
    auto to_param = [&](ImVec2 s) { return Vec2{v.x0 + (s.x - a.x) / sx, v.y1 - (s.y - a.y) / sy}; };

    // Axes: ticks at round numbers, labelled inside the edges.
    const double span = v.x1 - v.x0, raw = span / 6, mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
    for (double x = std::ceil(v.x0 / step) * step; x <= v.x1; x += step) {
        const ImVec2 s = to_screen({x, v.y0});
        dl->AddLine(ImVec2(s.x, b.y - 6), ImVec2(s.x, b.y), colors::node_border);
        dl->AddText(ImVec2(s.x + 2, b.y - 6 - ImGui::GetTextLineHeight()), colors::text, short_number(std::fabs(x) < 1e-12 ? 0 : x).c_str());
    }
    for (double y = std::ceil(v.y0 / step) * step; y <= v.y1; y += step) {
        const ImVec2 s = to_screen({v.x0, y});
        dl->AddLine(ImVec2(a.x, s.y), ImVec2(a.x + 6, s.y), colors::node_border);
        dl->AddText(ImVec2(a.x + 8, s.y - ImGui::GetTextLineHeight()), colors::text, short_number(std::fabs(y) < 1e-12 ? 0 : y).c_str());
    }
    const std::string xname = std::string(surface.axis_name(0)) + " \xE2\x86\x92", yname = std::string("\xE2\x86\x91 ") + surface.axis_name(1);
    dl->AddText(ImVec2(b.x - ImGui::CalcTextSize(xname.c_str()).x - 6, b.y - 2 * ImGui::GetTextLineHeight() - 6), colors::text, xname.c_str());
    dl->AddText(ImVec2(a.x + 8, a.y + 4), colors::text, yname.c_str());

    // The minimum.
    const ImVec2 m = to_screen(surface.minimum());
    dl->AddLine(ImVec2(m.x - 6, m.y - 6), ImVec2(m.x + 6, m.y + 6), colors::text, 2);
    dl->AddLine(ImVec2(m.x - 6, m.y + 6), ImVec2(m.x + 6, m.y - 6), colors::text, 2);
    dl->AddText(ImVec2(m.x + 8, m.y - 4), colors::text, "min");

    // Paths: a white halo under each so they read on light and dark parts of the map. Drawn as
    // separate segments, not one polyline: SGD turns back on itself, and a polyline's mitred
    // joints there grow into long spikes. Segments are clipped to the picture in double precision
    // (a diverging run leaves it by orders of magnitude); steps under a pixel are skipped, since a
    // converged run has thousands of them and each costs vertices every frame.
    const double left = a.x - 8, top = a.y - 8, right = b.x + 8, bottom = b.y + 8;
    auto screen_x = [&](const Vec2& q) { return a.x + (q.x - v.x0) * sx; };
    auto screen_y = [&](const Vec2& q) { return a.y + (v.y1 - q.y) * sy; };
    auto inside = [&](double x, double y) { return x >= left && x <= right && y >= top && y <= bottom; };
    auto pinned = [&](double x, double y) {  // a point off the picture, shown on its edge
        return ImVec2(static_cast<float>(std::clamp(x, left + 8, right - 8)), static_cast<float>(std::clamp(y, top + 8, bottom - 8)));
    };
    std::vector<ImVec2> segments, passing;
    for (int i = 0; i < lab.run_count(); ++i) {
        const RunTrace& t = lab.run(i);
        segments.clear();
        passing.clear();
        double px = screen_x(t.path[0]), py = screen_y(t.path[0]);
        for (size_t k = 1; k < t.path.size(); ++k) {
            const double qx = screen_x(t.path[k]), qy = screen_y(t.path[k]);
            if (k + 1 < t.path.size() && std::fabs(qx - px) + std::fabs(qy - py) < 1.0) continue;
            double x0 = px, y0 = py, x1 = qx, y1 = qy;
            // A step from off the picture to off the picture (a run blowing up) only passes through:
            // drawn faint, so the steps that happen here stay the ones you read.
            auto& into = !inside(px, py) && !inside(qx, qy) ? passing : segments;
            if (clip_segment(x0, y0, x1, y1, left, top, right, bottom)) {
                into.emplace_back(static_cast<float>(x0), static_cast<float>(y0));
                into.emplace_back(static_cast<float>(x1), static_cast<float>(y1));
            }
            px = qx, py = qy;
        }
        const ImU32 c = run_color(i);
        const float width = lab.selected() == i ? 2.6f : 1.8f;
        for (size_t k = 0; k + 1 < passing.size(); k += 2) dl->AddLine(passing[k], passing[k + 1], (c & 0x00FFFFFF) | (70u << 24), 1.2f);
        for (size_t k = 0; k + 1 < segments.size(); k += 2) dl->AddLine(segments[k], segments[k + 1], IM_COL32(255, 255, 255, 170), width + 2.5f);
        for (size_t k = 0; k + 1 < segments.size(); k += 2) dl->AddLine(segments[k], segments[k + 1], c, width);
        const size_t recent = t.path.size() > 25 ? t.path.size() - 25 : 0;  // the recent steps as dots
        for (size_t k = recent; k < t.path.size(); ++k) {
            const double x = screen_x(t.path[k]), y = screen_y(t.path[k]);
            if (inside(x, y)) dl->AddCircleFilled(ImVec2(static_cast<float>(x), static_cast<float>(y)), 2.4f, c, 8);
        }
        const Vec2 first = t.path.front(), last = t.path.back();
        if (inside(screen_x(first), screen_y(first))) dl->AddCircle(pinned(screen_x(first), screen_y(first)), 6, c, 16, 2);
        const ImVec2 e = pinned(screen_x(last), screen_y(last));
        dl->AddCircleFilled(e, 5.5f, IM_COL32(255, 255, 255, 255), 16);
        dl->AddCircleFilled(e, 4, c, 16);
        if (!t.diverged.empty()) {
            dl->AddLine(ImVec2(e.x - 8, e.y - 8), ImVec2(e.x + 8, e.y + 8), colors::bad, 3);
            dl->AddLine(ImVec2(e.x - 8, e.y + 8), ImVec2(e.x + 8, e.y - 8), colors::bad, 3);
        }
    }
    // At the selected run's current point, its next step to scale: −η·(full gradient), −η·(this
    // minibatch's gradient), and the update the optimizer will make.
    const int sel = lab.selected();
    if (sel >= 0 && sel < lab.run_count() && lab.run(sel).diverged.empty()) {
        const RunTrace& t = lab.run(sel);
        const double lr = lab.state().runs[sel].learning_rate;
        const Vec2 here = t.path.back();
        const ImVec2 h = to_screen(here);
        arrow(dl, h, to_screen({here.x - lr * t.full_gradient.x, here.y - lr * t.full_gradient.y}), IM_COL32(30, 30, 30, 255), 2.5f);
        if (surface.data_driven() && static_cast<int>(t.next_batch.size()) < surface.size())
            arrow(dl, h, to_screen({here.x - lr * t.batch_gradient.x, here.y - lr * t.batch_gradient.y}), IM_COL32(200, 0, 120, 255), 2.5f, true);
        arrow(dl, h, to_screen({here.x + t.next_step.x, here.y + t.next_step.y}), run_color(sel), 2.0f);
    }
    dl->PopClipRect();
    legend_bar(dl, ImVec2(b.x + 8, a.y + 20), ImVec2(b.x + 22, b.y - 20), st);
    dl->AddText(ImVec2(b.x + 4, a.y), colors::muted, "loss");

    // Mouse: click sets the start, drag pans, the wheel zooms about the pointer.
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemHovered()) {
        const Vec2 q = to_param(io.MousePos);
        ImGui::SetTooltip("%s = %s, %s = %s\nloss %s\nclick: start here   drag: pan   wheel: zoom", surface.axis_name(0),
                          short_number(q.x).c_str(), surface.axis_name(1), short_number(q.y).c_str(), short_number(surface.loss(q)).c_str());
        if (io.MouseWheel != 0) {
            const double f = std::pow(1.15, -io.MouseWheel);
            v = {q.x + (v.x0 - q.x) * f, q.x + (v.x1 - q.x) * f, q.y + (v.y0 - q.y) * f, q.y + (v.y1 - q.y) * f};
        }
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4)) {
        p.dragging = true;
        const double dx = io.MouseDelta.x / sx, dy = io.MouseDelta.y / sy;
        v = {v.x0 - dx, v.x1 - dx, v.y0 + dy, v.y1 + dy};
    }
    if (ImGui::IsItemDeactivated()) {
        if (!p.dragging) commands.push_back({TrajectoryCommand::Start, p.start_all ? -1 : lab.selected(), 0, to_param(io.MousePos)});
        p.dragging = false;
    }
}

void loss_column(TrajectoryPanel& p, const TrajectoryLab& lab, const Fonts& fonts) {
    heading(fonts, "Loss per iteration");
    ImGui::SameLine();
    if (ImGui::SmallButton("fit view")) p.view_for.clear();  // the surface's view, back to the whole picture
    std::vector<PlotSeries> series;
    size_t longest = 0;
    for (int i = 0; i < lab.run_count(); ++i) {
        PlotSeries s{"run " + std::to_string(i + 1), run_color(i), {}};
        // excess over the minimum, so the log scale shows the approach all the way down
        for (const double l : lab.run(i).loss) s.y.push_back(std::max(l - lab.surface().minimum_loss(), 1e-12));
        longest = std::max(longest, s.y.size());
        series.push_back(std::move(s));
    }
    std::vector<double> x(longest);
    for (size_t k = 0; k < longest; ++k) x[k] = static_cast<double>(k);
    for (PlotSeries& s : series) s.y.resize(longest, NAN);
    line_plot("tr_loss", ImVec2(ImGui::GetContentRegionAvail().x, 192), x, series, p.log_loss, "iteration",
              "L \xE2\x88\x92 L(min)", &p.log_loss);
    // The numbers behind Figure 3: the noisy path is the long one.
    if (ImGui::BeginTable("tr_runs", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
        for (const char* h : {"run", "loss", "path length"}) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (int i = 0; i < lab.run_count(); ++i) {
            const RunTrace& r = lab.run(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(to_vec4(run_color(i)), "\xE2\x96\xA0 %d", i + 1);
            ImGui::TableNextColumn();
            if (r.diverged.empty()) ImGui::TextUnformatted(short_number(r.loss.back()).c_str());
            else ImGui::TextColored(to_vec4(colors::bad), "diverged");
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
    heading(fonts, "Selected run, next step");
    ImGui::TextWrapped("%s", run_label(lab, sel).c_str());
    ImGui::Text("at (%s, %s)   loss %s", short_number(t.path.back().x).c_str(), short_number(t.path.back().y).c_str(),
                short_number(t.loss.back()).c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto key = [&](ImU32 c, bool dashed, const char* text) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float y = at.y + ImGui::GetTextLineHeight() / 2;
        arrow(dl, ImVec2(at.x, y), ImVec2(at.x + 30, y), c, 2.5f, dashed);
        ImGui::Dummy(ImVec2(34, 0));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", text);
    };
    const std::string full = "\xE2\x88\x92\xCE\xB7\xC2\xB7\xE2\x88\x87L (every sample)\n\xE2\x88\x87L = (" + short_number(t.full_gradient.x) + ", " +
                             short_number(t.full_gradient.y) + ")";
    key(IM_COL32(30, 30, 30, 255), false, full.c_str());
    if (s.data_driven() && static_cast<int>(t.next_batch.size()) < s.size()) {
        const std::string mb = "\xE2\x88\x92\xCE\xB7\xC2\xB7g (the next minibatch, " + std::to_string(t.next_batch.size()) + ")\ng = (" +
                               short_number(t.batch_gradient.x) + ", " + short_number(t.batch_gradient.y) + ")";
        key(IM_COL32(200, 0, 120, 255), true, mb.c_str());
    }
    const std::string up = "the update it will make\n\xCE\x94 = (" + short_number(t.next_step.x) + ", " + short_number(t.next_step.y) + ")";
    key(run_color(sel), false, up.c_str());
    if (!t.diverged.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::bad));
        ImGui::TextWrapped("%s", t.diverged.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace

ImU32 run_color(int run) {
    static const ImU32 palette[kMaxRuns] = {IM_COL32(215, 25, 28, 255),  IM_COL32(240, 120, 0, 255),  IM_COL32(20, 20, 20, 255),
                                            IM_COL32(130, 40, 180, 255), IM_COL32(0, 140, 70, 255),   IM_COL32(230, 0, 160, 255)};
    return palette[run % kMaxRuns];
}

void TrajectoryPanel::draw(const TrajectoryLab& lab, const Fonts& fonts, std::vector<TrajectoryCommand>& commands) {
    controls(*this, lab, commands);  // refusals show on the app's status line, until the next accepted change
    ImGui::BeginChild("tr_left", ImVec2(320, 0), false);
    surface_settings(lab, fonts, commands);
    ImGui::Spacing();
    run_rows(*this, lab, fonts, commands);
    ImGui::EndChild();
    ImGui::SameLine();
    const float right = 310;
    ImGui::BeginChild("tr_surface", ImVec2(ImGui::GetContentRegionAvail().x - right - 8, 0), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    surface_view(*this, lab, commands);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("tr_loss", ImVec2(0, 0), false);
    loss_column(*this, lab, fonts);
    ImGui::EndChild();
}

}  // namespace nabla::ui
