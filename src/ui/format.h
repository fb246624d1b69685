// Numbers as a student reads them on a slide: four significant digits ("0.7311", "-0.1966").
#pragma once

#include <string>

namespace nabla::ui {

std::string short_number(double v);   // "0.7311", "-12", "1.2e-05", "NaN"
std::string fixed_number(double v);   // for tables: "%.6g"

// The optimizers as people name them, in OptimizerKind's order (for combos and labels).
inline constexpr const char* kOptimizerLabels[] = {"SGD", "momentum", "Nesterov", "RMSProp", "Adam"};
inline constexpr int kOptimizerCount = 5;

}  // namespace nabla::ui
