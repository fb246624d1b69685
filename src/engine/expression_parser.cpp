// Recursive-descent parser, one function per grammar rule (see the header). It builds graph nodes
// as it goes, so a node's inputs always precede it: the graph's index order is topological.
#include "engine/expression_parser.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "engine/i18n.h"
#include "engine/utf8.h"

namespace nabla {

std::string ParseError::text() const {
    if (position <= 0) return hint.empty() ? message : message + ": " + hint;
    return hint.empty() ? trf("%s at %d", message.c_str(), position) : trf("%s at %d: %s", message.c_str(), position, hint.c_str());
}

namespace {

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

int sequence_at(const std::string& s, size_t i) { return utf8_sequence_at(s, i); }

char32_t code_point(const std::string& s, size_t i, int length) {
    const auto b = [&](int k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + static_cast<size_t>(k)])); };
    if (length == 1) return b(0);
    if (length == 2) return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
    if (length == 3) return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
    return (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
}

// Letters of the scripts a class names things in (no Unicode tables in the engine): Latin with its
// accents, Greek (σ, θ, η), Cyrillic, Hangul, kana and CJK ideographs. Symbols stay operators or errors.
bool is_letter(char32_t u) {
    return (u >= 0xC0 && u <= 0x24F && u != 0xD7 && u != 0xF7) || (u >= 0x391 && u <= 0x3A9) || (u >= 0x3B1 && u <= 0x3C9) ||
           (u >= 0x400 && u <= 0x4FF) || (u >= 0x1100 && u <= 0x11FF) || (u >= 0x3131 && u <= 0x318E) ||
           (u >= 0x3041 && u <= 0x30FF) || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7A3);
}
// Inside a name: combining accents (ŷ, x̄) and subscript digits (w₁).
bool is_name_mark(char32_t u) { return (u >= 0x300 && u <= 0x36F) || (u >= 0x2080 && u <= 0x2089); }

// The byte where character `n` (0-based) starts.
size_t byte_of_character(const std::string& s, int n) {
    size_t i = 0;
    for (int k = 0; k < n && i < s.size(); ++k)
        for (++i; i < s.size() && continuation(static_cast<unsigned char>(s[i])); ++i) {}
    return i;
}

}  // namespace

std::string ParseError::caret(const std::string& expression, const std::string& indent) const {
    if (position <= 0) return "";
    const size_t at = byte_of_character(expression, position - 1);
    size_t begin = at;
    while (begin > 0 && expression[begin - 1] != '\n') --begin;
    const size_t end = std::min(expression.find('\n', at), expression.size());
    std::string line = expression.substr(begin, end - begin), under;
    for (size_t i = begin; i < at; ++i)
        if (!continuation(static_cast<unsigned char>(expression[i]))) under += expression[i] == '\t' ? '\t' : ' ';
    // Shown as valid UTF-8 with the columns kept: a control character as a space, a broken byte as '?'.
    std::string shown;
    for (size_t i = 0; i < line.size();) {
        const auto c = static_cast<unsigned char>(line[i]);
        const int length = sequence_at(line, i);
        if (length == 0) shown += '?', ++i;
        else if (length == 1) shown += c < 0x20 && c != '\t' ? ' ' : static_cast<char>(c), ++i;
        else shown += line.substr(i, static_cast<size_t>(length)), i += static_cast<size_t>(length);
    }
    return indent + shown + "\n" + indent + under + "^";
}

const char* parser_function_list() {
    return "exp, log, sqrt, tanh, sigmoid, relu, abs, sin, cos, max, min, pow, sum, mean, norm2, transpose";
}

namespace {

struct FunctionName {
    const char* name;
    Op op;
};
const FunctionName kFunctions[] = {
    {"exp", Op::Exp},   {"log", Op::Log},         {"ln", Op::Log},     {"sqrt", Op::Sqrt},
    {"tanh", Op::Tanh}, {"sigmoid", Op::Sigmoid}, {"relu", Op::Relu},  {"abs", Op::Abs},
    {"sin", Op::Sin},   {"cos", Op::Cos},         {"max", Op::Max},    {"min", Op::Min},
    {"pow", Op::Pow},   {"sum", Op::Sum},         {"mean", Op::Mean},  {"norm2", Op::Norm2},
    {"transpose", Op::Transpose},
    {"\xCF\x83", Op::Sigmoid},  // σ(s): the lecture's own name for the sigmoid
};

const FunctionName* find_function(const std::string& name) {
    for (const FunctionName& f : kFunctions)
        if (name == f.name) return &f;
    return nullptr;
}

class Parser {
public:
    Parser(const std::string& text, const ParseLimits& limits) : s_(text), limits_(limits) {}

