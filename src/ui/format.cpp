#include "ui/format.h"

#include <cmath>

namespace nabla::ui {

std::string fixed_number(double v) { return std::isfinite(v) ? short_number(v, 6) : short_number(v); }

}  // namespace nabla::ui
