#include <gtest/gtest.h>

#include "nn/datasets.h"

namespace nabla {
namespace {

TEST(Datasets, SameSeedSameDataAndSplitSizes) {
    for (int k = 0; k <= static_cast<int>(DatasetKind::Line); ++k) {
        DatasetDesc d;
        d.kind = static_cast<DatasetKind>(k);
        d.points = 300;
        d.noise = 0.2;
        d.train_fraction = 0.6;
        const DataSplit a = make_dataset(d), b = make_dataset(d);
        EXPECT_EQ(a.train.X, b.train.X) << enum_key(d.kind);
        EXPECT_EQ(a.test.y, b.test.y) << enum_key(d.kind);
        EXPECT_EQ(a.train.size() + a.test.size(), d.kind == DatasetKind::Spiral3 ? 300 : 300);
        EXPECT_EQ(a.train.size(), 180);
        EXPECT_TRUE(a.train.X.allFinite() && a.train.y.allFinite());
        EXPECT_LE(a.train.X.cwiseAbs().maxCoeff(), 12.0f) << enum_key(d.kind);
        d.seed = 2;
        EXPECT_NE(make_dataset(d).train.X, a.train.X) << enum_key(d.kind);
    }
}

TEST(Datasets, ClassesAreBalancedAndLabelled) {
    DatasetDesc d;
    d.kind = DatasetKind::Spiral3;
    d.points = 600;
    const DataSplit s = make_dataset(d);
    EXPECT_EQ(s.train.classes, 3);
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < s.train.size(); ++i) ++counts[static_cast<int>(s.train.y(i, 0))];
    for (int c : counts) EXPECT_NEAR(c, 100, 30);
    d.kind = DatasetKind::Line;
    const DataSplit line = make_dataset(d);
    EXPECT_TRUE(line.train.regression());
    EXPECT_EQ(line.train.X.cols(), 1);
    for (int i = 0; i < line.train.size(); ++i) EXPECT_FLOAT_EQ(line.train.y(i, 0), 2 * line.train.X(i, 0));  // noise 0: y = 2x
}

TEST(Datasets, BadSettingsAreRefused) {
    DatasetDesc d;
    d.points = 2;
    EXPECT_EQ(d.validate(), "the number of points must be between 4 and 100000");
    d.points = 100;
    d.noise = 2;
    EXPECT_EQ(d.validate(), "noise must be between 0 and 1");
}

}  // namespace
}  // namespace nabla
