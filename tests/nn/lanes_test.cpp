// The lanes path (nn/lanes.h) against the general kernels it replaces for narrow networks: the
// same losses and gradients to float rounding on every activation and head, with
// and without biases, batches that fill the last group of four or not; whole trainings that stay
// together; divergence caught the same way.
#include <gtest/gtest.h>

#include <cmath>

#include "nn/lanes.h"
#include "nn/rng.h"
#include "nn/trainer.h"

namespace nabla {
namespace {

struct Case {
    Head head;
    Activation hidden;
    std::vector<int> sizes;
    bool bias = true;
};

const Case kCases[] = {
    {Head::TanhHalfSquared, Activation::Tanh, {2, 4, 2, 1}},  // TensorFlow Playground's default
    {Head::SigmoidBCE, Activation::Tanh, {2, 5, 3, 1}},
    {Head::SigmoidBCE, Activation::Sigmoid, {3, 4, 1}, false},
    {Head::SoftmaxCE, Activation::ReLU, {2, 6, 5, 3}},
    {Head::SoftmaxCE, Activation::LeakyReLU, {7, 7, 7, 7, 7, 7, 7, 4}},
    {Head::LinearMSE, Activation::Tanh, {2, 7, 5, 1}},
    {Head::LinearMSE, Activation::Linear, {1, 1}},
    {Head::TanhHalfSquared, Activation::ReLU, {7, 7, 7, 7, 7, 7, 7, 7, 7, 1}},  // the deepest
};

MlpDesc desc_of(const Case& c, bool lanes) {
    MlpDesc d;
    d.sizes = c.sizes;
    d.hidden = c.hidden;
    d.head = c.head;
    d.bias = c.bias;
    d.bias_init = 0.1f;
    d.seed = 13;
    d.lanes = lanes;
    return d;
}

// Inputs in [-3, 3] and targets in the head's convention, for `n` rows.
void random_data(const Case& c, int n, Matrix<float>& X, Matrix<float>& t) {
    Rng rng(21);
    X.resize(n, c.sizes.front());
    t.resize(n, 1);
    for (int r = 0; r < n; ++r) {
        for (int i = 0; i < X.cols(); ++i) X(r, i) = static_cast<float>(rng.uniform(-3, 3));
        const int classes = c.sizes.back();
        t(r, 0) = c.head == Head::SoftmaxCE ? static_cast<float>(rng.below(classes))
                  : c.head == Head::SigmoidBCE ? static_cast<float>(rng.below(2))
                  : c.head == Head::TanhHalfSquared ? (rng.below(2) ? 1.0f : -1.0f)
                                                     : static_cast<float>(rng.uniform(-2, 2));
    }
}

// Sums of a dozen products in another order: a few float ulps of the largest term apart.
void expect_close(float lanes, float general, const std::string& what) {
    EXPECT_NEAR(lanes, general, 2e-6f + 2e-5f * std::fabs(general)) << what;
}

TEST(Lanes, FitOnlyNarrowNetworks) {
    EXPECT_TRUE(fits_lanes(desc_of(kCases[0], true)));
    EXPECT_FALSE(fits_lanes(desc_of(kCases[0], false)));
    Case wide = kCases[0];
    wide.sizes = {2, 8, 1};  // the 4×8 kernel's
    EXPECT_FALSE(fits_lanes(desc_of(wide, true)));
    wide.sizes = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1};  // ten layers
    EXPECT_FALSE(fits_lanes(desc_of(wide, true)));
    wide.sizes = {2, 7, 7, 7, 7, 7, 7, 7, 7, 1};  // the playground's deepest: 8 hidden layers
    EXPECT_TRUE(fits_lanes(desc_of(wide, true)));
    wide.sizes.back() = 2;  // two outputs only with softmax
    EXPECT_FALSE(fits_lanes(desc_of(wide, true)));
}

TEST(Lanes, OneStepEqualsTheGeneralKernels) {
    for (const Case& c : kCases) {
        for (int batch : {1, 3, 4, 10, 13, 200}) {  // 200: two passes of 128, the second adding to the first's sums
            Matrix<float> X, t;
            random_data(c, 40, X, t);
            std::vector<int> rows(batch);
            for (int r = 0; r < batch; ++r) rows[r] = (7 * r + 3) % 40;  // gathered out of order, as a shuffle

            Mlp<float> general(desc_of(c, false)), lanes(desc_of(c, true));
            ASSERT_EQ(general.layers[0].W, lanes.layers[0].W);
            Matrix<float> Xb(batch, X.cols()), tb(batch, 1);
            for (int r = 0; r < batch; ++r) Xb.row(r) = X.row(rows[r]), tb(r, 0) = t(rows[r], 0);
            Activations<float> a;
            a.reserve(general.desc(), batch);
            const ConstMatrixView<float> Xv(Xb.data(), batch, Xb.cols());
            general.forward(Xv, a);
            const float general_loss = general.loss(ConstMatrixView<float>(tb.data(), batch, 1), a);
            general.backward(Xv, a);

            LanesStep step;
            const float lanes_loss = step.run(lanes, X, t, rows.data(), batch);
            const std::string where = std::string(enum_key(c.head)) + " " + enum_key(c.hidden) + " batch " + std::to_string(batch);
            expect_close(lanes_loss, general_loss, where + ": loss");
            float largest = 0;
            for (int k = 0; k < general.layer_count(); ++k) {
                const Layer<float>&G = general.layers[k], &L = lanes.layers[k];
                for (int o = 0; o < G.W.rows(); ++o) {
                    for (int i = 0; i < G.W.cols(); ++i) {
                        expect_close(L.dW(o, i), G.dW(o, i), where + ": dW" + std::to_string(k) + "(" + std::to_string(o) + "," + std::to_string(i) + ")");
                        largest = std::max(largest, std::fabs(L.dW(o, i)));
                    }
                    expect_close(L.db(o), G.db(o), where + ": db" + std::to_string(k));
                    largest = std::max(largest, std::fabs(L.db(o)));
                }
            }
            EXPECT_EQ(step.largest_gradient(), largest) << where;
            EXPECT_GT(largest, 0) << where;  // the comparison compared something
        }
    }
}

// The divergence check's one number: NaN as soon as one gradient is NaN or infinite. A single
// linear neuron, so an infinite target leaves its gradients infinite (deeper, ∞ − ∞ turns them NaN).
TEST(Lanes, LargestGradientIsNaNOnceAnyGradientIsNotFinite) {
    const Case& c = kCases[6];  // mean squared error: the target enters the gradient as it is
    Matrix<float> X, t;
    random_data(c, 40, X, t);
    const int rows[] = {0, 1, 2, 3, 4};
    Mlp<float> mlp(desc_of(c, true));
    LanesStep step;
    step.run(mlp, X, t, rows, 5);
    EXPECT_TRUE(std::isfinite(step.largest_gradient()));
    EXPECT_GT(step.largest_gradient(), 0);
    for (const float bad : {INFINITY, -INFINITY, NAN}) {
        t(2, 0) = bad;
        step.run(mlp, X, t, rows, 5);
        EXPECT_TRUE(std::isnan(step.largest_gradient())) << bad;
    }
}

std::unique_ptr<Trainer> trainer(DatasetKind kind, std::vector<int> hidden, Activation h, OptimizerKind opt, double lr, int batch, bool lanes) {
    DatasetDesc data;
    data.kind = kind;
    data.points = 300;
    data.seed = 3;
    DataSplit split = make_dataset(data);
    TrainerDesc d;
    d.mlp.sizes = {static_cast<int>(split.train.X.cols())};
    d.mlp.sizes.insert(d.mlp.sizes.end(), hidden.begin(), hidden.end());
    d.mlp.head = head_for_task(split.train.classes);
    d.mlp.sizes.push_back(head_outputs(d.mlp.head, split.train.classes));
    d.mlp.hidden = h;
    d.mlp.lanes = lanes;
    d.optimizer.kind = opt;
    d.optimizer.learning_rate = lr;
    d.batch_size = batch;
    std::string error;
    auto t = Trainer::create(d, std::move(split), error);
    EXPECT_TRUE(t) << error;
    return t;
}

TEST(Lanes, TrainingsStayTogether) {
    struct Run { DatasetKind kind; std::vector<int> hidden; Activation h; OptimizerKind opt; double lr; int batch; };
    const Run runs[] = {
        {DatasetKind::Circle, {4, 2}, Activation::Tanh, OptimizerKind::SGD, 0.03, 10},
        {DatasetKind::Spiral3, {6, 6}, Activation::ReLU, OptimizerKind::Adam, 0.01, 7},
        {DatasetKind::Xor, {5}, Activation::Sigmoid, OptimizerKind::Momentum, 0.1, 150},  // full batch: 2 passes
    };
    for (const Run& r : runs) {
        auto general = trainer(r.kind, r.hidden, r.h, r.opt, r.lr, r.batch, false);
        auto lanes = trainer(r.kind, r.hidden, r.h, r.opt, r.lr, r.batch, true);
        for (int s = 0; s < 100; ++s) ASSERT_TRUE(general->step() && lanes->step());
        const Metrics g = general->evaluate(general->data().test), l = lanes->evaluate(lanes->data().test);
        EXPECT_NEAR(l.loss, g.loss, 1e-3 * (1 + g.loss)) << enum_key(r.kind);
        EXPECT_NEAR(l.accuracy, g.accuracy, 0.02) << enum_key(r.kind);
        EXPECT_NEAR(lanes->last_loss(), general->last_loss(), 1e-3 * (1 + general->last_loss())) << enum_key(r.kind);
        auto untrained = trainer(r.kind, r.hidden, r.h, r.opt, r.lr, r.batch, true);
        EXPECT_LT(l.loss, untrained->evaluate(untrained->data().test).loss) << enum_key(r.kind) << ": it learned";
    }
}

TEST(Lanes, ALearningRateOfTenNeverOverflowsOnEitherKernel) {
    for (bool use_lanes : {false, true}) {
        auto t = trainer(DatasetKind::Circle, {4, 2}, Activation::Tanh, OptimizerKind::SGD, 10, 10, use_lanes);
        int steps = 0;
        while (steps < 5000 && t->step()) ++steps;
        EXPECT_FALSE(t->diverged()) << "lanes " << use_lanes << ": a tanh network saturates rather than overflow: "
                                    << t->divergence();
        for (const Layer<float>& L : t->mlp().layers) EXPECT_TRUE(L.W.allFinite());
    }
}

}  // namespace
}  // namespace nabla
