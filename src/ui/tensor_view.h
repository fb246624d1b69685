// Vectors and matrices as a student reads them (lecture 001): a vector as a column, a matrix as a
// grid, a large one cut to its corner with ⋯ and ⋮, and the rule each edge of a vectorised graph
// applies (∂f/∂W = ∂f/∂q · xᵀ). The tooltips and the Jacobian panel of the Graph lab draw these.
#pragma once

#include <string>

#include "imgui.h"
#include "lab/graph_lab.h"

namespace nabla::ui {

// The cells a value shows: a vector as n rows of one column, at most kShownCells each way (the
// last one shown is then an ellipsis).
inline constexpr int kShownCells = 4;
struct CellGrid {
    int rows = 1, cols = 1;           // of the value, as drawn (a vector is a column)
    int shown_rows = 1, shown_cols = 1;
};
CellGrid cell_grid(const Shape& shape);
// The text of shown cell (r, c): a number, or "⋯" / "⋮" / "⋱" where the grid is cut.
std::string cell_text(const Tensor& t, const CellGrid& grid, int r, int c);

// A tensor as an ImGui table of numbers in `color`, cut as the canvas cuts it.
void tensor_table(const char* id, const Tensor& t, ImU32 color);

// The backward rule of the edge into `slot` of `node`, with the graph's names:
// "∂f/∂W = ∂f/∂q · xᵀ", "∂f/∂x = Wᵀ · ∂f/∂q", "elementwise: ∂f/∂s = ∂f/∂h ⊙ local".
std::string tensor_edge_rule(const GraphLab& lab, int edge);

void tensor_edge_tooltip(const GraphLab& lab, int edge);
void tensor_node_tooltip(const GraphLab& lab, int node);
// The Jacobian of `node` with respect to each input: shown when small, with the note that an
// elementwise op's is diagonal and never built, and for a linear module both (input and weights).
void tensor_jacobians(const GraphLab& lab, int node);

// A node's name as the graph shows it: its statement's name, or its gate's label.
std::string tensor_node_name(const GraphLab& lab, int node);

}  // namespace nabla::ui
