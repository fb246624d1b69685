#include "lab/course.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/expression_parser.h"
#include "engine/i18n.h"
#include "engine/utf8.h"
#include "lab/json_reader.h"

namespace nabla {

const std::string& Bilingual::text() const { return language() == Language::Korean && !ko.empty() ? ko : en; }

double tolerance_for(const LessonQuestion& q, double expected) {
    return q.within > 0 ? q.within : answer_tolerance(expected);
}

double answer_tolerance(double expected) { return std::max(kDefaultWithin, kDefaultWithin * std::abs(expected)); }

namespace {

std::string trim(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

// "English | Korean [| third]": the parts around " | ", trimmed.
std::vector<std::string> parts(const std::string& value) {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t bar; (bar = value.find('|', from)) != std::string::npos; from = bar + 1) out.push_back(trim(value.substr(from, bar - from)));
    out.push_back(trim(value.substr(from)));
    return out;
}

struct Reader {
    Course course;
    std::string error;
    int line = 0;
    std::string* continued = nullptr;  // the text field an indented line adds to

    // A course may hold any bytes: what it echoes is escaped (engine/utf8.h).
    bool fail(const std::string& why) { return error = message_safe("line " + std::to_string(line) + ": " + why), false; }
    Lesson* lesson() { return course.lessons.empty() ? nullptr : &course.lessons.back(); }
    LessonStep* step() { return lesson() && !lesson()->steps.empty() ? &lesson()->steps.back() : nullptr; }

    bool bilingual(const std::string& key, const std::string& value, Bilingual& out) {
        const auto p = parts(value);
        if (p.size() != 2 || p[0].empty() || p[1].empty()) return fail(key + ": needs 'English | Korean'");
        out = {p[0], p[1]};
        return true;
    }

    bool field(const std::string& key, const std::string& value) {
        continued = nullptr;
        if (key == "lesson") {
            if (value.empty()) return fail("lesson: needs a key (lesson chain-rule)");
            for (const Lesson& l : course.lessons)
                if (l.key == value) return fail("lesson " + value + " is there twice");
            course.lessons.push_back({value, {}, {}, {}});
            return true;
        }
        if (!lesson()) return fail("'" + key + "' before the first 'lesson'");
        if (key == "title") return bilingual(key, value, lesson()->title);
        if (key == "notes") return lesson()->notes = value, true;
        if (key == "step") {
            lesson()->steps.push_back({});
            step()->line = line;
            return true;
        }
        LessonStep* s = step();
        if (!s) return fail("'" + key + "' before the lesson's first 'step'");
        LessonQuestion& q = s->question;
        if (key == "link") return s->link = value, true;
        if (key == "reveal") return s->reveal = value, true;
        if (key == "en") return s->text.en = value, continued = &s->text.en, true;
        if (key == "ko") return s->text.ko = value, continued = &s->text.ko, true;
        if (key == "ask") return s->has_question = true, bilingual(key, value, q.ask);
        if (key != "hint" && key != "answer" && key != "within" && key != "option") return fail("unknown field '" + key + "'");
        if (!s->has_question) return fail("'" + key + "' before the step's 'ask'");
        if (key == "hint") return bilingual(key, value, q.hint);
        if (key == "answer") return q.answer = value, true;
        if (key == "within") {
            char* end = nullptr;
            q.within = std::strtod(value.c_str(), &end);
            if (value.empty() || *end || !(q.within > 0)) return fail("within: needs a positive number, not '" + value + "'");
            return true;
        }
        if (key == "option") {
            const auto p = parts(value);
            if (p.size() != 3 || p[0].empty() || p[1].empty() || p[2].empty()) return fail("option: needs 'English | Korean | condition'");
            q.options.push_back({{p[0], p[1]}, p[2]});
            return true;
        }
        return true;
    }

