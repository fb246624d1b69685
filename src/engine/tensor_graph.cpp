// Shapes first, then values, node by node in index order; backward in reverse index order.
// Every op's forward and its vector-Jacobian products sit in this file side by side.
#include "engine/tensor_graph.h"

#include <algorithm>
#include <cmath>

#include "engine/i18n.h"

namespace nabla {
namespace {

// numpy's rule on the right-aligned dimensions: each pair equal, or one of them 1.
bool broadcast_shape(const Shape& a, const Shape& b, Shape& out) {
    const int ra = a.rows2(), rb = b.rows2(), ca = a.cols2(), cb = b.cols2();
    if ((ra != rb && ra != 1 && rb != 1) || (ca != cb && ca != 1 && cb != 1)) return false;
    const int rank = std::max(a.rank, b.rank);
    out = rank == 0 ? Shape::scalar() : rank == 1 ? Shape::vector(std::max(ca, cb)) : Shape::matrix(std::max(ra, rb), std::max(ca, cb));
    return true;
}

}  // namespace

TensorGraph::TensorGraph(const ParsedExpression& parsed, const std::string& text)
    : spans_(parsed.spans), text_(text), output_name_(parsed.output_name), output_(parsed.output) {
    const ScalarGraph& g = parsed.graph;
    for (const Node& n : g.nodes()) {
        TensorNode t;
        t.op = n.op;
        t.name = n.name;
        t.value = Tensor(n.value);
        t.in[0] = n.in[0];
        t.in[1] = n.in[1];
        t.out = n.out;
        nodes_.push_back(std::move(t));
    }
    for (const Edge& e : g.edges()) {
        TensorEdge t;
        t.from = e.from;
        t.to = e.to;
        t.slot = e.slot;
        edges_.push_back(std::move(t));
    }
}

void TensorGraph::set_value(int input_node, const Tensor& value) { nodes_[static_cast<size_t>(input_node)].value = value; }

int TensorGraph::find_input(const std::string& name) const {
    for (int i = 0; i < size(); ++i)
        if (nodes_[static_cast<size_t>(i)].op == Op::Input && nodes_[static_cast<size_t>(i)].name == name) return i;
    return -1;
}

std::string TensorGraph::source(int node, int max_chars) const {
    const SourceSpan& s = spans_[static_cast<size_t>(node)];
    const std::string whole = text_.substr(static_cast<size_t>(s.begin), static_cast<size_t>(s.end - s.begin));
    int chars = 0;
    for (size_t i = 0; i < whole.size(); ++i)
        if ((static_cast<unsigned char>(whole[i]) & 0xC0) != 0x80 && ++chars > max_chars) return whole.substr(0, i) + "\xE2\x80\xA6";
    return whole;
}

bool TensorGraph::infer_shape(int i, Shape& shape, ParseError& error) const {
    const TensorNode& n = nodes_[static_cast<size_t>(i)];
    const int arity = op_info(n.op).arity;
    if (arity == 0) {
        shape = n.value.shape;
        return true;
    }
    const Shape a = input_value(i, 0).shape;
    const Shape b = arity == 2 ? input_value(i, 1).shape : Shape{};
    const int at = spans_[static_cast<size_t>(i)].at;
    const std::string where = source(i);
    if (is_elementwise_binary(n.op)) {
        if (!broadcast_shape(a, b, shape)) {
            error = {trf("%s: %s %s %s do not fit", where.c_str(), a.text().c_str(), op_info(n.op).symbol, b.text().c_str()), at,
                     tr("elementwise, shapes must be equal, or one a number, or a vector as long as each row of the matrix")};
            return false;
        }
    } else if (n.op == Op::MatMul) {
        if ((a.rank == 0) != (b.rank == 0)) {
            error = {trf("%s: %s @ %s: @ multiplies vectors and matrices", where.c_str(), a.text().c_str(), b.text().c_str()), at,
                     tr("use * to scale by a number")};
            return false;
        }
        const MatMulDims d = matmul_dims(a, b);
        const int k_right = b.rank == 0 ? 1 : b.dims[0];
        if (d.k != k_right) {
            error = {trf("%s: %s @ %s does not fit", where.c_str(), a.text().c_str(), b.text().c_str()), at,
                     trf("the left's last dimension (%d) must equal the right's first (%d)", d.k, k_right)};
            return false;
        }
        shape = a.rank == 2 && b.rank == 2 ? Shape::matrix(d.m, d.p)
              : a.rank == 2               ? Shape::vector(d.m)
              : b.rank == 2               ? Shape::vector(d.p)
                                          : Shape::scalar();
    } else if (n.op == Op::Transpose) {
        shape = a.rank == 2 ? Shape::matrix(a.dims[1], a.dims[0]) : a;
    } else if (is_reduction(n.op)) {
        shape = Shape::scalar();
    } else {
        shape = a;  // elementwise unary
    }
    // Rows times columns can overflow int before the limit is compared: count in 64 bits.
    const long long elements = static_cast<long long>(shape.rows2()) * shape.cols2();
    if (elements > kMaxTensorElements) {
        error = {trf("%s makes %s: more than %d numbers in one value", where.c_str(), shape.text().c_str(), kMaxTensorElements), at, ""};
        return false;
    }
    return true;
}

void TensorGraph::evaluate(int i) {
    TensorNode& n = nodes_[static_cast<size_t>(i)];
    n.issue = nullptr;
    n.issue_element = -1;
    const auto note = [&](const char* issue, int element) {
        if (!n.issue) n.issue = issue, n.issue_element = element;
    };
    const int arity = op_info(n.op).arity;
    if (arity == 0) {
        for (int k = 0; k < n.value.size(); ++k)
            if (!std::isfinite(n.value.data[static_cast<size_t>(k)])) note("this value is not a finite number", k);
        return;
    }
    const Tensor& a = input_value(i, 0);
    TensorEdge& ea = edges_[static_cast<size_t>(n.in[0])];
    ea.local.clear();
    if (is_elementwise(n.op)) {
        const bool binary = arity == 2;
        const Tensor& b = binary ? input_value(i, 1) : a;
        TensorEdge* eb = binary ? &edges_[static_cast<size_t>(n.in[1])] : nullptr;
        const bool exponent_is_constant = binary && nodes_[static_cast<size_t>(eb->from)].op == Op::Const;
        const int rows = n.value.shape.rows2(), cols = n.value.shape.cols2();
        ea.local.assign(static_cast<size_t>(n.value.size()), 0.0);
        if (eb) eb->local.assign(static_cast<size_t>(n.value.size()), 0.0);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                const int k = r * cols + c;
                const double x = a.data[static_cast<size_t>(binary ? broadcast_index(a.shape, r, c) : k)];
                const double y = binary ? b.data[static_cast<size_t>(broadcast_index(b.shape, r, c))] : 0.0;
                const OpEval e = evaluate_op(n.op, x, y, exponent_is_constant);
                n.value.data[static_cast<size_t>(k)] = e.value;
                ea.local[static_cast<size_t>(k)] = e.local[0];
                if (eb) eb->local[static_cast<size_t>(k)] = e.local[1];
                if (e.issue) note(e.issue, k);
            }
        return;
    }
    if (n.op == Op::MatMul) {
        const Tensor& b = input_value(i, 1);
        edges_[static_cast<size_t>(n.in[1])].local.clear();
        const MatMulDims d = matmul_dims(a.shape, b.shape);
        for (int r = 0; r < d.m; ++r)
            for (int c = 0; c < d.p; ++c) {
                double s = 0;
                for (int k = 0; k < d.k; ++k) s += a.data[static_cast<size_t>(r * d.k + k)] * b.data[static_cast<size_t>(k * d.p + c)];
                n.value.data[static_cast<size_t>(r * d.p + c)] = s;
            }
    } else if (n.op == Op::Transpose) {
        const int rows = a.shape.rows2(), cols = a.shape.cols2();
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                n.value.data[static_cast<size_t>(a.shape.rank == 2 ? c * rows + r : r * cols + c)] = a.data[static_cast<size_t>(r * cols + c)];
    } else {  // sum, mean, norm2: one number; the local gradient is the Jacobian's one row
        double s = 0;
        ea.local.resize(a.data.size());
        const double count = static_cast<double>(a.size());
        for (size_t k = 0; k < a.data.size(); ++k) {
            const double x = a.data[k];
            s += n.op == Op::Norm2 ? x * x : x;
            ea.local[k] = n.op == Op::Norm2 ? 2 * x : n.op == Op::Mean ? 1 / count : 1;
        }
        n.value.data[0] = n.op == Op::Mean ? s / count : s;
    }
    for (int k = 0; k < n.value.size(); ++k)
        if (!std::isfinite(n.value.data[static_cast<size_t>(k)])) {
            bool inputs_finite = true;
            for (int slot = 0; slot < arity; ++slot)
                for (const double x : input_value(i, slot).data) inputs_finite = inputs_finite && std::isfinite(x);
            note(inputs_finite ? "the result is not a finite number" : "an input is not a finite number", k);
        }
}

