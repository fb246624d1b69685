// Turns text such as "f = (x + y) * z" or "q = x + y; f = q * z" into a ScalarGraph.
// Grammar (standard precedence, ^ binds tighter than unary minus and is right-associative):
//   program   := statement ((';' | newline) statement)*      the last statement is the output
//   statement := [name '='] sum
//   sum       := product (('+' | '-') product)*
//   product   := unary (('*' | '/' | '@') unary)*                 @ is the matrix product
//   unary     := ('-' | '+') unary | power
//   power     := postfix (('^' | '**') unary)?
//   postfix   := primary ('ᵀ' | '.T')*                             the transpose
//   primary   := number | name | function '(' sum [',' sum] ')' | '(' sum ')'
// Free names become inputs (shared: x*x is one input with two edges); a statement's name can be
// reused later, which is how a shared subexpression is written. Errors carry a 1-based position.
#pragma once

#include <string>
#include <vector>

#include "engine/scalar_graph.h"

namespace nabla {

struct ParseLimits {
    int max_length = 4000;  // characters of text
    int max_depth = 64;     // nesting of parentheses, function calls and unary operators
    int max_nodes = 400;    // graph nodes, constants included
};

struct ParseError {
    std::string message;  // "expected ')'"
    int position = 0;     // 1-based position in characters (not bytes) the message points at; 0 if none
    std::string hint;     // optional: how to fix it
    std::string text() const;  // "expected ')' at 14: the '(' at 5 is not closed"
    // The line of `expression` the position is on and a caret under it, each line indented by
    // `indent`; a tab in the line is a tab in the caret's line, so a terminal lines them up.
    std::string caret(const std::string& expression, const std::string& indent = "  ") const;
};

// Where a node came from in the text: its bytes [begin, end) and the 1-based character its
// operator sits at, so a later error about the node (a shape that does not fit) can point there.
struct SourceSpan {
    int begin = 0;
    int end = 0;
    int at = 0;
};

struct ParsedExpression {
    ScalarGraph graph;
    std::vector<SourceSpan> spans;     // one per graph node
    int output = -1;
    std::string output_name;           // the last statement's name, "f" if it has none
    std::vector<int> inputs;           // input node indices in order of first appearance
    bool ok() const { return output >= 0; }
};

// Inputs start at value 1; set them with graph.set_value() and call graph.forward().
// On failure returns a ParsedExpression with ok() == false and fills `error`.
ParsedExpression parse_expression(const std::string& text, ParseError& error,
                                  const ParseLimits& limits = ParseLimits{});

// The function names the parser accepts, for help text and error messages.
const char* parser_function_list();

}  // namespace nabla