    // A lesson needs steps; a step its link and both texts; a question one kind of answer.
    bool complete() {
        if (course.lessons.empty()) return error = "the course has no lessons", false;
        for (const Lesson& l : course.lessons) {
            if (l.title.en.empty()) return error = message_safe("lesson " + l.key + " has no title"), false;
            if (l.steps.empty()) return error = message_safe("lesson " + l.key + " has no steps"), false;
            for (const LessonStep& s : l.steps) {
                line = s.line;
                if (s.link.empty()) return fail("the step has no link");
                if (s.text.en.empty() || s.text.ko.empty()) return fail("the step needs both 'en:' and 'ko:'");
                if (!s.has_question) continue;
                const LessonQuestion& q = s.question;
                if (q.options.empty() == q.answer.empty()) return fail("a question needs either 'answer:' or two or more 'option:'");
                if (q.options.size() == 1) return fail("a choice needs two or more options");
            }
        }
        return true;
    }
};

// ---- paths into JSON -------------------------------------------------------------------------

using json = JsonValue;

bool is_number_text(const std::string& s, double& out) {
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && *end == '\0' && std::isfinite(out);
}

// "runs[2].diverged", "nodes[name=q].grad": one key or selector at a time.
bool walk(const std::string& path, const json& root, const json*& out, std::string& error) {
    const json* at = &root;
    size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
            continue;
        }
        if (path[i] == '[') {
            const size_t close = path.find(']', i);
            if (close == std::string::npos) return error = "'" + path + "': '[' without ']'", false;
            const std::string inside = path.substr(i + 1, close - i - 1);
            i = close + 1;
            if (at->kind != JsonValue::Kind::Array) return error = "'" + path + "': [" + inside + "] of something that is not a list", false;
            const size_t eq = inside.find('=');
            const json* found = nullptr;
            if (eq == std::string::npos) {
                double k = 0;
                if (!is_number_text(inside, k) || k < 0 || k != std::floor(k) || k >= static_cast<double>(at->items.size()))
                    return error = "'" + path + "': no item [" + inside + "]", false;
                found = &at->items[static_cast<size_t>(k)];
            } else {  // the first item whose field says so
                const std::string field = inside.substr(0, eq), want = inside.substr(eq + 1);
                for (const json& item : at->items)
                    if (const json* f = item.find(field); f && f->kind == JsonValue::Kind::String && f->text == want) {
                        found = &item;
                        break;
                    }
                if (!found) return error = "'" + path + "': no item with " + inside, false;
            }
            at = found;
            continue;
        }
        const size_t end = path.find_first_of(".[", i);
        const std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
        i = end == std::string::npos ? path.size() : end;
        const json* next = at->find(key);
        if (!next) return error = "'" + path + "': no '" + key + "'", false;
        at = next;
    }
    out = at;
    return true;
}

bool operand(const std::string& text, const json& root, double& out, std::string& error) {
    if (is_number_text(text, out)) return true;
    const json* v = nullptr;
    if (!walk(text, root, v, error)) return false;
    if (v->kind == JsonValue::Kind::Number) return out = v->number, true;
    if (v->kind == JsonValue::Kind::Bool) return out = v->boolean ? 1 : 0, true;
    if (v->kind == JsonValue::Kind::String) return out = v->text.empty() ? 0 : 1, true;
    return error = "'" + text + "' is not a number, a yes/no or a text", false;
}

}  // namespace

bool Course::parse(const std::string& text, Course& out, std::string& error) {
    Reader r;
    size_t from = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a byte-order mark some editors write
    while (from <= text.size()) {
        const size_t nl = text.find('\n', from);
        const std::string raw = text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
        from = nl == std::string::npos ? text.size() + 1 : nl + 1;
        ++r.line;
        const std::string line = trim(raw);
        if (line.empty() || line[0] == '#') {
            if (line.empty()) r.continued = nullptr;
            continue;
        }
        if ((raw[0] == ' ' || raw[0] == '\t') && r.continued) {  // a long text goes on, indented
            *r.continued += " " + line;
            continue;
        }
        const size_t colon = line.find(':');
        const size_t space = line.find(' ');
        std::string key, value;
        if (line == "step") {
            key = "step";
        } else if (line.compare(0, 7, "lesson ") == 0 || line == "lesson") {
            key = "lesson", value = trim(line.substr(std::min<size_t>(6, line.size())));
        } else if (colon != std::string::npos && (space == std::string::npos || colon < space)) {
            key = line.substr(0, colon), value = trim(line.substr(colon + 1));
        } else {
            return error = "line " + std::to_string(r.line) + ": expected 'field: value', 'step' or 'lesson key'", false;  // echoes nothing
        }
        if (!r.field(key, value)) return error = r.error, false;
    }
    if (!r.complete()) return error = r.error, false;
    out = std::move(r.course);
    return true;
}

