// Drawing and hit-testing of the graph on an ImDrawList, in world units (one unit = one pixel at
// zoom 1) placed by lab/graph_layout and mapped to the screen by the view's pan and zoom.
#include "ui/graph_canvas.h"

#include <algorithm>
#include <array>
#include <vector>
#include <cmath>
#include <string>

#include "engine/i18n.h"
#include "ui/format.h"
#include "ui/tensor_view.h"
#include "ui/widget_map.h"

namespace nabla::ui {

namespace {

constexpr float kNodeW = 74, kNodeH = 36;  // gate box
constexpr float kCellH = 18;     // a row of a vector or matrix, in world units
constexpr float kCellText = 15;  // its text size
constexpr float kDigitW = 8.6f;  // a character of it, about

// Where boxes go, in world units. A graph of numbers uses the fixed spacing of the slides; a
// vectorised one makes room for its largest value above a box and gradient below it.
struct Geometry {
    float column_gap = 124, row_gap = 100;  // between box centres
    float margin_x = 22, margin_y = 60;     // room for the value above and gradient below
    float block_h = 0;                      // a vectorised graph's tallest value, 0 for numbers
    float cell_w = 52;                      // one number of it: as wide as the widest shown
};

// "q =" before a named value's block; nothing for an input (its box says its name).
std::string block_prefix(const TensorNode& n) { return n.name.empty() || n.op == Op::Input ? std::string() : n.name; }
float prefix_width(const std::string& prefix) { return prefix.empty() ? 0.0f : 16.0f + 9.0f * static_cast<float>(prefix.size()); }

float block_width(const GraphLab& lab, int node, float cell_w) {
    const TensorNode& n = lab.tensor().node(node);
    return prefix_width(block_prefix(n)) + cell_grid(n.value.shape).shown_cols * cell_w + 12;
}

// Characters of the longest number a vectorised graph shows (values and gradients).
int widest_cell(const GraphLab& lab) {
    size_t widest = 1;
    for (int i = 0; i < lab.tensor().size(); ++i) {
        if (!lab.layout().places[static_cast<size_t>(i)].visible) continue;
        const TensorNode& n = lab.tensor().node(i);
        const CellGrid cells = cell_grid(n.value.shape);
        for (const Tensor* t : {&n.value, &n.grad})
            if (t->size() == n.value.size())
                for (int r = 0; r < cells.shown_rows; ++r)
                    for (int c = 0; c < cells.shown_cols; ++c) widest = std::max(widest, cell_text(*t, cells, r, c).size());
    }
    return static_cast<int>(widest);
}

Geometry geometry_for(const GraphLab& lab) {
    Geometry G;
    if (!lab.vectorised()) return G;
    G.cell_w = std::max(40.0f, kDigitW * static_cast<float>(widest_cell(lab)) + 10);
    float widest = 0, tallest = 0;
    for (int i = 0; i < lab.tensor().size(); ++i) {
        if (!lab.layout().places[static_cast<size_t>(i)].visible) continue;
        widest = std::max(widest, block_width(lab, i, G.cell_w));
        tallest = std::max(tallest, cell_grid(lab.tensor().node(i).value.shape).shown_rows * kCellH);
    }
    G.block_h = tallest;
    G.column_gap = std::max(G.column_gap, std::max(widest, kNodeW) + 34);
    G.margin_x = std::max(G.margin_x, (widest - kNodeW) * 0.5f + 10);
    G.margin_y = std::max(G.margin_y, tallest + 16);
    G.row_gap = std::max(G.row_gap, kNodeH + 2 * tallest + 36);
    return G;
}

struct Canvas {
    ImDrawList* dl;
    ImVec2 origin;
    const GraphView* view;
    const Fonts* fonts;
    ImVec2 to_screen(ImVec2 w) const {
        return ImVec2(origin.x + view->pan.x + w.x * view->zoom, origin.y + view->pan.y + w.y * view->zoom);
    }
    float px(float world) const { return world * view->zoom; }
    void text_centered(ImVec2 centre, const std::string& s, float size, ImU32 col, bool bold = false) const {
        text_centered(centre, s, size, col, bold ? fonts->canvas_bold : fonts->canvas);
    }
    // Sentences (the gate patterns' notes) in the body font, which holds the translation's Hangul;
    // the canvas fonts are rasterised large and hold names and numbers only.
    void text_centered(ImVec2 centre, const std::string& s, float size, ImU32 col, ImFont* font) const {
        if (px(size) < 4) return;  // zoomed out past reading: four vertices a glyph for a grey smear
        const ImVec2 ts = font->CalcTextSizeA(px(size), FLT_MAX, 0, s.c_str());
        dl->AddText(font, px(size), ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f), col, s.c_str());
    }
};

ImVec2 node_centre(const Geometry& G, const GraphLayout& L, int i) {
    return ImVec2(G.margin_x + kNodeW * 0.5f + L.places[i].column * G.column_gap,
                  G.margin_y + kNodeH * 0.5f + (L.places[i].row - L.min_row) * G.row_gap);
}

ImVec2 world_size(const Geometry& G, const GraphLayout& L) {
    return ImVec2(2 * G.margin_x + kNodeW + std::max(0, L.columns - 1) * G.column_gap,
                  2 * G.margin_y + kNodeH + (L.max_row - L.min_row) * G.row_gap);
}

ImVec2 waypoint_centre(const Geometry& G, const GraphLayout& L, const Waypoint& w) {
    return ImVec2(G.margin_x + kNodeW * 0.5f + w.column * G.column_gap, G.margin_y + kNodeH * 0.5f + (w.row - L.min_row) * G.row_gap);
}

using Curve = std::array<ImVec2, 4>;  // one cubic Bézier segment

// The edge's path: from the right of the source box, through its lane in every skipped column,
// into the left of the consumer (binary gates take input 0 in the upper half, 1 in the lower).
// Each hop is a cubic with horizontal tangents, so the path reads as one smooth line.
std::vector<Curve> edge_curves(const Geometry& G, const GraphLayout& L, const ScalarGraph& g, int edge_id) {
    const Edge& e = g.edge(edge_id);
    const Node& to = g.node(e.to);
    const bool binary = op_info(to.op).arity == 2 && L.places[g.edge(to.in[1 - e.slot]).from].visible;
    const float dy = binary ? (e.slot == 0 ? -kNodeH * 0.22f : kNodeH * 0.22f) : 0;
    const ImVec2 a = node_centre(G, L, e.from), b = node_centre(G, L, e.to);
    std::vector<ImVec2> anchors = {ImVec2(a.x + kNodeW * 0.5f, a.y)};
    for (const Waypoint& w : L.edge_waypoints[edge_id]) {
        const ImVec2 c = waypoint_centre(G, L, w);
        anchors.emplace_back(c.x - kNodeW * 0.5f, c.y);
        anchors.emplace_back(c.x + kNodeW * 0.5f, c.y);
    }
    anchors.emplace_back(b.x - kNodeW * 0.5f, b.y + dy);
    std::vector<Curve> curves;
    for (size_t k = 0; k + 1 < anchors.size(); ++k) {
        const ImVec2 p0 = anchors[k], p3 = anchors[k + 1];
        const float dx = (p3.x - p0.x) * 0.5f;
        curves.push_back({p0, ImVec2(p0.x + dx, p0.y), ImVec2(p3.x - dx, p3.y), p3});
    }
    return curves;
}

ImVec2 bezier(const Curve& p, float t) {
    const float u = 1 - t;
    const float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return ImVec2(a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x, a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y);
}

float distance_to_curve(const Curve& p, ImVec2 m) {
    float best = FLT_MAX;
    ImVec2 prev = p[0];
    for (int k = 1; k <= 16; ++k) {
        const ImVec2 cur = bezier(p, k / 16.0f);
        const ImVec2 d(cur.x - prev.x, cur.y - prev.y);
        const float len2 = d.x * d.x + d.y * d.y;
        float t = len2 > 0 ? ((m.x - prev.x) * d.x + (m.y - prev.y) * d.y) / len2 : 0;
        t = std::clamp(t, 0.0f, 1.0f);
        const float ex = prev.x + t * d.x - m.x, ey = prev.y + t * d.y - m.y;
        best = std::min(best, std::sqrt(ex * ex + ey * ey));
        prev = cur;
    }
    return best;
}

std::string gate_name(const GraphLab& lab, int node) {
    const NodePlace& p = lab.layout().places[node];
    const Node& n = lab.parsed().graph.node(node);
    if (!n.name.empty()) return n.name;
    return p.label;
}

// Shows the whole graph, centred, unless that would make its text too small to read from the back
// of a lecture hall: then it stays readable and starts at the top left (drag to see the rest).
void fit(GraphView& view, const Geometry& G, const GraphLayout& L, ImVec2 avail) {
    const ImVec2 ws = world_size(G, L);
    // The readable range grows with the UI scale (em / 17 px), so a projector's larger text is the graph's too.
    const float scale = em() / 17.0f;
    view.zoom = std::clamp(std::min(avail.x / ws.x, avail.y / ws.y), 0.62f * scale, 1.35f * scale);
    view.pan = ImVec2(std::max(0.0f, (avail.x - ws.x * view.zoom) * 0.5f), std::max(0.0f, (avail.y - ws.y * view.zoom) * 0.5f));
}

void edge_tooltip(const GraphLab& lab, int edge) {
    if (lab.vectorised()) return tensor_edge_tooltip(lab, edge);
    const ScalarGraph& g = lab.parsed().graph;
    const Edge& e = g.edge(edge);
    const std::string from = gate_name(lab, e.from), to = gate_name(lab, e.to);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(trf("edge  %s \xE2\x86\x92 %s", from.c_str(), to.c_str()).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(trf("forward value carried:  %s", short_number(g.node(e.from).value).c_str()).c_str());
    if (lab.quiz_on() && !lab.shows_edge(edge)) {  // the quiz: the rule is the student's to apply
        ImGui::TextColored(to_vec4(colors::pending), "%s", trf("in the quiz: fill in %s's gradient to see this edge's", from.c_str()).c_str());
        ImGui::EndTooltip();
        return;
    }
    ImGui::TextUnformatted(trf("local gradient  \xE2\x88\x82(%s)/\xE2\x88\x82(%s) = ", to.c_str(), from.c_str()).c_str());
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(short_number(e.local).c_str());
    if (!lab.shows_edge(edge)) {
        ImGui::TextColored(to_vec4(colors::pending), "%s", trf("upstream not known yet: step backprop to reach %s", to.c_str()).c_str());
    } else {
        ImGui::TextColored(to_vec4(colors::gradient), "%s",
                           trf("upstream \xC3\x97 local = downstream:  %s \xC3\x97 %s = %s", short_number(e.upstream).c_str(),
                               short_number(e.local).c_str(), short_number(e.downstream).c_str()).c_str());
        if (g.node(e.from).out.size() > 1)
            ImGui::TextColored(to_vec4(colors::muted), "%s",
                               trf("%s feeds %d gates: its gradient %s is the sum of their downstreams", from.c_str(),
                                   static_cast<int>(g.node(e.from).out.size()), short_number(g.node(e.from).grad).c_str()).c_str());
    }
    note_rect("tooltip:edge", ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                                         ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    ImGui::EndTooltip();
}

void node_tooltip(const GraphLab& lab, int node) {
    if (lab.vectorised()) return tensor_node_tooltip(lab, node);
    const ScalarGraph& g = lab.parsed().graph;
    const Node& n = g.node(node);
    ImGui::BeginTooltip();
    const char* label = lab.layout().places[node].label.c_str();
    if (n.op == Op::Input) ImGui::TextUnformatted(trf("input %s", n.name.c_str()).c_str());
    else if (n.name.empty()) ImGui::TextUnformatted(trf("gate %s  (%s)", label, op_info(n.op).name).c_str());
    else ImGui::TextUnformatted(trf("gate %s  (%s)  named %s", label, op_info(n.op).name, n.name.c_str()).c_str());
    ImGui::Separator();
    ImGui::TextColored(to_vec4(colors::value), "%s", trf("value %s", fixed_number(n.value).c_str()).c_str());
    if (lab.shows_gradient(node))
        ImGui::TextColored(to_vec4(colors::gradient), "%s",
                           trf("\xE2\x88\x82%s/\xE2\x88\x82(this) = %s", lab.parsed().output_name.c_str(), fixed_number(n.grad).c_str()).c_str());
    else
        ImGui::TextColored(to_vec4(colors::pending), "%s", tr("gradient not known yet in this backprop step"));
    if (const char* p = gate_pattern(g, node)) ImGui::TextColored(to_vec4(colors::muted), "%s", p);
    if (!n.finite()) ImGui::TextColored(to_vec4(colors::bad), "%s", trf("not finite: %s", tr(n.issue)).c_str());
    ImGui::EndTooltip();
}

// A value as the lecture writes it: a column for a vector, a grid for a matrix, in brackets;
// `top` is where its first row starts.
void draw_block(const Canvas& c, const Tensor& t, float centre_x, float top, float cell_w, ImU32 col, const std::string& prefix, bool known) {
    const CellGrid cells = cell_grid(t.shape);
    const float name_w = prefix_width(prefix);
    const float grid_w = cells.shown_cols * cell_w, h = cells.shown_rows * kCellH;
    const float left = centre_x - c.px((name_w + grid_w + 12) * 0.5f) + c.px(name_w);
    if (!prefix.empty()) c.text_centered(ImVec2(left - c.px(name_w * 0.5f), top + c.px(h * 0.5f)), prefix + " =", kCellText, col, true);
    const float x0 = left + c.px(6), x1 = x0 + c.px(grid_w);
    const float th = std::max(1.0f, c.px(1.4f)), tick = c.px(4);
    for (const float x : {x0 - c.px(3), x1 + c.px(3)}) {  // the brackets
        const float in = x < x0 ? tick : -tick;
        c.dl->AddLine(ImVec2(x + in, top), ImVec2(x, top), col, th);
        c.dl->AddLine(ImVec2(x, top), ImVec2(x, top + c.px(h)), col, th);
        c.dl->AddLine(ImVec2(x, top + c.px(h)), ImVec2(x + in, top + c.px(h)), col, th);
    }
    for (int r = 0; r < cells.shown_rows; ++r)
        for (int k = 0; k < cells.shown_cols; ++k)
            c.text_centered(ImVec2(x0 + c.px((k + 0.5f) * cell_w), top + c.px((r + 0.5f) * kCellH)), known ? cell_text(t, cells, r, k) : "?",
                            kCellText, col, true);
}

void draw_tensor_values(const Canvas& c, const GraphLab& lab, int i, float cell_w, ImVec2 centre, ImVec2 a, ImVec2 b) {
    const TensorNode& n = lab.tensor().node(i);
    const float h = cell_grid(n.value.shape).shown_rows * kCellH;
    draw_block(c, n.value, centre.x, a.y - c.px(6 + h), cell_w, n.finite() ? colors::value : colors::bad, block_prefix(n), true);
    const bool ready = lab.shows_gradient(i);
    draw_block(c, n.grad, centre.x, b.y + c.px(6), cell_w, ready ? colors::gradient : colors::pending, "", ready);
}

}  // namespace

void draw_graph_canvas(const GraphLab& lab, GraphView& view, const Fonts& fonts, ImVec2 size) {
    const GraphLayout& L = lab.layout();
    const ScalarGraph& g = lab.parsed().graph;
    const Geometry G = geometry_for(lab);
    ImGui::BeginChild("graph_canvas", size, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (avail.x != view.fitted_size.x || avail.y != view.fitted_size.y) view.fit_pending = true;
    if (view.fit_pending) {
        view.fitted_size = avail;
        fit(view, G, L, ImVec2(avail.x, avail.y - ImGui::GetTextLineHeightWithSpacing() - 8));  // above the legend
        view.fit_pending = false;
    }
    ImGui::InvisibleButton("canvas_input", avail, ImGuiButtonFlags_MouseButtonLeft);
    note_widget("graph:canvas");
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
        view.pan.x += io.MouseDelta.x;
        view.pan.y += io.MouseDelta.y;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) view.fit_pending = true;
    if (hovered && io.MouseWheel != 0) {
        // Zoom about the cursor, so the point under it stays put.
        const float old_zoom = view.zoom;
        view.zoom = std::clamp(view.zoom * std::pow(1.12f, io.MouseWheel), 0.2f * em() / 17.0f, 3.0f * em() / 17.0f);
        const ImVec2 m(io.MousePos.x - origin.x - view.pan.x, io.MousePos.y - origin.y - view.pan.y);
        view.pan.x -= m.x * (view.zoom / old_zoom - 1);
        view.pan.y -= m.y * (view.zoom / old_zoom - 1);
    }

    Canvas c{ImGui::GetWindowDrawList(), origin, &view, &fonts};
    c.dl->AddRectFilled(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), colors::canvas_bg);
    c.dl->PushClipRect(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), true);

