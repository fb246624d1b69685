#include "engine/tensor_value.h"

namespace nabla {

std::string Shape::text() const {
    if (rank == 0) return "scalar";
    if (rank == 1) return "(" + std::to_string(dims[0]) + ")";
    return "(" + std::to_string(dims[0]) + "\xC3\x97" + std::to_string(dims[1]) + ")";
}

Tensor Tensor::vector(std::initializer_list<double> v) {
    Tensor t(Shape::vector(static_cast<int>(v.size())), 0.0);
    t.data.assign(v.begin(), v.end());
    return t;
}

Tensor Tensor::matrix(std::initializer_list<std::initializer_list<double>> rows) {
    Tensor t(Shape::matrix(static_cast<int>(rows.size()), static_cast<int>(rows.begin()->size())), 0.0);
    t.data.clear();
    for (const auto& row : rows) t.data.insert(t.data.end(), row.begin(), row.end());
    return t;
}

std::string element_name(const Shape& shape, int flat) {
    if (shape.rank == 0) return "";
    if (shape.rank == 1) return "[" + std::to_string(flat + 1) + "]";
    return "[" + std::to_string(flat / shape.dims[1] + 1) + "," + std::to_string(flat % shape.dims[1] + 1) + "]";
}

}  // namespace nabla
