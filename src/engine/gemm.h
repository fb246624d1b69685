// The three matrix products a dense layer needs, on row-major buffers, allocation-free. Written in
// "axpy" form, so the innermost loop runs along a contiguous row and vectorises (SIMD) without
// reassociating a sum. Eigen's own product would allocate packing buffers on the heap for wide
// layers, and a training step must not allocate (nn/trainer.h).
//   gemm_nn: C[M×N] = A[M×K] · B[K×N]          (dZ = dS W)
//   gemm_tn: C[M×N] = A[K×M]ᵀ · B[K×N]         (dW = dSᵀ Z)
//   gemm_nt: C[M×N] = A[M×K] · B[N×K]ᵀ         (S = Z Wᵀ), via a transposed copy of B in `scratch`
#pragma once

#include <algorithm>

namespace nabla {

// C[i,:] = Σ_k A[i,k] B[k,:]; rows of C are processed four at a time so each row of B is loaded
// once for four rows of A.
template <class T>
void gemm_nn(const T* A, const T* B, T* C, int M, int N, int K) {
    int i = 0;
    for (; i + 4 <= M; i += 4) {
        T* c0 = C + i * N; T* c1 = c0 + N; T* c2 = c1 + N; T* c3 = c2 + N;
        std::fill(c0, c0 + 4 * N, T(0));
        const T* a0 = A + i * K; const T* a1 = a0 + K; const T* a2 = a1 + K; const T* a3 = a2 + K;
        for (int k = 0; k < K; ++k) {
            const T* b = B + k * N;
            const T x0 = a0[k], x1 = a1[k], x2 = a2[k], x3 = a3[k];
            for (int j = 0; j < N; ++j) {
                const T bj = b[j];
                c0[j] += x0 * bj; c1[j] += x1 * bj; c2[j] += x2 * bj; c3[j] += x3 * bj;
            }
        }
    }
    for (; i < M; ++i) {
        T* c = C + i * N;
        std::fill(c, c + N, T(0));
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
void gemm_tn(const T* A, const T* B, T* C, int M, int N, int K) {
    std::fill(C, C + M * N, T(0));
    for (int k = 0; k < K; ++k) {
        const T* a = A + k * M;
        const T* b = B + k * N;
        for (int m = 0; m < M; ++m) {
            const T x = a[m];
            if (x == T(0)) continue;  // ReLU zeros and one-hot gradients are common
            T* c = C + m * N;
            for (int j = 0; j < N; ++j) c[j] += x * b[j];
        }
    }
}

template <class T>
void transpose(const T* B, T* Bt, int rows, int cols) {  // Bt[cols×rows] = B[rows×cols]ᵀ
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) Bt[c * rows + r] = B[r * cols + c];
}

template <class T>
void gemm_nt(const T* A, const T* B, T* C, int M, int N, int K, T* scratch) {
    transpose(B, scratch, N, K);  // scratch [K×N]
    gemm_nn(A, scratch, C, M, N, K);
}

}  // namespace nabla