    const int current = lab.current_gate();
    const bool stepping = lab.state().backprop_step >= 0;

    // Edges first, so boxes sit on top; remember the one under the mouse.
    std::vector<std::vector<Curve>> curves(g.edges().size());
    int hovered_edge = -1;
    // A finger covers more than a pointer: a held finger finds an edge from further away.
    float best = io.MouseSource == ImGuiMouseSource_TouchScreen ? em(1.2f) : 7.0f;
    for (int i = 0; i < static_cast<int>(g.edges().size()); ++i) {
        if (!L.places[g.edge(i).from].visible) continue;
        curves[i] = edge_curves(G, L, g, i);
        for (Curve& cv : curves[i]) {
            for (ImVec2& p : cv) p = c.to_screen(p);
            if (hovered) {
                const float d = distance_to_curve(cv, io.MousePos);
                if (d < best) best = d, hovered_edge = i;
            }
        }
    }
    for (int i = 0; i < static_cast<int>(g.edges().size()); ++i) {
        if (curves[i].empty()) continue;
        float x0 = FLT_MAX, x1 = -FLT_MAX, y0 = FLT_MAX, y1 = -FLT_MAX;  // a cubic stays inside its control points' box
        for (const Curve& cv : curves[i])
            for (const ImVec2& p : cv) x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
        if (x1 < origin.x || x0 > origin.x + avail.x || y1 < origin.y || y0 > origin.y + avail.y) continue;
        ImU32 col = colors::edge;
        float thick = 1.8f;
        if (stepping && g.edge(i).to == current) col = colors::highlight, thick = 3.2f;
        if (i == hovered_edge) col = colors::edge_hover, thick = 3.5f;
        for (const Curve& cv : curves[i]) c.dl->AddBezierCubic(cv[0], cv[1], cv[2], cv[3], col, std::max(1.0f, c.px(thick)));
        // A vectorised graph's edges carry shapes: written where the edge leaves its box.
        if (lab.vectorised() && !lab.tensor().node(g.edge(i).from).value.is_scalar()) {
            const ImVec2 p0 = curves[i].front()[0];
            c.text_centered(ImVec2(p0.x + c.px(22), p0.y - c.px(9)), lab.tensor().node(g.edge(i).from).value.shape.text(), 12, colors::muted,
                            fonts.body);
        }
        const ImVec2 tip = curves[i].back()[3];  // arrow head into the consumer
        const float ah = c.px(7);
        c.dl->AddTriangleFilled(tip, ImVec2(tip.x - ah, tip.y - ah * 0.55f), ImVec2(tip.x - ah, tip.y + ah * 0.55f), col);
    }

