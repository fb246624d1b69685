// Numbers as a student reads them on a slide: four significant digits ("0.7311", "-0.1966").
#pragma once

#include <string>

#include "engine/number_text.h"

namespace nabla::ui {

using nabla::short_number;           // "0.7311", "-12", "1.2e-05", "NaN"
std::string fixed_number(double v);  // for tables: "%.6g"

}  // namespace nabla::ui
