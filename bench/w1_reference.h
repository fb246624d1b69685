// W1's physical floor (issue 16): the whole 2-4-2-1 tanh step of a batch of 10 written out by hand
// as straight-line scalar code: no matrices, no call per layer, no divergence check, the engine's
// own fast_tanh and the same compiler flags. The engine's W1 is measured against it in one run
// (bench/run.mjs), so "how far from the floor" is a ratio on the same machine and build.
#pragma once

#include <cstdio>
#include <vector>

#include "engine/fast_math.h"
#include "nn/datasets.h"
#include "nn/rng.h"

namespace w1_reference {

struct Net {
    float W1[4][2], b1[4], W2[2][4], b2[2], W3[2], b3;
};

inline void init(Net& n, nabla::Rng& rng) {  // TF Playground's U(-0.5, 0.5), biases 0.1
    const auto u = [&] { return static_cast<float>(rng.uniform(-0.5, 0.5)); };
    for (auto& row : n.W1) for (float& w : row) w = u();
    for (auto& row : n.W2) for (float& w : row) w = u();
    for (float& w : n.W3) w = u();
    for (float& b : n.b1) b = 0.1f;
    for (float& b : n.b2) b = 0.1f;
    n.b3 = 0.1f;
}

// The output for one example (tanh, as the workload's TanhHalfSquared head).
inline float forward(const Net& n, float x0, float x1, float h1[4], float h2[2]) {
    for (int i = 0; i < 4; ++i) h1[i] = nabla::fast_tanh(n.W1[i][0] * x0 + n.W1[i][1] * x1 + n.b1[i]);
    for (int j = 0; j < 2; ++j) h2[j] = nabla::fast_tanh(n.W2[j][0] * h1[0] + n.W2[j][1] * h1[1] + n.W2[j][2] * h1[2] + n.W2[j][3] * h1[3] + n.b2[j]);
    return nabla::fast_tanh(n.W3[0] * h2[0] + n.W3[1] * h2[1] + n.b3);
}

// One SGD step on `batch` examples (x0, x1 interleaved in X, targets ±1 in t): loss ½(o − t)²,
// gradients averaged over the batch.
inline void step(Net& n, const float* X, const float* t, int batch, float lr) {
    Net g{};
    for (int e = 0; e < batch; ++e) {
        const float x0 = X[2 * e], x1 = X[2 * e + 1];
        float h1[4], h2[2];
        const float o = forward(n, x0, x1, h1, h2);
        const float d3 = (o - t[e]) * (1 - o * o);
        float d2[2];
        for (int j = 0; j < 2; ++j) {
            g.W3[j] += d3 * h2[j];
            d2[j] = d3 * n.W3[j] * (1 - h2[j] * h2[j]);
            g.b2[j] += d2[j];
            for (int i = 0; i < 4; ++i) g.W2[j][i] += d2[j] * h1[i];
        }
        g.b3 += d3;
        for (int i = 0; i < 4; ++i) {
            const float d1 = (d2[0] * n.W2[0][i] + d2[1] * n.W2[1][i]) * (1 - h1[i] * h1[i]);
            g.W1[i][0] += d1 * x0;
            g.W1[i][1] += d1 * x1;
            g.b1[i] += d1;
        }
    }
    const float s = lr / static_cast<float>(batch);
    for (int i = 0; i < 4; ++i) {
        n.W1[i][0] -= s * g.W1[i][0], n.W1[i][1] -= s * g.W1[i][1], n.b1[i] -= s * g.b1[i];
        for (int j = 0; j < 2; ++j) n.W2[j][i] -= s * g.W2[j][i];
    }
    for (int j = 0; j < 2; ++j) n.b2[j] -= s * g.b2[j], n.W3[j] -= s * g.W3[j];
    n.b3 -= s * g.b3;
}

constexpr int kBatch = 10;

// One epoch: shuffled, gathered as the trainer gathers a batch, in steps of kBatch. Its own function,
// never inlined: V8 runs a WebAssembly function that never returns in its baseline compiler (Liftoff;
// there is no on-stack replacement), and inlined into train() the reference ran half of its time
// there, about twice as slow as optimised code: a floor that flattered the engine.
__attribute__((noinline)) inline void train_epoch(Net& net, const nabla::Dataset& d, std::vector<int>& order, nabla::Rng& shuffle_rng) {
    const int n = d.size();
    float X[2 * kBatch], t[kBatch];
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[shuffle_rng.below(static_cast<std::uint32_t>(k))]);
    for (int b = 0; b + kBatch <= n; b += kBatch) {
        for (int e = 0; e < kBatch; ++e) {
            const int r = order[static_cast<size_t>(b + e)];
            X[2 * e] = d.X(r, 0), X[2 * e + 1] = d.X(r, 1), t[e] = d.y(r, 0) * 2 - 1;
        }
        step(net, X, t, kBatch, 0.03f);
    }
}

// Trains on `train` in shuffled batches of 10 for at least `seconds` (whole epochs, as the engine's
// W1) and returns examples per second; the test set's loss and accuracy say it learned.
template <class Clock>
double train(const nabla::DataSplit& data, double seconds, Clock now, double& loss, double& accuracy) {
    const nabla::Dataset& d = data.train;
    const int n = d.size();
    Net net;
    nabla::Rng init_rng(7), shuffle_rng(11);
    init(net, init_rng);
    std::vector<int> order(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
    {  // warmed up on copies, as the engine is before it is timed
        Net warm = net;
        std::vector<int> warm_order = order;
        nabla::Rng warm_rng = shuffle_rng;
        for (int epoch = 0; epoch < 5; ++epoch) train_epoch(warm, d, warm_order, warm_rng);
    }
    long examples = 0;
    const double start = now();
    double elapsed = 0;
    do {
        for (int epoch = 0; epoch < 10; ++epoch) train_epoch(net, d, order, shuffle_rng);
        examples += 10L * (n / kBatch) * kBatch;
        elapsed = now() - start;
    } while (elapsed < seconds);
    double sum = 0, right = 0;
    for (int r = 0; r < data.test.size(); ++r) {
        float h1[4], h2[2];
        const float o = forward(net, data.test.X(r, 0), data.test.X(r, 1), h1, h2), target = data.test.y(r, 0) * 2 - 1;
        sum += 0.5 * (o - target) * (o - target);
        right += (o >= 0) == (target > 0);
    }
    loss = sum / data.test.size();
    accuracy = right / data.test.size();
    return examples / elapsed;
}

}  // namespace w1_reference
