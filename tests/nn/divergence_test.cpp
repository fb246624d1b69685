// The one rule for "training diverged" (page, trajectory and CLI): by the loss, over an epoch.
#include <gtest/gtest.h>

#include <cmath>

#include "nn/divergence.h"

namespace nabla {
namespace {

TEST(DivergenceWatch, AFastFallIsNotDivergence) {
    DivergenceWatch w;
    for (int k = 0; k <= 50; ++k) EXPECT_FALSE(w.observe(30 * std::exp(-0.5 * k), k * 0.1)) << k;  // 30 down to 2e-10
}

TEST(DivergenceWatch, SgdNoiseIsNotDivergence) {
    DivergenceWatch w;
    for (int k = 0; k <= 20; ++k) w.observe(0.7 - 0.03 * k, k * 0.1);  // learns down to 0.1
    for (int k = 21; k <= 300; ++k) EXPECT_FALSE(w.observe(k % 3 ? 0.05 : 0.45, k * 0.1)) << k;  // swings 9x around a low best
}

TEST(DivergenceWatch, ALossFarAboveItsBestForAnEpochIsDivergence) {
    DivergenceWatch w;
    w.observe(0.7, 0);
    w.observe(0.3, 1);
    EXPECT_FALSE(w.observe(6, 1.5));   // half an epoch up: not yet
    EXPECT_FALSE(w.observe(0.2, 1.8)); // a dip does not excuse it, but the span is not whole yet
    EXPECT_TRUE(w.observe(9, 2.6));    // mean of 6, 0.2, 9 over the last epoch: far above 0.3
    EXPECT_NE(w.message().find("grew from 0.3"), std::string::npos) << w.message();
}

TEST(DivergenceWatch, ANonFiniteLossAtOnce) {
    DivergenceWatch w;
    w.observe(0.7, 0);
    EXPECT_TRUE(w.observe(NAN, 0.01));
    EXPECT_TRUE(w.diverged());
}

}  // namespace
}  // namespace nabla
