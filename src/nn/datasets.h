// Seeded 2-D datasets, with TensorFlow Playground's definitions where it has them (circle, xor,
// gaussian, spiral, plane) so its users see the same shapes, plus two moons, CS231n's 3-class
// spiral, a sine surface, and lecture 002's y = 2x (1-D input). Inputs live in about [-6, 6].
// Shapes: X [N×D] (D = 2, or 1 for line), y [N×1]: a class index, or a regression target.
#pragma once

#include <cstdint>
#include <string>

#include "engine/tensor.h"

namespace nabla {

enum class DatasetKind { Circle, Xor, Gaussian, Spiral, TwoMoons, Spiral3, Plane, Sine, Line };

struct Dataset {
    Matrix<float> X;
    Matrix<float> y;
    int classes = 2;  // 0 for regression
    bool regression() const { return classes == 0; }
    int size() const { return static_cast<int>(X.rows()); }
};

struct DatasetDesc {
    DatasetKind kind = DatasetKind::Circle;
    int points = 500;             // total, before the split
    double noise = 0;             // 0 … 1 (TF Playground's 0 … 50 % maps to 0 … 0.5)
    double train_fraction = 0.5;  // the rest is the test set
    std::uint64_t seed = 1;

    std::string validate() const;
};

struct DataSplit {
    Dataset train, test;
};

DataSplit make_dataset(const DatasetDesc& desc);
const char* dataset_name(DatasetKind k);
bool parse_dataset_kind(const std::string& name, DatasetKind& out);

}  // namespace nabla
