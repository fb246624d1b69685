// Seeded 2-D datasets, with TensorFlow Playground's definitions where it has them (circle, xor,
// gaussian, spiral, plane) so its users see the same shapes, plus two moons, CS231n's 3-class
// spiral, a sine surface, and lecture 002's y = 2x (1-D input). Inputs live in about [-6, 6].
// Shapes: X [N×D] (D = 2, or 1 for line), y [N×1]: a class index, or a regression target.
#pragma once

#include <cstdint>
#include <string>

#include "engine/enum_table.h"
#include "engine/range.h"
#include "engine/tensor.h"

namespace nabla {

enum class DatasetKind { Circle, Xor, Gaussian, Spiral, TwoMoons, Spiral3, Plane, Sine, Line, Own, Last = Own };
template <>
struct EnumTable<DatasetKind> {
    static constexpr EnumRow<DatasetKind> rows[] = {
        {DatasetKind::Circle, "circle", "circle", "circle", ""},
        {DatasetKind::Xor, "xor", "xor", "xor", ""},
        {DatasetKind::Gaussian, "gaussian", "gaussian", "gaussian", ""},
        {DatasetKind::Spiral, "spiral", "spiral", "spiral", ""},
        {DatasetKind::TwoMoons, "moons", "two moons", "moons", ""},
        {DatasetKind::Spiral3, "spiral3", "3-class spiral", "3 spirals", "CS231n's three classes"},
        {DatasetKind::Plane, "plane", "plane (regression)", "plane", ""},
        {DatasetKind::Sine, "sine", "sine (regression)", "sine", ""},
        {DatasetKind::Line, "line", "y = 2x (regression)", "y = 2x", "lecture 002's data, one input"},
        {DatasetKind::Own, "own", "your data", "yours", "click to add points, drag to move them; or paste CSV"},
    };
};
static_assert(enum_table_complete<DatasetKind>(), "every dataset has one row, in order");

// The data's input plane: both inputs lie in [-kPlaneExtent, kPlaneExtent] (drawn and evaluated there).
constexpr double kPlaneExtent = 6;

// What make_dataset accepts; links, the CLI and sliders take their limits from here.
struct DatasetLimits {
    static constexpr Range points{4, 100000};
    static constexpr Range noise{0, 1};
};

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

// Own (points a user placed, nn/own_data.h) generates nothing here: no points.
DataSplit make_dataset(const DatasetDesc& desc);

}  // namespace nabla
