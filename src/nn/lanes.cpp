// Four examples per SIMD vector through a narrow network: see lanes.h. Lane l of every vector
// belongs to example l of its group; a group of fewer than four (a batch of 10 ends with 2) has its
// empty lanes fed zeros and masked out of the loss, so they add nothing to any gradient.
#include "nn/lanes.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include "engine/build_attributes.h"
#include "engine/fast_math.h"

namespace nabla {

using simd::f32x4;

bool fits_lanes(const MlpDesc& d) {
    if (!d.lanes || d.sizes.size() < 2 || d.sizes.size() - 1 > static_cast<size_t>(kLanesMaxLayers)) return false;
    for (int width : d.sizes)
        if (width > kLanesMaxWidth) return false;
    return d.head == Head::SoftmaxCE || d.sizes.back() == 1;  // other heads' targets are one column
}

namespace {

constexpr int kSlab = kLanesMaxWidth * kLanesGroups;  // vectors per layer in the buffer

struct Network {  // the parameters as the kernels read them
    int layers = 0;
    int in[kLanesMaxLayers], out[kLanesMaxLayers];
    const float* W[kLanesMaxLayers];  // [out × in], row-major
    const float* b[kLanesMaxLayers];  // null without biases
    Activation h[kLanesMaxLayers];    // a softmax output layer: Linear (its logits)
};

Network network_of(const Mlp<float>& mlp) {
    Network n;
    n.layers = mlp.layer_count();
    const MlpDesc& d = mlp.desc();
    for (int k = 0; k < n.layers; ++k) {
        n.in[k] = d.sizes[k], n.out[k] = d.sizes[k + 1];
        n.W[k] = mlp.layers[k].W.data();
        n.b[k] = d.bias ? mlp.layers[k].b.data() : nullptr;
        n.h[k] = k + 1 == n.layers ? head_activation(d.head) : d.hidden;
    }
    return n;
}

struct Pass {  // the buffer's layers: z[0] the inputs, layer k reads z[k] and writes s[k], z[k + 1]
    f32x4* z[kLanesMaxLayers + 1];
    f32x4* s[kLanesMaxLayers];
    f32x4* ds[2];  // dC/ds of the layer being differentiated, and of the one below
};

Pass pass_in(f32x4* buffer) {
    Pass p;
    for (int k = 0; k <= kLanesMaxLayers; ++k) p.z[k] = buffer + k * kSlab;
    for (int k = 0; k < kLanesMaxLayers; ++k) p.s[k] = buffer + (kLanesMaxLayers + 1 + k) * kSlab;
    for (int j = 0; j < 2; ++j) p.ds[j] = buffer + (2 * kLanesMaxLayers + 1 + j) * kSlab;
    return p;
}

// activation_forward and activation_backward (tensor_ops.h), lane by lane, over n vectors.
NABLA_ONCE void activate(Activation h, const f32x4* s, f32x4* z, int n) {
    const f32x4 zero = simd::splat(0), slope = simd::splat(static_cast<float>(kLeakySlope));
    switch (h) {
        case Activation::Linear: std::copy_n(s, n, z); break;
        case Activation::ReLU: for (int i = 0; i < n; ++i) z[i] = simd::clamp(s[i], zero, simd::splat(INFINITY)); break;
        case Activation::LeakyReLU: for (int i = 0; i < n; ++i) z[i] = simd::select(simd::less(zero, s[i]), s[i], s[i] * slope); break;
        // The general path's own array kernels (fast_math.h), on the vectors as floats.
        case Activation::Tanh: tanh_array(reinterpret_cast<const float*>(s), reinterpret_cast<float*>(z), 4L * n); break;
        case Activation::Sigmoid: sigmoid_array(reinterpret_cast<const float*>(s), reinterpret_cast<float*>(z), 4L * n); break;
    }
}

NABLA_ONCE void derivative(Activation h, f32x4* d, const f32x4* s, const f32x4* z, int n) {  // dC/dz into dC/ds, in place
    const f32x4 zero = simd::splat(0), one = simd::splat(1), slope = simd::splat(static_cast<float>(kLeakySlope));
    switch (h) {
        case Activation::Linear: break;
        case Activation::ReLU: for (int i = 0; i < n; ++i) d[i] = simd::select(simd::less(zero, s[i]), d[i], zero); break;
        case Activation::LeakyReLU: for (int i = 0; i < n; ++i) d[i] = simd::select(simd::less(zero, s[i]), d[i], d[i] * slope); break;
        case Activation::Tanh: for (int i = 0; i < n; ++i) d[i] = d[i] * (one - z[i] * z[i]); break;
        case Activation::Sigmoid: for (int i = 0; i < n; ++i) d[i] = d[i] * (one - z[i]) * z[i]; break;
    }
}

// y[o][g] = bias[o] + Σ_i w(o, i) x[i][g] for O outputs from o0 and G groups from g0, the sums in
// registers; each adds the bias first, then the inputs in order (gemm_nt_direct's sum, to the bit).
// w(o, i) = W[o * o_step + i * i_step]: a layer's W, or backward its transpose.
template <int O, int G>
NABLA_INLINE void product_tile(const float* W, int o_step, int i_step, const float* bias, int in, const f32x4* x, f32x4* y,
                         int groups, int o0, int g0) {
    f32x4 sum[O][G];
    NABLA_UNROLL for (int o = 0; o < O; ++o)
        NABLA_UNROLL for (int g = 0; g < G; ++g) sum[o][g] = simd::splat(bias ? bias[o0 + o] : 0.0f);
    for (int i = 0; i < in; ++i) {
        f32x4 xi[G];
        NABLA_UNROLL for (int g = 0; g < G; ++g) xi[g] = x[i * groups + g0 + g];
        NABLA_UNROLL for (int o = 0; o < O; ++o) {
            const f32x4 w = simd::splat(W[(o0 + o) * o_step + i * i_step]);
            NABLA_UNROLL for (int g = 0; g < G; ++g) sum[o][g] += w * xi[g];
        }
    }
    NABLA_UNROLL for (int o = 0; o < O; ++o)
        NABLA_UNROLL for (int g = 0; g < G; ++g) y[(o0 + o) * groups + g0 + g] = sum[o][g];
}

// The product for every output and group: tiles of 4 outputs × 1 group, then single outputs (4 × 2
// tiles ran slower in WebAssembly: eight sums and their operands crowd x86's 16 registers; 1 × 4
// tiles for the odd outputs cost 0.3 KB of the page's 450 and rarely run: a batch of 10 is 3 groups).
void product(const float* W, int o_step, int i_step, const float* bias, int in, int out, const f32x4* x, f32x4* y, int groups) {
    int o = 0;
    for (; o + 4 <= out; o += 4)
        for (int g = 0; g < groups; ++g) product_tile<4, 1>(W, o_step, i_step, bias, in, x, y, groups, o, g);
    for (; o < out; ++o)
        for (int g = 0; g < groups; ++g) product_tile<1, 1>(W, o_step, i_step, bias, in, x, y, groups, o, g);
}

// dW[o][i] += Σ_g Σ_lanes ds[o][g] z[i][g] for I inputs from i0 (= on a pass's first chunk: no
// zeroing beforehand): the sums in registers, the four lanes of four inputs added up with one transpose.
template <int I>
NABLA_INLINE void weight_tile(const f32x4* ds, const f32x4* z, int groups, int i0, bool first, float* dW) {
    f32x4 sum[I];
    NABLA_UNROLL for (int i = 0; i < I; ++i) sum[i] = simd::splat(0);
    for (int g = 0; g < groups; ++g) {
        const f32x4 d = ds[g];
        NABLA_UNROLL for (int i = 0; i < I; ++i) sum[i] += d * z[(i0 + i) * groups + g];
    }
    if constexpr (I == 4) {
        simd::transpose4(sum[0], sum[1], sum[2], sum[3]);
        const f32x4 total = ((sum[0] + sum[1]) + sum[2]) + sum[3];
        simd::store(dW + i0, first ? total : simd::load(dW + i0) + total);
    } else {
        NABLA_UNROLL for (int i = 0; i < I; ++i) dW[i0 + i] = first ? simd::sum_lanes(sum[i]) : dW[i0 + i] + simd::sum_lanes(sum[i]);
    }
}

NABLA_ONCE void forward_layers(const Network& n, const Pass& p, int groups) {
    for (int k = 0; k < n.layers; ++k) {
        product(n.W[k], n.in[k], 1, n.b[k], n.in[k], n.out[k], p.z[k], p.s[k], groups);
        activate(n.h[k], p.s[k], p.z[k + 1], n.out[k] * groups);
    }
}

// The rows of examples first … first + count - 1 (their row pointers) into the pass's inputs.
NABLA_ONCE void load_inputs(const float* const* row, int count, int width, f32x4* z, int groups) {
    for (int g = 0; g < groups; ++g) {
        const float* r[4];
        for (int e = 0; e < 4; ++e) r[e] = 4 * g + e < count ? row[4 * g + e] : nullptr;
        for (int i = 0; i < width; ++i)  // lane by lane in registers: four scalar stores read back as a vector stall
            z[i * groups + g] = simd::make(r[0] ? r[0][i] : 0.0f, r[1] ? r[1][i] : 0.0f, r[2] ? r[2][i] : 0.0f, r[3] ? r[3][i] : 0.0f);
    }
}

// The cross-entropies of one group take exp and log per row: Mlp::loss's rows, lane by lane. The
// logits of neuron o are s[o * groups]; writes dC/ds to ds[o * groups] (empty lanes zero) and returns
// the group's summed loss.
NABLA_ONCE float cross_entropy_group(Head head, const f32x4* s, int groups, int K, f32x4 target, int valid, float B, f32x4* ds) {
    float logit[kLanesMaxWidth][4], d[kLanesMaxWidth][4] = {}, t[4], loss = 0;
    simd::lanes(target, t);
    for (int o = 0; o < K; ++o) simd::lanes(s[o * groups], logit[o]);
    for (int e = 0; e < valid; ++e) {
        if (head == Head::SigmoidBCE) {
            loss += bce_with_logits_row(logit[0][e], t[e], B, d[0][e]);
            continue;
        }
        float row[kLanesMaxWidth], d_row[kLanesMaxWidth];
        for (int o = 0; o < K; ++o) row[o] = logit[o][e];
        loss += softmax_ce_row(row, K, static_cast<int>(t[e]), B, d_row);
        for (int o = 0; o < K; ++o) d[o][e] = d_row[o];
    }
    for (int o = 0; o < K; ++o) ds[o * groups] = simd::load(d[o]);
    return loss;
}

// Layer k's share of Mlp::backward for one pass: its gradient sums from ds (the first chunk's replace
// the last step's), then dC/ds of the layer below into `below` (not for the first layer).
NABLA_ONCE void backward_layer(const Network& n, const Pass& p, int k, int groups, bool first, const f32x4* ds, f32x4* below, Layer<float>& L) {
    const int in = n.in[k], out = n.out[k];
    const f32x4* z = p.z[k];
    for (int o = 0; o < out; ++o) {
        const f32x4* ds_o = ds + o * groups;
        float* dW = L.dW.data() + o * in;
        int i = 0;
        for (; i + 4 <= in; i += 4) weight_tile<4>(ds_o, z, groups, i, first, dW);
        for (; i < in; ++i) weight_tile<1>(ds_o, z, groups, i, first, dW);
        if (!n.b[k]) continue;
        f32x4 bias_sum = simd::splat(0);
        for (int g = 0; g < groups; ++g) bias_sum += ds_o[g];
        L.db(o) = first ? simd::sum_lanes(bias_sum) : L.db(o) + simd::sum_lanes(bias_sum);
    }
    if (k == 0) return;
    product(n.W[k], 1, in, nullptr, out, in, ds, below, groups);  // dC/dz below = ds Wₖ
    derivative(n.h[k - 1], below, p.s[k - 1], z, in * groups);
}

// The largest |gradient| for the divergence check, NaN if any is NaN or infinite. On the bits: with
// the sign cleared, a float's bits order as its magnitude, and NaN and ∞ lie above every finite
// value, so one integer maximum finds both. Comparing floats cost W1 a sixth of its time in
// WebAssembly (V8 turns a float select into a branch, and which gradient is larger is a coin toss).
NABLA_ONCE float largest_gradient_of(const Mlp<float>& mlp) {
    constexpr std::uint32_t kMagnitude = 0x7fffffff, kInfinity = 0x7f800000;
    std::uint32_t largest = 0;
    const auto track = [&largest](const float* g, Eigen::Index size) {
        for (Eigen::Index i = 0; i < size; ++i) {
            std::uint32_t bits;
            std::memcpy(&bits, g + i, sizeof bits);
            largest = std::max(largest, bits & kMagnitude);
        }
    };
    for (const Layer<float>& L : mlp.layers) track(L.dW.data(), L.dW.size()), track(L.db.data(), L.db.size());
    float magnitude;
    std::memcpy(&magnitude, &largest, sizeof magnitude);
    return largest < kInfinity ? magnitude : std::numeric_limits<float>::quiet_NaN();
}

}  // namespace

float LanesStep::run(Mlp<float>& mlp, const Matrix<float>& X, const Matrix<float>& targets, const int* rows, int count) {
    const Network n = network_of(mlp);
    const Pass p = pass_in(buffer_.data());
    const int top = n.layers - 1, K = n.out[top], features = n.in[0];
    const Head head = mlp.desc().head;
    const float B = static_cast<float>(count);
    static constexpr float kLane[4] = {0, 1, 2, 3};
    const f32x4 batch = simd::splat(B), lane = simd::load(kLane), zero = simd::splat(0);
    f32x4 squares = zero;  // Σ (o - t)² per lane (the two squared-error heads)
    float loss = 0;        // Σ of the per-row losses (the two cross-entropy heads)

    for (int r0 = 0; r0 < count; r0 += 4 * kLanesGroups) {
        const int chunk = std::min(4 * kLanesGroups, count - r0), groups = (chunk + 3) / 4;
        const float* row[4 * kLanesGroups];
        const float* target[4 * kLanesGroups];
        for (int r = 0; r < chunk; ++r) {
            row[r] = X.data() + static_cast<long>(rows[r0 + r]) * features;
            target[r] = targets.data() + rows[r0 + r];
        }
        load_inputs(row, chunk, features, p.z[0], groups);
        forward_layers(n, p, groups);

        // The loss and dC/ds of the output layer (Mlp::loss), empty lanes left at zero.
        f32x4* ds = p.ds[0];
        for (int g = 0; g < groups; ++g) {
            const int valid = std::min(4, chunk - 4 * g);
            f32x4 t;
            load_inputs(target + 4 * g, valid, 1, &t, 1);
            if (head == Head::TanhHalfSquared || head == Head::LinearMSE) {
                const f32x4 o = p.z[top + 1][g];
                const f32x4 diff = simd::select(simd::less(lane, simd::splat(static_cast<float>(valid))), o - t, zero);
                squares += diff * diff;
                ds[g] = head == Head::LinearMSE ? diff * simd::splat(2.0f / B)               // mean_squared_error
                                                : diff / batch * (simd::splat(1) - o * o);  // half_squared_error, tanh'
                continue;
            }
            loss += cross_entropy_group(head, p.s[top] + g, groups, K, t, valid, B, ds + g);
        }

        // Backward (Mlp::backward): each layer's gradient sums, then dC/ds of the layer below.
        f32x4* below = p.ds[1];
        for (int k = top; k >= 0; --k) {
            backward_layer(n, p, k, groups, r0 == 0, ds, below, mlp.layers[k]);
            std::swap(ds, below);
        }
    }

    largest_ = largest_gradient_of(mlp);
    if (head == Head::TanhHalfSquared) return 0.5f * simd::sum_lanes(squares) / B;
    if (head == Head::LinearMSE) return simd::sum_lanes(squares) / B;
    return loss / B;
}

}  // namespace nabla
