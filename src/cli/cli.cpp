// `nabla grad "<expression>" x=1 y=2 [--nodes] [--check]`: prints one JSON object.
#include "cli/cli.h"

#include <cmath>

#include "engine/expression_parser.h"
#include "engine/gradient_check.h"
#include "lab/graph_lab.h"
#include "lab/json_writer.h"
#include "lab/url_codec.h"

namespace nabla {

int train_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);  // cli_train.cpp

namespace {

const char* kUsage =
    "usage: nabla train --help  (train an MLP on a generated dataset; prints loss and accuracy per epoch)\n"
    "       nabla grad \"<expression>\" name=value ... [--nodes] [--check]\n"
    "  prints the output value and the gradient of every input as JSON\n"
    "  --nodes  also every node: op, value, gradient, and each input edge's local/upstream/downstream\n"
    "  --check  also a central-difference gradient check per input\n"
    "example: nabla grad \"f = (x + y) * z\" x=-2 y=5 z=-4\n";

int grad_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string expression;
    bool nodes = false, check = false, have_expression = false;
    std::vector<std::pair<std::string, double>> values;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--nodes") { nodes = true; continue; }
        if (a == "--check") { check = true; continue; }
        if (a.rfind("--", 0) == 0) return err << "nabla grad: unknown flag " << a << "\n" << kUsage, 2;
        if (!have_expression) { expression = a; have_expression = true; continue; }
        const size_t eq = a.find('=');
        double v = 0;
        if (eq == std::string::npos || eq == 0 || !parse_finite(a.substr(eq + 1), v))
            return err << "nabla grad: expected name=number, got '" << a << "'\n", 2;
        for (const auto& [name, given] : values)
            if (name == a.substr(0, eq)) return err << "nabla grad: " << name << " is given twice\n", 2;
        values.emplace_back(a.substr(0, eq), v);
    }
    if (!have_expression) return err << kUsage, 2;

    ParseError perr;
    ParsedExpression parsed = parse_expression(expression, perr);
    if (!parsed.ok()) return err << "nabla grad: " << perr.text() << "\n" << perr.caret(expression) << "\n", 1;
    ScalarGraph& g = parsed.graph;
    for (const auto& [name, v] : values) {
        const int id = g.find_input(name);
        if (id < 0) return err << "nabla grad: '" << name << "' is not an input of the expression\n", 1;
        g.set_value(id, v);
    }
    for (const int id : parsed.inputs) {
        bool given = false;
        for (const auto& nv : values) given = given || nv.first == g.node(id).name;
        if (!given) return err << "nabla grad: no value for input '" << g.node(id).name << "': add "
                               << g.node(id).name << "=<number>\n", 1;
    }
    const std::vector<GradientCheckRow> rows = check_gradients(g, parsed.output);

    JsonWriter w;
    w.begin_object();
    write_expression_json(w, parsed, nodes);
    if (check) write_check_json(w, g, rows);
    w.end_object();
    out << w.str() << "\n";
    // Anything not finite (the output, a gradient, a local gradient on the way) is reported by the
    // exit code and a line naming where and why, never silently as null or 0.
    for (int i = 0; i < g.size(); ++i)
        if (!g.node(i).finite()) {
            const Node& n = g.node(i);
            err << "nabla grad: " << n.issue << (n.name.empty() ? "" : " at " + n.name) << "\n";
            return 3;
        }
    for (const int id : parsed.inputs)
        if (!std::isfinite(g.node(id).grad))
            return err << "nabla grad: the gradient of " << g.node(id).name << " is not a finite number\n", 3;
    return 0;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        (args.empty() ? err : out) << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "grad") return grad_command(args, out, err);
    if (args[0] == "train") return train_command(args, out, err);
    err << "nabla: unknown command '" << args[0] << "'\n" << kUsage;
    return 2;
}

}  // namespace nabla
