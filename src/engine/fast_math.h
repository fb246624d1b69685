// tanh and the logistic sigmoid for float activations: a rational approximation (Eigen's
// generic_fast_tanh_float, MPL2, its coefficients below), within a few float ulps of std::tanh and
// an order of magnitude cheaper than libm. fast_tanh(float) is the plain twin of the four-lane
// kernel; both evaluate the same formula, and the tests compare them with each other and with
// std::tanh. σ(x) = ½ + ½ tanh(x / 2).
#pragma once

#include "engine/simd.h"

namespace nabla {

namespace tanh_coefficients {
constexpr float clamp = 7.90531110763549805f;
constexpr float a1 = 4.89352455891786e-03f, a3 = 6.37261928875436e-04f, a5 = 1.48572235717979e-05f,
                a7 = 5.12229709037114e-08f, a9 = -8.60467152213735e-11f, a11 = 2.00018790482477e-13f,
                a13 = -2.76076847742355e-16f;
constexpr float b0 = 4.89352518554385e-03f, b2 = 2.26843463243900e-03f, b4 = 1.18534705686654e-04f,
                b6 = 1.19825839466702e-06f;
}  // namespace tanh_coefficients

// Generic over float and simd::f32x4, so the plain twin and the kernel cannot drift apart.
// Eigen also returns x itself below |x| < 0.0004; p/q there is x·0.99999987, within a float ulp,
// so that branch is left out: three fewer operations per lane on the hottest loop of the page.
template <class V, class Splat, class Clamp>
V rational_tanh(V in, Splat s, Clamp clamp) {
    using namespace tanh_coefficients;
    const V x = clamp(in);
    const V x2 = x * x;
    V p = x2 * s(a13) + s(a11);
    p = x2 * p + s(a9);
    p = x2 * p + s(a7);
    p = x2 * p + s(a5);
    p = x2 * p + s(a3);
    p = x2 * p + s(a1);
    p = x * p;
    V q = x2 * s(b6) + s(b4);
    q = x2 * q + s(b2);
    q = x2 * q + s(b0);
    return p / q;
}

inline float fast_tanh(float x) {
    using namespace tanh_coefficients;
    return rational_tanh(
        x, [](float c) { return c; },
        [](float v) { return v < -clamp ? -clamp : v > clamp ? clamp : v; });  // NaN passes through
}

inline simd::f32x4 fast_tanh(simd::f32x4 x) {
    using namespace tanh_coefficients;
    using simd::f32x4;
    return rational_tanh(
        x, [](float c) { return simd::splat(c); },
        [](f32x4 v) { return simd::clamp(v, simd::splat(-clamp), simd::splat(clamp)); });
}

inline float fast_sigmoid(float x) { return 0.5f + 0.5f * fast_tanh(0.5f * x); }
inline simd::f32x4 fast_sigmoid(simd::f32x4 x) {
    const simd::f32x4 half = simd::splat(0.5f);
    return half + half * fast_tanh(half * x);
}

// Whole arrays: four lanes at a time, the plain twin for the tail. Out of line (fast_math.cpp): the
// general layers and the SIMD lanes (nn/lanes.cpp) share one copy in the page; a call per layer.
void tanh_array(const float* in, float* out, long n);
void sigmoid_array(const float* in, float* out, long n);

}  // namespace nabla
