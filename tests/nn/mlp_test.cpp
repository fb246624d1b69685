// The whole MLP's backward pass against central differences in double precision, for every
// head and hidden activation, and the lecture-002 training loop (E4) reproduced in float32.
#include <gtest/gtest.h>

#include <utility>

#include "finite_difference.h"
#include "nn/mlp.h"
#include "nn/optimizer.h"

namespace nabla {
namespace {

using Md = Matrix<double>;

struct Case {
    Head head;
    Activation hidden;
    std::vector<int> sizes;
};

Md targets_for(Head head, int rows, int outputs) {
    Md t(rows, head == Head::SoftmaxCE ? 1 : outputs);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < t.cols(); ++c)
            t(r, c) = head == Head::SoftmaxCE ? r % outputs : head == Head::SigmoidBCE ? (r % 2) : 0.3 * r - 0.7 * c;
    return t;
}

TEST(Mlp, WholeNetworkGradientsMatchCentralDifferences) {
    const Case cases[] = {
        {Head::SigmoidBCE, Activation::Tanh, {2, 5, 3, 1}},
        {Head::SigmoidBCE, Activation::Sigmoid, {3, 4, 1}},
        {Head::SoftmaxCE, Activation::ReLU, {2, 6, 5, 3}},
        {Head::SoftmaxCE, Activation::LeakyReLU, {4, 7, 2}},
        {Head::LinearMSE, Activation::Tanh, {2, 8, 8, 2}},
        {Head::LinearMSE, Activation::Linear, {3, 2}},
        {Head::TanhHalfSquared, Activation::Tanh, {2, 4, 2, 1}},
    };
    for (const Case& c : cases) {
        MlpDesc d;
        d.sizes = c.sizes;
        d.head = c.head;
        d.hidden = c.hidden;
        d.bias_init = 0.1f;
        d.seed = 42;
        ASSERT_EQ(d.validate(), "");
        Mlp<double> mlp(d);
        const int B = 6;
        Md X = random_matrix<double>(B, c.sizes.front(), 5, 2.0);
        const Md t = targets_for(c.head, B, c.sizes.back());
        Activations<double> a;
        a.reserve(d, B);
        auto C = [&] {
            Activations<double> tmp;
            tmp.reserve(d, B);
            mlp.forward(ConstMatrixView<double>(X.data(), B, X.cols()), tmp);
            return mlp.loss(ConstMatrixView<double>(t.data(), B, t.cols()), tmp);
        };
        mlp.forward(ConstMatrixView<double>(X.data(), B, X.cols()), a);
        mlp.loss(ConstMatrixView<double>(t.data(), B, t.cols()), a);
        mlp.backward(ConstMatrixView<double>(X.data(), B, X.cols()), a);
        for (int k = 0; k < mlp.layer_count(); ++k) {
            const Md dW = mlp.layers[k].dW;
            const RowVector<double> db = mlp.layers[k].db;
            EXPECT_LT(max_relative_error(dW, numeric_gradient(mlp.layers[k].W, C)), 1e-6) << enum_key(c.head) << " layer " << k;
            EXPECT_LT(max_relative_error(db, numeric_gradient(mlp.layers[k].b, C)), 1e-6) << enum_key(c.head) << " layer " << k;
        }
        // dC/dz of hidden layers too (lecture 000's "state" Jacobian): perturb through the input of
        // the first layer by checking dC/dX = ds_0 W_0.
        const Md dX = Md(a.ds[0].topRows(B)) * mlp.layers[0].W;
        EXPECT_LT(max_relative_error(dX, numeric_gradient(X, C)), 1e-6) << enum_key(c.head);
    }
}

TEST(Mlp, FloatForwardAgreesWithDouble) {
    MlpDesc d;
    d.sizes = {2, 8, 8, 8, 1};
    Mlp<float> mf(d);
    Mlp<double> md(d);
    const Matrix<float> X = random_matrix<float>(9, 2, 3, 4.0);
    const Md Xd = X.cast<double>();
    Activations<float> af;
    Activations<double> ad;
    af.reserve(d, 9);
    ad.reserve(d, 9);
    mf.forward(ConstMatrixView<float>(X.data(), 9, 2), af);
    md.forward(ConstMatrixView<double>(Xd.data(), 9, 2), ad);
    EXPECT_LT((af.z.back().cast<double>() - ad.z.back()).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(Mlp, BadShapesAreRefusedWithAReason) {
    MlpDesc d;
    d.sizes = {2, 0, 1};
    EXPECT_EQ(d.validate(), "layer 1 has 0 neurons: every layer needs at least 1");
    d.sizes = {2};
    EXPECT_EQ(d.validate(), "a network needs at least an input and an output layer");
    d.sizes = {2, 3, 2};
    d.head = Head::SigmoidBCE;
    EXPECT_EQ(d.validate(), "a sigmoid + cross-entropy output has exactly 1 neuron");
}

// LESSONS.md E4: x = [1, 2, 3], y = [2, 4, 6], w = 1, per-sample SGD with lr 0.01 for 20 epochs,
// loss (x w - y)² in float32, as PyTorch's autograd loop in lecture 002.
TEST(Mlp, LectureE4TrainingLoopInFloat32) {
    MlpDesc d;
    d.sizes = {1, 1};
    d.head = Head::LinearMSE;
    d.bias = false;
    Mlp<float> mlp(d);
    mlp.layers[0].W(0, 0) = 1.0f;
    Optimizer<float> sgd(mlp);
    OptimizerSettings s;
    s.kind = OptimizerKind::SGD;
    s.learning_rate = 0.01;
    Activations<float> a;
    a.reserve(d, 1);
    const float xs[] = {1, 2, 3}, ys[] = {2, 4, 6};
    std::vector<float> first_epoch_grads, last_sample_loss;
    for (int epoch = 0; epoch < 20; ++epoch) {
        float loss = 0;
        for (int i = 0; i < 3; ++i) {
            mlp.forward(ConstMatrixView<float>(&xs[i], 1, 1), a);
            loss = mlp.loss(ConstMatrixView<float>(&ys[i], 1, 1), a);
            mlp.backward(ConstMatrixView<float>(&xs[i], 1, 1), a);
            if (epoch == 0) first_epoch_grads.push_back(mlp.layers[0].dW(0, 0));
            sgd.step(mlp, s);
        }
        last_sample_loss.push_back(loss);
    }
    EXPECT_FLOAT_EQ(first_epoch_grads[0], -2.0f);
    EXPECT_FLOAT_EQ(first_epoch_grads[1], -7.84f);
    EXPECT_FLOAT_EQ(first_epoch_grads[2], -16.2288f);
    EXPECT_NEAR(last_sample_loss[0], 7.315944f, 1e-5);
    EXPECT_NEAR(last_sample_loss[1], 3.998764f, 1e-5);
    EXPECT_NEAR(last_sample_loss[19], 7.5804e-05f, 1e-8);
    EXPECT_FLOAT_EQ(mlp.layers[0].W(0, 0), 1.9976202f);
    const float x4 = 4;
    mlp.forward(ConstMatrixView<float>(&x4, 1, 1), a);
    EXPECT_FLOAT_EQ(a.z[0](0, 0), 7.9904809f);
}

}  // namespace
}  // namespace nabla
