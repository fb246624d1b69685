// The trajectory lab's model: up to six optimizer runs on one two-parameter loss surface, each with
// its own update rule, learning rate and batch size, stepping together so their paths can be
// compared (lecture 000, Figure 3: SGD's path is noisy, full-batch descent's is smooth).
// TrajectoryState is what the user set (plain data, serialises to a link); the runs' paths are
// what stepping produced, reproducible from the state (minibatches come from a seeded shuffle).
// No ImGui, no GL: the native tests drive the same code as the page.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "lab/loss_surface.h"
#include "lab/nav.h"
#include "lab/replay.h"
#include "lab/trajectory_state.h"
#include "nn/optimizer.h"
#include "nn/rng.h"

namespace nabla {

constexpr int kMaxPathSteps = 20000;
constexpr Range kStepsPerCommand{1, 100000};  // the hook's step command

// What one run has done so far and what its next step will be.
struct RunTrace {
    std::vector<Vec2> path;      // path[0] is the start
    std::vector<double> loss;    // full loss at each point of the path
    double length = 0;           // the path's length in parameter space
    std::string diverged;        // "" or what happened and what to try
    std::string stopped;         // "" or why it stopped without diverging (the step limit)
    std::vector<int> next_batch; // the samples the next step will use (ascending)
    Vec2 full_gradient;          // at the current point, over every sample
    Vec2 batch_gradient;         // at the current point, over next_batch
    Vec2 next_step;              // the update the next step will make (optimizer state included)
};

namespace trajectory {  // the commands the panel and the hook send
struct Play {};
struct Pause {};
struct Step {
    int steps = 1;
};
struct Reset {};
struct Preset {
    std::string name;
};
struct Surface {  // a new surface: the runs restart (from its default start if the kind changed)
    SurfaceSettings settings;
};
struct Start {  // where a run starts (-1: every run); the runs restart
    int run;
    Vec2 point;
};
struct Set {  // one row of run_settings() for one run, live: the path continues from where it is
    int run;
    const Setting<RunSettings>* setting;
    double value;
};
struct AddRun {};  // a copy of the selected run
struct RemoveRun {
    int run;
};
struct SelectRun {
    int run;
};
struct LoadState {  // a link's state string
    std::string text;
};
}  // namespace trajectory
using TrajectoryCommand = std::variant<trajectory::Play, trajectory::Pause, trajectory::Step, trajectory::Reset, trajectory::Preset,
                                       trajectory::Surface, trajectory::Start, trajectory::Set, trajectory::AddRun,
                                       trajectory::RemoveRun, trajectory::SelectRun, trajectory::LoadState>;

class TrajectoryLab {
public:
    TrajectoryLab();  // the "GD vs SGD vs minibatch" preset

    using Command = TrajectoryCommand;
    static constexpr const char* name = "trajectory";  // in links (#trajectory:...) and the hook

    bool apply(const TrajectoryCommand& c);  // false and error() when refused; the last good state stays
    // The hook's words: play, pause, step (value: steps), reset, preset (text), state (a link),
    // add_run, remove_run and select (text: the run), or a run's setting (optimizer, lr, batch,
    // momentum; text: the run, value: the number, an optimizer by its index).
    static bool parse_command(const std::string& kind, const std::string& text, double value, TrajectoryCommand& out,
                              std::string& error);

    // Keys and clickers: next = one step of every run, first = reset, run/pause.
    bool nav_command(Nav nav, TrajectoryCommand& out) const;

    bool set_state(const TrajectoryState& next);  // restarts every run
    bool load_preset(const std::string& name);
    static const std::vector<std::string>& preset_names();  // "gd-sgd-minibatch", "large-lr", "momentum-bowl"
    static const char* preset_title(const std::string& name);

    // Live: the path continues from where it is (a new optimizer starts with fresh velocity and
    // moments; a new μ keeps the velocity, so the path bends). key: a row of run_settings().
    bool set(int run, const std::string& key, double value);

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
    // The runs as they started, how many steps they took and every live change on the way
    // (lab/replay.h): opening it replays the same paths.
    std::string link() const;
    std::string take_link_request() { return {}; }
    void frame(int steps, double (*)(), double) {  // two-parameter steps are cheap: no time slicing
        if (playing_) step(steps);
    }

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
    TrajectoryState start_;            // the runs' settings at step 0
    std::vector<LiveChange> journal_;  // live changes since, for the link
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

    bool apply_run_setting(int run, const Setting<RunSettings>& row, double value);
    bool load(const std::string& link);
    void restart(int i);
    void draw_batch(int i);
    void preview(int i);  // next batch's gradient and the step it will make
    void step_run(int i);
    OptimizerSettings settings_of(int i) const;
    int batch_of(int i) const;
};

}  // namespace nabla
