// The Graph lab panel: lecture presets, the expression box with its error inline, input values to
// drag, the backprop stepper, the gradient-check table, and the graph canvas. Reads the lab,
// emits GraphCommands; the app applies them between frames.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lab/graph_lab.h"
#include "ui/graph_canvas.h"
#include "ui/theme.h"

namespace nabla::ui {

struct GraphPanel {
    GraphView view;
    char expression[4096] = {};
    std::string shown_draft;       // the lab's draft last copied into `expression`
    std::string shown_expression;  // the expression whose layout the view last fitted
    int steps_per_frame = 0;       // nothing runs between frames in the Graph lab
    bool presenting = false;       // presentation mode: the graph and the stepper only
    char quiz_answer[64] = {};     // the gradient being typed in the quiz
    int quiz_for = -2;             // the node the box was last cleared for
    // Inputs typed as text (vectors, matrices, or a number whose [ ] was pressed): the text being
    // edited, and the lab's value it was last refreshed from.
    std::map<std::string, std::string> typed, typed_shown;
    int jacobians_shown_for = -1;  // the gate whose Jacobians the column last scrolled to
    std::vector<char> typing;      // the text box's buffer for a typed value

    void draw(const GraphLab& lab, const Fonts& fonts, std::vector<GraphCommand>& commands);
    void forget_gl() {}  // the graph is drawn by ImGui alone: no GL objects of its own
};

}  // namespace nabla::ui
