#include "engine/utf8.h"

#include <cstdio>

namespace nabla {
namespace {
bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }
}  // namespace

int utf8_sequence_at(const std::string& s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
    if (length == 0 || i + static_cast<size_t>(length) > s.size()) return 0;
    for (int k = 1; k < length; ++k)
        if (!continuation(static_cast<unsigned char>(s[i + static_cast<size_t>(k)]))) return 0;
    // No overlong forms, no UTF-16 surrogates, nothing past U+10FFFF: what a terminal would reject.
    const auto second = static_cast<unsigned char>(length > 1 ? s[i + 1] : 0);
    if ((b == 0xE0 && second < 0xA0) || (b == 0xED && second >= 0xA0) || (b == 0xF0 && second < 0x90) || (b == 0xF4 && second >= 0x90))
        return 0;
    return length;
}

std::string message_safe(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int length = utf8_sequence_at(s, i);
        if (b == '\t' || b == '\n' || b == '\r') {
            out += b == '\t' ? "\\t" : b == '\n' ? "\\n" : "\\r";
        } else if (length == 0 || b < 0x20 || b == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", b);
            out += buf;
        } else {
            out.append(s, i, static_cast<size_t>(length));
            i += static_cast<size_t>(length);
            continue;
        }
        ++i;
    }
    return out;
}

}  // namespace nabla
