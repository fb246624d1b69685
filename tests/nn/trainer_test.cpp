// Training end to end: every classification dataset learned to >= 95 % test accuracy with the
// configuration documented here; hyper-parameters changed mid-run keep the weights; bad settings
// are refused with a reason; divergence is reported, never returned as NaN weights.
#include <gtest/gtest.h>

#include <cmath>

#include "nn/trainer.h"

namespace nabla {
namespace {

struct Recipe {
    DatasetKind kind;
    int points;
    std::vector<int> hidden;
    Activation activation;
    int epochs;
};

std::unique_ptr<Trainer> make(const Recipe& r, OptimizerKind opt, double lr, int batch, std::string* error = nullptr) {
    DatasetDesc data;
    data.kind = r.kind;
    data.points = r.points;
    data.seed = 3;
    DataSplit split = make_dataset(data);
    TrainerDesc d;
    d.mlp.sizes = {static_cast<int>(split.train.X.cols())};
    d.mlp.sizes.insert(d.mlp.sizes.end(), r.hidden.begin(), r.hidden.end());
    d.mlp.head = head_for_task(split.train.classes);
    d.mlp.sizes.push_back(head_outputs(d.mlp.head, split.train.classes));
    d.mlp.hidden = r.activation;
    d.mlp.seed = 5;
    d.optimizer.kind = opt;
    d.optimizer.learning_rate = lr;
    d.batch_size = batch;
    std::string e;
    auto t = Trainer::create(d, std::move(split), e);
    if (error) *error = e;
    return t;
}

// The documented recipes (README): Adam, learning rate 0.01, batch 10, seeds 3 (data) and 5 (weights).
TEST(Trainer, EveryClassificationDatasetIsLearned) {
    const Recipe recipes[] = {
        {DatasetKind::Circle, 500, {8, 8}, Activation::Tanh, 100},
        {DatasetKind::Xor, 500, {8, 8}, Activation::Tanh, 100},
        {DatasetKind::Gaussian, 500, {4}, Activation::Tanh, 50},
        {DatasetKind::Spiral, 600, {16, 16}, Activation::ReLU, 300},
        {DatasetKind::TwoMoons, 500, {8, 8}, Activation::Tanh, 100},
        {DatasetKind::Spiral3, 900, {32, 32}, Activation::ReLU, 300},
    };
    for (const Recipe& r : recipes) {
        auto t = make(r, OptimizerKind::Adam, 0.01, 10);
        ASSERT_TRUE(t) << enum_key(r.kind);
        while (t->epochs() < r.epochs) ASSERT_TRUE(t->step());
        const Metrics test = t->evaluate(t->data().test);
        EXPECT_GE(test.accuracy, 0.95) << enum_key(r.kind) << ": test loss " << test.loss;
        std::printf("%-9s test accuracy %.3f after %d epochs\n", enum_key(r.kind), test.accuracy, r.epochs);
    }
}

TEST(Trainer, HyperParametersChangeMidRunAndKeepTheWeights) {
    auto t = make({DatasetKind::Circle, 200, {4, 2}, Activation::Tanh, 0}, OptimizerKind::SGD, 0.03, 10);
    ASSERT_TRUE(t);
    for (int k = 0; k < 20; ++k) t->step();
    const Matrix<float> before = t->mlp().layers[0].W;
    EXPECT_EQ(t->set_batch_size(100), "");
    OptimizerSettings s = t->desc().optimizer;
    s.kind = OptimizerKind::Adam;
    s.learning_rate = 0.1;
    EXPECT_EQ(t->set_optimizer(s), "");
    EXPECT_EQ(t->mlp().layers[0].W, before);  // nothing re-initialised
    const long steps = t->steps();
    t->step();
    EXPECT_EQ(t->steps(), steps + 1);
    EXPECT_EQ(t->last_batch_rows(), 100);    // the next step used the new batch size
    EXPECT_NE(t->mlp().layers[0].W, before);
}

TEST(Trainer, BadSettingsAreRefusedWithAReason) {
    std::string error;
    EXPECT_FALSE(make({DatasetKind::Circle, 100, {0}, Activation::Tanh, 0}, OptimizerKind::SGD, 0.03, 10, &error));
    EXPECT_EQ(error, "layer 1 has 0 neurons: every layer needs at least 1");
    EXPECT_FALSE(make({DatasetKind::Circle, 100, {4}, Activation::Tanh, 0}, OptimizerKind::SGD, 0.03, 51, &error));
    EXPECT_EQ(error, "the batch size must be between 1 and the 50 training points, not 51");
    EXPECT_FALSE(make({DatasetKind::Circle, 100, {4}, Activation::Tanh, 0}, OptimizerKind::SGD, NAN, 10, &error));
    EXPECT_EQ(error, "the learning rate must be a finite number in (0, 100]");
    auto t = make({DatasetKind::Circle, 100, {4}, Activation::Tanh, 0}, OptimizerKind::SGD, 0.03, 10);
    ASSERT_TRUE(t);
    EXPECT_NE(t->set_batch_size(0), "");
    OptimizerSettings s;
    s.learning_rate = INFINITY;
    EXPECT_NE(t->set_optimizer(s), "");
    EXPECT_DOUBLE_EQ(t->desc().optimizer.learning_rate, 0.03);
}

TEST(Trainer, DivergenceIsReportedAndTheWeightsStayFinite) {
    // Regression with a linear output and learning rate 10: the loss explodes within a few steps.
    DatasetDesc data;
    data.kind = DatasetKind::Plane;
    data.points = 200;
    TrainerDesc d;
    d.mlp.sizes = {2, 8, 8, 1};
    d.mlp.hidden = Activation::ReLU;
    d.mlp.head = Head::LinearMSE;
    d.optimizer.learning_rate = 10;
    d.batch_size = 10;
    std::string error;
    auto t = Trainer::create(d, make_dataset(data), error);
    ASSERT_TRUE(t) << error;
    int steps = 0;
    while (t->step() && steps < 10000) ++steps;
    ASSERT_TRUE(t->diverged()) << "ran " << steps << " steps without diverging";
    EXPECT_NE(t->divergence().find("learning rate 10"), std::string::npos) << t->divergence();
    EXPECT_NE(t->divergence().find("try a smaller learning rate"), std::string::npos);
    for (const Layer<float>& L : t->mlp().layers) EXPECT_TRUE(L.W.allFinite() && L.b.allFinite());
    const long at = t->steps();
    EXPECT_FALSE(t->step());  // stays paused
    EXPECT_EQ(t->steps(), at);
    t->reset();
    EXPECT_FALSE(t->diverged());
    EXPECT_EQ(t->steps(), 0);
}

TEST(Trainer, FullBatchGradientDescentIsDeterministic) {
    auto a = make({DatasetKind::Xor, 200, {6}, Activation::Tanh, 0}, OptimizerKind::SGD, 0.1, 100);
    auto b = make({DatasetKind::Xor, 200, {6}, Activation::Tanh, 0}, OptimizerKind::SGD, 0.1, 100);
    for (int k = 0; k < 50; ++k) a->step(), b->step();
    EXPECT_EQ(a->mlp().layers[0].W, b->mlp().layers[0].W);
    EXPECT_EQ(a->epochs(), 50);  // batch = N: one step is one epoch
}

}  // namespace
}  // namespace nabla

