#include "ui/tensor_view.h"

#include <algorithm>

#include "engine/i18n.h"
#include "ui/format.h"
#include "ui/theme.h"
#include "ui/widget_map.h"

namespace nabla::ui {

namespace {

// Past this many numbers a Jacobian is described, not drawn: 8 × 8 reads on a projector.
constexpr int kShownJacobianCells = 64;

const char* const kPartial = "\xE2\x88\x82";  // ∂
const char* const kT = "\xE1\xB5\x80";        // ᵀ

}  // namespace

CellGrid cell_grid(const Shape& shape) {
    CellGrid g;
    g.rows = shape.rank == 0 ? 1 : shape.dims[0];
    g.cols = shape.rank == 2 ? shape.dims[1] : 1;
    g.shown_rows = std::min(g.rows, kShownCells);
    g.shown_cols = std::min(g.cols, kShownCells);
    return g;
}

std::string cell_text(const Tensor& t, const CellGrid& g, int r, int c) {
    const bool cut_row = g.rows > g.shown_rows && r == g.shown_rows - 1, cut_col = g.cols > g.shown_cols && c == g.shown_cols - 1;
    if (cut_row && cut_col) return "\xE2\x8B\xB1";  // ⋱
    if (cut_row) return "\xE2\x8B\xAE";             // ⋮
    if (cut_col) return "\xE2\x8B\xAF";             // ⋯
    return short_number(t.data[static_cast<size_t>(r * g.cols + c)], 3);
}

void tensor_table(const char* id, const Tensor& t, ImU32 color) {
    const CellGrid g = cell_grid(t.shape);
    if (!ImGui::BeginTable(id, g.shown_cols, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersOuterV)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(color));
    for (int r = 0; r < g.shown_rows; ++r) {
        ImGui::TableNextRow();
        for (int c = 0; c < g.shown_cols; ++c) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(cell_text(t, g, r, c).c_str());
        }
    }
    ImGui::PopStyleColor();
    ImGui::EndTable();
}

std::string tensor_node_name(const GraphLab& lab, int node) {
    const TensorNode& n = lab.tensor().node(node);
    return n.name.empty() ? lab.layout().places[static_cast<size_t>(node)].label : n.name;
}

std::string tensor_edge_rule(const GraphLab& lab, int edge) {
    const TensorGraph& g = lab.tensor();
    const TensorEdge& e = g.edge(edge);
    const TensorNode& to = g.node(e.to);
    const std::string f = lab.parsed().output_name, from = tensor_node_name(lab, e.from), out = tensor_node_name(lab, e.to);
    const std::string df_from = kPartial + f + "/" + kPartial + from, df_out = kPartial + f + "/" + kPartial + out;
    switch (to.op) {
        case Op::MatMul: {
            const std::string other = tensor_node_name(lab, g.edge(to.in[1 - e.slot]).from);
            // q = A B: ∂f/∂A = ∂f/∂q · Bᵀ, ∂f/∂B = Aᵀ · ∂f/∂q (an outer product when both are vectors)
            return e.slot == 0 ? df_from + " = " + df_out + " \xC2\xB7 " + other + kT : df_from + " = " + other + kT + " \xC2\xB7 " + df_out;
        }
        case Op::Transpose: return df_from + " = (" + df_out + ")" + kT;
        case Op::Sum: return trf("%s = %s copied to every element", df_from.c_str(), df_out.c_str());
        case Op::Mean: return trf("%s = %s / %d in every element", df_from.c_str(), df_out.c_str(), g.node(e.from).value.size());
        case Op::Norm2: return df_from + " = " + df_out + " \xC2\xB7 2" + from;
        default: break;
    }
    const bool repeated = g.node(e.from).value.size() < to.value.size();
    return repeated ? trf("%s = %s \xE2\x8A\x99 local, summed where %s was repeated", df_from.c_str(), df_out.c_str(), from.c_str())
                    : trf("%s = %s \xE2\x8A\x99 local (elementwise: the Jacobian is diagonal)", df_from.c_str(), df_out.c_str());
}