    // Gates.
    int hovered_node = -1;
    for (int i = 0; i < g.size(); ++i) {
        const NodePlace& p = L.places[i];
        if (!p.visible) continue;
        const Node& n = g.node(i);
        const ImVec2 centre = c.to_screen(node_centre(G, L, i));
        const ImVec2 half(c.px(kNodeW * 0.5f), c.px(kNodeH * 0.5f));
        const ImVec2 a(centre.x - half.x, centre.y - half.y), b(centre.x + half.x, centre.y + half.y);
        // Off the canvas (zoomed in on part of a large graph): nothing of it would show.
        const float reach = c.px(40 + G.block_h);
        if (b.x < origin.x - reach || a.x > origin.x + avail.x + reach || b.y < origin.y - reach || a.y > origin.y + avail.y + reach) continue;
        if (hovered && hovered_edge < 0 && ImGui::IsMouseHoveringRect(a, b)) hovered_node = i;
        note_rect("node:" + std::to_string(i), a, b);
        const bool is_current = (stepping && i == current) || i == lab.quiz_node();
        if (is_current)
            c.dl->AddRectFilled(ImVec2(a.x - c.px(6), a.y - c.px(6)), ImVec2(b.x + c.px(6), b.y + c.px(6)),
                                IM_COL32(255, 200, 80, 110), c.px(12));
        const ImU32 fill = n.op == Op::Input ? colors::input_fill : colors::node_fill;
        c.dl->AddRectFilled(a, b, fill, c.px(8));
        const bool selected = lab.vectorised() && i == view.selected;
        const bool finite = lab.vectorised() ? lab.tensor().node(i).finite() : n.finite();  // the scalar graph's values mean nothing then
        const ImU32 border = !finite ? colors::bad : is_current ? colors::highlight : selected ? colors::edge_hover : colors::node_border;
        c.dl->AddRect(a, b, border, c.px(8), 0, is_current || selected || !finite ? c.px(3.2f) : c.px(1.5f));
        c.text_centered(centre, p.label, 20, colors::text, n.op == Op::Input);
        if (lab.vectorised()) {
            draw_tensor_values(c, lab, i, G.cell_w, centre, a, b);
            continue;
        }

        // Forward value above (green), gradient below (red), as on the lecture slides.
        const bool named = !n.name.empty() && n.op != Op::Input;
        const std::string value = (named ? n.name + " = " : "") + short_number(n.value);
        c.text_centered(ImVec2(centre.x, a.y - c.px(14)), value, 19, n.finite() ? colors::value : colors::bad, true);
        const bool ready = lab.shows_gradient(i);
        c.text_centered(ImVec2(centre.x, b.y + c.px(14)), ready ? short_number(n.grad) : "?", 19,
                        ready ? colors::gradient : colors::pending, true);
        if (const char* pattern = gate_pattern(g, i))
            c.text_centered(ImVec2(centre.x, b.y + c.px(35)), pattern, 15, colors::muted, fonts.body);
    }
    c.dl->PopClipRect();