bool TensorGraph::forward(ParseError& error) {
    for (int i = 0; i < size(); ++i) {
        TensorNode& n = nodes_[static_cast<size_t>(i)];
        Shape shape;
        if (!infer_shape(i, shape, error)) return false;
        if (op_info(n.op).arity > 0 && (n.value.shape != shape || n.value.size() != shape.size())) n.value = Tensor(shape, 0.0);
        evaluate(i);
    }
    const TensorNode& out = nodes_[static_cast<size_t>(output_)];
    if (!out.value.is_scalar()) {
        error = {trf("the output %s is %s: backprop starts from a number", output_name_.c_str(), out.value.shape.text().c_str()),
                 spans_[static_cast<size_t>(output_)].at, tr("end with one, e.g. f = sum(q) or f = norm2(q)")};
        return false;
    }
    return true;
}

void TensorGraph::begin_backward() {
    for (TensorNode& n : nodes_) n.grad = Tensor(n.value.shape, 0.0);
    for (TensorEdge& e : edges_) {
        e.upstream = Tensor(nodes_[static_cast<size_t>(e.to)].value.shape, 0.0);
        e.downstream = Tensor(nodes_[static_cast<size_t>(e.from)].value.shape, 0.0);
    }
    nodes_[static_cast<size_t>(output_)].grad.data[0] = 1;
}

