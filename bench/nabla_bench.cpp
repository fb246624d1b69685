// The benchmark workloads of issue 3 on Nabla's engine, one JSON line per workload. The same
// source is built natively and as WebAssembly with and without SIMD (bench/run.sh), and
// bench/tfjs_bench.mjs runs the same workloads on TensorFlow.js.
//   W1  TF Playground default: circle, 250 training points, 2-4-2-1 tanh (tanh output, t = ±1,
//       loss ½(o - t)²), batch 10, SGD lr 0.03, weights U(-0.5, 0.5), biases 0.1: examples/s
//   W2  the same on the spiral with 6 hidden layers of 8: examples/s
//   W3  the trained W2 network on the 100×100 decision-boundary grid over [-6, 6]²: grids/s
//   W4  784-128-64-10 ReLU, softmax cross-entropy, batch 64, SGD lr 0.1, random data: steps/s
//   W1ref  W1 written out by hand as straight-line scalar code (bench/w1_reference.h): its floor
// Usage: nabla_bench [--impl NAME] [--seconds S] [--general]   |   nabla_bench --dump-data (datasets as JSON)
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "nn/rng.h"
#include "nn/trainer.h"
#include "w1_reference.h"

using namespace nabla;

namespace {

bool g_lanes = true;  // --general: narrow networks on the general kernels too (the lanes' A/B)

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

TrainerDesc playground(std::vector<int> hidden) {
    TrainerDesc d;
    d.mlp.sizes = {2};
    d.mlp.sizes.insert(d.mlp.sizes.end(), hidden.begin(), hidden.end());
    d.mlp.sizes.push_back(1);
    d.mlp.hidden = Activation::Tanh;
    d.mlp.head = Head::TanhHalfSquared;
    d.mlp.init = Init::PlaygroundUniform;
    d.mlp.bias_init = 0.1f;
    d.mlp.seed = 7;
    d.mlp.lanes = g_lanes;
    d.optimizer.kind = OptimizerKind::SGD;
    d.optimizer.learning_rate = 0.03;
    d.batch_size = 10;
    d.shuffle_seed = 11;
    return d;
}

DataSplit playground_data(DatasetKind kind) {
    DatasetDesc data;
    data.kind = kind;
    data.points = 500;
    data.train_fraction = 0.5;
    data.seed = 3;
    return make_dataset(data);
}

void report(const char* workload, const std::string& impl, double rate, const char* unit, double loss, double accuracy, long work) {
    std::printf("{\"workload\":\"%s\",\"impl\":\"%s\",\"rate\":%.6g,\"unit\":\"%s\",\"final_loss\":%.6g,\"accuracy\":%.6g,\"work\":%ld}\n",
                workload, impl.c_str(), rate, unit, loss, accuracy, work);
    std::fflush(stdout);
}

// Trains for at least `seconds` (whole epochs) and reports examples per second.
std::unique_ptr<Trainer> train_playground(const char* name, const std::string& impl, std::vector<int> hidden, DatasetKind kind, double seconds) {
    std::string error;
    auto t = Trainer::create(playground(std::move(hidden)), playground_data(kind), error);
    if (!t) { std::fprintf(stderr, "%s\n", error.c_str()); std::exit(1); }
    const int n = t->data().train.size();
    for (int k = 0; k < 50; ++k) t->step();  // warm up
    t->reset();
    const double start = now();
    double elapsed = 0;
    long examples = 0;
    do {
        for (int epoch = 0; epoch < 10; ++epoch)
            for (int s = 0; s < n / 10; ++s) t->step();
        examples += 10L * n;
        elapsed = now() - start;
    } while (elapsed < seconds);
    const Metrics m = t->evaluate(t->data().test);
    report(name, impl, examples / elapsed, "examples/s", m.loss, m.accuracy, t->epochs());
    return t;
}

void grid_workload(Trainer& trained, const std::string& impl, double seconds) {
    const int side = 100;
    Matrix<float> grid(side * side, 2);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            grid(r * side + c, 0) = -6.0f + 12.0f * (c + 0.5f) / side;
            grid(r * side + c, 1) = -6.0f + 12.0f * (r + 0.5f) / side;
        }
    Activations<float> acts;
    acts.reserve(trained.mlp().desc(), side * side);
    const ConstMatrixView<float> X(grid.data(), grid.rows(), 2);
    trained.mlp().forward(X, acts);
    long grids = 0;
    const double start = now();
    double elapsed = 0;
    do {
        for (int k = 0; k < 20; ++k) trained.mlp().forward(X, acts);
        grids += 20;
        elapsed = now() - start;
    } while (elapsed < seconds);
    double positive = 0;  // share of the plane the network calls positive: shows the output is real
    for (int i = 0; i < side * side; ++i) positive += acts.z.back()(i, 0) >= 0;
    report("W3", impl, grids / elapsed, "grids/s", 0, positive / (side * side), grids);
}

