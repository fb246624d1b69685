// The gradient check must not cry wolf where the analytic gradient is right (a small x near a pole
// or the domain's edge, a huge output, a saturated sigmoid) and must still say "differs" where the
// central difference and backprop really disagree (a kink).
#include <gtest/gtest.h>

#include <cmath>

#include "engine/gradient_check.h"
#include "test_util.h"

namespace nabla {
namespace {

std::vector<GradientCheckRow> check(const std::string& text, const std::vector<std::pair<std::string, double>>& values) {
    ParsedExpression p = parse_ok(text, values);
    const std::vector<GradientCheckRow> rows = check_gradients(p.graph, p.output);
    for (const GradientCheckRow& r : rows) {
        for (const auto& [name, v] : values)
            if (name == p.graph.node(r.input).name) {
                EXPECT_EQ(p.graph.node(r.input).value, v) << "the check leaves the input as it found it";
            }
        if (std::isfinite(r.numeric)) {
            EXPECT_GT(r.step, 0);
        }
    }
    return rows;
}

const GradientCheckRow& row_of(const std::vector<GradientCheckRow>& rows, size_t k) {
    EXPECT_LT(k, rows.size());
    return rows[k];
}

TEST(GradientCheck, TheLectureNeuronAgreesToTenDigits) {
    const auto rows = check("f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))", {{"w0", 2}, {"x0", -1}, {"w1", -3}, {"x1", -2}, {"w2", -3}});
    ASSERT_EQ(rows.size(), 5u);
    for (const GradientCheckRow& r : rows) {
        EXPECT_TRUE(r.agrees);
        EXPECT_LT(r.relative_error, 1e-10);
        EXPECT_LT(r.numeric_error, 1e-9);
    }
}

// h = 1e-5 crossed the pole at y = 0: relative error 1.
TEST(GradientCheck, ASmallDivisorGetsAStepSmallerThanItself) {
    const auto rows = check("f = x / y", {{"x", 1}, {"y", 1e-6}});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_NEAR(rows[1].numeric, -1e12, 1e12 * 1e-9);
    EXPECT_LT(rows[1].step, 1e-7);
    for (const GradientCheckRow& r : rows) EXPECT_TRUE(r.agrees && r.relative_error < 1e-9) << r.relative_error;
}

// 2.4e12 + 1e-5 rounds back to 2.4e12, so the old check saw a slope of 0.
TEST(GradientCheck, AHugeOutputGetsAStepLargeEnoughToShow) {
    const auto rows = check("f = (8e11*3) - (-x)", {{"x", 0}});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0].agrees);
    EXPECT_NEAR(rows[0].numeric, 1, 1e-6);
    EXPECT_GT(rows[0].step, 1e-3);
}

// x - h < 0 for sqrt and log: the old check printed null.
TEST(GradientCheck, NearTheDomainsEdgeTheStepStaysInside) {
    for (const auto& [text, x, slope] : {std::tuple{"f = sqrt(x)", 1e-12, 0.5e6}, {"f = log(x)", 1e-9, 1e9}, {"f = sqrt(x)", 1e-300, 0.5e150}}) {
        const auto rows = check(text, {{"x", x}});
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_TRUE(std::isfinite(rows[0].numeric)) << text << " at " << x;
        EXPECT_NEAR(rows[0].numeric / slope, 1, 1e-8) << text << " at " << x;
        EXPECT_TRUE(rows[0].agrees) << text << " at " << x;
    }
}

// d sigmoid/dx at 40 is 4.2e-18, far below what differences of values near 1 can resolve: the
// estimate says so (its error covers the gap) instead of calling a right gradient wrong.
TEST(GradientCheck, ASaturatedOutputIsWithinTheEstimatesOwnError) {
    auto rows = check("f = sigmoid(x)", {{"x", 30}});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_NEAR(rows[0].analytic, 9.357622968838425e-14, 1e-26);  // e^-30 / (1 + e^-30)^2
    EXPECT_TRUE(rows[0].agrees);
    EXPECT_GE(3 * rows[0].numeric_error + 1e-6 * rows[0].analytic, std::fabs(rows[0].analytic - rows[0].numeric));
    EXPECT_LT(rows[0].numeric_error, 0.05 * rows[0].analytic);  // differences of values near 1 resolve ~1 %
    // At 40 sigma rounds to 1: differences of values see no slope, and say their resolution covers 4e-18.
    rows = check("f = sigmoid(x)", {{"x", 40}});
    EXPECT_NEAR(rows[0].analytic, 4.248354255291589e-18, 1e-30);
    EXPECT_TRUE(rows[0].agrees);
    EXPECT_GT(rows[0].numeric_error, rows[0].analytic);
}

TEST(GradientCheck, ZeroGradientsAgree) {
    const auto rows = check("f = x + y*0", {{"x", 3}, {"y", 1e-8}});
    EXPECT_TRUE(row_of(rows, 1).agrees);
    EXPECT_EQ(row_of(rows, 1).analytic, 0);
}

// At relu's kink every central difference is 0.5 while backprop takes one side: a real disagreement,
// with a tiny error of its own, so the check must say it differs.
TEST(GradientCheck, AKinkIsCalledADifference) {
    const auto rows = check("f = relu(x)", {{"x", 0}});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_NEAR(rows[0].numeric, 0.5, 1e-12);
    EXPECT_FALSE(rows[0].agrees);
    EXPECT_GE(rows[0].relative_error, 0.5);
}

TEST(GradientCheck, ANonFiniteGradientNeverAgrees) {
    const auto rows = check("f = sqrt(x)", {{"x", 0}});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_FALSE(rows[0].agrees);
}

}  // namespace
}  // namespace nabla
