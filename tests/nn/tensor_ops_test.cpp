// Every tensor op's backward (a vector-Jacobian product) against double-precision central
// differences, plus lecture 001's vectorised example E5 (q = W·x, f = ‖q‖²).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/tensor_ops.h"
#include "nn/mlp.h"
#include "finite_difference.h"

namespace nabla {
namespace {

using Md = Matrix<double>;
using Rd = RowVector<double>;

TEST(TensorOps, LinearLayerGradients) {
    Md Z = random_matrix<double>(5, 3, 1), W = random_matrix<double>(4, 3, 2);
    Rd b = random_matrix<double>(1, 4, 3);
    const Md G = random_matrix<double>(5, 4, 4);  // upstream dC/dS; C = Σ G ⊙ S
    auto C = [&] {
        Md S(5, 4), Wt(3, 4);
        linear_forward<double>(Z, W, &b, S, Wt);
        return (G.array() * S.array()).sum();
    };
    Md dW(4, 3), dZ(5, 3);
    Rd db(4);
    linear_backward<double>(G, Z, W, dW, &db, &dZ);
    EXPECT_LT(max_relative_error(dW, numeric_gradient(W, C)), 1e-8);
    EXPECT_LT(max_relative_error(db, numeric_gradient(b, C)), 1e-8);
    EXPECT_LT(max_relative_error(dZ, numeric_gradient(Z, C)), 1e-8);
}

TEST(TensorOps, ActivationGradients) {
    for (const Activation a : {Activation::Linear, Activation::ReLU, Activation::LeakyReLU, Activation::Tanh, Activation::Sigmoid}) {
        Md S = random_matrix<double>(6, 5, 7, 3.0);
        const Md G = random_matrix<double>(6, 5, 8);
        auto C = [&] {
            Md Z(6, 5);
            activation_forward<double>(a, S, Z);
            return (G.array() * Z.array()).sum();
        };
        Md Z(6, 5), dS(6, 5);
        activation_forward<double>(a, S, Z);
        activation_backward<double>(a, G, S, Z, dS);
        EXPECT_LT(max_relative_error(dS, numeric_gradient(S, C)), 1e-6) << enum_key(a);
    }
}

TEST(TensorOps, LossGradients) {
    Md O = random_matrix<double>(7, 3, 11, 2.0);
    const Md Tg = random_matrix<double>(7, 3, 12);
    Md dO(7, 3);
    auto half = [&] { Md d(7, 3); return half_squared_error<double>(O, Tg, d); };
    half_squared_error<double>(O, Tg, dO);
    EXPECT_LT(max_relative_error(dO, numeric_gradient(O, half)), 1e-7);
    auto mse = [&] { Md d(7, 3); return mean_squared_error<double>(O, Tg, d); };
    mean_squared_error<double>(O, Tg, dO);
    EXPECT_LT(max_relative_error(dO, numeric_gradient(O, mse)), 1e-7);

    Md S1 = random_matrix<double>(7, 1, 13, 4.0);
    Md t1(7, 1);
    t1 << 0, 1, 1, 0, 1, 0, 0;
    Md dS1(7, 1);
    auto bce = [&] { Md d(7, 1); return sigmoid_bce_with_logits<double>(S1, t1, d); };
    sigmoid_bce_with_logits<double>(S1, t1, dS1);
    EXPECT_LT(max_relative_error(dS1, numeric_gradient(S1, bce)), 1e-7);

    Md S3 = random_matrix<double>(7, 3, 14, 4.0);
    Md labels(7, 1);
    labels << 0, 2, 1, 1, 0, 2, 2;
    Md dS3(7, 3);
    auto ce = [&] { Md d(7, 3); return softmax_cross_entropy<double>(S3, labels, d); };
    softmax_cross_entropy<double>(S3, labels, dS3);
    EXPECT_LT(max_relative_error(dS3, numeric_gradient(S3, ce)), 1e-7);
}

TEST(TensorOps, FusedLossesStayFiniteOnHugeLogits) {
    Matrix<float> S(2, 1), t(2, 1), dS(2, 1);
    S << 1000, -1000;
    t << 0, 1;
    const float bce = sigmoid_bce_with_logits<float>(S, t, dS);
    EXPECT_NEAR(bce, 1000, 1e-3);  // log(1 + e^1000) ≈ 1000, never inf
    EXPECT_TRUE(dS.allFinite());
    Matrix<float> S3(1, 3), l(1, 1), d3(1, 3);
    S3 << 1000, 0, -1000;
    l << 2;
    EXPECT_NEAR(softmax_cross_entropy<float>(S3, l, d3), 2000, 1e-2);
    EXPECT_TRUE(d3.allFinite());
}

// The float loss value against log-sum-exp in long double, to float rounding: a large shared offset
// used to be added and removed (0.4 % off at [12, 3, -4], 34 % at [1000, 990, 980]) and a confident
// right answer read 0 instead of 3.1e-7.
TEST(TensorOps, SoftmaxCrossEntropyValueIsAccurateInFloat) {
    const float cases[][3] = {{12, 3, -4}, {1000, 990, 980}, {100, 85, 80}, {0.5f, -0.25f, 2}, {-30, -31, -29.5f}};
    for (const auto& logits : cases)
        for (int y = 0; y < 3; ++y) {
            Matrix<float> S(1, 3), label(1, 1), dS(1, 3);
            S << logits[0], logits[1], logits[2];
            label << static_cast<float>(y);
            long double m = std::max({logits[0], logits[1], logits[2]}), sum = 0;
            for (const float v : logits) sum += std::exp(static_cast<long double>(v) - m);
            const long double exact = std::log(sum) - (static_cast<long double>(logits[y]) - m);
            const float got = softmax_cross_entropy<float>(S, label, dS);
            EXPECT_NEAR(got, static_cast<double>(exact), 2e-6 * static_cast<double>(exact) + 1e-12)
                << logits[0] << "," << logits[1] << "," << logits[2] << " class " << y;
        }
}

TEST(TensorOps, LeakySlopeIsExactInDouble) {
    Md S(1, 2), Z(1, 2);
    S << -1, 2;
    activation_forward<double>(Activation::LeakyReLU, S, Z);
    EXPECT_EQ(Z(0, 0), -0.01);  // not -0.01f = -0.009999999776
    EXPECT_EQ(Z(0, 1), 2);
}

TEST(TensorOps, PenaltyGradients) {
    Md W = random_matrix<double>(3, 4, 21);
    auto l2 = [&] { Md d = Md::Zero(3, 4); return l2_penalty<double>(W, 0.3, d); };
    auto l1 = [&] { Md d = Md::Zero(3, 4); return l1_penalty<double>(W, 0.3, d); };
    Md d2 = Md::Zero(3, 4), d1 = Md::Zero(3, 4);
    l2_penalty<double>(W, 0.3, d2);
    l1_penalty<double>(W, 0.3, d1);
    EXPECT_LT(max_relative_error(d2, numeric_gradient(W, l2)), 1e-8);
    EXPECT_LT(max_relative_error(d1, numeric_gradient(W, l1)), 1e-8);
}

// LESSONS.md E5: q = W·x, f = ‖q‖²: ∂f/∂q = 2q, ∂f/∂W = 2q·xᵀ, ∂f/∂x = 2Wᵀq.
TEST(TensorOps, LectureE5VectorisedGradients) {
    Md W(2, 2), x(1, 2);  // the lecture's example: W = [[0.1, 0.5], [-0.3, 0.8]], x = [0.2, 0.4]
    W << 0.1, 0.5, -0.3, 0.8;
    x << 0.2, 0.4;
    Md q(1, 2), Wt(2, 2);
    linear_forward<double>(x, W, nullptr, q, Wt);  // x is one row: q = x Wᵀ = (W x)ᵀ
    EXPECT_NEAR(q(0, 0), 0.22, 1e-15);
    EXPECT_NEAR(q(0, 1), 0.26, 1e-15);
    const Md dq = 2 * q;
    Md dW(2, 2), dx(1, 2);
    linear_backward<double>(dq, x, W, dW, nullptr, &dx);
    const Md expected_dW = 2 * q.transpose() * x;   // outer product 2q·xᵀ, the shape of W
    const Md expected_dx = (2 * W.transpose() * q.transpose()).transpose();
    EXPECT_LT((dW - expected_dW).norm(), 1e-15);
    EXPECT_LT((dx - expected_dx).norm(), 1e-15);
    EXPECT_NEAR(dW(0, 0), 0.088, 1e-15);
    EXPECT_NEAR(dW(1, 1), 0.208, 1e-15);
    EXPECT_NEAR(dx(0, 0), -0.112, 1e-15);
    EXPECT_NEAR(dx(0, 1), 0.636, 1e-15);
    auto f = [&] { Md qq(1, 2); linear_forward<double>(x, W, nullptr, qq, Wt); return qq.squaredNorm(); };
    EXPECT_LT(max_relative_error(dW, numeric_gradient(W, f)), 1e-8);
    EXPECT_LT(max_relative_error(dx, numeric_gradient(x, f)), 1e-8);
}

}  // namespace
}  // namespace nabla