    // A click (not a drag) on a gate selects it: the panel shows its Jacobians.
    if (hovered_node >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 16)
        view.selected = hovered_node;
    if (hovered_edge >= 0) edge_tooltip(lab, hovered_edge);
    else if (hovered_node >= 0) node_tooltip(lab, hovered_node);

    // Legend along the bottom, on its own band so the graph never runs under it.
    const float band = ImGui::GetTextLineHeightWithSpacing() + 10;
    c.dl->AddRectFilled(ImVec2(origin.x, origin.y + avail.y - band), ImVec2(origin.x + avail.x, origin.y + avail.y),
                        IM_COL32(244, 244, 240, 255));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 10, origin.y + avail.y - band + 5));
    ImGui::TextColored(to_vec4(colors::value), "%s", tr("green: forward value"));
    ImGui::SameLine();
    ImGui::TextColored(to_vec4(colors::gradient), "%s",
                       trf("  red: gradient \xE2\x88\x82%s/\xE2\x88\x82node", lab.parsed().output_name.c_str()).c_str());
    ImGui::SameLine();
    ImGui::TextColored(to_vec4(colors::muted), "%s", lab.vectorised() ? tr("  hover an edge for its rule, click a gate for its Jacobians")
                                                                        : tr("  hover an edge: upstream \xC3\x97 local"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("drag to pan, wheel to zoom, double-click to fit"));
    ImGui::EndChild();
}

}  // namespace nabla::ui