Tensor TensorGraph::vector_jacobian(int edge, const Tensor& g) const {
    const TensorEdge& e = edges_[static_cast<size_t>(edge)];
    const TensorNode& n = nodes_[static_cast<size_t>(e.to)];
    const Tensor& from = nodes_[static_cast<size_t>(e.from)].value;
    Tensor down(from.shape, 0.0);
    const auto G = [&](int k) { return g.data[static_cast<size_t>(k)]; };
    if (is_elementwise_binary(n.op)) {
        // The diagonal times the upstream, summed back over the dimensions a broadcast repeated.
        const int rows = n.value.shape.rows2(), cols = n.value.shape.cols2();
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                down.data[static_cast<size_t>(broadcast_index(from.shape, r, c))] += G(r * cols + c) * e.local[static_cast<size_t>(r * cols + c)];
    } else if (is_elementwise_unary(n.op)) {
        for (int k = 0; k < down.size(); ++k) down.data[static_cast<size_t>(k)] = G(k) * e.local[static_cast<size_t>(k)];
    } else if (is_reduction(n.op)) {
        for (int k = 0; k < down.size(); ++k) down.data[static_cast<size_t>(k)] = G(0) * e.local[static_cast<size_t>(k)];
    } else if (n.op == Op::MatMul) {
        // q = A B: ∂f/∂A = G Bᵀ, ∂f/∂B = Aᵀ G (for q = W x and f = ‖q‖²: 2q·xᵀ and 2Wᵀq).
        const Tensor& a = input_value(e.to, 0);
        const Tensor& b = input_value(e.to, 1);
        const MatMulDims d = matmul_dims(a.shape, b.shape);
        for (int r = 0; r < d.m; ++r)
            for (int c = 0; c < d.p; ++c)
                for (int k = 0; k < d.k; ++k) {
                    if (e.slot == 0) down.data[static_cast<size_t>(r * d.k + k)] += G(r * d.p + c) * b.data[static_cast<size_t>(k * d.p + c)];
                    else down.data[static_cast<size_t>(k * d.p + c)] += a.data[static_cast<size_t>(r * d.k + k)] * G(r * d.p + c);
                }
    } else {  // transpose: the upstream transposed back
        const int rows = from.shape.rows2(), cols = from.shape.cols2();
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                down.data[static_cast<size_t>(r * cols + c)] = G(from.shape.rank == 2 ? c * rows + r : r * cols + c);
    }
    return down;
}

