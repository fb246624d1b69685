// A small line plot on ImDrawList (ImPlot is not available): shared x, several series, axes with
// ticks, linear or log y, and a hover read-out. Non-finite points are skipped, never drawn.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace nabla::ui {

struct PlotSeries {
    std::string name;
    ImU32 color;
    std::vector<double> y;
};

void line_plot(const char* id, ImVec2 size, const std::vector<double>& x, const std::vector<PlotSeries>& series,
               bool log_y, const char* x_label);

}  // namespace nabla::ui
