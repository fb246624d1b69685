// `nabla grad` when an input is a vector or a matrix: the vectorised graph (engine/tensor_graph.h),
// gradients printed in their inputs' shapes, and --check on every element.
#include <cmath>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/i18n.h"
#include "engine/tensor_graph.h"
#include "lab/json_writer.h"
#include "lab/tensor_json.h"

namespace nabla {

bool every_input_given(const ParsedExpression& parsed, const std::vector<std::pair<std::string, Tensor>>& values, std::ostream& err);  // cli.cpp

int grad_tensor_command(const std::string& expression, const std::vector<std::pair<std::string, Tensor>>& values, bool nodes, bool check,
                        bool csv, std::ostream& out, std::ostream& err) {
    ParseError perr;
    const ParsedExpression parsed = parse_expression(expression, perr);
    TensorGraph g(parsed, expression);
    for (const auto& [name, v] : values) {
        const int id = g.find_input(name);
        if (id < 0) return err << "nabla grad: " << trf("'%s' is not an input of the expression", name.c_str()) << "\n", 1;
        g.set_value(id, v);
    }
    if (!every_input_given(parsed, values, err)) return 1;
    if (!g.forward(perr)) return err << "nabla grad: " << perr.text() << "\n" << perr.caret(expression) << "\n", 1;
    // Every element of every input: what a class types is small (a value holds at most 1024 numbers).
    const std::vector<GradientCheckRow> rows = check ? check_tensor_gradients(g, 1 << 20) : std::vector<GradientCheckRow>{};
    g.backward();

    if (csv) {
        out << tensor_nodes_csv(g);
    } else {
        JsonWriter w;
        w.begin_object();
        write_tensor_expression_json(w, g, parsed.output_name, nodes);
        if (check) write_tensor_check_json(w, g, rows);
        w.end_object();
        out << w.str() << "\n";
    }
    for (int i = 0; i < g.size(); ++i)
        if (const TensorNode& n = g.node(i); !n.finite()) {
            // "log of a negative number at log(q)[2]": the node as it was typed, and the element.
            const std::string where = (n.name.empty() ? g.source(i) : n.name) + element_name(n.value.shape, n.issue_element);
            return err << "nabla grad: " << trf("%s at %s", tr(n.issue), where.c_str()) << "\n", 3;
        }
    for (const TensorNode& n : g.nodes())
        if (n.op == Op::Input)
            for (int k = 0; k < n.grad.size(); ++k)
                if (!std::isfinite(n.grad.data[static_cast<size_t>(k)])) {
                    const std::string where = n.name + element_name(n.value.shape, k);
                    return err << "nabla grad: " << trf("the gradient of %s is not a finite number", where.c_str()) << "\n", 3;
                }
    return 0;
}

}  // namespace nabla
