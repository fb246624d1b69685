// Tensor types of the engine: row-major Eigen matrices, one sample per row.
// Dimension legend used across engine/ and nn/:
//   B = batch (rows), I = inputs of a layer, O = outputs of a layer, K = outputs of the network
//   (classes or regression targets), N = samples in a dataset.
// Buffers are allocated once per shape; a step works on Map views of their first B rows, so a
// smaller last batch or a new batch size never allocates.
#pragma once

#include <Eigen/Core>

namespace nabla {

template <class T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <class T>
using RowVector = Eigen::Matrix<T, 1, Eigen::Dynamic>;
template <class T>
using MatrixView = Eigen::Map<Matrix<T>>;
template <class T>
using ConstMatrixView = Eigen::Map<const Matrix<T>>;

// The first `rows` rows of a buffer, as a view (no copy, no allocation).
template <class T>
MatrixView<T> top_rows(Matrix<T>& m, Eigen::Index rows) { return MatrixView<T>(m.data(), rows, m.cols()); }
template <class T>
ConstMatrixView<T> top_rows(const Matrix<T>& m, Eigen::Index rows) { return ConstMatrixView<T>(m.data(), rows, m.cols()); }

}  // namespace nabla
