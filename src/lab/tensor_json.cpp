#include "lab/tensor_json.h"

#include "lab/json_writer.h"
#include "lab/tensor_text.h"

namespace nabla {

void write_tensor(JsonWriter& w, const Tensor& t) {
    if (t.shape.rank == 0) {
        w.value(t.data[0]);
        return;
    }
    if (t.shape.rank == 2) w.begin_array();
    for (int r = 0; r < t.shape.rows2(); ++r) {
        w.begin_array();
        for (int c = 0; c < t.shape.cols2(); ++c) w.value(t.at(r, c));
        w.end_array();
    }
    if (t.shape.rank == 2) w.end_array();
}

void write_shape(JsonWriter& w, const Shape& s) {
    w.begin_array();
    for (int k = 0; k < s.rank; ++k) w.value(s.dims[k]);
    w.end_array();
}

void write_tensor_expression_json(JsonWriter& w, const TensorGraph& g, const std::string& output_name, bool with_nodes) {
    const TensorNode& out = g.node(g.output());
    w.key("output").begin_object().key("name").value(output_name).key("value");
    write_tensor(w, out.value);
    w.key("shape");
    write_shape(w, out.value.shape);
    if (!out.finite()) w.key("issue").value(out.issue);
    w.end_object();
    w.key("gradients").begin_object();
    for (const TensorNode& n : g.nodes())
        if (n.op == Op::Input) write_tensor(w.key(n.name), n.grad);
    w.end_object();
    w.key("shapes").begin_object();
    for (const TensorNode& n : g.nodes())
        if (n.op == Op::Input) write_shape(w.key(n.name), n.value.shape);
    w.end_object();
    if (!with_nodes) return;
    w.key("nodes").begin_array();
    for (int i = 0; i < g.size(); ++i) {
        const TensorNode& n = g.node(i);
        w.begin_object().key("id").value(i).key("op").value(op_info(n.op).name);
        if (!n.name.empty()) w.key("name").value(n.name);
        w.key("shape");
        write_shape(w, n.value.shape);
        write_tensor(w.key("value"), n.value);
        write_tensor(w.key("grad"), n.grad);
        w.key("inputs").begin_array();
        for (int slot = 0; slot < op_info(n.op).arity; ++slot) {
            const TensorEdge& e = g.edge(n.in[slot]);
            w.begin_object().key("from").value(e.from);
            write_tensor(w.key("upstream"), e.upstream);
            write_tensor(w.key("downstream"), e.downstream);
            w.end_object();
        }
        w.end_array();
        if (!n.finite()) w.key("issue").value(n.issue).key("issue_element").value(element_name(n.value.shape, n.issue_element));
        w.end_object();
    }
    w.end_array();
}

void write_tensor_check_json(JsonWriter& w, const TensorGraph& g, const std::vector<GradientCheckRow>& rows) {
    w.key("check").begin_array();
    for (const GradientCheckRow& r : rows)
        w.begin_object().key("input").value(g.node(r.input).name).key("element").value(element_name(g.node(r.input).value.shape, r.element))
            .key("analytic").value(r.analytic).key("numeric").value(r.numeric).key("numeric_error").value(r.numeric_error)
            .key("step").value(r.step).key("relative_error").value(r.relative_error).key("agrees").value(r.agrees).end_object();
    w.end_array();
}

std::string tensor_nodes_csv(const TensorGraph& g) {
    std::string out = "node,name,op,shape,value,gradient\n";
    for (int i = 0; i < g.size(); ++i) {
        const TensorNode& n = g.node(i);
        out += std::to_string(i) + "," + n.name + "," + op_info(n.op).name + "," + n.value.shape.text() + ",\"" + tensor_text(n.value) +
               "\",\"" + tensor_text(n.grad) + "\"\n";
    }
    return out;
}

}  // namespace nabla
