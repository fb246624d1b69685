// Layered layout (Sugiyama, simplified): longest-path columns, a few barycenter sweeps to order
// each column, then rows pulled toward their neighbours while keeping one unit between nodes,
// so nodes never overlap however large the graph.
#include "lab/graph_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nabla {

namespace {

bool is_const(const ScalarGraph& g, int node) { return g.node(node).op == Op::Const; }
int input_node(const ScalarGraph& g, int node, int slot) { return g.edge(g.node(node).in[slot]).from; }

// A constant is folded into its consumer when the consumer has exactly one constant input.
bool is_folded(const ScalarGraph& g, int node) {
    const Node& n = g.node(node);
    if (n.op != Op::Const || n.out.size() != 1) return false;
    const int consumer = g.edge(n.out[0]).to;
    if (op_info(g.node(consumer).op).arity != 2) return false;
    return !(is_const(g, input_node(g, consumer, 0)) && is_const(g, input_node(g, consumer, 1)));
}

std::string gate_label(const ScalarGraph& g, int node) {
    const Node& n = g.node(node);
    const OpInfo& info = op_info(n.op);
    if (n.op == Op::Input) return n.name;
    if (n.op == Op::Const) return format_number(n.value);
    if (n.op == Op::Neg) return "\xC3\x97\xE2\x88\x92" "1";  // "×−1", the lecture's *(-1) gate
    if (info.arity == 1) return info.symbol;
    const int a = input_node(g, node, 0), b = input_node(g, node, 1);
    const bool ca = is_folded(g, a), cb = is_folded(g, b);
    if (!ca && !cb) return info.symbol;
    const std::string c = format_number(g.node(ca ? a : b).value);
    switch (n.op) {
        case Op::Add: return "+" + c;
        case Op::Mul: return std::string("\xC3\x97") + c;
        case Op::Sub: return cb ? "\xE2\x88\x92" + c : c + "\xE2\x88\x92x";
        case Op::Div: return cb ? "/" + c : c + "/x";
        case Op::Pow: return cb ? "^" + c : c + "^x";
        default: return std::string(info.symbol) + " " + c;  // "max 0"
    }
}

// A box in the layered layout: a visible node, or a waypoint of an edge that skips columns
// (Sugiyama's dummy node), so long edges get a lane of their own instead of crossing boxes.
struct Item {
    int node = -1;  // graph node, or -1 for a waypoint
    int column = 0;
    float row = 0;
    std::vector<int> ins, outs;  // neighbouring items
};

float min_gap(const Item& a, const Item& b) {
    const int real = (a.node >= 0) + (b.node >= 0);
    return real == 2 ? 1.0f : real == 1 ? 0.7f : 0.4f;
}

// Rows in one column: keep the given order, keep the gaps, and sit as close as possible to the
// desired rows (the mean of the neighbours): push down, then re-centre on the desired mean.
void place_column(const std::vector<int>& ids, const std::vector<float>& desired, std::vector<Item>& items) {
    if (ids.empty()) return;
    std::vector<float> y(desired);
    for (size_t k = 1; k < y.size(); ++k) y[k] = std::max(y[k], y[k - 1] + min_gap(items[ids[k - 1]], items[ids[k]]));
    float shift = 0;
    for (size_t k = 0; k < y.size(); ++k) shift += desired[k] - y[k];
    shift /= static_cast<float>(y.size());
    for (size_t k = 0; k < ids.size(); ++k) items[ids[k]].row = y[k] + shift;
}

}  // namespace

