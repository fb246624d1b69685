#include "lab/graph_quiz.h"

#include <algorithm>
#include <cmath>

#include "engine/expression_parser.h"
#include "engine/i18n.h"
#include "engine/number_text.h"
#include "nn/rng.h"

namespace nabla {

std::vector<int> quiz_order(const ScalarGraph& g, int output, const std::vector<int>& backprop_order) {
    std::vector<int> waiting(g.size(), 0);  // consumers that have not propagated yet
    for (int i = 0; i < g.size(); ++i) waiting[i] = static_cast<int>(g.node(i).out.size());
    std::vector<int> order;
    for (const int gate : backprop_order) {
        const Node& n = g.node(gate);
        for (int slot = 0; slot < op_info(n.op).arity; ++slot) {
            const int from = g.edge(n.in[slot]).from;
            if (--waiting[from] == 0 && from != output && g.node(from).op != Op::Const) order.push_back(from);
        }
    }
    return order;
}

std::string quiz_hint(const ScalarGraph& g, int node, const std::string& output_name) {
    const Node& n = g.node(node);
    if (n.out.empty()) return "";  // the output, or a value nothing uses
    std::vector<int> gates;        // x * x is one gate with two edges from x
    for (const int e : n.out)
        if (std::find(gates.begin(), gates.end(), g.edge(e).to) == gates.end()) gates.push_back(g.edge(e).to);
    if (n.out.size() >= 2)
        return gates.size() >= 2 ? trf("it feeds %d gates: the branches sum, so add the gradient each one sends back", static_cast<int>(gates.size()))
                                 : tr("it is both inputs of one gate: the branches sum, so add the gradient of each input edge");
    const Edge& e = g.edge(n.out[0]);
    const Node& gate = g.node(e.to);
    const std::string up = short_number(gate.grad);
    switch (gate.op) {
        case Op::Add: return trf("add distributes: it passes its upstream %s to each input unchanged", up.c_str());
        case Op::Sub: return trf("subtract: the upstream %s to the first input, its negative to the second", up.c_str());
        case Op::Mul: return trf("mul swaps: upstream %s times the other input's value", up.c_str());
        case Op::Max: return trf("max routes: all of the upstream %s to the larger input, 0 to the other", up.c_str());
        case Op::Min: return trf("min routes: all of the upstream %s to the smaller input, 0 to the other", up.c_str());
        default: break;
    }
    return trf("upstream \xE2\x88\x82%s/\xE2\x88\x82(%s) = %s times the %s gate's local gradient", output_name.c_str(), op_info(gate.op).name,
               up.c_str(), op_info(gate.op).name);
}

namespace {

// An expression tree written as text, with the names it used. Parentheses only where the text
// would otherwise parse as another tree (the graph shown is the tree drawn).
struct Builder {
    Rng rng;
    int level;
    std::vector<std::string> names;  // inputs so far

    struct Text {
        std::string s;
        int precedence;  // 1: a sum, 2: a product, 3: a square, 4: a name or a call
    };
    static std::string wrap(const Text& t, int least) { return t.precedence >= least ? t.s : "(" + t.s + ")"; }

    Text fresh() {
        static const char* const kNames[] = {"a", "b", "c", "d", "e", "g", "h"};
        names.push_back(kNames[names.size() % 7]);
        return {names.back(), 4};
    }
    Text leaf() {
        // A name used again makes a branch (its gradients sum): from level 2, one time in four.
        if (level >= 2 && !names.empty() && rng.below(4) == 0) return {names[rng.below(static_cast<std::uint32_t>(names.size()))], 4};
        return fresh();
    }
    Text tree(int budget) {
        if (budget <= 0) return leaf();
        if (level >= 3 && rng.below(3) == 0) {  // a one-input gate
            static const char* const kUnary[] = {"exp", "sigmoid", "tanh", "relu", "inv", "square"};
            const std::string u = kUnary[rng.below(6)];
            const Text inner = tree(budget - 1);
            if (u == "inv") return {"1 / " + wrap(inner, 3), 2};
            if (u == "square") return {wrap(inner, 4) + "^2", 3};  // (a^2)^2, not a^2^2 = a^(2^2)
            return {u + "(" + inner.s + ")", 4};
        }
        const int left = static_cast<int>(rng.below(static_cast<std::uint32_t>(budget)));
        const Text a = tree(left);
        Text b = tree(budget - 1 - left);
        if (b.s == a.s) b = fresh();  // not a - a or max(a, a): a branch, but a gate that says nothing
        switch (rng.below(level >= 2 ? 4 : 2)) {
            case 0: return {a.s + " + " + wrap(b, 2), 1};
            case 1: return {wrap(a, 2) + " * " + wrap(b, 3), 2};
            case 2: return {a.s + " - " + wrap(b, 2), 1};
            default: return {"max(" + a.s + ", " + b.s + ")", 4};
        }
    }
};

double draw_value(Rng& rng, int level) {
    double v = 0;
    while (v == 0) v = level >= 3 ? std::round(rng.uniform(-2, 2) * 10) / 10 : static_cast<double>(static_cast<int>(rng.below(11)) - 5);
    return v;
}

// No gate on a kink and nothing too large: a max of equal inputs, relu at 0, 1/x near 0 would make
// the analytic gradient one of several (or huge), and the quiz's answer a convention.
bool well_posed(const ScalarGraph& g) {
    for (const Node& n : g.nodes()) {
        if (!n.finite() || std::abs(n.value) > 1e3 || std::abs(n.grad) > 1e3) return false;
        if (n.op == Op::Max || n.op == Op::Min) {
            const double a = g.node(g.edge(n.in[0]).from).value, b = g.node(g.edge(n.in[1]).from).value;
            if (std::abs(a - b) < 0.05) return false;
        }
        if (n.op == Op::Relu && std::abs(g.node(g.edge(n.in[0]).from).value) < 0.05) return false;
        if (n.op == Op::Div && std::abs(g.node(g.edge(n.in[1]).from).value) < 0.2) return false;
    }
    return true;
}

}  // namespace

Exercise random_exercise(int level, std::uint64_t seed) {
    level = level < QuizLevel::easy ? QuizLevel::easy : level > QuizLevel::hard ? QuizLevel::hard : level;
    Rng rng(seed * 7919 + static_cast<std::uint64_t>(level));
    const int lo = level == 1 ? 2 : level == 2 ? 3 : 4, hi = level == 1 ? 3 : level == 2 ? 5 : 6;
    for (int attempt = 0;; ++attempt) {
        Builder b{Rng(rng.next_u32()), level, {}};
        Exercise ex{"f = " + b.tree(lo + static_cast<int>(rng.below(static_cast<std::uint32_t>(hi - lo + 1)))).s, {}};
        ParseError err;
        ParsedExpression p = parse_expression(ex.expression, err);
        if (!p.ok()) {  // cannot happen with this grammar; drawn again rather than shown
            if (attempt > 1000) return {"f = (a + b) * c", {{"a", -2}, {"b", 5}, {"c", -4}}};
            continue;
        }
        for (int tries = 0; tries < 20; ++tries) {
            ex.values.clear();
            for (const int id : p.inputs) {
                const double v = draw_value(rng, level);
                ex.values.emplace_back(p.graph.node(id).name, v);
                p.graph.set_value(id, v);
            }
            p.graph.forward();
            p.graph.backward(p.output);
            if (well_posed(p.graph)) return ex;
        }
        if (attempt > 1000) return {"f = (a + b) * c", {{"a", -2}, {"b", 5}, {"c", -4}}};  // the lecture's, never reached in practice
    }
}

}  // namespace nabla