    // Every rule returns a node index, or -1 once an error is recorded; -1 then unwinds the
    // recursion. (No exceptions: WebAssembly builds run with exception catching off.)
    ParsedExpression run(ParseError& error) {
        if (static_cast<int>(s_.size()) > limits_.max_length)
            fail(trf("the expression is longer than %d characters", limits_.max_length), -1);
        int last = -1;
        std::string last_name;
        while (!failed_) {
            skip_separators();
            if (at_end()) break;
            last_name.clear();
            last = statement(last_name);
            skip_space();
            if (last >= 0 && !at_end() && peek() != ';' && peek() != '\n') unexpected();
        }
        if (!failed_ && last < 0) fail(tr("the expression is empty"), -1, tr("type one, e.g. (x + y) * z"));
        if (failed_) {
            error = error_;
            return ParsedExpression{};
        }
        out_.output = last;
        out_.output_name = last_name.empty() ? "f" : last_name;
        if (out_.graph.node(last).name.empty()) out_.graph.node_mut(last).name = out_.output_name;
        return std::move(out_);
    }

private:
    // Records the first error only: it is the one nearest to the user's mistake.
    int fail(const std::string& message, int pos0, const std::string& hint = "") {
        if (!failed_) error_ = ParseError{message, pos0 < 0 ? 0 : character_index(static_cast<size_t>(pos0)) + 1, hint};
        failed_ = true;
        return -1;
    }

    const std::string& s_;
    ParseLimits limits_;
    size_t i_ = 0;
    int depth_ = 0;
    int parens_ = 0;
    std::map<std::string, int> named_;  // statement names and inputs, to their node
    std::set<std::string> defined_;     // names given by a statement
    ParsedExpression out_;
    bool failed_ = false;
    ParseError error_;

