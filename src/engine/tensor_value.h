// A value of the vectorised graph (tensor_graph.h): a number, a vector or a matrix of doubles.
// Shapes follow numpy, which the PyTorch course uses: a vector has one dimension (n), neither a row
// nor a column; a matrix has two (rows×cols). Data is flat and row-major.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

namespace nabla {

// Limits of a value, so a typo such as a 1000×1000 outer product is refused with a message
// instead of allocating and drawing it.
inline constexpr int kMaxTensorElements = 1024;  // numbers in one value (32×32)
inline constexpr int kMaxTensorDim = 1024;

struct Shape {
    int rank = 0;           // 0 a number, 1 a vector, 2 a matrix
    int dims[2] = {1, 1};   // dims[0] = n for a vector; rows, cols for a matrix

    static Shape scalar() { return {}; }
    static Shape vector(int n) { return {1, {n, 1}}; }
    static Shape matrix(int rows, int cols) { return {2, {rows, cols}}; }
    int size() const { return rank == 0 ? 1 : rank == 1 ? dims[0] : dims[0] * dims[1]; }
    // As a matrix for broadcasting: numpy aligns shapes on the right, so a vector is one row.
    int rows2() const { return rank == 2 ? dims[0] : 1; }
    int cols2() const { return rank == 0 ? 1 : rank == 1 ? dims[0] : dims[1]; }
    bool operator==(const Shape& o) const { return rank == o.rank && dims[0] == o.dims[0] && dims[1] == o.dims[1]; }
    bool operator!=(const Shape& o) const { return !(*this == o); }
    std::string text() const;  // "(2×3)", "(2)", "scalar"
};

struct Tensor {
    Shape shape;
    std::vector<double> data = {0};

    Tensor() = default;
    Tensor(double v) : data{v} {}  // NOLINT: a number is a value, so {"x", -2} still reads as one
    Tensor(Shape s, double fill) : shape(s), data(static_cast<size_t>(s.size()), fill) {}
    static Tensor vector(std::initializer_list<double> v);
    static Tensor matrix(std::initializer_list<std::initializer_list<double>> rows);  // rows of one length
    int size() const { return static_cast<int>(data.size()); }
    bool is_scalar() const { return shape.rank == 0; }
    double& at(int r, int c) { return data[static_cast<size_t>(r * shape.cols2() + c)]; }
    double at(int r, int c) const { return data[static_cast<size_t>(r * shape.cols2() + c)]; }
    bool operator==(const Tensor& o) const { return shape == o.shape && data == o.data; }
    bool operator!=(const Tensor& o) const { return !(*this == o); }
};

// The flat index in `s` that element (r, c) of a broadcast result reads (numpy: a dimension of 1 repeats).
inline int broadcast_index(const Shape& s, int r, int c) { return (s.rows2() == 1 ? 0 : r) * s.cols2() + (s.cols2() == 1 ? 0 : c); }

// A @ B as (m×k)·(k×p): a vector on the left is one row, on the right one column (numpy's rule),
// and the flat data is the same either way.
struct MatMulDims {
    int m = 1, k = 1, p = 1;
};
inline MatMulDims matmul_dims(const Shape& a, const Shape& b) {
    return {a.rank == 2 ? a.dims[0] : 1, a.rank == 0 ? 1 : a.rank == 1 ? a.dims[0] : a.dims[1], b.rank == 2 ? b.dims[1] : 1};
}

// Where element `flat` sits, as a reader counts: "[2]" in a vector, "[1,2]" in a matrix (1-based).
std::string element_name(const Shape& shape, int flat);

}  // namespace nabla
