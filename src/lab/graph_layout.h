// Places a scalar graph left to right for drawing: inputs in column 0, every other node one
// column right of its rightmost input, rows ordered to reduce edge crossings, long edges routed
// through lanes between the boxes. Literal constants are folded into the label of the gate they
// feed ("+1", "1/x", "×2"), as on the lecture slides.
// Positions are in abstract units (one column, one row); the UI scales them to pixels.
#pragma once

#include <string>
#include <vector>

#include "engine/scalar_graph.h"
#include "lab/json_writer.h"

namespace nabla {

struct NodePlace {
    bool visible = false;  // false for constants folded into their consumer's label
    int column = 0;
    float row = 0;         // vertical position; rows in one column are at least 1 apart
    std::string label;     // "x", "+", "+1", "1/x", "exp", "σ"
};

struct Waypoint {
    int column;
    float row;
};

struct GraphLayout {
    std::vector<NodePlace> places;  // one per graph node, same index
    // One list per graph edge: where an edge that skips columns passes through each of them,
    // in a lane kept clear of boxes. Empty for edges between neighbouring columns.
    std::vector<std::vector<Waypoint>> edge_waypoints;
    int columns = 0;
    float min_row = 0, max_row = 0;
};

GraphLayout layout_graph(const ScalarGraph& graph);

}  // namespace nabla
