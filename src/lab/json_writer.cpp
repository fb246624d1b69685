#include "lab/json_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/number_text.h"


namespace nabla {

std::string format_number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[32];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    // Plain digits where they read back exactly and are not much longer: 400, not 4e+02.
    const std::string plain = plain_number(v), shortest = buf;
    return std::strtod(plain.c_str(), nullptr) == v && plain.size() <= shortest.size() + 2 ? plain : shortest;
}


std::string json_escape(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

void JsonWriter::separate() {
    if (need_comma_) out_ += ',';
    need_comma_ = true;
}

JsonWriter& JsonWriter::begin_object() { separate(); out_ += '{'; need_comma_ = false; return *this; }
JsonWriter& JsonWriter::end_object() { out_ += '}'; need_comma_ = true; return *this; }
JsonWriter& JsonWriter::begin_array() { separate(); out_ += '['; need_comma_ = false; return *this; }
JsonWriter& JsonWriter::end_array() { out_ += ']'; need_comma_ = true; return *this; }

JsonWriter& JsonWriter::key(const std::string& k) {
    separate();
    out_ += json_escape(k) + ':';
    need_comma_ = false;
    return *this;
}

JsonWriter& JsonWriter::value(const std::string& s) { separate(); out_ += json_escape(s); return *this; }
JsonWriter& JsonWriter::value(const char* s) { return s ? value(std::string(s)) : null(); }
JsonWriter& JsonWriter::value(int v) { separate(); out_ += std::to_string(v); return *this; }
JsonWriter& JsonWriter::value(bool v) { separate(); out_ += v ? "true" : "false"; return *this; }
JsonWriter& JsonWriter::null() { separate(); out_ += "null"; return *this; }

JsonWriter& JsonWriter::value(double v) {
    if (!std::isfinite(v)) return null();
    separate();
    out_ += format_number(v);
    return *this;
}

}  // namespace nabla
