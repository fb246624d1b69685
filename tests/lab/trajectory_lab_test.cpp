// The trajectory lab: update rules on a surface by hand, reproducible runs, the minibatch gradient's
// noise measured, live changes that keep the path, divergence, links.
#include <gtest/gtest.h>

#include <cmath>

#include "lab/trajectory_lab.h"

namespace nabla {
namespace {

TrajectoryState one_run(SurfaceKind kind, OptimizerKind opt, double lr, int batch, Vec2 start) {
    TrajectoryState s;
    s.surface.kind = kind;
    s.runs = {RunSettings{opt, lr, batch, start}};
    return s;
}

TEST(TrajectoryLab, StepsFollowTheUpdateRulesByHand) {
    // Bowl with κ = 10: gradient (x, 10y). From (1, 1), η = 0.1.
    TrajectoryLab lab;
    ASSERT_TRUE(lab.set_state(one_run(SurfaceKind::Bowl, OptimizerKind::SGD, 0.1, 1, {1, 1})));
    lab.step(1);  // w − η g = (1 − 0.1, 1 − 1)
    EXPECT_NEAR(lab.run(0).path[1].x, 0.9, 1e-15);
    EXPECT_NEAR(lab.run(0).path[1].y, 0.0, 1e-15);
    // Momentum: v1 = (1, 10), w1 = (0.9, 0); g2 = (0.9, 0), v2 = 0.9 v1 + g2 = (1.8, 9), w2 = (0.72, −0.9)
    ASSERT_TRUE(lab.set_state(one_run(SurfaceKind::Bowl, OptimizerKind::Momentum, 0.1, 1, {1, 1})));
    lab.step(2);
    EXPECT_NEAR(lab.run(0).path[2].x, 0.72, 1e-15);
    EXPECT_NEAR(lab.run(0).path[2].y, -0.9, 1e-15);
    // Adam's first step moves every coordinate by about η whatever the gradient's size.
    ASSERT_TRUE(lab.set_state(one_run(SurfaceKind::Bowl, OptimizerKind::Adam, 0.1, 1, {1, 1})));
    EXPECT_NEAR(lab.run(0).next_step.x, -0.1, 1e-8);  // the preview is the step that will be taken
    EXPECT_NEAR(lab.run(0).next_step.y, -0.1, 1e-8);
    lab.step(1);
    EXPECT_NEAR(lab.run(0).path[1].x, 0.9, 1e-8);
    EXPECT_NEAR(lab.run(0).path[1].y, 0.9, 1e-8);
}

TEST(TrajectoryLab, RunsAreReproducibleFromTheState) {
    TrajectoryLab a, b;  // both start from the "GD vs SGD vs minibatch" preset
    a.step(150);
    b.step(100);
    b.step(50);
    for (int i = 0; i < a.run_count(); ++i) {
        ASSERT_EQ(a.run(i).path.size(), b.run(i).path.size());
        for (size_t k = 0; k < a.run(i).path.size(); ++k) {
            EXPECT_EQ(a.run(i).path[k].x, b.run(i).path[k].x);
            EXPECT_EQ(a.run(i).path[k].y, b.run(i).path[k].y);
        }
    }
    // Reset replays the same minibatches; a link of the state gives the same runs.
    const Vec2 end = a.run(0).path.back();
    a.reset();
    a.step(150);
    EXPECT_EQ(a.run(0).path.back().x, end.x);
    TrajectoryLab c;
    ASSERT_TRUE(c.apply(trajectory::LoadState{a.state().to_string()}));
    c.step(150);
    EXPECT_EQ(c.run(0).path.back().y, end.y);
}

TEST(TrajectoryLab, FullBatchUsesTheFullGradientExactly) {
    TrajectoryLab lab;  // run 2 of the preset uses every sample
    ASSERT_EQ(lab.run(2).next_batch.size(), static_cast<size_t>(lab.surface().size()));
    for (int k = 0; k < 20; ++k) {
        EXPECT_EQ(lab.run(2).batch_gradient.x, lab.run(2).full_gradient.x);
        EXPECT_EQ(lab.run(2).batch_gradient.y, lab.run(2).full_gradient.y);
        EXPECT_EQ(lab.run(2).batch_gradient.x, lab.surface().gradient(lab.run(2).path.back()).x);
        lab.step(1);
    }
    EXPECT_NE(lab.run(0).batch_gradient.x, lab.run(0).full_gradient.x);  // one sample is noisy
}

TEST(TrajectoryLab, MinibatchGradientVarianceFallsAsTheBatchGrows) {
    // At (almost) one point, the spread of the minibatch gradient around the full gradient, measured
    // over many batches. Sampling b of N without replacement: variance σ²/b · (N − b)/(N − 1).
    double variance[3];
    const int sizes[3] = {1, 4, 16};
    double sigma2 = 0;
    for (int k = 0; k < 3; ++k) {
        TrajectoryLab lab;
        ASSERT_TRUE(lab.set_state(one_run(SurfaceKind::LinearRegression, OptimizerKind::SGD, 1e-6, sizes[k], {0, 0})));
        double sum = 0;
        const int trials = 4000;
        for (int t = 0; t < trials; ++t) {
            const RunTrace& r = lab.run(0);
            sum += std::pow(r.batch_gradient.x - r.full_gradient.x, 2) + std::pow(r.batch_gradient.y - r.full_gradient.y, 2);
            lab.step(1);
        }
        variance[k] = sum / trials;
        if (k == 0) sigma2 = variance[0];
    }
    EXPECT_GT(variance[0], 2 * variance[1]);
    EXPECT_GT(variance[1], 2 * variance[2]);
    const double n = 32;
    for (int k = 1; k < 3; ++k) {
        const double expected = sigma2 / sizes[k] * (n - sizes[k]) / (n - 1);
        EXPECT_NEAR(variance[k] / expected, 1.0, 0.15) << "batch " << sizes[k];
    }
}

TEST(TrajectoryLab, FigureThreePresetReachesTheMinimumWithTheNoisiestPathLongest) {
    TrajectoryLab lab;
    ASSERT_TRUE(lab.load_preset("gd-sgd-minibatch"));
    lab.step(600);
    const Vec2 m = lab.surface().minimum();
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(lab.run(i).diverged.empty());
        EXPECT_LT(std::hypot(lab.run(i).path.back().x - m.x, lab.run(i).path.back().y - m.y), 0.35) << "run " << i;
        // SGD with a constant rate keeps hovering around the minimum; the averaged runs settle
        const double excess = lab.run(i).loss.back() - lab.surface().minimum_loss();
        EXPECT_LT(excess, 0.05 * (lab.run(i).loss.front() - lab.surface().minimum_loss())) << "run " << i;
        if (i > 0) {
            EXPECT_LT(excess, 0.1) << "run " << i;
        }
    }
    EXPECT_GT(lab.run(0).length, 1.2 * lab.run(2).length);  // SGD wanders
    EXPECT_GT(lab.run(1).length, lab.run(2).length);
}

TEST(TrajectoryLab, LiveChangesContinueThePath) {
    TrajectoryLab lab;
    lab.step(10);
    const Vec2 here = lab.run(0).path.back();
    ASSERT_TRUE(lab.set(0, "lr", 0.01));
    ASSERT_TRUE(lab.set(0, "batch", 32));
    ASSERT_TRUE(lab.set(0, "optimizer", static_cast<int>(OptimizerKind::Momentum)));
    EXPECT_EQ(lab.run(0).path.size(), 11u);
    EXPECT_EQ(lab.run(0).path.back().x, here.x);
    EXPECT_EQ(lab.run(0).next_batch.size(), 32u);  // the next step already uses the new batch
    lab.step(1);
    EXPECT_EQ(lab.run(0).path.size(), 12u);
    const Vec2 g = lab.surface().gradient(here);  // momentum's first step from a fresh velocity: −η g
    EXPECT_NEAR(lab.run(0).path.back().x, here.x - 0.01 * g.x, 1e-12);
    EXPECT_FALSE(lab.set(0, "batch", 33));
    EXPECT_FALSE(lab.set(0, "lr", NAN));
    EXPECT_EQ(lab.state().runs[0].learning_rate, 0.01);  // the refused values changed nothing
}

TEST(TrajectoryLab, MomentumMuIsPerRunLiveAndInTheLink) {
    // Bowl κ = 10, gradient (x, 10y), from (1, 1), η = 0.1, μ = 0.5:
    // v1 = (1, 10), w1 = (0.9, 0); g2 = (0.9, 0), v2 = 0.5 v1 + g2 = (1.4, 5), w2 = (0.76, −0.5).
    TrajectoryState s = one_run(SurfaceKind::Bowl, OptimizerKind::Momentum, 0.1, 1, {1, 1});
    s.runs[0].momentum = 0.5;
    TrajectoryLab lab;
    ASSERT_TRUE(lab.set_state(s));
    lab.step(2);
    EXPECT_NEAR(lab.run(0).path[2].x, 0.76, 1e-15);
    EXPECT_NEAR(lab.run(0).path[2].y, -0.5, 1e-15);
    // Changed mid-run: the velocity is kept, only μ changes. v3 = 0 · v2 + g3, g3 = (0.76, −5).
    ASSERT_TRUE(lab.apply(trajectory::Set{0, run_settings().find("momentum"), 0.0}));
    EXPECT_NEAR(lab.run(0).next_step.x, -0.1 * 0.76, 1e-15);  // the preview already uses it
    lab.step(1);
    EXPECT_NEAR(lab.run(0).path[3].x, 0.76 - 0.076, 1e-15);
    EXPECT_NEAR(lab.run(0).path[3].y, -0.5 + 0.5, 1e-15);
    // Refused values keep the last good μ; the link carries μ, and old links without it mean 0.9.
    EXPECT_FALSE(lab.set(0, "momentum", 1.0));
    EXPECT_FALSE(lab.set(0, "momentum", NAN));
    EXPECT_NE(lab.error().find("0.999"), std::string::npos);
    EXPECT_EQ(lab.state().runs[0].momentum, 0.0);
    ASSERT_TRUE(lab.set(0, "momentum", 0.75));
    TrajectoryState back;
    std::string why;
    ASSERT_TRUE(TrajectoryState::from_string(lab.state().to_string(), back, why)) << why;
    EXPECT_EQ(back.runs[0].momentum, 0.75);
    ASSERT_TRUE(TrajectoryState::from_string("surface=bowl&runs=momentum%3A0.1%3A1%3A1%3A1", back, why)) << why;
    EXPECT_EQ(back.runs[0].momentum, 0.9);
    EXPECT_FALSE(TrajectoryState::from_string("surface=bowl&runs=momentum%3A0.1%3A1%3A1%3A1%3A2", back, why));
    EXPECT_NE(why.find("momentum"), std::string::npos) << why;
}

TEST(TrajectoryLab, TooLargeALearningRateDivergesAndSaysWhy) {
    TrajectoryLab lab;
    ASSERT_TRUE(lab.load_preset("large-lr"));
    lab.step(300);
    EXPECT_TRUE(lab.run(0).diverged.empty());
    EXPECT_TRUE(lab.run(1).diverged.empty());
    EXPECT_NE(lab.run(2).diverged.find("2/\xCE\xBBmax = 0.2"), std::string::npos) << lab.run(2).diverged;
    for (const Vec2& p : lab.run(2).path) EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
    // η = 0.18 < 0.2 oscillates across the valley but converges: y changes sign every step
    EXPECT_LT(lab.run(1).path[1].y * lab.run(1).path[2].y, 0);
    EXPECT_LT(std::fabs(lab.run(1).path.back().y), 1e-3);
    // lowering the rate and resetting recovers
    ASSERT_TRUE(lab.set(2, "lr", 0.1));
    lab.reset();
    lab.step(300);
    EXPECT_TRUE(lab.run(2).diverged.empty());
}

TEST(TrajectoryLab, LinksRoundTripAndTamperedOnesAreRefused) {
    TrajectoryLab lab;
    ASSERT_TRUE(lab.load_preset("momentum-bowl"));
    TrajectoryState back;
    std::string why;
    ASSERT_TRUE(TrajectoryState::from_string(lab.state().to_string(), back, why)) << why;
    EXPECT_EQ(back.to_string(), lab.state().to_string());
    EXPECT_EQ(back.runs.size(), 4u);
    for (const char* bad : {"surface=volcano", "points=1e9", "noise=nan", "runs=sgd%3A0.1%3A1%3A0", "runs=warp%3A0.1%3A1%3A0%3A0",
                            "kappa=0.1", "runs=sgd%3A99%3A1%3A0%3A0", "colour=red", "runs=sgd%3A0.1%3A1%3A1e9%3A0"}) {
        EXPECT_FALSE(TrajectoryState::from_string(bad, back, why)) << bad;
        EXPECT_FALSE(why.empty());
    }
    const std::string before = lab.state().to_string();
    EXPECT_FALSE(lab.apply(trajectory::LoadState{"surface=volcano"}));
    EXPECT_NE(lab.error().find("volcano"), std::string::npos);
    EXPECT_EQ(lab.state().to_string(), before);  // the last good state stays
}

TEST(TrajectoryLab, RunsAddRemoveAndStartPoints) {
    TrajectoryLab lab;
    for (int i = lab.run_count(); i < kMaxRuns; ++i) EXPECT_TRUE(lab.apply(trajectory::AddRun{}));
    EXPECT_FALSE(lab.apply(trajectory::AddRun{}));
    EXPECT_EQ(lab.run_count(), 6);
    EXPECT_TRUE(lab.apply(trajectory::Start{-1, {1, -1}}));
    for (int i = 0; i < lab.run_count(); ++i) EXPECT_EQ(lab.run(i).path[0].x, 1);
    EXPECT_TRUE(lab.apply(trajectory::Start{2, {3, 2}}));
    EXPECT_EQ(lab.run(2).path[0].x, 3);
    EXPECT_EQ(lab.run(1).path[0].x, 1);
    EXPECT_FALSE(lab.apply(trajectory::Start{-1, {NAN, 0}}));
    for (int i = lab.run_count(); i > 1; --i) EXPECT_TRUE(lab.apply(trajectory::RemoveRun{0}));
    EXPECT_FALSE(lab.apply(trajectory::RemoveRun{0}));
}

TEST(TrajectoryLab, ChangingTheSurfaceKeepsFullBatchRunsFullBatch) {
    TrajectoryLab lab;
    SurfaceSettings s = lab.state().surface;
    s.points = 64;
    ASSERT_TRUE(lab.apply(trajectory::Surface{s}));
    EXPECT_EQ(lab.run(2).next_batch.size(), 64u);
    EXPECT_EQ(lab.run(0).next_batch.size(), 1u);
    s.kind = SurfaceKind::Rosenbrock;
    ASSERT_TRUE(lab.apply(trajectory::Surface{s}));
    EXPECT_EQ(lab.run(0).path[0].x, -1.2);  // the surface's own start
    s.condition = -3;
    EXPECT_FALSE(lab.apply(trajectory::Surface{s}));
}

}  // namespace
}  // namespace nabla

