// Helpers shared by the engine tests: parse-or-fail and set inputs by name.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/expression_parser.h"

namespace nabla {

inline ParsedExpression parse_ok(const std::string& text, const std::vector<std::pair<std::string, double>>& values) {
    ParseError err;
    ParsedExpression p = parse_expression(text, err);
    EXPECT_TRUE(p.ok()) << text << ": " << err.text();
    if (!p.ok()) return p;
    for (const auto& [name, v] : values) {
        const int id = p.graph.find_input(name);
        EXPECT_GE(id, 0) << name << " is not an input of " << text;
        if (id >= 0) p.graph.set_value(id, v);
    }
    p.graph.forward();
    p.graph.backward(p.output);
    return p;
}

inline double grad_of(const ParsedExpression& p, const std::string& input) {
    return p.graph.node(p.graph.find_input(input)).grad;
}

// The node a statement named, e.g. "q" in "q = x + y; f = q * z".
inline const Node& named(const ParsedExpression& p, const std::string& name) {
    for (const Node& n : p.graph.nodes())
        if (n.name == name) return n;
    ADD_FAILURE() << "no node named " << name;
    return p.graph.node(p.output);
}

}  // namespace nabla
