// Each update rule against steps computed by hand on a one-weight model with a fixed gradient.
#include <gtest/gtest.h>

#include <cmath>

#include "nn/optimizer.h"

namespace nabla {
namespace {

// Runs `steps` updates of one weight (w0 = 1) with gradient g each time; returns w.
double run(OptimizerKind kind, double g, int steps, double lr = 0.1, double l2 = 0) {
    MlpDesc d;
    d.sizes = {1, 1};
    d.head = Head::LinearMSE;
    d.bias = false;
    Mlp<double> mlp(d);
    mlp.layers[0].W(0, 0) = 1;
    Optimizer<double> opt(mlp);
    OptimizerSettings s;
    s.kind = kind;
    s.learning_rate = lr;
    s.l2 = l2;
    for (int k = 0; k < steps; ++k) {
        mlp.layers[0].dW(0, 0) = g;
        opt.step(mlp, s);
    }
    return mlp.layers[0].W(0, 0);
}

TEST(Optimizer, UpdateRulesMatchHandComputedSteps) {
    // SGD: w = 1 - 0.1·2 - 0.1·2
    EXPECT_DOUBLE_EQ(run(OptimizerKind::SGD, 2, 2), 0.6);
    // Momentum (μ = 0.9): v1 = 2, w1 = 0.8; v2 = 0.9·2 + 2 = 3.8, w2 = 0.8 - 0.38 = 0.42
    EXPECT_NEAR(run(OptimizerKind::Momentum, 2, 2), 0.42, 1e-15);
    // Nesterov: v1 = 2, w1 = 1 - 0.1(2 + 1.8) = 0.62; v2 = 3.8, w2 = 0.62 - 0.1(2 + 3.42) = 0.078
    EXPECT_NEAR(run(OptimizerKind::Nesterov, 2, 2), 0.078, 1e-15);
    // RMSProp (ρ = 0.9): r1 = 0.1·4 = 0.4, w1 = 1 - 0.1·2/(√0.4 + 1e-8)
    EXPECT_NEAR(run(OptimizerKind::RMSProp, 2, 1), 1 - 0.2 / (std::sqrt(0.4) + 1e-8), 1e-15);
    // Adam: the first bias-corrected step is lr·g/(|g| + ε) ≈ lr whatever the gradient's size
    EXPECT_NEAR(run(OptimizerKind::Adam, 2, 1), 1 - 0.1 * 2 / (2 + 1e-8), 1e-15);
    EXPECT_NEAR(run(OptimizerKind::Adam, 2000, 1), 0.9, 1e-9);
    // L2 adds rate·w to the gradient: w = 1 - 0.1(0 + 0.5·1)
    EXPECT_DOUBLE_EQ(run(OptimizerKind::SGD, 0, 1, 0.1, 0.5), 0.95);
}

// PyTorch rounds 1 - β once, from double: torch.optim.Adam's first second-moment is
// float(1 - 0.999) · g², and 1 - float(0.999) = 9.99987e-4 made ours drift from it.
TEST(Optimizer, AdamAndRMSPropRoundOneMinusBetaAsPyTorchDoes) {
    for (const OptimizerKind kind : {OptimizerKind::Adam, OptimizerKind::RMSProp}) {
        OptimizerSettings s;
        s.kind = kind;
        float w = 1, m = 0, r = 0;
        const float g = 0.37f;
        apply_update<float>(s, 1, &w, &g, &m, &r, 1);
        const double beta = kind == OptimizerKind::Adam ? s.beta2 : s.rho;
        EXPECT_EQ(r, static_cast<float>(1 - beta) * g * g) << enum_key(kind);
        if (kind == OptimizerKind::Adam) {
            EXPECT_EQ(m, static_cast<float>(1 - s.beta1) * g);
        }
    }
}

TEST(Optimizer, SettingsAreValidated) {
    OptimizerSettings s;
    s.learning_rate = NAN;
    EXPECT_EQ(s.validate(), "the learning rate must be a finite number in (0, 100]");
    s.learning_rate = INFINITY;
    EXPECT_NE(s.validate(), "");
    s.learning_rate = -1;
    EXPECT_NE(s.validate(), "");
    s.learning_rate = 0.1;
    s.momentum = 1;
    EXPECT_EQ(s.validate(), "momentum must be in [0, 1)");
}

}  // namespace
}  // namespace nabla
