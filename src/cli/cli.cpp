// `nabla grad "<expression>" x=1 y=2 [--nodes] [--check]`: prints one JSON object. `--lang en|ko`,
// before or after the command, chooses the language of every message (never of the JSON).
#include "cli/cli.h"

#include "lab/exports.h"

#include <cmath>
#include <cstdlib>

#include "engine/expression_parser.h"
#include "engine/gradient_check.h"
#include "engine/i18n.h"
#include "lab/graph_lab.h"
#include "lab/json_writer.h"
#include "lab/tensor_text.h"
#include "lab/url_codec.h"

namespace nabla {

int train_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);  // cli_train.cpp
int lessons_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);  // cli_lessons.cpp
int grad_tensor_command(const std::string& expression, const std::vector<std::pair<std::string, Tensor>>& values, bool nodes, bool check,
                        bool csv, std::ostream& out, std::ostream& err);  // cli_grad_tensor.cpp
bool every_input_given(const ParsedExpression& parsed, const std::vector<std::pair<std::string, Tensor>>& values, std::ostream& err);
// "usage: " and the first line, then the others indented under it (and `hang` columns more).
std::string usage_block(const std::vector<std::string>& lines, size_t hang);

namespace {

// Columns in a terminal: a Hangul syllable (U+AC00..U+D7A3, lead byte 0xEA..0xED) takes two.
size_t columns(const std::string& s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
        n += c >= 0xEA && c <= 0xED ? 2 : 1;
    }
    return n;
}

}  // namespace

std::string usage_block(const std::vector<std::string>& lines, size_t hang) {
    const std::string head = std::string(tr("usage:")) + " ";
    const std::string indent(columns(head) + hang, ' ');
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) out += (i == 0 ? head : indent) + lines[i] + "\n";
    return out;
}

namespace {

// In the current language, so a function and not a constant.
std::string usage() {
    std::string u = usage_block({std::string("nabla train --help  (") +
                                     tr("train an MLP on a generated dataset; prints loss and accuracy per epoch") + ")",
                                 tr("nabla grad \"<expression>\" name=value ... [--nodes] [--check]"),
                                 std::string("nabla lessons src/lessons/course.txt [--check]  (") +
                                     tr("the course; --check prints every question's answer as the labs compute it") + ")"},
                                0);
    u += std::string("  ") + tr("prints the output value and the gradient of every input as JSON") + "\n";
    u += std::string("  --nodes  ") + tr("also every node: op, value, gradient, and each input edge's local/upstream/downstream") + "\n";
    u += std::string("  --check  ") + tr("also a central-difference gradient check per input") + "\n";
    u += std::string("  --csv    ") + tr("the node table as CSV instead (node,name,op,value,gradient), as the page exports it") + "\n";
    u += "  --lang " + enum_keys<Language>() + "  " + tr("the language of messages (default: from LC_ALL, LC_MESSAGES or LANG)") + "\n";
    u += std::string("  --       ") + tr("what follows is never a flag (an expression that starts with --)") + "\n";
    u += std::string(tr("exit codes: 0 done, 1 the expression or its inputs are wrong, 2 the command line is wrong, 3 a value or gradient is not finite, 4 training diverged")) + "\n";
    u += std::string(tr("example:")) + " nabla grad \"f = (x + y) * z\" x=-2 y=5 z=-4\n";
    u += std::string(tr("vectors and matrices:")) + " nabla grad \"q = W @ x; f = norm2(q)\" W=[[0.1,0.5],[-0.3,0.8]] x=[0.2,0.4]\n";
    return u;
}

}  // namespace

// False (after saying which) when an input of the expression has no value on the command line.
bool every_input_given(const ParsedExpression& parsed, const std::vector<std::pair<std::string, Tensor>>& values, std::ostream& err) {
    for (const int id : parsed.inputs) {
        const std::string& input = parsed.graph.node(id).name;
        bool given = false;
        for (const auto& nv : values) given = given || nv.first == input;
        if (!given) return err << "nabla grad: " << trf("no value for input '%s': add %s=<number>", input.c_str(), input.c_str()) << "\n", false;
    }
    return true;
}

