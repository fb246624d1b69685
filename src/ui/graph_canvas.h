// The computational graph as the lecture slides draw it: gates left to right, forward values in
// green above each gate, gradients in red below, the gate propagating now highlighted in step mode.
// Hovering an edge shows its local gradient and upstream × local = downstream.
#pragma once

#include "imgui.h"
#include "lab/graph_lab.h"
#include "ui/theme.h"

namespace nabla::ui {

// View state that belongs to the UI only (not to the lab's link): where the user panned and zoomed.
struct GraphView {
    ImVec2 pan = {0, 0};
    float zoom = 1;
    bool fit_pending = true;  // fit the whole graph on the next frame (new expression, double-click)
    ImVec2 fitted_size;       // the canvas size it was fitted to: a new layout or text size fits again
    int selected = -1;        // the gate clicked last: a vectorised graph shows its Jacobians
};

void draw_graph_canvas(const GraphLab& lab, GraphView& view, const Fonts& fonts, ImVec2 size);

}  // namespace nabla::ui