void tensor_edge_tooltip(const GraphLab& lab, int edge) {
    const TensorGraph& g = lab.tensor();
    const TensorEdge& e = g.edge(edge);
    const std::string from = tensor_node_name(lab, e.from), to = tensor_node_name(lab, e.to);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(trf("edge  %s \xE2\x86\x92 %s", from.c_str(), to.c_str()).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(trf("carries %s %s", from.c_str(), g.node(e.from).value.shape.text().c_str()).c_str());
    ImGui::TextColored(to_vec4(colors::muted), "%s", tensor_edge_rule(lab, edge).c_str());
    if (!lab.shows_edge(edge)) {
        ImGui::TextColored(to_vec4(colors::pending), "%s", trf("upstream not known yet: step backprop to reach %s", to.c_str()).c_str());
    } else {
        const std::string df_to = kPartial + lab.parsed().output_name + "/" + kPartial + to;
        ImGui::TextColored(to_vec4(colors::gradient), "%s", trf("upstream %s", df_to.c_str()).c_str());
        tensor_table("upstream", e.upstream, colors::gradient);
        if (!e.local.empty() && static_cast<int>(e.local.size()) == e.upstream.size()) {
            Tensor local(e.upstream.shape, 0.0);
            local.data = e.local;
            ImGui::TextColored(to_vec4(colors::muted), "%s", tr("local (the Jacobian's diagonal)"));
            tensor_table("local", local, colors::muted);
        }
        ImGui::TextColored(to_vec4(colors::gradient), "%s", trf("downstream, shaped like %s", from.c_str()).c_str());
        tensor_table("downstream", e.downstream, colors::gradient);
        if (g.node(e.from).out.size() > 1)
            ImGui::TextColored(to_vec4(colors::muted), "%s",
                               trf("%s feeds %d gates: its gradient is the sum of their downstreams", from.c_str(),
                                   static_cast<int>(g.node(e.from).out.size())).c_str());
    }
    note_rect("tooltip:edge", ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                                         ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    ImGui::EndTooltip();
}

void tensor_jacobians(const GraphLab& lab, int node) {
    const TensorGraph& g = lab.tensor();
    const TensorNode& n = g.node(node);
    const int arity = op_info(n.op).arity;
    if (arity == 0) {
        ImGui::TextColored(to_vec4(colors::muted), "%s", tr("an input: it has no inputs, so no Jacobian"));
        return;
    }
    // 22 em in a tooltip (which grows to fit), the column's width in the panel.
    const float avail = ImGui::GetContentRegionAvail().x, wrap = ImGui::GetFontSize() * 22;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (avail > ImGui::GetFontSize() * 8 ? std::min(wrap, avail) : wrap));
    if (is_elementwise(n.op))
        ImGui::TextWrapped("%s", tr("Elementwise: each output depends on its own input element only, so the Jacobian is diagonal. Backprop never builds it: it multiplies the upstream by the diagonal."));
    if (n.op == Op::MatMul)
        ImGui::TextWrapped("%s", tr("A linear module has two Jacobians (lecture 000): with respect to its input and to its weights. Backprop multiplies by them without building them."));
    ImGui::PopTextWrapPos();
    const std::string out = tensor_node_name(lab, node);
    for (int slot = 0; slot < arity; ++slot) {
        const int from = g.edge(n.in[slot]).from;
        const std::string in = tensor_node_name(lab, from);
        const int rows = n.value.size(), cols = g.node(from).value.size();
        const std::string size = std::to_string(rows) + "\xC3\x97" + std::to_string(cols);
        ImGui::TextUnformatted((kPartial + out + "/" + kPartial + in + ": " + size).c_str());
        if (rows * cols > kShownJacobianCells) {
            ImGui::TextColored(to_vec4(colors::muted), "%s", tr("too large to show here: backprop uses one row of it at a time"));
            continue;
        }
        ImGui::PushID(slot);
        tensor_table("jacobian", g.jacobian(node, slot), colors::text);
        ImGui::PopID();
    }
}

void tensor_node_tooltip(const GraphLab& lab, int node) {
    const TensorGraph& g = lab.tensor();
    const TensorNode& n = g.node(node);
    ImGui::BeginTooltip();
    const std::string name = tensor_node_name(lab, node);
    if (n.op == Op::Input) ImGui::TextUnformatted(trf("input %s", n.name.c_str()).c_str());
    else ImGui::TextUnformatted(trf("gate %s  (%s)", name.c_str(), op_info(n.op).name).c_str());
    ImGui::SameLine();
    ImGui::TextColored(to_vec4(colors::muted), "%s", n.value.shape.text().c_str());
    ImGui::Separator();
    ImGui::TextColored(to_vec4(colors::value), "%s", tr("value"));
    tensor_table("value", n.value, colors::value);
    if (lab.shows_gradient(node)) {
        const std::string df = kPartial + lab.parsed().output_name + "/" + kPartial + "(this)";
        ImGui::TextColored(to_vec4(colors::gradient), "%s", trf("%s, in the value's shape", df.c_str()).c_str());
        tensor_table("grad", n.grad, colors::gradient);
    } else {
        ImGui::TextColored(to_vec4(colors::pending), "%s", tr("gradient not known yet in this backprop step"));
    }
    if (!n.finite())
        ImGui::TextColored(to_vec4(colors::bad), "%s",
                           trf("not finite: %s", (std::string(tr(n.issue)) + " " + element_name(n.value.shape, n.issue_element)).c_str()).c_str());
    if (op_info(n.op).arity > 0) {
        ImGui::Separator();
        tensor_jacobians(lab, node);
    }
    ImGui::EndTooltip();
}

}  // namespace nabla::ui
