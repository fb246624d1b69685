#include "ui/format.h"

#include <cmath>
#include <cstdio>

namespace nabla::ui {

std::string short_number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+\xE2\x88\x9E" : "\xE2\x88\x92\xE2\x88\x9E";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v == 0 ? 0.0 : v);  // never "-0"
    return buf;
}

std::string fixed_number(double v) {
    if (!std::isfinite(v)) return short_number(v);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v == 0 ? 0.0 : v);
    return buf;
}

}  // namespace nabla::ui
