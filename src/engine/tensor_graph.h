// The vectorised computational graph (lecture 001: q = W·x, f = ‖q‖²): the same nodes and edges as
// a parsed expression's scalar graph, but every value is a number, a vector or a matrix, and every
// gradient has its value's shape. Backward is one vector-Jacobian product per edge; an elementwise
// op's Jacobian is diagonal and never built (its diagonal is kept on the edge as `local`).
#pragma once

#include <string>
#include <vector>

#include "engine/expression_parser.h"
#include "engine/gradient_check.h"
#include "engine/tensor_value.h"

namespace nabla {

struct TensorEdge {
    int from = -1;
    int to = -1;
    int slot = 0;
    // For elementwise ops and sums, ∂(to)/∂(from) element by element (the Jacobian's diagonal, or
    // its one row for sum, mean and norm2), in the shape of whichever side is larger. Empty (size
    // 0) for @ and transpose, whose local gradient is the other operand or a permutation.
    std::vector<double> local;
    Tensor upstream;    // ∂out/∂(to)
    Tensor downstream;  // this edge's share of ∂out/∂(from), in from's shape
};

struct TensorNode {
    Op op = Op::Input;
    std::string name;
    Tensor value;
    Tensor grad;              // ∂out/∂(this node), in the value's shape
    int in[2] = {-1, -1};
    std::vector<int> out;
    const char* issue = nullptr;  // why an element of the value or of a local gradient is not finite
    int issue_element = -1;       // which element, row-major
    bool finite() const { return issue == nullptr; }
};

class TensorGraph {
public:
    // The structure of `parsed` (nodes, edges, names, constants, spans into `text`); inputs keep
    // their parsed values (numbers) until set_value.
    TensorGraph(const ParsedExpression& parsed, const std::string& text);

    void set_value(int input_node, const Tensor& value);
    int find_input(const std::string& name) const;

    // Works out every node's shape from its inputs' and evaluates it. Refuses (false, with the
    // message, the operator's position and a hint) an @ or a broadcast whose shapes do not fit, a
    // value over kMaxTensorElements, and an output that is not a number (backprop starts from one).
    bool forward(ParseError& error);
    // backward() = begin_backward() then propagate() from the output down, as in scalar_graph.h.
    void backward();
    void begin_backward();
    void propagate(int node);

    // ∂(node)/∂(its input `slot`) as a matrix: a row per element of the node, a column per element
    // of the input, each row one vector-Jacobian product with a unit upstream.
    Tensor jacobian(int node, int slot) const;
    // The text a node came from ("W @ x"), cut to `max_chars` characters.
    std::string source(int node, int max_chars = 40) const;

    const std::vector<TensorNode>& nodes() const { return nodes_; }
    const std::vector<TensorEdge>& edges() const { return edges_; }
    const TensorNode& node(int i) const { return nodes_[static_cast<size_t>(i)]; }
    const TensorEdge& edge(int i) const { return edges_[static_cast<size_t>(i)]; }
    int size() const { return static_cast<int>(nodes_.size()); }
    int output() const { return output_; }
    const std::string& output_name() const { return output_name_; }

private:
    std::vector<TensorNode> nodes_;
    std::vector<TensorEdge> edges_;
    std::vector<SourceSpan> spans_;
    std::string text_;
    std::string output_name_;  // the last statement's name: "f" in q = W @ x; f = q, whose node is q
    int output_ = -1;

    bool infer_shape(int node, Shape& shape, ParseError& error) const;
    void evaluate(int node);
    // This edge's downstream for the upstream `g` (shaped as the edge's `to`).
    Tensor vector_jacobian(int edge, const Tensor& g) const;
    const Tensor& input_value(int node, int slot) const { return nodes_[static_cast<size_t>(edges_[static_cast<size_t>(nodes_[static_cast<size_t>(node)].in[slot])].from)].value; }
};

// Central differences for every element of every input (up to `max_elements` of them, taken in
// turn from each input so all are seen), each row naming its input node and element.
std::vector<GradientCheckRow> check_tensor_gradients(TensorGraph& graph, int max_elements);

}  // namespace nabla