void TensorGraph::propagate(int node) {
    const TensorNode& n = nodes_[static_cast<size_t>(node)];
    for (int slot = 0; slot < op_info(n.op).arity; ++slot) {
        const int id = n.in[slot];
        TensorEdge& e = edges_[static_cast<size_t>(id)];
        e.upstream = n.grad;
        e.downstream = vector_jacobian(id, n.grad);
        Tensor& into = nodes_[static_cast<size_t>(e.from)].grad;
        for (size_t k = 0; k < into.data.size(); ++k) into.data[k] += e.downstream.data[k];
    }
}

void TensorGraph::backward() {
    begin_backward();
    for (int i = output_; i >= 0; --i) propagate(i);
}

Tensor TensorGraph::jacobian(int node, int slot) const {
    const TensorNode& n = nodes_[static_cast<size_t>(node)];
    const int edge = n.in[slot];
    const int rows = n.value.size(), cols = nodes_[static_cast<size_t>(edges_[static_cast<size_t>(edge)].from)].value.size();
    Tensor j(Shape::matrix(rows, cols), 0.0);
    Tensor unit(n.value.shape, 0.0);
    for (int r = 0; r < rows; ++r) {
        unit.data[static_cast<size_t>(r)] = 1;
        const Tensor row = vector_jacobian(edge, unit);
        std::copy(row.data.begin(), row.data.end(), j.data.begin() + static_cast<std::ptrdiff_t>(r) * cols);
        unit.data[static_cast<size_t>(r)] = 0;
    }
    return j;
}

std::vector<GradientCheckRow> check_tensor_gradients(TensorGraph& graph, int max_elements) {
    std::vector<GradientCheckRow> rows;
    ParseError ignored;
    if (!graph.forward(ignored)) return rows;
    graph.backward();
    std::vector<int> inputs;
    int longest = 0;
    for (int i = 0; i < graph.size(); ++i)
        if (graph.node(i).op == Op::Input) inputs.push_back(i), longest = std::max(longest, graph.node(i).value.size());
    for (int k = 0; k < longest && static_cast<int>(rows.size()) < max_elements; ++k)
        for (const int input : inputs) {
            if (k >= graph.node(input).value.size() || static_cast<int>(rows.size()) >= max_elements) continue;
            Tensor value = graph.node(input).value;
            const double x = value.data[static_cast<size_t>(k)];
            const std::function<double(double)> f = [&](double v) {
                value.data[static_cast<size_t>(k)] = v;
                graph.set_value(input, value);
                ParseError unused;
                graph.forward(unused);
                return graph.node(graph.output()).value.data[0];
            };
            GradientCheckRow row = check_one(graph.node(input).grad.data[static_cast<size_t>(k)], f, x);
            value.data[static_cast<size_t>(k)] = x;
            graph.set_value(input, value);
            row.input = input;
            row.element = k;
            rows.push_back(row);
        }
    graph.forward(ignored);
    graph.backward();
    return rows;
}

}  // namespace nabla
