#include "ui/plot.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "engine/i18n.h"
#include "ui/format.h"
#include "ui/theme.h"

namespace nabla::ui {

namespace {

// 1, 2, 5 × 10^k steps giving about `count` ticks over [lo, hi].
double nice_step(double lo, double hi, int count) {
    const double raw = (hi - lo) / std::max(1, count);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * p) return m * p;
    return 10 * p;
}

// At most two points per pixel column, the lowest and the highest in the order they came: a long
// noisy history keeps its envelope and costs the rasteriser hundreds of vertices, not tens of thousands.
std::vector<ImVec2> thin_to_columns(const std::vector<ImVec2>& pts) {
    std::vector<ImVec2> out;
    for (size_t i = 0; i < pts.size();) {
        const float column = std::floor(pts[i].x);
        size_t lo = i, hi = i, j = i;
        for (; j < pts.size() && std::floor(pts[j].x) == column; ++j) {
            if (pts[j].y < pts[lo].y) lo = j;
            if (pts[j].y > pts[hi].y) hi = j;
        }
        out.push_back(pts[std::min(lo, hi)]);
        if (lo != hi) out.push_back(pts[std::max(lo, hi)]);
        i = j;
    }
    return out;
}

}  // namespace

void line_plot(const char* id, ImVec2 size, const std::vector<double>& x, const std::vector<PlotSeries>& series,
               bool log_y, const char* x_label, const char* title, bool* log_toggle, double marker_x) {
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float band = title ? 22.0f : 0.0f;
    const char* log_text = tr("log");
    if (title) {
        dl->AddText(ImVec2(origin.x + 4, origin.y + 2), colors::text, title);
        if (log_toggle) {  // a small check box of our own: it must fit the band
            const ImVec2 t(origin.x + 14 + ImGui::CalcTextSize(title).x, origin.y + 2);
            const ImVec2 label = ImGui::CalcTextSize(log_text);
            ImGui::SetCursorScreenPos(t);
            if (ImGui::InvisibleButton("log", ImVec2(label.x + 20, label.y))) *log_toggle = !*log_toggle;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("log scale for the y axis"));
            const ImVec2 box(t.x + 1, t.y + (label.y - 13) / 2);
            dl->AddRectFilled(box, ImVec2(box.x + 13, box.y + 13), IM_COL32(255, 255, 255, 255), 2);
            dl->AddRect(box, ImVec2(box.x + 13, box.y + 13), IM_COL32(150, 150, 160, 255), 2);
            if (*log_toggle) dl->AddRectFilled(ImVec2(box.x + 3, box.y + 3), ImVec2(box.x + 10, box.y + 10), IM_COL32(66, 150, 250, 255), 1);
            dl->AddText(ImVec2(t.x + 18, t.y), colors::muted, log_text);
            log_y = *log_toggle;
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + band));
    }
    ImGui::InvisibleButton("plot", ImVec2(size.x, size.y - band));
    const bool hovered = ImGui::IsItemHovered();
    const float left = 52, bottom = 20, top = band + 6, right = 8;
    const ImVec2 a(origin.x + left, origin.y + top), b(origin.x + size.x - right, origin.y + size.y - bottom);
    dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255));
    dl->AddRect(a, b, IM_COL32(190, 190, 195, 255));

    auto ty = [&](double v) { return log_y ? std::log10(v) : v; };
    double y_lo = DBL_MAX, y_hi = -DBL_MAX;
    for (const PlotSeries& s : series)
        for (const double v : s.y)
            if (std::isfinite(v) && (!log_y || v > 0)) y_lo = std::min(y_lo, ty(v)), y_hi = std::max(y_hi, ty(v));
    if (x.size() < 2 || y_lo > y_hi) {
        dl->AddText(ImVec2(a.x + 8, a.y + 8), colors::muted, tr("no data yet"));
        ImGui::PopID();
        return;
    }
    if (!log_y) y_lo = std::min(y_lo, 0.0);
    if (y_hi - y_lo < 1e-12) y_hi = y_lo + 1;
    const double x_lo = x.front(), x_hi = std::max(x.back(), x_lo + 1e-9);
    auto px = [&](double v) { return a.x + static_cast<float>((v - x_lo) / (x_hi - x_lo)) * (b.x - a.x); };
    auto py = [&](double v) { return b.y - static_cast<float>((v - y_lo) / (y_hi - y_lo)) * (b.y - a.y); };

    // Ticks and grid: y on the left (in data units, also for log), x along the bottom.
    char buf[32];
    const int y_ticks = std::max(1, static_cast<int>((b.y - a.y) / 22));  // labels 22 px apart at least
    if (log_y) {
        for (double e = std::ceil(y_lo); e <= y_hi + 1e-9; e += std::max(1.0, std::ceil((y_hi - y_lo) / y_ticks))) {
            dl->AddLine(ImVec2(a.x, py(e)), ImVec2(b.x, py(e)), colors::grid);
            std::snprintf(buf, sizeof buf, "1e%d", static_cast<int>(e));
            dl->AddText(ImVec2(origin.x + 4, py(e) - 7), colors::muted, buf);
        }
    } else {
        const double step = nice_step(y_lo, y_hi, std::min(4, y_ticks));
        for (double v = std::ceil(y_lo / step) * step; v <= y_hi + 1e-9; v += step) {
            dl->AddLine(ImVec2(a.x, py(v)), ImVec2(b.x, py(v)), colors::grid);
            dl->AddText(ImVec2(origin.x + 4, py(v) - 7), colors::muted, short_number(v).c_str());
        }
    }
    const double xstep = nice_step(x_lo, x_hi, 5);
    for (double v = std::ceil(x_lo / xstep) * xstep; v <= x_hi + 1e-9; v += xstep) {
        dl->AddLine(ImVec2(px(v), b.y), ImVec2(px(v), b.y + 3), colors::muted);
        dl->AddText(ImVec2(px(v) - 6, b.y + 3), colors::muted, short_number(v).c_str());
    }
    dl->AddText(ImVec2(origin.x + 4, b.y + 3), colors::muted, x_label);  // under the y axis, clear of the ticks

    dl->PushClipRect(a, b, true);
    for (const PlotSeries& s : series) {
        std::vector<ImVec2> pts;
        for (size_t i = 0; i < s.y.size() && i < x.size(); ++i)
            if (std::isfinite(s.y[i]) && (!log_y || s.y[i] > 0)) pts.emplace_back(px(x[i]), py(ty(s.y[i])));
        pts = thin_to_columns(pts);
        if (pts.size() >= 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), s.color, 0, 2.0f);
    }
    if (std::isfinite(marker_x)) dl->AddLine(ImVec2(px(marker_x), a.y), ImVec2(px(marker_x), b.y), colors::highlight, 2.5f);
    dl->PopClipRect();

    // Legend, top right: in the title band when it fits there; else over the curves, on white.
    float legend_width = 0;
    for (const PlotSeries& s : series) legend_width += ImGui::CalcTextSize(s.name.c_str()).x + 18;
    // The legend starts clear of the title and the log box (70 px, or what a longer word for "log" needs).
    const float log_room = std::max(70.0f, 14 + ImGui::CalcTextSize(log_text).x + 26);
    const float band_left = title ? origin.x + ImGui::CalcTextSize(title).x + (log_toggle ? log_room : 16.0f) : b.x;
    const bool in_band = b.x - 6 - legend_width >= band_left;
    const float ly = in_band ? origin.y + 2 : a.y + 3;
    if (!in_band) dl->AddRectFilled(ImVec2(std::max(a.x, b.x - 10 - legend_width), a.y + 1), ImVec2(b.x - 1, a.y + 19), IM_COL32(255, 255, 255, 215));
    float lx = b.x - 6;
    for (auto it = series.rbegin(); it != series.rend(); ++it) {
        if (lx - ImGui::CalcTextSize(it->name.c_str()).x - 18 < (in_band ? band_left : a.x)) break;  // the rest: hover read-out
        lx -= ImGui::CalcTextSize(it->name.c_str()).x + 18;
        dl->AddLine(ImVec2(lx, ly + 7), ImVec2(lx + 12, ly + 7), it->color, 3);
        dl->AddText(ImVec2(lx + 15, ly), colors::text, it->name.c_str());
    }

    if (hovered) {  // read-out of the nearest x
        const double mx = x_lo + (ImGui::GetIO().MousePos.x - a.x) / (b.x - a.x) * (x_hi - x_lo);
        const size_t i = static_cast<size_t>(std::lower_bound(x.begin(), x.end(), mx) - x.begin());
        const size_t k = std::min(i, x.size() - 1);
        dl->AddLine(ImVec2(px(x[k]), a.y), ImVec2(px(x[k]), b.y), colors::edge_hover);
        ImGui::BeginTooltip();
        ImGui::Text("%s %s", x_label, short_number(x[k]).c_str());
        for (const PlotSeries& s : series)
            if (k < s.y.size()) ImGui::TextColored(to_vec4(s.color), "%s  %s", s.name.c_str(), fixed_number(s.y[k]).c_str());
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

}  // namespace nabla::ui