namespace nabla {
namespace {

// A batch larger than a chunk is made a chunk at a time (the playground spreads it over frames):
// the step in parts equals the step at once, weight for weight, and its gradient is the batch's
// mean gradient (checked against one forward/backward pass over all rows).
TEST(Trainer, AStepInPartsEqualsTheStepAtOnce) {
    const Recipe r{DatasetKind::Spiral, 4000, {16, 16}, Activation::ReLU, 0};
    auto at_once = make(r, OptimizerKind::Adam, 0.01, 2000), in_parts = make(r, OptimizerKind::Adam, 0.01, 2000);
    for (int s = 0; s < 3; ++s) {
        ASSERT_TRUE(at_once->step());
        int calls = 1;
        StepProgress p;
        while ((p = in_parts->step_part(1)) == StepProgress::Partial) {
            EXPECT_TRUE(in_parts->mid_step());
            ++calls;
        }
        ASSERT_EQ(p, StepProgress::Done);
        EXPECT_EQ(calls, (2000 + kChunkRows - 1) / kChunkRows);
        for (size_t k = 0; k < at_once->mlp().layers.size(); ++k) {
            EXPECT_EQ(at_once->mlp().layers[k].W, in_parts->mlp().layers[k].W) << "step " << s << " layer " << k;
            EXPECT_EQ(at_once->mlp().layers[k].dW, in_parts->mlp().layers[k].dW);
        }
    }
    // The chunks' weighted means are the batch's mean: one pass over all 2000 rows of the same batch.
    auto fresh = make(r, OptimizerKind::SGD, 0.01, 2000);
    Mlp<float> net = fresh->mlp();
    ASSERT_TRUE(fresh->step());
    // Rebuild the batch fresh used: the shuffle's first 2000 rows are the train set's order at step 0.
    auto replica = make(r, OptimizerKind::SGD, 0.01, 2000);
    const TrainerSnapshot snap = replica->snapshot();
    Matrix<float> X(2000, replica->data().train.X.cols());
    Matrix<float> T(2000, 1);
    for (int i = 0; i < 2000; ++i) {
        X.row(i) = replica->data().train.X.row(snap.order[i]);
        T(i, 0) = replica->data().train.y(snap.order[i], 0);
    }
    Activations<float> acts;
    acts.reserve(net.desc(), 2000);
    net.forward(ConstMatrixView<float>(X.data(), 2000, X.cols()), acts);
    net.loss(ConstMatrixView<float>(T.data(), 2000, 1), acts);
    net.backward(ConstMatrixView<float>(X.data(), 2000, X.cols()), acts);
    for (size_t k = 0; k < net.layers.size(); ++k) {
        const float scale = net.layers[k].dW.cwiseAbs().maxCoeff();
        EXPECT_LT((net.layers[k].dW - fresh->mlp().layers[k].dW).cwiseAbs().maxCoeff(), 1e-5f * scale) << "layer " << k;
    }
}

TEST(Trainer, ChangingTheBatchSizeMidStepStartsItAgain) {
    const Recipe r{DatasetKind::Circle, 3000, {4}, Activation::Tanh, 0};
    auto t = make(r, OptimizerKind::SGD, 0.03, 1500);
    ASSERT_EQ(t->step_part(1), StepProgress::Partial);
    EXPECT_EQ(t->set_batch_size(10), "");
    EXPECT_FALSE(t->mid_step());
    EXPECT_EQ(t->step_part(1), StepProgress::Done);
    EXPECT_EQ(t->last_batch_rows(), 10);
    EXPECT_EQ(t->steps(), 1);
}

TEST(Trainer, EvaluationInPartsEqualsEvaluationAtOnce) {
    const Recipe r{DatasetKind::TwoMoons, 5000, {8}, Activation::Tanh, 0};
    auto t = make(r, OptimizerKind::SGD, 0.03, 10);
    EvaluationInParts at;
    int calls = 0;
    while (!t->evaluate_part(t->data().train, at, 1)) ++calls;
    EXPECT_GT(calls, 3);
    const Metrics whole = t->evaluate(t->data().train), parts = at.metrics(t->data().train);
    EXPECT_EQ(whole.loss, parts.loss);
    EXPECT_EQ(whole.accuracy, parts.accuracy);
}

}  // namespace
}  // namespace nabla
