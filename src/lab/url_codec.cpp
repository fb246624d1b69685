#include "lab/url_codec.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace nabla {

namespace {

std::string percent_encode(const std::string& s, const char* also_plain) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || (c != 0 && std::strchr("-_.~*()", c)) || (c != 0 && std::strchr(also_plain, c))) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

std::string url_encode(const std::string& s) { return percent_encode(s, ""); }
std::string link_encode(const std::string& s) { return percent_encode(s, ",:;"); }

bool url_decode(const std::string& s, std::string& out) {
    out.clear();
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i] == '+' ? ' ' : s[i];
            continue;
        }
        if (i + 2 >= s.size() || std::isxdigit(static_cast<unsigned char>(s[i + 1])) == 0 ||
            std::isxdigit(static_cast<unsigned char>(s[i + 2])) == 0)
            return false;
        out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
        i += 2;
    }
    return true;
}

std::vector<std::pair<std::string, std::string>> split_query(const std::string& s) {
    std::vector<std::pair<std::string, std::string>> parts;
    for (const std::string& item : split_list(s, '&')) {
        if (item.empty()) continue;
        const size_t eq = item.find('=');
        parts.emplace_back(item.substr(0, eq), eq == std::string::npos ? "" : item.substr(eq + 1));
    }
    return parts;
}

std::vector<std::string> split_list(const std::string& s, char separator) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t end = std::min(s.find(separator, start), s.size());
        out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool parse_finite(const std::string& s, double& out) {
    // Decimal only: [+-] digits [. digits] [e [+-] digits]. strtod alone also takes "0x10", "inf",
    // leading spaces and "1e", which a link or a CLI argument should not mean.
    size_t i = 0, digits = 0;
    auto run = [&] {
        size_t n = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) != 0) ++i, ++n;
        return n;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    digits += run();
    if (i < s.size() && s[i] == '.') ++i, digits += run();
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (run() == 0) return false;
    }
    if (i != s.size()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return *end == '\0' && std::isfinite(out);
}

}  // namespace nabla