void mnist_shaped_workload(const std::string& impl, double seconds) {
    Rng rng(5);
    const int n = 1024;
    DataSplit data;
    for (Dataset* d : {&data.train, &data.test}) {
        d->classes = 10;
        d->X.resize(n, 784);
        d->y.resize(n, 1);
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < 784; ++j) d->X(i, j) = static_cast<float>(rng.uniform());
            d->y(i, 0) = static_cast<float>(rng.below(10));
        }
    }
    TrainerDesc d;
    d.mlp.sizes = {784, 128, 64, 10};
    d.mlp.hidden = Activation::ReLU;
    d.mlp.head = Head::SoftmaxCE;
    d.mlp.seed = 9;
    d.optimizer.learning_rate = 0.1;
    d.batch_size = 64;
    std::string error;
    auto t = Trainer::create(d, std::move(data), error);
    if (!t) { std::fprintf(stderr, "%s\n", error.c_str()); std::exit(1); }
    for (int k = 0; k < 5; ++k) t->step();
    const double first_loss = t->evaluate(t->data().train).loss;
    long steps = 0;
    const double start = now();
    double elapsed = 0;
    do {
        for (int k = 0; k < 16; ++k) t->step();
        steps += 16;
        elapsed = now() - start;
    } while (elapsed < seconds);
    const Metrics m = t->evaluate(t->data().train);  // random labels: learning = memorising them
    std::fprintf(stderr, "W4 %s: train loss %.4f -> %.4f\n", impl.c_str(), first_loss, m.loss);
    report("W4", impl, steps / elapsed, "steps/s", m.loss, m.accuracy, steps);
}

void dump_data() {
    std::printf("{");
    const DatasetKind kinds[] = {DatasetKind::Circle, DatasetKind::Spiral};
    for (int k = 0; k < 2; ++k) {
        const DataSplit s = playground_data(kinds[k]);
        std::printf("%s\"%s\":{", k ? "," : "", enum_key(kinds[k]));
        for (int part = 0; part < 2; ++part) {
            const Dataset& d = part ? s.test : s.train;
            std::printf("%s\"%s\":{\"x\":[", part ? "," : "", part ? "test" : "train");
            for (int i = 0; i < d.size(); ++i) std::printf("%s%.9g,%.9g", i ? "," : "", d.X(i, 0), d.X(i, 1));
            std::printf("],\"y\":[");
            for (int i = 0; i < d.size(); ++i) std::printf("%s%d", i ? "," : "", static_cast<int>(d.y(i, 0)) * 2 - 1);
            std::printf("]}");
        }
        std::printf("}");
    }
    std::printf("}\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::string impl = "nabla", only = "W1,W2,W3,W4";
    double seconds = 1.0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--dump-data")) { dump_data(); return 0; }
        if (!std::strcmp(argv[i], "--general")) g_lanes = false;
        if (!std::strcmp(argv[i], "--impl") && i + 1 < argc) impl = argv[++i];
        else if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];  // e.g. W2,W3 (for profiling)
    }
    auto wanted = [&](const char* w) { return only.find(w) != std::string::npos; };
    if (wanted("W1")) train_playground("W1", impl, {4, 2}, DatasetKind::Circle, seconds);
    if (wanted("W1")) {  // "W1ref" has no W1 in it: --only W1 runs both
        double loss = 0, accuracy = 0;
        const double rate = w1_reference::train(playground_data(DatasetKind::Circle), seconds, now, loss, accuracy);
        report("W1ref", impl, rate, "examples/s", loss, accuracy, 0);
    }
    if (wanted("W2") || wanted("W3")) {
        auto w2 = train_playground("W2", impl, {8, 8, 8, 8, 8, 8}, DatasetKind::Spiral, wanted("W2") ? seconds : 0.2);
        if (wanted("W3")) grid_workload(*w2, impl, seconds);
    }
    if (wanted("W4")) mnist_shaped_workload(impl, seconds);
    return 0;
}
