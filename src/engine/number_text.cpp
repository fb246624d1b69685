#include "engine/number_text.h"

#include <cmath>
#include <cstdio>

namespace nabla {

std::string plain_number(double v) {
    char buf[64];
    if (!std::isfinite(v) || std::fabs(v) >= 1e15 || (v != 0 && std::fabs(v) < 1e-9)) {
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.10f", v);
    std::string s = buf;
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string short_number(double v, int digits) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+\xE2\x88\x9E" : "\xE2\x88\x92\xE2\x88\x9E";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v == 0 ? 0.0 : v);  // never "-0"
    return buf;
}

std::string float_text(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.8g", static_cast<double>(v));
    return buf;
}

}  // namespace nabla