namespace {

int grad_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string expression;
    bool nodes = false, check = false, csv = false, have_expression = false, flags_done = false;
    std::vector<std::pair<std::string, Tensor>> values;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!flags_done) {  // after "--" nothing is a flag: `nabla grad -- "--x" x=1` (minus minus x)
            if (a == "--") { flags_done = true; continue; }
            if (a == "--nodes") { nodes = true; continue; }
            if (a == "--check") { check = true; continue; }
            if (a == "--csv") { csv = true; continue; }
            if (a.rfind("--", 0) == 0) return err << "nabla grad: " << trf("unknown flag %s", a.c_str()) << "\n" << usage(), 2;
        }
        if (!have_expression) { expression = a; have_expression = true; continue; }
        const size_t eq = a.find('=');
        Tensor v;
        std::string why;
        if (eq != std::string::npos && eq > 0 && a.compare(eq + 1, 1, "[") == 0 && !parse_tensor(a.substr(eq + 1), v, why))
            return err << "nabla grad: " << a.substr(0, eq) + ": " + why << "\n", 2;
        if (eq == std::string::npos || eq == 0 || !parse_tensor(a.substr(eq + 1), v, why))
            return err << "nabla grad: " << trf("expected name=number, got '%s'", a.c_str()) << "\n", 2;
        for (const auto& [name, given] : values)
            if (name == a.substr(0, eq)) return err << "nabla grad: " << trf("%s is given twice", name.c_str()) << "\n", 2;
        values.emplace_back(a.substr(0, eq), v);
    }
    if (!have_expression) return err << usage(), 2;

    ParseError perr;
    ParsedExpression parsed = parse_expression(expression, perr);
    if (!parsed.ok()) return err << "nabla grad: " << perr.text() << "\n" << perr.caret(expression) << "\n", 1;
    bool vectorised = false;
    for (const auto& nv : values) vectorised = vectorised || !nv.second.is_scalar();
    if (vectorised) return grad_tensor_command(expression, values, nodes, check, csv, out, err);
    ScalarGraph& g = parsed.graph;
    for (const auto& [name, v] : values) {
        const int id = g.find_input(name);
        if (id < 0) return err << "nabla grad: " << trf("'%s' is not an input of the expression", name.c_str()) << "\n", 1;
        g.set_value(id, v.data[0]);
    }
    if (!every_input_given(parsed, values, err)) return 1;
    const std::vector<GradientCheckRow> rows = check_gradients(g, parsed.output);

    if (csv) {
        out << nodes_csv(parsed);
    } else {
        JsonWriter w;
        w.begin_object();
        write_expression_json(w, parsed, nodes);
        if (check) write_check_json(w, g, rows);
        w.end_object();
        out << w.str() << "\n";
    }
    // Anything not finite (the output, a gradient, a local gradient on the way) is reported by the
    // exit code and a line naming where and why, never silently as null or 0.
    for (int i = 0; i < g.size(); ++i)
        if (!g.node(i).finite()) {
            const Node& n = g.node(i);
            err << "nabla grad: " << (n.name.empty() ? std::string(tr(n.issue)) : trf("%s at %s", tr(n.issue), n.name.c_str())) << "\n";
            return 3;
        }
    for (const int id : parsed.inputs)
        if (!std::isfinite(g.node(id).grad))
            return err << "nabla grad: " << trf("the gradient of %s is not a finite number", g.node(id).name.c_str()) << "\n", 3;
    return 0;
}

}  // namespace

Language language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})  // POSIX's order: the first one set decides
        if (const char* value = std::getenv(name); value && *value) return language_from_locale(value);
    return Language::English;
}

int run_cli(const std::vector<std::string>& all_args, std::ostream& out, std::ostream& err) {
    // The language for this run only: a test's run leaves the process's language as it found it.
    struct Restore {
        Language before = language();
        ~Restore() { set_language(before); }
    } restore;
    std::vector<std::string> args;
    for (size_t i = 0; i < all_args.size(); ++i) {
        if (all_args[i] != "--lang") {
            args.push_back(all_args[i]);
            continue;
        }
        Language lang = Language::English;
        if (i + 1 >= all_args.size()) return err << "nabla: " << trf("--lang needs a language (one of %s)", enum_keys<Language>(", ").c_str()) << "\n", 2;
        if (!enum_from_key(all_args[++i], lang))
            return err << "nabla: " << trf("unknown language '%s' (one of %s)", all_args[i].c_str(), enum_keys<Language>(", ").c_str()) << "\n", 2;
        set_language(lang);
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        (args.empty() ? err : out) << usage();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "grad") return grad_command(args, out, err);
    if (args[0] == "train") return train_command(args, out, err);
    if (args[0] == "lessons") return lessons_command(args, out, err);
    err << "nabla: " << trf("unknown command '%s'", args[0].c_str()) << "\n" << usage();
    return 2;
}

}  // namespace nabla
