// A training step allocates nothing once the trainer is built: malloc itself is interposed in
// this test binary (glibc's __libc_malloc underneath) and counted while steps run.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>

#include "nn/trainer.h"

extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
}

namespace {
std::atomic<long> g_allocations{0};
std::atomic<bool> g_counting{false};
void count() {
    if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace

extern "C" {
void* malloc(size_t n) { count(); return __libc_malloc(n); }
void* calloc(size_t n, size_t m) { count(); return __libc_calloc(n, m); }
void* realloc(void* p, size_t n) { count(); return __libc_realloc(p, n); }
void* memalign(size_t a, size_t n) { count(); return __libc_memalign(a, n); }
void* aligned_alloc(size_t a, size_t n) { count(); return __libc_memalign(a, n); }
int posix_memalign(void** out, size_t a, size_t n) {
    count();
    *out = __libc_memalign(a, n);
    return *out ? 0 : 12;
}
}

namespace nabla {
namespace {

long allocations_during(const std::function<void()>& f) {
    g_allocations = 0;
    g_counting = true;
    f();
    g_counting = false;
    return g_allocations.load();
}

TEST(Allocation, TheCounterSeesAllocations) {
    EXPECT_GE(allocations_during([] { std::vector<int> v(1000); (void)v; }), 1);
    EXPECT_GE(allocations_during([] { Matrix<float> m(64, 64); (void)m; }), 1);
}

struct Workload {
    const char* name;
    DatasetKind data;
    int points;
    std::vector<int> sizes;
    Activation activation;
    Head head;
    OptimizerKind optimizer;
    int batch;
};

TEST(Allocation, TrainingStepsAllocateNothing) {
    const Workload workloads[] = {
        {"W1 playground default", DatasetKind::Circle, 500, {2, 4, 2, 1}, Activation::Tanh, Head::TanhHalfSquared, OptimizerKind::SGD, 10},
        {"W2 spiral 6x8", DatasetKind::Spiral, 500, {2, 8, 8, 8, 8, 8, 8, 1}, Activation::Tanh, Head::TanhHalfSquared, OptimizerKind::SGD, 10},
        {"3 classes, Adam, L2", DatasetKind::Spiral3, 600, {2, 32, 32, 3}, Activation::ReLU, Head::SoftmaxCE, OptimizerKind::Adam, 64},
        {"wide layers (blocked GEMM)", DatasetKind::Gaussian, 1000, {2, 256, 256, 1}, Activation::ReLU, Head::SigmoidBCE, OptimizerKind::Momentum, 200},
    };
    for (const Workload& w : workloads) {
        DatasetDesc data;
        data.kind = w.data;
        data.points = w.points;
        TrainerDesc d;
        d.mlp.sizes = w.sizes;
        d.mlp.hidden = w.activation;
        d.mlp.head = w.head;
        d.optimizer.kind = w.optimizer;
        d.optimizer.l2 = 1e-4;
        d.batch_size = w.batch;
        std::string error;
        auto t = Trainer::create(d, make_dataset(data), error);
        ASSERT_TRUE(t) << error;
        t->step();  // the first step may size what it needs
        // Several epochs, so partial last batches and reshuffles are covered; then a live change.
        EXPECT_EQ(allocations_during([&] { for (int k = 0; k < 200; ++k) t->step(); }), 0) << w.name;
        EXPECT_EQ(t->set_batch_size(w.batch / 2 + 1), "");
        EXPECT_EQ(allocations_during([&] { for (int k = 0; k < 50; ++k) t->step(); }), 0) << w.name << " after a batch change";
        EXPECT_FALSE(t->diverged()) << w.name;
    }
}

}  // namespace
}  // namespace nabla
