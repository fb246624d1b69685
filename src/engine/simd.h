// Four float lanes, the width of WebAssembly SIMD: wasm_simd128 in the browser, SSE2 natively (so
// the native unit tests run the very kernels the page runs), and plain arrays elsewhere or in the
// scalar build. Only what the kernels use. min/max/clamp propagate NaN on every target, so a
// diverging value is never clamped into a plausible one.
#pragma once

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define NABLA_SIMD_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define NABLA_SIMD_SSE 1
#endif

namespace nabla::simd {

#if NABLA_SIMD_WASM
struct f32x4 { v128_t v; };
inline f32x4 load(const float* p) { return {wasm_v128_load(p)}; }
inline void store(float* p, f32x4 a) { wasm_v128_store(p, a.v); }
inline f32x4 splat(float x) { return {wasm_f32x4_splat(x)}; }
inline f32x4 make(float a, float b, float c, float d) { return {wasm_f32x4_make(a, b, c, d)}; }
inline f32x4 operator+(f32x4 a, f32x4 b) { return {wasm_f32x4_add(a.v, b.v)}; }
inline f32x4 operator-(f32x4 a, f32x4 b) { return {wasm_f32x4_sub(a.v, b.v)}; }
inline f32x4 operator*(f32x4 a, f32x4 b) { return {wasm_f32x4_mul(a.v, b.v)}; }
inline f32x4 operator/(f32x4 a, f32x4 b) { return {wasm_f32x4_div(a.v, b.v)}; }
// pmin(x, hi) is hi < x ? hi : x and pmax(y, lo) is y < lo ? lo : y: a NaN x fails both tests and
// passes through. One instruction each (minps, maxps), where f32x4.min/max take about eight on x86.
inline f32x4 clamp(f32x4 x, f32x4 lo, f32x4 hi) { return {wasm_f32x4_pmax(wasm_f32x4_pmin(x.v, hi.v), lo.v)}; }
inline f32x4 abs(f32x4 a) { return {wasm_f32x4_abs(a.v)}; }
inline f32x4 less(f32x4 a, f32x4 b) { return {wasm_f32x4_lt(a.v, b.v)}; }  // all-ones lanes where a < b
inline f32x4 select(f32x4 mask, f32x4 yes, f32x4 no) { return {wasm_v128_bitselect(yes.v, no.v, mask.v)}; }
inline void transpose4(f32x4& a, f32x4& b, f32x4& c, f32x4& d) {
    const v128_t ab_lo = wasm_i32x4_shuffle(a.v, b.v, 0, 4, 1, 5), ab_hi = wasm_i32x4_shuffle(a.v, b.v, 2, 6, 3, 7);
    const v128_t cd_lo = wasm_i32x4_shuffle(c.v, d.v, 0, 4, 1, 5), cd_hi = wasm_i32x4_shuffle(c.v, d.v, 2, 6, 3, 7);
    a.v = wasm_i64x2_shuffle(ab_lo, cd_lo, 0, 2), b.v = wasm_i64x2_shuffle(ab_lo, cd_lo, 1, 3);
    c.v = wasm_i64x2_shuffle(ab_hi, cd_hi, 0, 2), d.v = wasm_i64x2_shuffle(ab_hi, cd_hi, 1, 3);
}
constexpr bool kVector = true;
#elif NABLA_SIMD_SSE
struct f32x4 { __m128 v; };
inline f32x4 load(const float* p) { return {_mm_loadu_ps(p)}; }
inline void store(float* p, f32x4 a) { _mm_storeu_ps(p, a.v); }
inline f32x4 splat(float x) { return {_mm_set1_ps(x)}; }
inline f32x4 make(float a, float b, float c, float d) { return {_mm_setr_ps(a, b, c, d)}; }
inline f32x4 operator+(f32x4 a, f32x4 b) { return {_mm_add_ps(a.v, b.v)}; }
inline f32x4 operator-(f32x4 a, f32x4 b) { return {_mm_sub_ps(a.v, b.v)}; }
inline f32x4 operator*(f32x4 a, f32x4 b) { return {_mm_mul_ps(a.v, b.v)}; }
inline f32x4 operator/(f32x4 a, f32x4 b) { return {_mm_div_ps(a.v, b.v)}; }
// minps/maxps return their second operand when either is NaN: x goes second to keep a NaN.
inline f32x4 clamp(f32x4 x, f32x4 lo, f32x4 hi) { return {_mm_max_ps(lo.v, _mm_min_ps(hi.v, x.v))}; }
inline f32x4 abs(f32x4 a) { return {_mm_andnot_ps(_mm_set1_ps(-0.0f), a.v)}; }
inline f32x4 less(f32x4 a, f32x4 b) { return {_mm_cmplt_ps(a.v, b.v)}; }
inline f32x4 select(f32x4 mask, f32x4 yes, f32x4 no) { return {_mm_or_ps(_mm_and_ps(mask.v, yes.v), _mm_andnot_ps(mask.v, no.v))}; }
inline void transpose4(f32x4& a, f32x4& b, f32x4& c, f32x4& d) { _MM_TRANSPOSE4_PS(a.v, b.v, c.v, d.v); }
constexpr bool kVector = true;
#else
struct f32x4 { float v[4]; };
#define NABLA_LANES(expr) f32x4 r; for (int i = 0; i < 4; ++i) r.v[i] = (expr); return r
inline f32x4 load(const float* p) { NABLA_LANES(p[i]); }
inline void store(float* p, f32x4 a) { for (int i = 0; i < 4; ++i) p[i] = a.v[i]; }
inline f32x4 splat(float x) { NABLA_LANES(x); }
inline f32x4 make(float a, float b, float c, float d) { return {{a, b, c, d}}; }
inline f32x4 operator+(f32x4 a, f32x4 b) { NABLA_LANES(a.v[i] + b.v[i]); }
inline f32x4 operator-(f32x4 a, f32x4 b) { NABLA_LANES(a.v[i] - b.v[i]); }
inline f32x4 operator*(f32x4 a, f32x4 b) { NABLA_LANES(a.v[i] * b.v[i]); }
inline f32x4 operator/(f32x4 a, f32x4 b) { NABLA_LANES(a.v[i] / b.v[i]); }
inline f32x4 clamp(f32x4 x, f32x4 lo, f32x4 hi) { NABLA_LANES(x.v[i] < lo.v[i] ? lo.v[i] : x.v[i] > hi.v[i] ? hi.v[i] : x.v[i]); }
inline f32x4 abs(f32x4 a) { NABLA_LANES(a.v[i] < 0 ? -a.v[i] : a.v[i]); }
inline f32x4 less(f32x4 a, f32x4 b) { NABLA_LANES(a.v[i] < b.v[i] ? 1.0f : 0.0f); }
inline f32x4 select(f32x4 mask, f32x4 yes, f32x4 no) { NABLA_LANES(mask.v[i] != 0 ? yes.v[i] : no.v[i]); }
#undef NABLA_LANES
inline void transpose4(f32x4& a, f32x4& b, f32x4& c, f32x4& d) {
    f32x4* m[4] = {&a, &b, &c, &d};
    for (int r = 0; r < 4; ++r)
        for (int col = r + 1; col < 4; ++col) {
            const float t = m[r]->v[col];
            m[r]->v[col] = m[col]->v[r];
            m[col]->v[r] = t;
        }
}
constexpr bool kVector = false;
#endif

inline f32x4& operator+=(f32x4& a, f32x4 b) { return a = a + b; }

// Leaving the lanes: once per batch or per group of four examples, never in an inner loop.
inline void lanes(f32x4 a, float out[4]) { store(out, a); }
inline float sum_lanes(f32x4 a) {  // (a₀ + a₁) + (a₂ + a₃)
    float l[4];
    store(l, a);
    return (l[0] + l[1]) + (l[2] + l[3]);
}

}  // namespace nabla::simd
