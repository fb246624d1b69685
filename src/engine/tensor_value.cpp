#include "engine/tensor_value.h"

namespace nabla {

std::string Shape::text() const {
    if (rank == 0) return "scalar";
    if (rank == 1) return "(" + std::to_string(dims[0]) + ")";
    return "(" + std::to_string(dims[0]) + "\xC3\x97" + std::to_string(dims[1]) + ")";
}

std::string element_name(const Shape& shape, int flat) {
    if (shape.rank == 0) return "";
    if (shape.rank == 1) return "[" + std::to_string(flat + 1) + "]";
    return "[" + std::to_string(flat / shape.dims[1] + 1) + "," + std::to_string(flat % shape.dims[1] + 1) + "]";
}

}  // namespace nabla