namespace nabla {
namespace {

TEST(TrajectoryLab, MomentumPresetOvertakesGradientDescentOnTheIllConditionedBowl) {
    TrajectoryLab lab;
    ASSERT_TRUE(lab.load_preset("momentum-bowl"));
    lab.step(100);
    for (int i = 0; i < lab.run_count(); ++i) EXPECT_TRUE(lab.run(i).diverged.empty()) << "run " << i;
    const double gd = lab.run(0).loss.back();
    EXPECT_LT(lab.run(1).loss.back(), gd / 5);   // momentum
    EXPECT_LT(lab.run(2).loss.back(), gd / 50);  // Nesterov
}

TEST(TrajectoryLab, DivergedRunsStopAtTheirLastFinitePoint) {
    TrajectoryLab lab;
    ASSERT_TRUE(lab.load_preset("large-lr"));
    lab.step(500);
    const RunTrace& r = lab.run(2);
    ASSERT_FALSE(r.diverged.empty());
    const long points = static_cast<long>(r.path.size());
    lab.step(10);
    EXPECT_EQ(static_cast<long>(lab.run(2).path.size()), points);  // it waits for a reset
    EXPECT_TRUE(std::isfinite(r.path.back().x) && std::isfinite(r.path.back().y) && std::isfinite(r.loss.back()));
}

// A run's path is bounded; reaching the bound is said, not silent.
TEST(TrajectoryLab, ARunAtItsStepLimitSaysSo) {
    TrajectoryLab lab;
    ASSERT_TRUE(lab.load_preset("momentum-bowl"));
    lab.step(kMaxPathSteps + 5);
    const RunTrace& t = lab.run(1);
    EXPECT_EQ(t.diverged, "");
    EXPECT_EQ(static_cast<int>(t.path.size()), kMaxPathSteps + 1);
    EXPECT_NE(t.stopped.find("limit of 20000 steps"), std::string::npos) << t.stopped;
    lab.reset();
    EXPECT_EQ(lab.run(1).stopped, "");
}

// Divergence is judged by the loss, not by where the run is: a start far off the picture with a
// small learning rate walks in with its loss falling all the way (it used to be called diverged).
TEST(TrajectoryLab, AFarStartWithASmallRateIsNotDivergence) {
    TrajectoryLab lab;
    TrajectoryState s;
    s.surface = {SurfaceKind::Bowl, 32, 0.5, 10, 1};
    RunSettings r;
    r.learning_rate = 0.01;
    r.start = {999, 0};
    s.runs = {r};
    ASSERT_TRUE(lab.set_state(s)) << lab.error();
    lab.step(300);
    const RunTrace& t = lab.run(0);
    EXPECT_EQ(t.diverged, "");
    EXPECT_EQ(t.path.size(), 301u);
    for (size_t k = 1; k < t.loss.size(); ++k) EXPECT_LT(t.loss[k], t.loss[k - 1]) << k;
}

// Issue 12's report: run 2 used η = 0.05 for 150 steps, then 0.02; the link said 0.02 from the
// start and the replay drew another path. Now it carries the change at its step and replays it.
TEST(TrajectoryLab, ALinkReplaysLiveChangesAtTheirSteps) {
    TrajectoryLab a;
    ASSERT_TRUE(a.load_preset("gd-sgd-minibatch"));
    ASSERT_TRUE(a.set(1, "lr", 0.05));  // before any step: part of how the run starts
    a.step(150);
    ASSERT_TRUE(a.set(1, "lr", 0.02));
    ASSERT_TRUE(a.set(0, "batch", 4));
    a.step(70);
    ASSERT_TRUE(a.set(2, "optimizer", static_cast<int>(OptimizerKind::Adam)));
    a.step(30);
    ASSERT_TRUE(a.apply(trajectory::SelectRun{2}));
    const std::string link = a.link();
    EXPECT_NE(link.find("&steps=250&live=150:1.lr:0.02,150:0.batch:4,220:2.optimizer:adam&pick=2"), std::string::npos) << link;

    TrajectoryLab b;
    ASSERT_TRUE(b.apply(trajectory::LoadState{link})) << b.error();
    EXPECT_EQ(b.steps(), 250);
    EXPECT_EQ(b.selected(), 2);
    ASSERT_EQ(b.run_count(), a.run_count());
    for (int i = 0; i < a.run_count(); ++i) {
        ASSERT_EQ(b.run(i).path.size(), a.run(i).path.size()) << i;
        for (size_t k = 0; k < a.run(i).path.size(); ++k) {
            EXPECT_EQ(b.run(i).path[k].x, a.run(i).path[k].x) << i << " " << k;
            EXPECT_EQ(b.run(i).path[k].y, a.run(i).path[k].y) << i << " " << k;
        }
    }
    EXPECT_EQ(b.to_json(), a.to_json());
    EXPECT_EQ(b.link(), link);

    // The link from before this change (the final rate from the start) draws another path: the
    // replay is what makes them equal.
    TrajectoryLab naive;
    ASSERT_TRUE(naive.apply(trajectory::LoadState{a.state().to_string()}));
    naive.step(250);
    EXPECT_NE(naive.run(1).path.back().x, a.run(1).path.back().x);

    for (const char* bad : {"&live=5:9.lr:0.1", "&live=5:1.x:0.1", "&live=5:1.lr:abc", "&live=5:lr:0.1", "&pick=7", "&steps=-1"}) {
        const std::string tampered = a.state().to_string() + bad;
        EXPECT_FALSE(b.apply(trajectory::LoadState{tampered})) << bad;
        EXPECT_NE(b.error().find("cannot read the link"), std::string::npos) << bad << ": " << b.error();
        EXPECT_EQ(b.steps(), 250);  // the last good state stays
    }
}

}  // namespace
}  // namespace nabla
