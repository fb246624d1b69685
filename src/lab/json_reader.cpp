#include "lab/json_reader.h"

#include <cstdlib>
#include <cstring>

namespace nabla {

const JsonValue* JsonValue::find(const std::string& key) const {
    for (const auto& [name, value] : fields)
        if (name == key) return &value;
    return nullptr;
}

namespace {

struct Reader {
    const std::string& s;
    size_t i = 0;
    std::string error;

    bool fail(const char* what) {
        int line = 1, column = 1;
        for (size_t k = 0; k < i && k < s.size(); ++k) s[k] == '\n' ? (++line, column = 1) : ++column;
        error = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
        return false;
    }
    void space() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    bool literal(const char* word) {
        const size_t n = std::strlen(word);
        if (s.compare(i, n, word) != 0) return false;
        i += n;
        return true;
    }
    static void utf8(unsigned c, std::string& out) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12)), out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18)), out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    bool hex4(unsigned& out) {
        if (i + 4 > s.size()) return fail("a \\u escape needs four hex digits");
        out = 0;
        for (int k = 0; k < 4; ++k, ++i) {
            const char c = s[i];
            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return fail("a \\u escape needs four hex digits");
            out = out * 16 + static_cast<unsigned>(d);
        }
        return true;
    }
    bool string(std::string& out) {
        ++i;  // the opening quote
        out.clear();
        while (i < s.size() && s[i] != '"') {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c < 0x20) return fail("a control character inside a string");
            if (c != '\\') {
                out += s[i++];
                continue;
            }
            if (++i >= s.size()) break;
            const char e = s[i++];
            const char* from = "\"\\/bfnrt";
            const char* to = "\"\\/\b\f\n\r\t";
            if (const char* at = std::strchr(from, e); at && e) {
                out += to[at - from];
            } else if (e == 'u') {
                unsigned c1 = 0;
                if (!hex4(c1)) return false;
                if (c1 >= 0xD800 && c1 < 0xDC00 && s.compare(i, 2, "\\u") == 0) {  // a surrogate pair
                    i += 2;
                    unsigned c2 = 0;
                    if (!hex4(c2)) return false;
                    if (c2 < 0xDC00 || c2 > 0xDFFF) return fail("a lone surrogate in a \\u escape");
                    c1 = 0x10000 + ((c1 - 0xD800) << 10) + (c2 - 0xDC00);
                } else if (c1 >= 0xD800 && c1 <= 0xDFFF) {
                    return fail("a lone surrogate in a \\u escape");
                }
                utf8(c1, out);
            } else {
                --i;
                return fail("an unknown escape in a string");
            }
        }
        if (i >= s.size()) return fail("a string is not closed");
        ++i;
        return true;
    }
    bool number(double& out) {
        const size_t start = i;
        if (s[i] == '-') ++i;
        auto digits = [&] {
            const size_t from = i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
            return i > from;
        };
        if (i < s.size() && s[i] == '0') ++i;
        else if (!digits()) return fail("expected a value");
        if (i < s.size() && s[i] == '.' && (++i, !digits())) return fail("expected digits after '.'");
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            ++i;
            if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
            if (!digits()) return fail("expected digits in the exponent");
        }
        out = std::strtod(s.substr(start, i - start).c_str(), nullptr);
        return true;
    }
    bool value(JsonValue& v, int depth) {
        space();
        if (i >= s.size()) return fail("unexpected end of input");
        if (depth > kMaxJsonDepth) return fail("nested too deeply");
        const char c = s[i];
        if (c == '{' || c == '[') {
            const bool object = c == '{';
            v.kind = object ? JsonValue::Kind::Object : JsonValue::Kind::Array;
            ++i;
            space();
            if (i < s.size() && s[i] == (object ? '}' : ']')) return ++i, true;
            for (;;) {
                space();
                if (object) {
                    if (i >= s.size() || s[i] != '"') return fail("expected a string (a key)");
                    v.fields.emplace_back();
                    if (!string(v.fields.back().first)) return false;
                    space();
                    if (i >= s.size() || s[i] != ':') return fail("expected ':'");
                    ++i;
                    if (!value(v.fields.back().second, depth + 1)) return false;
                } else {
                    v.items.emplace_back();
                    if (!value(v.items.back(), depth + 1)) return false;
                }
                space();
                if (i < s.size() && s[i] == ',') {
                    ++i;
                    continue;
                }
                if (i < s.size() && s[i] == (object ? '}' : ']')) return ++i, true;
                return fail(object ? "expected ',' or '}'" : "expected ',' or ']'");
            }
        }
        if (c == '"') return v.kind = JsonValue::Kind::String, string(v.text);
        if (literal("true")) return v.kind = JsonValue::Kind::Bool, v.boolean = true, true;
        if (literal("false")) return v.kind = JsonValue::Kind::Bool, true;
        if (literal("null")) return v.kind = JsonValue::Kind::Null, true;
        v.kind = JsonValue::Kind::Number;
        return number(v.number);
    }
};

}  // namespace

bool read_json(const std::string& text, JsonValue& out, std::string& error) {
    Reader r{text, 0, {}};
    JsonValue v;
    if (!r.value(v, 0)) return error = r.error, false;
    r.space();
    if (r.i != text.size()) return r.fail("text after the JSON value"), error = r.error, false;
    out = std::move(v);
    return true;
}

}  // namespace nabla
