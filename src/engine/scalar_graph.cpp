// Forward in index order, backward in reverse index order: the two passes of lecture 004.
#include "engine/scalar_graph.h"

#include <cassert>
#include <cmath>

namespace nabla {

int ScalarGraph::add_input(const std::string& name, double value) {
    Node n;
    n.op = Op::Input;
    n.name = name;
    n.value = value;
    nodes_.push_back(n);
    evaluate(size() - 1);
    return size() - 1;
}

int ScalarGraph::add_const(double value) {
    Node n;
    n.op = Op::Const;
    n.value = value;
    nodes_.push_back(n);
    evaluate(size() - 1);
    return size() - 1;
}

int ScalarGraph::add_op(Op op, int a, int b) {
    const int arity = op_info(op).arity;
    assert(arity >= 1 && "add_op: use add_input or add_const for leaves");
    assert(a >= 0 && a < size() && (arity == 1 || (b >= 0 && b < size())) && "add_op: input index out of range");
    Node n;
    n.op = op;
    nodes_.push_back(n);
    const int id = size() - 1;
    connect(a, id, 0);
    if (arity == 2) connect(b, id, 1);
    evaluate(id);
    return id;
}

void ScalarGraph::connect(int from, int to, int slot) {
    Edge e;
    e.from = from;
    e.to = to;
    e.slot = slot;
    edges_.push_back(e);
    const int id = static_cast<int>(edges_.size()) - 1;
    nodes_[to].in[slot] = id;
    nodes_[from].out.push_back(id);
}

void ScalarGraph::set_value(int input_node, double value) {
    assert(nodes_[input_node].op == Op::Input && "set_value: only inputs have free values");
    nodes_[input_node].value = value;
}

int ScalarGraph::find_input(const std::string& name) const {
    for (int i = 0; i < size(); ++i)
        if (nodes_[i].op == Op::Input && nodes_[i].name == name) return i;
    return -1;
}

void ScalarGraph::evaluate(int i) {
    Node& n = nodes_[i];
    if (n.op == Op::Input || n.op == Op::Const) {
        n.issue = std::isfinite(n.value) ? nullptr : "this value is not a finite number";
        return;
    }
    const bool binary = op_info(n.op).arity == 2;
    const Node& a = nodes_[edges_[n.in[0]].from];
    const Node* b = binary ? &nodes_[edges_[n.in[1]].from] : nullptr;
    const OpEval r = evaluate_op(n.op, a.value, b ? b->value : 0.0, b && b->op == Op::Const);
    n.value = r.value;
    n.issue = r.issue;
    edges_[n.in[0]].local = r.local[0];
    if (binary) edges_[n.in[1]].local = r.local[1];
}

void ScalarGraph::forward() {
    for (int i = 0; i < size(); ++i) evaluate(i);
}

void ScalarGraph::begin_backward(int output) {
    for (Node& n : nodes_) n.grad = 0;
    for (Edge& e : edges_) e.upstream = e.downstream = 0;
    nodes_[output].grad = 1;
}

void ScalarGraph::propagate(int node) {
    const Node& n = nodes_[node];
    for (int slot = 0; slot < op_info(n.op).arity; ++slot) {
        Edge& e = edges_[n.in[slot]];
        e.upstream = n.grad;
        e.downstream = e.upstream * e.local;
        nodes_[e.from].grad += e.downstream;
    }
}

void ScalarGraph::backward(int output) {
    begin_backward(output);
    for (int i = output; i >= 0; --i) propagate(i);
}

}  // namespace nabla