namespace {

// One comparison or product ("a < b", "first_weight * 4"), or one operand.
bool evaluate_term(const std::string& expression, const json& root, double& out, std::string& error) {
    static const char* const kOps[] = {"<=", ">=", "==", "!=", "<", ">", "*"};
    for (const char* op : kOps) {
        const size_t at = expression.find(op);
        if (at == std::string::npos) continue;
        double a = 0, b = 0;
        const std::string o = op;
        if (!operand(trim(expression.substr(0, at)), root, a, error) || !operand(trim(expression.substr(at + o.size())), root, b, error))
            return false;
        if (o == "*") return out = a * b, true;
        const bool holds = o == "<=" ? a <= b : o == ">=" ? a >= b : o == "==" ? a == b : o == "!=" ? a != b : o == "<" ? a < b : a > b;
        return out = holds ? 1 : 0, true;
    }
    return operand(trim(expression), root, out, error);
}

bool evaluate_in(const std::string& expression, const json& root, double& out, std::string& error) {
    // "a > b and a > c": every part must hold.
    size_t from = 0;
    bool all = true;
    for (;;) {
        const size_t at = expression.find(" and ", from);
        double v = 0;
        if (!evaluate_term(expression.substr(from, at == std::string::npos ? std::string::npos : at - from), root, v, error)) return false;
        if (at == std::string::npos) {
            if (from == 0) return out = v, true;  // no "and": the value itself
            return out = all && v != 0 ? 1 : 0, true;
        }
        all = all && v != 0;
        from = at + 5;
    }
}

}  // namespace

bool evaluate_in_json(const std::string& expression, const std::string& text, double& out, std::string& error) {
    json root;
    if (!read_json(text, root, error)) return error = "the lab's JSON does not parse: " + error, false;
    if (!evaluate_in(expression, root, out, error)) return error = message_safe(error), false;  // it echoes the course's path
    return true;
}

bool fill_in(const std::string& text, const std::string& lab_json, const std::string& after_json, std::string& out, std::string& error) {
    json root, after;
    if (!read_json(lab_json, root, error) || !read_json(after_json, after, error)) return error = "the lab's JSON does not parse: " + error, false;
    out.clear();
    for (size_t i = 0; i < text.size();) {
        const size_t open = text.find('{', i);
        if (open == std::string::npos) {
            out += text.substr(i);
            break;
        }
        const size_t close = text.find('}', open);
        if (close == std::string::npos) return error = message_safe("'{' without '}' in \"" + text + "\""), false;
        out += text.substr(i, open - i);
        std::string inside = text.substr(open + 1, close - open - 1);
        int digits = 4;
        if (const size_t colon = inside.rfind(':'); colon != std::string::npos) {
            digits = std::atoi(inside.c_str() + colon + 1);
            inside.resize(colon);
            if (digits < 1 || digits > 17) return error = message_safe("{" + inside + ":digits}: 1 to 17 digits"), false;
        }
        double v = 0;
        const bool revealed = inside.compare(0, 6, "after.") == 0;
        if (!evaluate_in(revealed ? inside.substr(6) : inside, revealed ? after : root, v, error)) return error = message_safe(error), false;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        out += std::string(buf[0] == '-' ? "\xE2\x88\x92" : "") + (buf[0] == '-' ? buf + 1 : buf);  // a typographic minus
        i = close + 1;
    }
    return true;
}

bool read_answer(const std::string& typed, double& out) {
    std::string text;
    for (size_t i = 0; i < typed.size(); ++i) {  // the typographic minus and times a student may paste
        if (typed.compare(i, 3, "\xE2\x88\x92") == 0) text += '-', i += 2;
        else if (typed.compare(i, 2, "\xC3\x97") == 0) text += '*', i += 1;
        else if (typed[i] == ',') text += '.';  // a decimal comma
        else text += typed[i];
    }
    if (trim(text).empty()) return false;
    if (is_number_text(trim(text), out)) return true;
    ParseError perr;
    ParsedExpression p = parse_expression(text, perr);
    if (!p.ok() || !p.inputs.empty()) return false;  // a name is not an answer
    p.graph.forward();
    out = p.graph.node(p.output).value;
    return std::isfinite(out);
}

}  // namespace nabla
