#include "engine/fast_math.h"

namespace nabla {

void tanh_array(const float* in, float* out, long n) {
    long i = 0;
    for (; i + 4 <= n; i += 4) simd::store(out + i, fast_tanh(simd::load(in + i)));
    for (; i < n; ++i) out[i] = fast_tanh(in[i]);
}

void sigmoid_array(const float* in, float* out, long n) {
    long i = 0;
    for (; i + 4 <= n; i += 4) simd::store(out + i, fast_sigmoid(simd::load(in + i)));
    for (; i < n; ++i) out[i] = fast_sigmoid(in[i]);
}

}  // namespace nabla
