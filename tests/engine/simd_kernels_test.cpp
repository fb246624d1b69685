// Every fast path against its plain twin: the 4-lane tanh/sigmoid against the scalar formula and
// std::tanh, the register-blocked float products against the plain double ones. Natively these
// kernels run on SSE2 through engine/simd.h, the same source the page runs on wasm SIMD.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "engine/fast_math.h"
#include "engine/gemm.h"

namespace nabla {
namespace {

TEST(FastMath, TanhIsCloseToLibmEverywhere) {
    // Every float in [1/8, 16) (where the error peaks: a grid of 1e-4 missed 5.8279, 4.1e-7), then
    // a grid over [-20, 20] for the tails and the sign; tanh is odd, and so is the formula.
    double worst = 0;
    float worst_x = 0;
    for (float x = 0.125f; x < 16; x = std::nextafter(x, 16.0f)) {
        const double e = std::fabs(static_cast<double>(fast_tanh(x)) - std::tanh(static_cast<double>(x)));
        if (e > worst) worst = e, worst_x = x;
    }
    for (int i = -200000; i <= 200000; ++i) {
        const float x = i * 1e-4f;
        const double e = std::fabs(static_cast<double>(fast_tanh(x)) - std::tanh(static_cast<double>(x)));
        if (e > worst) worst = e, worst_x = x;
    }
    EXPECT_LT(worst, 4.2e-7) << "at " << worst_x;
    EXPECT_EQ(fast_tanh(0.0f), 0.0f);
    EXPECT_FLOAT_EQ(fast_tanh(1e-5f), 1e-5f);
    EXPECT_FLOAT_EQ(fast_tanh(-3e-30f), -3e-30f);
    EXPECT_NEAR(fast_tanh(std::numeric_limits<float>::infinity()), 1.0f, 1e-6);
    EXPECT_NEAR(fast_tanh(-std::numeric_limits<float>::infinity()), -1.0f, 1e-6);
    EXPECT_TRUE(std::isnan(fast_tanh(std::nanf(""))));
    std::printf("fast_tanh: max |error| vs std::tanh = %.2e at x = %.6g\n", worst, static_cast<double>(worst_x));
}

TEST(FastMath, VectorKernelsMatchTheirPlainTwins) {
    std::vector<float> x(1003), t(1003), s(1003);
    for (size_t i = 0; i < x.size(); ++i) x[i] = -9.0f + 18.0f * static_cast<float>(i) / 1002.0f;
    x[5] = std::nanf("");
    x[6] = std::numeric_limits<float>::infinity();
    tanh_array(x.data(), t.data(), static_cast<long>(x.size()));
    sigmoid_array(x.data(), s.data(), static_cast<long>(x.size()));
    for (size_t i = 0; i < x.size(); ++i) {
        if (i == 5) {
            EXPECT_TRUE(std::isnan(t[i]) && std::isnan(s[i])) << "NaN must propagate, not be clamped";
            continue;
        }
        EXPECT_NEAR(t[i], fast_tanh(x[i]), 2e-7f) << x[i];
        EXPECT_NEAR(s[i], fast_sigmoid(x[i]), 2e-7f) << x[i];
        EXPECT_NEAR(s[i], 1.0 / (1.0 + std::exp(-static_cast<double>(x[i]))), 5e-7) << x[i];
    }
}

std::vector<float> random_values(int n, unsigned seed) {
    std::vector<float> v(n);
    for (float& x : v) {
        seed = seed * 1664525u + 1013904223u;
        x = static_cast<float>((seed >> 8) / 16777216.0 * 2 - 1);
    }
    return v;
}

TEST(Gemm, BlockedFloatMatchesPlainDouble) {
    const int shapes[][3] = {{1, 1, 1}, {3, 5, 2}, {4, 8, 1}, {7, 13, 9}, {64, 10, 64}, {16, 24, 33}, {12, 16, 784}};
    for (const auto& sh : shapes) {
        const int M = sh[0], N = sh[1], K = sh[2];
        const std::vector<float> A = random_values(M * K, 1 + M), At = random_values(K * M, 2 + N), B = random_values(K * N, 3 + K);
        const std::vector<double> Ad(A.begin(), A.end()), Atd(At.begin(), At.end()), Bd(B.begin(), B.end());
        std::vector<float> C(M * N), Ct(M * N);
        std::vector<double> Cd(M * N), Ctd(M * N);
        gemm_nn<float>(A.data(), B.data(), C.data(), M, N, K);
        gemm_nn_plain<double>(Ad.data(), Bd.data(), Cd.data(), M, N, K);
        gemm_tn<float>(At.data(), B.data(), Ct.data(), M, N, K);
        gemm_tn_plain<double>(Atd.data(), Bd.data(), Ctd.data(), M, N, K);
        // gemm_nt (S = Z Wᵀ + b): transposing for wide outputs, direct dot products for narrow ones.
        const std::vector<float> W = random_values(N * K, 4 + M), bias = random_values(N, 5);
        std::vector<float> S(M * N), scratch(K * N);
        gemm_nt<float>(A.data(), W.data(), S.data(), M, N, K, scratch.data(), bias.data());
        for (int i = 0; i < M; ++i)
            for (int j = 0; j < N; ++j) {
                double expect = bias[j];
                for (int k = 0; k < K; ++k) expect += static_cast<double>(A[i * K + k]) * W[j * K + k];
                EXPECT_NEAR(S[i * N + j], expect, 1e-5 * std::sqrt(K)) << M << "x" << N << "x" << K << " nt";
            }
        for (int i = 0; i < M * N; ++i) {
            EXPECT_NEAR(C[i], Cd[i], 1e-5 * std::sqrt(K)) << M << "x" << N << "x" << K << " nn at " << i;
            EXPECT_NEAR(Ct[i], Ctd[i], 1e-5 * std::sqrt(K)) << M << "x" << N << "x" << K << " tn at " << i;
        }
    }
}

}  // namespace
}  // namespace nabla