    bool at_end() const { return i_ >= s_.size(); }
    // Characters before byte `byte`: positions in messages count characters, so σ or 가 is one.
    int character_index(size_t byte) const {
        int n = 0;
        for (size_t i = 0; i < byte && i < s_.size(); ++i) n += continuation(static_cast<unsigned char>(s_[i])) ? 0 : 1;
        return n;
    }
    // The character at byte `at` as a message shows it: whole (never half a UTF-8 sequence),
    // control characters and broken bytes escaped ("\\t", "\\x01", "\\xC3").
    std::string shown(size_t at) const {
        const auto b = static_cast<unsigned char>(at < s_.size() ? s_[at] : 0);
        char buf[8];
        if (b == '\t') return "\\t";
        if (b == '\n') return "\\n";
        if (b < 0x20 || b == 0x7F) return std::snprintf(buf, sizeof buf, "\\x%02X", b), buf;
        const int length = at < s_.size() ? sequence_at(s_, at) : 0;
        if (length == 0) return std::snprintf(buf, sizeof buf, "\\x%02X", b), buf;
        return s_.substr(at, static_cast<size_t>(length));
    }
    char peek(size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
    int pos() const { return static_cast<int>(i_); }

    void skip_space() {
        // A newline separates statements, except inside parentheses where it is just space.
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || (peek() == '\n' && parens_ > 0)))
            ++i_;
    }
    void skip_separators() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(peek())) != 0) ++i_;
        while (!at_end() && (peek() == ';' || std::isspace(static_cast<unsigned char>(peek())) != 0)) ++i_;
    }
    // Names are letters, digits and '_' not starting with a digit, in any script a class writes
    // them in: w, x1, σ, θ, w₁, ŷ (y and a combining hat), 가중치. The byte length of the name
    // character at i_, 0 if there is none.
    size_t name_char_here(bool start) const {
        if (at_end()) return 0;
        const auto c = static_cast<unsigned char>(peek());
        if (c < 0x80) return (std::isalpha(c) != 0 || c == '_' || (!start && std::isdigit(c) != 0)) ? 1 : 0;
        const int length = sequence_at(s_, i_);
        if (length == 0) return 0;
        const char32_t u = code_point(s_, i_, length);
        return (is_letter(u) || (!start && is_name_mark(u))) ? static_cast<size_t>(length) : 0;
    }
    bool name_start_here() const { return name_char_here(true) > 0; }
    bool name_char_at(size_t at) const {
        const auto c = static_cast<unsigned char>(s_[at]);
        return c >= 0x80 || std::isalnum(c) != 0 || c == '_';
    }

    std::string read_name() {
        const size_t start = i_;
        for (size_t n = name_char_here(true); n > 0; n = name_char_here(false)) i_ += n;
        return s_.substr(start, i_ - start);
    }

    int unexpected() {
        const char c = peek();
        if (name_start_here() || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '(')
            return fail(trf("expected an operator before '%s'", shown(i_).c_str()), pos(), tr("write 2*x, not 2x"));
        if (c == '=') return fail(tr("'=' can only follow a name at the start of a statement"), pos());
        if (c == ')') return fail(tr("unexpected ')': no '(' is open here"), pos());
        return fail(trf("unexpected '%s'", shown(i_).c_str()), pos());
    }

    bool enter() {
        if (++depth_ > limits_.max_depth)
            fail(trf("the expression is nested deeper than %d levels", limits_.max_depth), pos());
        return !failed_;
    }
    void leave() { --depth_; }

    bool within_node_budget() {
        if (out_.graph.size() >= limits_.max_nodes)
            fail(trf("the graph would have more than %d nodes", limits_.max_nodes), pos());
        return !failed_;
    }
    // A new node's span: from `begin` to here, its operator at byte `at`.
    int spanned(int node, size_t begin, size_t at) {
        size_t end = i_;
        while (end > begin && std::isspace(static_cast<unsigned char>(s_[end - 1])) != 0) --end;
        out_.spans.push_back({static_cast<int>(begin), static_cast<int>(end), character_index(at) + 1});
        return node;
    }
    int make_op(Op op, size_t begin, size_t at, int a, int b = -1) {
        if (a < 0 || (op_info(op).arity == 2 && b < 0) || !within_node_budget()) return -1;
        return spanned(out_.graph.add_op(op, a, b), begin, at);
    }

    int statement(std::string& name) {
        // Look ahead for "name =" (but not "name ==", which is no operator here).
        const size_t start = i_;
        if (name_start_here()) {
            const std::string candidate = read_name();
            skip_space();
            if (peek() == '=') {
                ++i_;
                if (find_function(candidate)) return fail(trf("'%s' is a function name; pick another name", candidate.c_str()), static_cast<int>(start));
                if (defined_.count(candidate) != 0) return fail(trf("'%s' is defined twice", candidate.c_str()), static_cast<int>(start));
                if (named_.count(candidate) != 0)
                    return fail(trf("'%s' is used as an input before this line defines it", candidate.c_str()), static_cast<int>(start));
                const int node = sum();
                if (node < 0) return -1;
                // Name the node after the statement unless it already has a name (q = x: just an alias).
                if (out_.graph.node(node).name.empty()) out_.graph.node_mut(node).name = candidate;
                named_[candidate] = node;
                defined_.insert(candidate);
                name = candidate;
                return node;
            }
            i_ = start;
        }
        return sum();
    }

    int sum() {
        skip_space();
        const size_t begin = i_;
        int left = product();
        while (left >= 0) {
            skip_space();
            const char c = peek();
            if (c != '+' && c != '-') return left;
            const size_t at = i_++;
            const int right = product();
            left = make_op(c == '+' ? Op::Add : Op::Sub, begin, at, left, right);
        }
        return -1;
    }

    int product() {
        skip_space();
        const size_t begin = i_;
        int left = unary();
        while (left >= 0) {
            skip_space();
            const char c = peek();
            if ((c != '*' && c != '/' && c != '@') || (c == '*' && peek(1) == '*')) return left;
            const size_t at = i_++;
            const int right = unary();
            left = make_op(c == '*' ? Op::Mul : c == '/' ? Op::Div : Op::MatMul, begin, at, left, right);
        }
        return -1;
    }

    int unary() {
        skip_space();
        const char c = peek();
        if (c == '-' || c == '+') {
            if (!enter()) return -1;
            const size_t at = i_++;
            const int operand = unary();
            leave();
            return c == '-' ? make_op(Op::Neg, at, at, operand) : operand;
        }
        return power();
    }

    int power() {
        skip_space();
        const size_t begin = i_;
        const int base = postfix();
        if (base < 0) return -1;
        skip_space();
        if (peek() == '^' || (peek() == '*' && peek(1) == '*')) {
            if (!enter()) return -1;
            const size_t at = i_;
            i_ += peek() == '^' ? 1 : 2;
            const int exponent = unary();  // right-associative: 2^3^2 = 2^(3^2); 2^-1 is allowed
            leave();
            return make_op(Op::Pow, begin, at, base, exponent);
        }
        return base;
    }

    // Wᵀ (U+1D40, as the lecture writes it) or W.T (as numpy does), any number of times.
    int postfix() {
        const size_t begin = i_;
        int node = primary();
        while (node >= 0) {
            const size_t at = i_;
            if (s_.compare(i_, 3, "\xE1\xB5\x80") == 0) i_ += 3;
            else if (peek() == '.' && peek(1) == 'T' && !(i_ + 2 < s_.size() && name_char_at(i_ + 2))) i_ += 2;
            else return node;
            node = make_op(Op::Transpose, begin, at, node);
        }
        return -1;
    }

    int primary() {
        skip_space();
        const int start = pos();
        const char c = peek();
        if (at_end() || c == ';' || c == '\n')
            return fail(tr("the expression ends where a number, a name or '(' was expected"), start);
        if (std::isdigit(static_cast<unsigned char>(c)) != 0 || (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))) != 0))
            return number();
        if (c == '(') {
            if (!enter()) return -1;
            ++i_;
            ++parens_;
            const int inner = sum();
            if (inner < 0 || !expect_close(start)) return -1;
            --parens_;
            leave();
            return inner;
        }
        if (name_start_here()) return name_or_call();
        if (c == ')') return fail(tr("expected a number, a name or '(' before ')'"), start);
        return fail(trf("expected a number, a name or '(' but found '%s'", shown(static_cast<size_t>(start)).c_str()), start);
    }

    bool expect_close(int open_pos) {
        skip_space();
        if (peek() == ')') {
            ++i_;
            return true;
        }
        if (at_end()) fail(tr("expected ')'"), pos(), trf("the '(' at %d is not closed", open_pos + 1));
        fail(tr("expected ')'"), pos());
        return false;
    }

    int number() {
        const int start = pos();
        while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) != 0 || peek() == '.')) ++i_;
        if (peek() == 'e' || peek() == 'E') {
            size_t k = i_ + 1;
            if (k < s_.size() && (s_[k] == '+' || s_[k] == '-')) ++k;
            if (k >= s_.size() || std::isdigit(static_cast<unsigned char>(s_[k])) == 0)
                return fail(tr("malformed number: an exponent needs digits, as in 1e-3"), start);
            i_ = k;
            while (!at_end() && std::isdigit(static_cast<unsigned char>(peek())) != 0) ++i_;
        }
        const std::string literal = s_.substr(start, i_ - start);
        char* end = nullptr;
        const double v = std::strtod(literal.c_str(), &end);
        if (end != literal.c_str() + literal.size()) return fail(trf("malformed number '%s'", literal.c_str()), start);
        if (!std::isfinite(v)) return fail(trf("the number '%s' is too large", literal.c_str()), start);
        if (!within_node_budget()) return -1;
        return spanned(out_.graph.add_const(v), static_cast<size_t>(start), static_cast<size_t>(start));
    }

    int name_or_call() {
        const int start = pos();
        const std::string name = read_name();
        const FunctionName* fn = find_function(name);
        skip_space();
        if (peek() == '(') {
            if (!fn) return fail(trf("unknown function '%s'", name.c_str()), start, trf("known: %s", parser_function_list()));
            const int open = pos();
            if (!enter()) return -1;
            ++i_;
            ++parens_;
            const int a = sum();
            if (a < 0) return -1;
            int b = -1;
            skip_space();
            const int arity = op_info(fn->op).arity;
            if (peek() == ',') {
                if (arity == 1) return fail(trf("%s takes 1 argument", name.c_str()), pos());
                ++i_;
                b = sum();
                if (b < 0) return -1;
                skip_space();
                if (peek() == ',') return fail(trf("%s takes 2 arguments", name.c_str()), pos());
            } else if (arity == 2) {
                return fail(trf("%s takes 2 arguments, as in %s(a, b)", name.c_str(), name.c_str()), pos());
            }
            if (!expect_close(open)) return -1;
            --parens_;
            leave();
            return make_op(fn->op, static_cast<size_t>(start), static_cast<size_t>(start), a, b);
        }
        if (fn) return fail(trf("'%s' is a function: write %s(...)", name.c_str(), name.c_str()), start);
        auto it = named_.find(name);
        if (it != named_.end()) return it->second;
        if (!within_node_budget()) return -1;
        const int node = spanned(out_.graph.add_input(name, 1.0), static_cast<size_t>(start), static_cast<size_t>(start));
        named_[name] = node;
        out_.inputs.push_back(node);
        return node;
    }
};

}  // namespace

ParsedExpression parse_expression(const std::string& text, ParseError& error, const ParseLimits& limits) {
    error = ParseError{};
    return Parser(text, limits).run(error);
}

}  // namespace nabla
