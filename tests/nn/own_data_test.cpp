// Your data: CSV in (every error with its row and column, nothing half-loaded), the link's text
// both ways at its two decimals, and the limits.
#include "nn/own_data.h"

#include <gtest/gtest.h>

#include "engine/i18n.h"

namespace nabla {
namespace {

TEST(OwnData, CsvWithHeaderGivesTwoClasses) {
    OwnData d;
    std::string error;
    ASSERT_TRUE(parse_own_csv("x1,x2,label\r\n1.5,-2,1\r\n\r\n-3.25, 4 ,0\n", d, error)) << error;
    EXPECT_EQ(d.task, OwnTask::TwoClasses);
    ASSERT_EQ(d.points.size(), 2u);
    EXPECT_EQ(d.points[0], (OwnPoint{1.5f, -2, 1}));
    EXPECT_EQ(d.points[1], (OwnPoint{-3.25f, 4, 0}));
}

TEST(OwnData, ALabelTwoMakesThreeClassesAndTwoColumnsACurve) {
    OwnData d;
    std::string error;
    ASSERT_TRUE(parse_own_csv("0;0;0\n1;1;1\n2;2;2\n", d, error)) << error;
    EXPECT_EQ(d.task, OwnTask::ThreeClasses);
    EXPECT_EQ(d.classes(), 3);
    ASSERT_TRUE(parse_own_csv("x\ty\n-1\t-2\n1\t2\n", d, error)) << error;
    EXPECT_EQ(d.task, OwnTask::Curve);
    EXPECT_EQ(d.points[1], (OwnPoint{1, 0, 2}));
    const DataSplit s = own_dataset(d);
    EXPECT_EQ(s.train.X.cols(), 1);
    EXPECT_TRUE(s.train.regression());
    EXPECT_EQ(s.train.y(0, 0), -2);
    EXPECT_EQ(s.test.size(), 0);  // every point trains
}

struct BadCsv {
    const char* text;
    const char* message;
};

TEST(OwnData, BadRowsAreNamedByRowAndColumnAndNothingLoads) {
    const BadCsv cases[] = {
        {"x1,x2,label\n1,2,1\n3,abc,0\n", "row 3, column 2: 'abc' is not a number"},
        {"1,2,1\n\n3,4\n", "row 3 has 2 values, the first row 3"},
        {"1,2,1\n3,4,1.5\n", "row 2, column 3: the label must be 0, 1 or 2, not '1.5'"},
        {"1,2,1\n3,7.5,1\n", "row 2, column 2: 7.5 is off the plane (between -6 and 6)"},
        {"1,2,3,4\n", "row 1 has 4 values: write x1,x2,label (two classes or three) or x,y (a curve)"},
        {"x1,x2,label\n", "the CSV has no points: one row per point, x1,x2,label or x,y"},
        {"1,2,1\nnan,2,1\n", "row 2, column 1: 'nan' is not a number"},
        {"1,2\n3,1e999\n", "row 2, column 2: '1e999' is not a number"},
    };
    for (const BadCsv& c : cases) {
        OwnData d;
        d.points = {{5, 5, 1}};
        std::string error;
        EXPECT_FALSE(parse_own_csv(c.text, d, error)) << c.text;
        EXPECT_EQ(error, c.message) << c.text;
        ASSERT_EQ(d.points.size(), 1u) << "half-loaded: " << c.text;
    }
}

TEST(OwnData, AtMostTheLimitOfPoints) {
    std::string csv;
    for (int i = 0; i <= OwnDataLimits::max_points; ++i) csv += "0.5,0.5," + std::to_string(i % 2) + "\n";
    OwnData d;
    std::string error;
    EXPECT_FALSE(parse_own_csv(csv, d, error));
    EXPECT_EQ(error, "more than 500 points (row 501): your data holds at most 500");
    csv.resize(csv.rfind("0.5,0.5"));
    EXPECT_TRUE(parse_own_csv(csv, d, error)) << error;
    EXPECT_EQ(static_cast<int>(d.points.size()), OwnDataLimits::max_points);
}

TEST(OwnData, TheLinkTextRoundTripsExactlyAtTwoDecimals) {
    OwnData d;
    d.task = OwnTask::ThreeClasses;
    d.points = {{snap_to_link(1.234f), snap_to_link(-0.05f), 2}, {-6, 6, 0}, {0.1f, -5.99f, 1}};
    const std::string text = d.to_text();
    EXPECT_EQ(text, "c3:1.23,-0.05,2;-6,6,0;0.1,-5.99,1");
    OwnData back;
    std::string error;
    ASSERT_TRUE(OwnData::from_text(text, back, error)) << error;
    EXPECT_TRUE(back == d);
    EXPECT_EQ(back.to_csv(), "x1,x2,label\n1.23,-0.05,2\n-6,6,0\n0.1,-5.99,1\n");
}

TEST(OwnData, TamperedLinkTextIsRefused) {
    const std::pair<const char*, const char*> cases[] = {
        {"c4:1,1,1", "your data in the link should start with c2:, c3: or xy:"},
        {"c2:1,1", "point 1 of your data is not x1,x2,label"},
        {"c2:1,1,1;2,x,0", "point 2 of your data is not x1,x2,label"},
        {"c2:1,1,2", "point 1 has class 2: the classes are 0 to 1"},
        {"xy:9,1", "point 1 is off the plane (between -6 and 6)"},
        {"xy:", "point 1 of your data is not x,y"},
    };
    for (const auto& [text, message] : cases) {
        OwnData d;
        std::string error;
        EXPECT_FALSE(OwnData::from_text(text, d, error)) << text;
        EXPECT_EQ(error, message) << text;
    }
}

TEST(OwnData, StartsFromTheGeneratedPointsInTheClosestTask) {
    const OwnData spirals = own_data_from(make_dataset({DatasetKind::Spiral3, 300}), 60);
    EXPECT_EQ(spirals.task, OwnTask::ThreeClasses);
    EXPECT_EQ(spirals.points.size(), 60u);
    EXPECT_EQ(spirals.validate(), "");
    const OwnData line = own_data_from(make_dataset({DatasetKind::Line, 100}), 60);
    EXPECT_EQ(line.task, OwnTask::Curve);
    EXPECT_EQ(line.validate(), "");
    const OwnData plane = own_data_from(make_dataset({DatasetKind::Plane, 100}), 10);
    EXPECT_EQ(plane.task, OwnTask::TwoClasses);
    EXPECT_EQ(plane.validate(), "");
}

}  // namespace
}  // namespace nabla
