// A small line plot on ImDrawList (ImPlot is not available): shared x, several series, axes with
// ticks, linear or log y, and a hover read-out. Non-finite points are skipped, never drawn.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "imgui.h"

namespace nabla::ui {

struct PlotSeries {
    std::string name;
    ImU32 color;
    std::vector<double> y;
};

// With a title, the plot has a band over its area holding the title, the legend and, when log_toggle
// is given, a "log" switch for the y axis (which then decides log_y). A finite marker_x draws a
// vertical line there (the step the timeline shows).
void line_plot(const char* id, ImVec2 size, const std::vector<double>& x, const std::vector<PlotSeries>& series,
               bool log_y, const char* x_label, const char* title = nullptr, bool* log_toggle = nullptr, double marker_x = NAN);

}  // namespace nabla::ui
