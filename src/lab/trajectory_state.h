// What the trajectory lab's user set: a loss surface and up to six runs, as plain data with one
// table of settings each (trajectory_settings() for the lab, run_settings() for a run's fields)
// from which its link, refusal messages, slider limits and the hook's setters are derived.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lab/loss_surface.h"
#include "lab/setting_table.h"
#include "nn/optimizer.h"

namespace nabla {

constexpr int kMaxRuns = 6;

struct RunSettings {
    OptimizerKind optimizer = OptimizerKind::SGD;  // with batch = all samples, SGD is gradient descent
    double learning_rate = 0.05;
    int batch = 1;                                 // clamped to the surface's sample count
    Vec2 start;
    double momentum = 0.9;                         // μ of momentum and Nesterov (Distill's β)
};

struct TrajectoryState {
    SurfaceSettings surface;
    std::vector<RunSettings> runs;
    std::uint64_t sampling_seed = 1;  // the minibatches' shuffles

    std::string validate() const;
    std::string to_string() const;
    static bool from_string(const std::string& text, TrajectoryState& out, std::string& error);
};

// surface, points, noise, kappa, seed, sampling, runs (a list of runs, each "opt:lr:batch:x:y:mu").
const SettingTable<TrajectoryState>& trajectory_settings();
// One run's fields in their order in the link: optimizer, lr, batch, x, y, momentum.
const SettingTable<RunSettings>& run_settings();

}  // namespace nabla
