// The parser: precedence and associativity checked by value, literals, shared names, every error
// message with its position, and the limits that keep a hostile input from hanging the page.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "test_util.h"

namespace nabla {
namespace {

double eval(const std::string& text, const std::vector<std::pair<std::string, double>>& values = {}) {
    const ParsedExpression p = parse_ok(text, values);
    return p.ok() ? p.graph.node(p.output).value : NAN;
}

TEST(Parser, PrecedenceAndAssociativity) {
    EXPECT_DOUBLE_EQ(eval("1 + 2 * 3"), 7);
    EXPECT_DOUBLE_EQ(eval("(1 + 2) * 3"), 9);
    EXPECT_DOUBLE_EQ(eval("8 - 3 - 2"), 3);        // left-associative
    EXPECT_DOUBLE_EQ(eval("8 / 4 / 2"), 1);
    EXPECT_DOUBLE_EQ(eval("2 ^ 3 ^ 2"), 512);      // right-associative
    EXPECT_DOUBLE_EQ(eval("2 ** 3"), 8);
    EXPECT_DOUBLE_EQ(eval("-2 ^ 2"), -4);          // ^ binds tighter than unary minus
    EXPECT_DOUBLE_EQ(eval("2 ^ -1"), 0.5);
    EXPECT_DOUBLE_EQ(eval("--3"), 3);
    EXPECT_DOUBLE_EQ(eval("+3 * -2"), -6);
    EXPECT_DOUBLE_EQ(eval("2 * 3 ^ 2"), 18);
    EXPECT_DOUBLE_EQ(eval("max(1, 2) + min(3, -4) * abs(-2)"), -6);
}

TEST(Parser, NumericLiterals) {
    EXPECT_DOUBLE_EQ(eval("1e-3"), 1e-3);
    EXPECT_DOUBLE_EQ(eval("2.5E+2"), 250);
    EXPECT_DOUBLE_EQ(eval(".5"), 0.5);
    EXPECT_DOUBLE_EQ(eval("3."), 3);
}

TEST(Parser, FunctionsByName) {
    EXPECT_NEAR(eval("exp(1)"), 2.718281828459045, 1e-15);
    EXPECT_DOUBLE_EQ(eval("log(1)"), 0);
    EXPECT_DOUBLE_EQ(eval("ln(1)"), 0);
    EXPECT_DOUBLE_EQ(eval("sqrt(9)"), 3);
    EXPECT_DOUBLE_EQ(eval("tanh(0)"), 0);
    EXPECT_DOUBLE_EQ(eval("sigmoid(0)"), 0.5);
    EXPECT_DOUBLE_EQ(eval("relu(-3) + relu(2)"), 2);
    EXPECT_DOUBLE_EQ(eval("sin(0) + cos(0)"), 1);
    EXPECT_DOUBLE_EQ(eval("pow(2, 10)"), 1024);
}

TEST(Parser, SharedSubexpressionsAndNames) {
    const ParsedExpression p = parse_ok("q = x + y\nf = q * q", {{"x", 1}, {"y", 2}});
    EXPECT_DOUBLE_EQ(p.graph.node(p.output).value, 9);
    EXPECT_EQ(named(p, "q").out.size(), 2u);   // one node, used twice
    EXPECT_DOUBLE_EQ(grad_of(p, "x"), 6);      // 2q
    EXPECT_EQ(p.inputs.size(), 2u);
    EXPECT_EQ(p.output_name, "f");
}

TEST(Parser, UnnamedOutputIsCalledF) {
    const ParsedExpression p = parse_ok("x * y", {{"x", 2}, {"y", 3}});
    EXPECT_EQ(p.output_name, "f");
    EXPECT_EQ(p.graph.node(p.output).name, "f");
}

TEST(Parser, NewlinesInsideParenthesesAreSpace) {
    EXPECT_DOUBLE_EQ(eval("f = (1 +\n 2) * 3"), 9);
    EXPECT_DOUBLE_EQ(eval("a = 2;; b = a * 3;\n\n"), 6);
}

struct ErrorCase {
    const char* text;
    const char* error;
};

TEST(Parser, EveryErrorNamesTheProblemAndThePosition) {
    const ErrorCase cases[] = {
        {"f = (x + y * z", "expected ')' at 15: the '(' at 5 is not closed"},
        {"f = (x + y] * z", "expected ')' at 11"},
        {"", "the expression is empty: type one, e.g. (x + y) * z"},
        {"  ;\n ", "the expression is empty: type one, e.g. (x + y) * z"},
        {"x +", "the expression ends where a number, a name or '(' was expected at 4"},
        {"x + * y", "expected a number, a name or '(' but found '*' at 5"},
        {"()", "expected a number, a name or '(' before ')' at 2"},
        {"x + y)", "unexpected ')': no '(' is open here at 6"},
        {"2x", "expected an operator before 'x' at 2: write 2*x, not 2x"},
        {"x y", "expected an operator before 'y' at 3: write 2*x, not 2x"},
        {"x + y = 3", "'=' can only follow a name at the start of a statement at 7"},
        {"f = foo(x)", "unknown function 'foo' at 5: known: exp, log, sqrt, tanh, sigmoid, relu, abs, sin, cos, max, min, pow, sum, mean, norm2, transpose"},
        {"f = exp + 1", "'exp' is a function: write exp(...) at 5"},
        {"f = exp(x, y)", "exp takes 1 argument at 10"},
        {"f = max(x)", "max takes 2 arguments, as in max(a, b) at 10"},
        {"f = max(x, y, z)", "max takes 2 arguments at 13"},
        {"q = x; q = y", "'q' is defined twice at 8"},
        {"f = q * 2; q = 3", "'q' is used as an input before this line defines it at 12"},
        {"exp = 2", "'exp' is a function name; pick another name at 1"},
        {"f = 1e", "malformed number: an exponent needs digits, as in 1e-3 at 5"},
        {"f = 1.2.3", "malformed number '1.2.3' at 5"},
        {"f = 1e999", "the number '1e999' is too large at 5"},
        {"f = x # y", "unexpected '#' at 7"},
        {"f = = x", "expected a number, a name or '(' but found '=' at 5"},
    };
    for (const ErrorCase& c : cases) {
        ParseError err;
        const ParsedExpression p = parse_expression(c.text, err);
        EXPECT_FALSE(p.ok()) << c.text;
        EXPECT_EQ(err.text(), c.error) << "for input: " << c.text;
    }
}

// Positions count characters, never bytes, and a message shows a whole character (never half a
// UTF-8 sequence) or an escape: "found '?at 19" and NUL cutting the page's status line are gone.
TEST(Parser, MessagesShowWholeCharactersAndCountCharacters) {
    const std::pair<const char*, const char*> cases[] = {
        {"f = \xE2\x82\xAC + 1", "expected a number, a name or '(' but found '\xE2\x82\xAC' at 5"},      // €: one character
        {"\xE2\x82\xA9 + x + \xCF\x83", "expected a number, a name or '(' but found '\xE2\x82\xA9' at 1"},  // ₩
        {"\xEA\xB0\x80 + \xE2\x82\xAC", "expected a number, a name or '(' but found '\xE2\x82\xAC' at 5"},  // 가 is a name: € counts 5
        {"x + \xCF", "expected a number, a name or '(' but found '\\xCF' at 5"},                         // half of σ
        {"x + \xF9\x84\x94", "expected a number, a name or '(' but found '\\xF9' at 5"},                  // no such lead byte
        {"x + \xED\xA0\x80", "expected a number, a name or '(' but found '\\xED' at 5"},                  // a surrogate
        {"x + \xE0\x80\xAF", "expected a number, a name or '(' but found '\\xE0' at 5"},                  // an overlong '/'
        {"x + \x01", "expected a number, a name or '(' but found '\\x01' at 5"},
        {"x \x7F", "unexpected '\\x7F' at 3"},
        {"a\xE2\x82\xAC", "unexpected '\xE2\x82\xAC' at 2"},
        {"f = \xCF\x83 + 1", "'\xCF\x83' is a function: write \xCF\x83(...) at 5"},  // σ is the sigmoid
    };
    for (const auto& [text, message] : cases) {
        ParseError e;
        EXPECT_FALSE(parse_expression(text, e).ok()) << text;
        EXPECT_EQ(e.text(), message) << text;
    }
    ParseError nul;
    parse_expression(std::string("x + \0y", 6), nul);
    EXPECT_EQ(nul.text(), "expected a number, a name or '(' but found '\\x00' at 5");
}

// The caret sits under the character on its own line, tabs kept so a terminal lines them up.
TEST(Parser, TheCaretIsOnTheRightLineAndColumn) {
    ParseError e;
    const std::string text = "q = x + y\nf = q *\t) + z";
    ASSERT_FALSE(parse_expression(text, e).ok());
    EXPECT_EQ(e.position, 19);  // ten characters of the first line, nine of the second
    EXPECT_EQ(e.caret(text), "  f = q *\t) + z\n" "  " "       " "\t^");
    ParseError g;
    const std::string greek = "f = \xCF\x83 + \xCF\x83 * )";
    ASSERT_FALSE(parse_expression(greek, g).ok());
    EXPECT_EQ(g.caret(greek, ""), greek + "\n    ^");  // under σ, one column for its two bytes
}

TEST(Parser, LimitsGiveAnErrorNotAHang) {
    ParseError err;
    EXPECT_FALSE(parse_expression(std::string(5000, 'x'), err).ok());
    EXPECT_EQ(err.text(), "the expression is longer than 4000 characters");

    EXPECT_FALSE(parse_expression(std::string(100, '(') + "x" + std::string(100, ')'), err).ok());
    EXPECT_EQ(err.text(), "the expression is nested deeper than 64 levels at 65");
    EXPECT_FALSE(parse_expression(std::string(100, '-') + "x", err).ok());
    EXPECT_EQ(err.message, "the expression is nested deeper than 64 levels");
    EXPECT_FALSE(parse_expression("f = 2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2^2", err).ok());
    EXPECT_EQ(err.message, "the expression is nested deeper than 64 levels");

    std::string wide = "f = x";
    for (int i = 0; i < 300; ++i) wide += " + 1";
    EXPECT_FALSE(parse_expression(wide, err).ok());
    EXPECT_EQ(err.message, "the graph would have more than 400 nodes");

    // Just inside the limits still works.
    std::string ok = "f = x";
    for (int i = 0; i < 150; ++i) ok += " + 1";
    EXPECT_TRUE(parse_expression(ok, err).ok()) << err.text();
}

// Names in the scripts a class writes: Greek, Hangul, a subscript, a combining hat; σ(...) is the
// lecture's sigmoid.
TEST(Parser, UnicodeNamesAndTheSigmaFunction) {
    ParseError e;
    ParsedExpression p = parse_expression("f = \xEA\xB0\x80\xEC\xA4\x91\xEC\xB9\x98 * x + \xCE\xB8", e);  // f = 가중치 * x + θ
    ASSERT_TRUE(p.ok()) << e.text();
    std::vector<std::string> names;
    for (int i : p.inputs) names.push_back(p.graph.node(i).name);
    EXPECT_EQ(names, (std::vector<std::string>{"\xEA\xB0\x80\xEC\xA4\x91\xEC\xB9\x98", "x", "\xCE\xB8"}));
    p = parse_expression("w\xE2\x82\x81 * y\xCC\x82", e);  // w₁ * ŷ
    ASSERT_TRUE(p.ok()) << e.text();
    EXPECT_EQ(p.inputs.size(), 2u);
    p = parse_expression("f = \xCF\x83(w*x)", e);  // f = σ(w*x)
    ASSERT_TRUE(p.ok()) << e.text();
    const ParsedExpression sigmoid = parse_expression("f = sigmoid(w*x)", e);
    EXPECT_EQ(p.graph.size(), sigmoid.graph.size());
    EXPECT_EQ(p.graph.node(p.output).op, Op::Sigmoid);
    EXPECT_FALSE(parse_expression("1w = 2", e).ok());  // a digit does not start a name
    EXPECT_FALSE(parse_expression("\xE2\x82\x81 + x", e).ok());  // nor does a subscript
}

}  // namespace
}  // namespace nabla

