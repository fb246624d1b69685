// The trajectory lab's model: up to six optimizer runs on one two-parameter loss surface, each with
// its own update rule, learning rate and batch size, stepping together so their paths can be
// compared (lecture 000, Figure 3: SGD's path is noisy, full-batch descent's is smooth).
// TrajectoryState is what the user set (plain data, serialises to a link); the runs' paths are
// what stepping produced, reproducible from the state (minibatches come from a seeded shuffle).
// No ImGui, no GL: the native tests drive the same code as the page.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lab/loss_surface.h"
#include "nn/optimizer.h"
#include "nn/rng.h"

namespace nabla {

constexpr int kMaxRuns = 6;
constexpr int kMaxPathSteps = 20000;

struct RunSettings {
    OptimizerKind optimizer = OptimizerKind::SGD;  // with batch = all samples, SGD is gradient descent
    double learning_rate = 0.05;
    int batch = 1;                                 // clamped to the surface's sample count
    Vec2 start;
    double momentum = 0.9;                         // μ of momentum and Nesterov (Distill's β), 0 … 0.999
};

struct TrajectoryState {
    SurfaceSettings surface;
    std::vector<RunSettings> runs;
    std::uint64_t sampling_seed = 1;  // the minibatches' shuffles

    std::string validate() const;
    std::string to_string() const;
    static bool from_string(const std::string& text, TrajectoryState& out, std::string& error);
};

// What one run has done so far and what its next step will be.
struct RunTrace {
    std::vector<Vec2> path;      // path[0] is the start
    std::vector<double> loss;    // full loss at each point of the path
    double length = 0;           // the path's length in parameter space
    std::string diverged;        // "" or what happened and what to try
    std::vector<int> next_batch; // the samples the next step will use (ascending)
    Vec2 full_gradient;          // at the current point, over every sample
    Vec2 batch_gradient;         // at the current point, over next_batch
    Vec2 next_step;              // the update the next step will make (optimizer state included)
};

struct TrajectoryCommand {
    enum Kind { Play, Pause, Step, Reset, Preset, Surface, Start, LearningRate, Batch, Optimizer, Momentum, AddRun,
                RemoveRun, SelectRun, LoadState };
    Kind kind;
    int run = -1;           // -1: every run (Start), or the selected one
    double value = 0;       // learning rate, batch, optimizer, momentum μ, steps (Step)
    Vec2 point = {};        // Start
    SurfaceSettings surface = {};  // Surface
    std::string text = {};  // Preset name, LoadState link
};

class TrajectoryLab {
public:
    TrajectoryLab();  // the "GD vs SGD vs minibatch" preset

    bool apply(const TrajectoryCommand& c);  // false and error() when refused; the last good state stays

    bool set_state(const TrajectoryState& next);  // restarts every run
    bool load_preset(const std::string& name);
    static const std::vector<std::string>& preset_names();  // "gd-sgd-minibatch", "large-lr", "momentum-bowl"
    static const char* preset_title(const std::string& name);

    // Live: the path continues from where it is.
    bool set_learning_rate(int run, double lr);
    bool set_batch(int run, int batch);
    bool set_optimizer(int run, OptimizerKind kind);
    bool set_momentum(int run, double mu);  // keeps the velocity: the path bends from where it is

    void step(int steps);  // every run that has not diverged
    void reset();          // every run back to its start, same minibatch sequence
    bool playing() const { return playing_; }
    int selected() const { return selected_; }

    const TrajectoryState& state() const { return state_; }
    const LossSurface& surface() const { return *surface_; }
    const RunTrace& run(int i) const { return runs_[i].trace; }
    int run_count() const { return static_cast<int>(runs_.size()); }
    long steps() const { return steps_; }
    const std::string& error() const { return error_; }

    // The full loss over `view`, side × side from the top left (cached until the view or surface changes).
    const std::vector<double>& grid(const View& view, int side) const;

    std::string to_json() const;  // for the test hook

private:
    struct Run {
        RunTrace trace;
        std::vector<double> m, r;  // optimizer state, two entries each
        long t = 0;                // update count (Adam's bias correction)
        Rng rng = Rng(1);
        std::vector<int> order;    // this epoch's shuffle
        size_t cursor = 0;
    };
    TrajectoryState state_;
    std::unique_ptr<LossSurface> surface_;
    std::vector<Run> runs_;
    long steps_ = 0;
    bool playing_ = false;
    int selected_ = 0;
    std::string error_;
    mutable std::vector<double> grid_;
    mutable View grid_view_;
    mutable int grid_side_ = 0;
    mutable std::string grid_surface_;

    void restart(int i);
    void draw_batch(int i);
    void preview(int i);  // next batch's gradient and the step it will make
    void step_run(int i);
    OptimizerSettings settings_of(int i) const;
    int batch_of(int i) const;
};

}  // namespace nabla
