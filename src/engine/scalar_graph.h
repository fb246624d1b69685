// A computational graph of scalar nodes with reverse-mode autodiff, kept fully inspectable:
// every node's value and gradient, every edge's local, upstream and downstream gradient.
// Does not parse text (expression_parser.h) and does not lay anything out (lab/graph_layout.h).
#pragma once

#include <string>
#include <vector>

#include "engine/scalar_ops.h"

namespace nabla {

// An edge carries a value from node `from` into input `slot` of node `to`, and a gradient back.
struct Edge {
    int from = -1;
    int to = -1;
    int slot = 0;
    double local = 0;       // d(to)/d(from), computed in the forward pass
    double upstream = 0;    // dOut/d(to) at the time `to` propagated
    double downstream = 0;  // upstream * local: this edge's share of dOut/d(from)
};

struct Node {
    Op op = Op::Input;
    std::string name;       // input name, or a statement's name ("q" in q = x + y); may be empty
    double value = 0;
    double grad = 0;        // dOut/d(this node): the sum of the downstream gradients of its out-edges
    int in[2] = {-1, -1};   // edge indices of the inputs, by slot
    std::vector<int> out;   // edge indices of the consumers
    const char* issue = nullptr;  // why value or a local gradient is not finite, if so
    bool finite() const { return issue == nullptr; }
};

class ScalarGraph {
public:
    // Nodes are appended after their inputs, so index order is a topological order.
    int add_input(const std::string& name, double value);
    int add_const(double value);
    int add_op(Op op, int a, int b = -1);

    void set_value(int input_node, double value);
    int find_input(const std::string& name) const;  // -1 if there is none

    // Recomputes every value and local gradient in index order.
    void forward();
    // backward() = begin_backward() then propagate() for every node, from the output down.
    void backward(int output);
    void begin_backward(int output);  // zeroes all gradients, then dOut/dOut = 1
    // Sends node's gradient down its in-edges: downstream = upstream * local, summed (+=) into
    // each input's gradient, so a node that feeds several consumers sums its branches.
    void propagate(int node);

    const std::vector<Node>& nodes() const { return nodes_; }
    const std::vector<Edge>& edges() const { return edges_; }
    const Node& node(int i) const { return nodes_[i]; }
    const Edge& edge(int i) const { return edges_[i]; }
    int size() const { return static_cast<int>(nodes_.size()); }
    Node& node_mut(int i) { return nodes_[i]; }

private:
    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    void connect(int from, int to, int slot);
    void evaluate(int i);
};

}  // namespace nabla
