// The vectorised graph as JSON (the CLI's `nabla grad` with matrices, the test hook) and as CSV:
// a number is a number, a vector an array, a matrix an array of rows, as numpy's tolist() writes them.
#pragma once

#include <string>
#include <vector>

#include "engine/tensor_graph.h"

namespace nabla {

class JsonWriter;

void write_tensor(JsonWriter& w, const Tensor& t);
void write_shape(JsonWriter& w, const Shape& s);  // [] for a number, [n], [rows, cols]
// "output" {name, value, shape}, "gradients" {input: gradient}, "shapes" {input: shape} and, with
// nodes, every node with its shape, value, gradient and each input edge's upstream and downstream.
void write_tensor_expression_json(JsonWriter& w, const TensorGraph& g, const std::string& output_name, bool with_nodes);
void write_tensor_check_json(JsonWriter& w, const TensorGraph& g, const std::vector<GradientCheckRow>& rows);
// node,name,op,shape,value,gradient with the values as tensor text in quotes.
std::string tensor_nodes_csv(const TensorGraph& g);

}  // namespace nabla