GraphLayout layout_graph(const ScalarGraph& g) {
    GraphLayout out;
    const int n = g.size();
    out.places.resize(n);
    out.edge_waypoints.resize(g.edges().size());
    std::vector<int> item_of(n, -1);
    std::vector<Item> items;
    for (int i = 0; i < n; ++i) {
        NodePlace& p = out.places[i];
        p.visible = !is_folded(g, i);
        if (!p.visible) continue;
        p.label = gate_label(g, i);
        for (int slot = 0; slot < op_info(g.node(i).op).arity; ++slot) {
            const int from = input_node(g, i, slot);
            if (out.places[from].visible) p.column = std::max(p.column, out.places[from].column + 1);
        }
        out.columns = std::max(out.columns, p.column + 1);
        item_of[i] = static_cast<int>(items.size());
        items.push_back(Item{i, p.column, 0, {}, {}});
    }
    // Many inputs (a network's weights from the playground, a0*b0 + ... + a99*b99): every node moves
    // right to the column before its first consumer (consumers first, so each sees its consumers'
    // final places). A later layer's weights then sit by their gates, and a long sum's products by
    // their adds: without it each product wired across up to 100 columns, and the edges' waypoints
    // (and the frame's vertices) grew as n^2. Small graphs keep every input on the left, as the
    // lecture draws them.
    int sources = 0;
    for (int i = 0; i < n; ++i) sources += out.places[i].visible && op_info(g.node(i).op).arity == 0;
    if (sources > 8) {
        for (int i = n - 1; i >= 0; --i) {
            NodePlace& p = out.places[i];
            if (!p.visible || g.node(i).out.empty()) continue;
            int first = out.columns;
            for (const int e : g.node(i).out) first = std::min(first, out.places[g.edge(e).to].column);
            p.column = std::max(p.column, first - 1);
            items[item_of[i]].column = p.column;
        }
    }
    // Edges, with a waypoint in every column they skip.
    std::vector<std::vector<int>> edge_items(g.edges().size());
    for (int e = 0; e < static_cast<int>(g.edges().size()); ++e) {
        const Edge& edge = g.edge(e);
        if (!out.places[edge.from].visible) continue;
        int prev = item_of[edge.from];
        for (int c = out.places[edge.from].column + 1; c < out.places[edge.to].column; ++c) {
            const int w = static_cast<int>(items.size());
            items.push_back(Item{-1, c, 0, {prev}, {}});
            items[prev].outs.push_back(w);
            edge_items[e].push_back(w);
            prev = w;
        }
        items[prev].outs.push_back(item_of[edge.to]);
        items[item_of[edge.to]].ins.push_back(prev);
    }

    std::vector<std::vector<int>> columns(out.columns);
    for (int k = 0; k < static_cast<int>(items.size()); ++k) columns[items[k].column].push_back(k);
    for (auto& col : columns)
        for (size_t k = 0; k < col.size(); ++k) items[col[k]].row = static_cast<float>(k);

    auto mean_row = [&](const std::vector<int>& nbrs, int self) {
        if (nbrs.empty()) return items[self].row;
        float sum = 0;
        for (const int m : nbrs) sum += items[m].row;
        return sum / static_cast<float>(nbrs.size());
    };
    // Barycenter sweeps: right-to-left pulls inputs toward their consumers, left-to-right the reverse.
    for (int sweep = 0; sweep < 8; ++sweep) {
        const bool leftward = sweep % 2 == 0;
        for (int c0 = 0; c0 < out.columns; ++c0) {
            const int c = leftward ? out.columns - 1 - c0 : c0;
            std::vector<int>& col = columns[c];
            std::vector<float> desired(col.size());
            for (size_t k = 0; k < col.size(); ++k) {
                const Item& it = items[col[k]];
                const auto& primary = leftward ? it.outs : it.ins;
                desired[k] = mean_row(primary.empty() ? (leftward ? it.ins : it.outs) : primary, col[k]);
            }
            std::vector<size_t> order(col.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return desired[a] < desired[b]; });
            std::vector<int> sorted_ids;
            std::vector<float> sorted_desired;
            for (const size_t k : order) {
                sorted_ids.push_back(col[k]);
                sorted_desired.push_back(desired[k]);
            }
            col = sorted_ids;
            place_column(col, sorted_desired, items);
        }
    }

    bool first = true;
    for (const Item& it : items) {
        if (it.node >= 0) out.places[it.node].row = it.row;
        out.min_row = first ? it.row : std::min(out.min_row, it.row);
        out.max_row = first ? it.row : std::max(out.max_row, it.row);
        first = false;
    }
    for (size_t e = 0; e < edge_items.size(); ++e)
        for (const int w : edge_items[e]) out.edge_waypoints[e].push_back({items[w].column, items[w].row});
    return out;
}

}  // namespace nabla
