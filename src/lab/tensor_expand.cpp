// Node by node, each element's text: inputs by name, named values as statements, the rest inline.
#include "lab/tensor_expand.h"

#include <set>

#include "engine/i18n.h"
#include "lab/json_writer.h"

namespace nabla {

std::string element_input_name(const std::string& base, const Shape& shape, int flat) {
    if (shape.rank == 0) return base;
    if (shape.rank == 1) return base + "_" + std::to_string(flat + 1);
    const int r = flat / shape.dims[1] + 1, c = flat % shape.dims[1] + 1;
    const bool wide = shape.dims[0] > 9 || shape.dims[1] > 9;
    return base + "_" + std::to_string(r) + (wide ? "_" : "") + std::to_string(c);
}

namespace {

// The text of one element as an operand: wrapped unless it is a name or a plain number.
std::string operand(const std::string& s) {
    if (s.empty() || s[0] == '-') return "(" + s + ")";
    for (const char ch : s)
        if (ch == ' ' || ch == '+' || ch == '-' || ch == '*' || ch == '/' || ch == '^') return "(" + s + ")";
    return s;
}

}  // namespace

bool expand_to_scalars(const TensorGraph& g, ScalarExpansion& out, std::string& error) {
    std::vector<std::vector<std::string>> text(static_cast<size_t>(g.size()));
    std::string program;
    out.values.clear();
    int temporaries = 0;
    // Names the expression uses already: an element's name (x_1) or a temporary (t1) must not be one.
    std::set<std::string> taken;
    for (const TensorNode& n : g.nodes())
        if (!n.name.empty()) taken.insert(n.name);
    taken.insert(g.output_name());
    const auto fresh = [&](const std::string& name) {
        if (taken.count(name) != 0) return error = trf("%s is a name in the expression already: rename it to write the graph out number by number", name.c_str()), false;
        taken.insert(name);
        return true;
    };
    for (int i = 0; i < g.size(); ++i) {
        const TensorNode& n = g.node(i);
        std::vector<std::string>& t = text[static_cast<size_t>(i)];
        const int size = n.value.size();
        if (n.op == Op::Input) {
            for (int k = 0; k < size; ++k) {
                t.push_back(element_input_name(n.name, n.value.shape, k));
                if (!n.value.is_scalar() && !fresh(t.back())) return false;
                out.values.emplace_back(t.back(), n.value.data[static_cast<size_t>(k)]);
            }
            continue;
        }
        if (n.op == Op::Const) {
            t.push_back(format_number(n.value.data[0]));
            continue;
        }
        const auto in = [&](int slot) -> const std::vector<std::string>& { return text[static_cast<size_t>(g.edge(n.in[slot]).from)]; };
        const auto in_shape = [&](int slot) -> const Shape& { return g.node(g.edge(n.in[slot]).from).value.shape; };
        const int rows = n.value.shape.rows2(), cols = n.value.shape.cols2();
        const char* fn = op_info(n.op).name;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                const int k = r * cols + c;
                std::string e;
                switch (n.op) {
                    case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Pow: {
                        const std::string a = operand(in(0)[static_cast<size_t>(broadcast_index(in_shape(0), r, c))]);
                        const std::string b = operand(in(1)[static_cast<size_t>(broadcast_index(in_shape(1), r, c))]);
                        const char* sign = n.op == Op::Add ? " + " : n.op == Op::Sub ? " - " : n.op == Op::Mul ? "*" : n.op == Op::Div ? "/" : "^";
                        e = a + sign + b;
                        break;
                    }
                    case Op::Max: case Op::Min:
                        e = std::string(fn) + "(" + in(0)[static_cast<size_t>(broadcast_index(in_shape(0), r, c))] + ", " +
                            in(1)[static_cast<size_t>(broadcast_index(in_shape(1), r, c))] + ")";
                        break;
                    case Op::Neg: e = "-" + operand(in(0)[static_cast<size_t>(k)]); break;
                    case Op::MatMul: {
                        // (M×K)·(K×P), a vector on the left one row, on the right one column.
                        const MatMulDims d = matmul_dims(in_shape(0), in_shape(1));
                        const int row = k / d.p, column = k % d.p;  // of the (m×p) product, whatever its rank
                        for (int j = 0; j < d.k; ++j)
                            e += (j ? " + " : "") + operand(in(0)[static_cast<size_t>(row * d.k + j)]) + "*" +
                                 operand(in(1)[static_cast<size_t>(j * d.p + column)]);
                        break;
                    }
                    case Op::Transpose: {
                        const Shape& a = in_shape(0);
                        e = in(0)[static_cast<size_t>(a.rank == 2 ? c * a.dims[1] + r : k)];
                        break;
                    }
                    case Op::Sum: case Op::Mean: case Op::Norm2: {
                        for (size_t j = 0; j < in(0).size(); ++j)
                            e += (j ? " + " : "") + (n.op == Op::Norm2 ? operand(in(0)[j]) + "^2" : in(0)[j]);
                        if (n.op == Op::Mean) e = "(" + e + ")/" + std::to_string(in(0).size());
                        break;
                    }
                    default: e = std::string(fn) + "(" + in(0)[static_cast<size_t>(k)] + ")"; break;  // exp, tanh, ...
                }
                t.push_back(e);
            }
        // A named value, or one read by several gates, becomes statements: the graph shows it once.
        if (!n.name.empty() || n.out.size() > 1) {
            std::string base = n.name;
            while (base.empty() || (n.name.empty() && taken.count(base) != 0)) base = "t" + std::to_string(++temporaries);
            if (n.name.empty()) taken.insert(base);
            for (int k = 0; k < size; ++k) {
                const std::string name = n.value.is_scalar() ? base : element_input_name(base, n.value.shape, k);
                if (!n.value.is_scalar() && !fresh(name)) return false;
                program += (program.empty() ? "" : "; ") + name + " = " + t[static_cast<size_t>(k)];
                t[static_cast<size_t>(k)] = name;
            }
        }
    }
    // The output is the last statement; when it names an earlier value (f = q), say so last.
    if (g.node(g.output()).name != g.output_name())
        program += (program.empty() ? "" : "; ") + g.output_name() + " = " + text[static_cast<size_t>(g.output())][0];
    out.expression = program;
    ParseError perr;
    if (!parse_expression(program, perr).ok()) return error = trf("written out number by number: %s", perr.text().c_str()), false;
    return true;
}

}  // namespace nabla
