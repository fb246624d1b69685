// The three matrix products a dense layer needs, on row-major buffers, allocation-free (Eigen's
// own product allocates packing buffers for wide layers, and a training step must not allocate).
//   gemm_nn: C[M×N] = A[M×K] · B[K×N] (+ 1·biasᵀ)   (dZ = dS W)
//   gemm_tn: C[M×N] = A[K×M]ᵀ · B[K×N]              (dW = dSᵀ Z)
//   gemm_nt: C[M×N] = A[M×K] · B[N×K]ᵀ (+ 1·biasᵀ)   (S = Z Wᵀ + b), via Bᵀ copied into `scratch`
// For float on a 4-lane SIMD target, blocks of 4 rows × 8 columns of C stay in eight registers
// while k runs (gemm_4x8), on AVX machines too: GCC's vectorised plain loops there ran W2 at 0.4x
// and W3 at 0.3x the 4x8 kernel (bench-native, A/B in one session). The *_plain functions are their
// scalar twins, which the tests compare them with; they also serve double precision.
#pragma once

#include <algorithm>
#include <type_traits>
#if defined(__AVX__) && !defined(__EMSCRIPTEN__)
#include <immintrin.h>
#endif

#include "engine/simd.h"

namespace nabla {

#if NABLA_SIMD_WASM || NABLA_SIMD_SSE
constexpr bool kBlockedGemm = true;
#else
constexpr bool kBlockedGemm = false;
#endif

// C[i,:] = bias + Σ_k A[i,k] B[k,:], in "axpy" form: the inner loop runs along a row of B and C.
template <class T>
void gemm_nn_plain(const T* A, const T* B, T* C, int M, int N, int K, const T* bias = nullptr) {
    for (int i = 0; i < M; ++i) {
        T* c = C + i * N;
        for (int j = 0; j < N; ++j) c[j] = bias ? bias[j] : T(0);  // a loop, not memset: N is often 1 to 4
        const T* a = A + i * K;
        for (int k = 0; k < K; ++k) {
            const T* b = B + k * N;
            const T x = a[k];
            for (int j = 0; j < N; ++j) c[j] += x * b[j];
        }
    }
}

// C[m,:] = Σ_k A[k,m] B[k,:].
template <class T>
void gemm_tn_plain(const T* A, const T* B, T* C, int M, int N, int K) {
    for (int i = 0; i < M * N; ++i) C[i] = T(0);
    for (int k = 0; k < K; ++k) {
        const T* a = A + k * M;
        const T* b = B + k * N;
        for (int m = 0; m < M; ++m) {
            const T x = a[m];
            T* c = C + m * N;
            for (int j = 0; j < N; ++j) c[j] += x * b[j];
        }
    }
}

// C[i0+r, j0+c] for r < 4, c < 8 = bias[c] + Σ_k A(i0+r, k) B[k, j0+c], where A(i, k) = A[i·sai + k·sak]:
// sai = K, sak = 1 reads A as stored (gemm_nn); sai = 1, sak = M reads it transposed (gemm_tn).
inline void gemm_4x8(const float* A, int sai, int sak, const float* B, int ldb, float* C, int ldc, int K, const float* bias) {
#if defined(__AVX__) && !NABLA_SIMD_WASM
    // Natively on an AVX machine (bench-native's -march=native) a row's eight columns are one
    // register: the same sums lane for lane, in half the instructions (W4 had fallen to parity with
    // the page's WebAssembly on an AVX-512 machine).
    const __m256 init = bias ? _mm256_loadu_ps(bias) : _mm256_setzero_ps();
    __m256 c0 = init, c1 = init, c2 = init, c3 = init;
    for (int k = 0; k < K; ++k) {
        const __m256 b = _mm256_loadu_ps(B + k * ldb);
        const float* a = A + k * sak;
        c0 = _mm256_add_ps(c0, _mm256_mul_ps(_mm256_set1_ps(a[0]), b));
        c1 = _mm256_add_ps(c1, _mm256_mul_ps(_mm256_set1_ps(a[sai]), b));
        c2 = _mm256_add_ps(c2, _mm256_mul_ps(_mm256_set1_ps(a[2 * sai]), b));
        c3 = _mm256_add_ps(c3, _mm256_mul_ps(_mm256_set1_ps(a[3 * sai]), b));
    }
    _mm256_storeu_ps(C, c0), _mm256_storeu_ps(C + ldc, c1), _mm256_storeu_ps(C + 2 * ldc, c2), _mm256_storeu_ps(C + 3 * ldc, c3);
#else
    using namespace simd;
    const f32x4 init0 = bias ? load(bias) : splat(0), init1 = bias ? load(bias + 4) : splat(0);
    f32x4 c00 = init0, c01 = init1, c10 = init0, c11 = init1, c20 = init0, c21 = init1, c30 = init0, c31 = init1;
    for (int k = 0; k < K; ++k) {
        const float* b = B + k * ldb;
        const f32x4 b0 = load(b), b1 = load(b + 4);
        const float* a = A + k * sak;
        const f32x4 a0 = splat(a[0]), a1 = splat(a[sai]), a2 = splat(a[2 * sai]), a3 = splat(a[3 * sai]);
        c00 += a0 * b0; c01 += a0 * b1;
        c10 += a1 * b0; c11 += a1 * b1;
        c20 += a2 * b0; c21 += a2 * b1;
        c30 += a3 * b0; c31 += a3 * b1;
    }
    store(C, c00); store(C + 4, c01);
    store(C + ldc, c10); store(C + ldc + 4, c11);
    store(C + 2 * ldc, c20); store(C + 2 * ldc + 4, c21);
    store(C + 3 * ldc, c30); store(C + 3 * ldc + 4, c31);
#endif
}

// One row of C, 8 columns: the rows left over below the last whole block of 4.
inline void gemm_1x8(const float* A, int sak, const float* B, int ldb, float* C, int K, const float* bias) {
    using namespace simd;
    f32x4 c0 = bias ? load(bias) : splat(0), c1 = bias ? load(bias + 4) : splat(0);
    for (int k = 0; k < K; ++k) {
        const f32x4 a = splat(A[k * sak]);
        c0 += a * load(B + k * ldb);
        c1 += a * load(B + k * ldb + 4);
    }
    store(C, c0);
    store(C + 4, c1);
}

// The blocked product for float; columns right of the last whole block of 8 are summed plainly.
inline void gemm_blocked(const float* A, int sai, int sak, const float* B, float* C, int M, int N, int K, const float* bias) {
    const int M4 = M / 4 * 4, N8 = N / 8 * 8;
    for (int i = 0; i < M4; i += 4)
        for (int j = 0; j < N8; j += 8) gemm_4x8(A + i * sai, sai, sak, B + j, N, C + i * N + j, N, K, bias ? bias + j : nullptr);
    for (int i = M4; i < M; ++i)
        for (int j = 0; j < N8; j += 8) gemm_1x8(A + i * sai, sak, B + j, N, C + i * N + j, K, bias ? bias + j : nullptr);
    for (int i = 0; i < M; ++i)
        for (int j = N8; j < N; ++j) {
            float sum = bias ? bias[j] : 0.0f;
            for (int k = 0; k < K; ++k) sum += A[i * sai + k * sak] * B[k * N + j];
            C[i * N + j] = sum;
        }
}

template <class T>
void gemm_nn(const T* A, const T* B, T* C, int M, int N, int K, const T* bias = nullptr) {
    if constexpr (std::is_same_v<T, float> && kBlockedGemm) gemm_blocked(A, K, 1, B, C, M, N, K, bias);
    else gemm_nn_plain(A, B, C, M, N, K, bias);
}

template <class T>
void gemm_tn(const T* A, const T* B, T* C, int M, int N, int K) {
    if constexpr (std::is_same_v<T, float> && kBlockedGemm) gemm_blocked(A, 1, M, B, C, M, N, K, nullptr);
    else gemm_tn_plain(A, B, C, M, N, K);
}

// C[i,j] = bias[j] + dot(A[i,:], B[j,:]): both rows contiguous. For layers narrower than a block of
// 8 (TensorFlow Playground's 4-, 2- and 1-neuron layers) this beats transposing B first.
template <class T>
void gemm_nt_direct(const T* A, const T* B, T* C, int M, int N, int K, const T* bias = nullptr) {
    for (int i = 0; i < M; ++i) {
        const T* a = A + i * K;
        for (int j = 0; j < N; ++j) {
            const T* b = B + j * K;
            T sum = bias ? bias[j] : T(0);
            for (int k = 0; k < K; ++k) sum += a[k] * b[k];
            C[i * N + j] = sum;
        }
    }
}

template <class T>
void transpose(const T* B, T* Bt, int rows, int cols) {  // Bt[cols×rows] = B[rows×cols]ᵀ
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) Bt[c * rows + r] = B[r * cols + c];
}

template <class T>
void gemm_nt(const T* A, const T* B, T* C, int M, int N, int K, T* scratch, const T* bias = nullptr) {
    if (N < 8) return gemm_nt_direct(A, B, C, M, N, K, bias);
    transpose(B, scratch, N, K);  // scratch [K×N]
    gemm_nn(A, scratch, C, M, N, K, bias);
}

}  // namespace nabla
