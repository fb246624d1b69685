// "Your data": points a teacher or student placed with the mouse or pasted as CSV, trained on like
// any generated dataset. Every point trains (there is no held-out set: a point someone just
// placed is meant to pull the boundary). Positions and values are kept to two decimals, the
// precision a link carries, so a link reopens exactly the data it was made from.
//
//   CSV, one point a row, a header row allowed:
//     x1,x2,label    two inputs, a class 0 or 1 (or 0, 1, 2: three classes)
//     x,y            one input and its value: a curve to fit, as lecture 002's y = 2x
#pragma once

#include <string>
#include <vector>

#include "engine/enum_table.h"
#include "engine/range.h"
#include "nn/datasets.h"

namespace nabla {

enum class OwnTask { TwoClasses, ThreeClasses, Curve, Last = Curve };
template <>
struct EnumTable<OwnTask> {
    static constexpr EnumRow<OwnTask> rows[] = {
        {OwnTask::TwoClasses, "c2", "two classes", "2 classes", "x1,x2,label with labels 0 and 1"},
        {OwnTask::ThreeClasses, "c3", "three classes", "3 classes", "x1,x2,label with labels 0, 1 and 2"},
        {OwnTask::Curve, "xy", "a curve y = f(x)", "y = f(x)", "x,y: one input and its value"},
    };
};
static_assert(enum_table_complete<OwnTask>(), "every task has one row, in order");

struct OwnPoint {
    float x1 = 0, x2 = 0;  // a curve's points: x1 = x, x2 = 0
    float label = 0;       // a class index, or a curve's y
    bool operator==(const OwnPoint& o) const { return x1 == o.x1 && x2 == o.x2 && label == o.label; }
};

struct OwnDataLimits {
    static constexpr int max_points = 500;     // all of them ride in the link (about 8 KB of it)
    static constexpr Range coordinate{-kPlaneExtent, kPlaneExtent};  // the input plane: off it, a point is not seen
};

struct OwnData {
    OwnTask task = OwnTask::TwoClasses;
    std::vector<OwnPoint> points;

    int classes() const { return task == OwnTask::TwoClasses ? 2 : task == OwnTask::ThreeClasses ? 3 : 0; }
    bool operator==(const OwnData& o) const { return task == o.task && points == o.points; }
    std::string validate() const;  // "" or what is wrong: a count, a point off the plane, a bad class

    // The link's form: "c2:1.25,-3,1;0.5,2,0" (a curve: "xy:x,y;x,y"). "" for no points.
    std::string to_text() const;
    static bool from_text(const std::string& text, OwnData& out, std::string& error);
    std::string to_csv() const;  // with its header row, for the download
};

// Kept to two decimals, as the link writes it.
float snap_to_link(float v);

// Reads CSV (',' ';' or tab between fields). Nothing changes unless every row is good: the error
// names the row (1-based, as an editor counts lines) and the column, and what was wrong.
bool parse_own_csv(const std::string& text, OwnData& out, std::string& error);

// The points as a training set (X: N×2, or N×1 for a curve), and an empty test set.
DataSplit own_dataset(const OwnData& data);

// A start for "your data": up to `count` points of a generated dataset, evenly picked, in the
// task closest to it (three spirals: three classes; y = 2x: a curve; other regression: two classes
// by the sign of the value).
OwnData own_data_from(const DataSplit& generated, int count);

}  // namespace nabla
