// The training playground's model: what the user set (PlaygroundState: data, features, network,
// hyper-parameters; plain data that serialises to a link) and what training produced (the trainer,
// the loss and accuracy history, per-layer gradient norms, the output over the input plane).
// Changing data, features or the network rebuilds; changing the learning rate, batch size,
// optimizer or regularisation applies at the next step and keeps the weights.
// No ImGui, no GL: the native tests drive the same code as the page.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "lab/compare_run.h"
#include "lab/history.h"
#include "lab/nav.h"
#include "lab/playground_state.h"
#include "lab/replay.h"
#include "lab/plane_grid.h"
#include "nn/divergence.h"
#include "nn/trainer.h"

namespace nabla {

namespace playground {  // the commands the panel and the hook send
struct Play {};
struct Pause {};
struct Step {};
struct Reset {};
struct Set {  // one row of playground_settings(): live rows keep the weights, the others rebuild
    const Setting<PlaygroundState>* setting;
    double value;  // a Choice's row index
};
struct Rebuild {  // a new structure at once (a dataset button, + layer)
    PlaygroundState state;
};
struct LoadState {  // a link's state string
    std::string text;
};
struct SelectSample {  // -1: none
    int sample;
};
struct SelectNeuron {  // layer 0 is the first hidden layer
    int layer, unit;
};
struct OpenInGraph {  // this sample's network in the Graph lab (the app follows link_request())
    int sample;
    bool one_node_per_layer = false;  // vectorised: s1 = W1 @ x + b1, ... (else every weight a gate)
};
struct EditPoints {  // your data, by hand: the dataset becomes Own (starting from the points shown)
    enum Action { Add, Move, Remove } action;
    double x1, x2;   // where (a curve's point: x, y)
    int label;       // Add: the class (2 on two-class data makes it three-class)
    int index;       // Move, Remove: which point
};
struct LoadCsv {  // your data from CSV text (nn/own_data.h); nothing changes when a row is bad
    std::string text;
};
struct LoadWeights {  // a weights file (lab/weights_file.h): its network, rebuilt, with its weights
    std::string text;
};
struct ViewStep {  // the timeline: show the run as it was at this step (the present's step or more: now)
    long step;
};
struct CompareStart {};  // run B (lab/compare_run.h): A's settings with ten times the learning rate; both restart
struct CompareSet {      // one of B's live settings (a Choice by index); both runs restart
    const Setting<PlaygroundState>* setting;
    double value;
};
struct CompareStop {};
}  // namespace playground
using PlaygroundCommand = std::variant<playground::Play, playground::Pause, playground::Step, playground::Reset, playground::Set,
                                       playground::Rebuild, playground::LoadState, playground::SelectSample,
                                       playground::SelectNeuron, playground::OpenInGraph, playground::EditPoints,
                                       playground::LoadCsv, playground::LoadWeights, playground::ViewStep,
                                       playground::CompareStart, playground::CompareSet, playground::CompareStop>;


// One neuron for one training sample, in lecture 000's notation: its pre-activation s, output
// z = h(s), dC/dz and dC/ds = dC/dz · h'(s) for C = that sample's loss, and every incoming weight
// with its gradient for this sample (dC/ds · z_in) and the update the last batch gave it (-η ḡ).
struct NeuronTrace {
    bool valid = false;
    int sample = -1, layer = -1, unit = -1;  // layer: 0 = first hidden layer, last = output
    float target = 0;
    bool output = false, fused = false;      // fused: dC/ds comes straight from the loss (dC/dz not used)
    double s = 0, z = 0, dz = 0, ds = 0;
    std::vector<double> z_in, w, dw_sample, dw_batch, update;
    double b = 0, db_sample = 0, db_batch = 0, b_update = 0;  // the bias: its input is 1, so dC/db = dC/ds
};

class PlaygroundLab {
public:
    PlaygroundLab();

    using Command = PlaygroundCommand;
    static constexpr const char* name = "playground";  // in links (#playground:...) and the hook

    // Everything the panel and the test hook ask for, in one place. False (and error()) when refused.
    bool apply(const PlaygroundCommand& c);
    // The hook's words for a command: play, pause, step, reset, state (a link), sample, neuron
    // (text "layer", value unit), graph (value: sample), graph_layers (value: sample, one node per layer), csv (text), weights (a file's text),
    // timeline (value: step), compare (value 1: start, 0: stop), b.lr / b.batch / b.opt / b.reg /
    // b.rate (run B's settings, as their keys), add-point (text "x1,x2", value
    // class), move-point (text "x1,x2", value index), remove-point (value index), or any setting's
    // key with its value (a choice by key in text or by index in value). False with `error` for
    // anything else.
    static bool parse_command(const std::string& kind, const std::string& text, double value, PlaygroundCommand& out,
                              std::string& error);

    // Keys and clickers: next = one training step (pausing), first = reset, run/pause.
    bool nav_command(Nav nav, PlaygroundCommand& out) const;

    // Structural: rebuilds the trainer (new weights). Returns false and sets error() when refused.
    bool set_state(const PlaygroundState& next);
    // One setting by its key: live ones (learning rate, batch, optimizer, penalty) apply at the next
    // step and keep the weights; the others rebuild.
    bool set(const std::string& key, double value);

    void set_playing(bool playing) { playing_ = playing && status().empty(); }
    bool playing() const { return playing_; }
    // Runs up to `max_steps` steps, stopping early when `deadline_ms` of the caller's clock passes
    // (the app gives each frame a budget). Returns the number of steps taken.
    int advance(int max_steps, double (*now_ms)() = nullptr, double deadline_ms = 0);
    void reset();  // fresh weights from the seed, history cleared, data kept

    // What is shown: the present, or the past step the timeline is at (its settings and network).
    const PlaygroundState& state() const { return view_ ? view_state_ : state_; }
    const Trainer& trainer() const { return view_ ? *view_ : *trainer_; }

    // The timeline. The run is kept as snapshots at its records (every half epoch, thinned to every
    // other one as the run grows), at most kTimelineMoments of them and kTimelineBytes in all:
    // scrubbing to a step restores the last snapshot before it and trains on to it, exactly. Any
    // command that trains or changes a setting while the past is shown continues from there: a new
    // branch, the old future dropped (its link is the start plus the changes up to there).
    static constexpr std::size_t kTimelineMoments = 64;
    static constexpr std::size_t kTimelineBytes = std::size_t(24) << 20;
    bool viewing_past() const { return view_ != nullptr; }
    long present_steps() const { return trainer_->steps(); }
    std::size_t timeline_bytes() const;
    std::size_t timeline_moments() const { return moments_.size(); }
    // Run B, when comparing (lab/compare_run.h): trained in lockstep with A, from the same weights.
    const CompareRun* compare() const { return compare_.get(); }

    // Bumped whenever the shown network may differ at the same step count (a branch, a rebuild):
    // pictures cached by step are made again.
    long generation() const { return generation_; }
    const DataSplit& points() const { return raw_; }  // the data as (x1, x2) positions, before features
    const std::vector<HistoryPoint>& history() const { return history_; }  // recorded every half epoch
    const HistoryPoint& current() const;  // the losses and accuracies at this very step
    const std::string& error() const { return error_; }
    // "" while training is healthy; else what happened and what to try. Two ways to diverge: a step
    // that would make the loss or the weights non-finite (refused by the trainer), or a training loss
    // that stays well above where it started (stable losses keep large learning rates finite).
    std::string status() const;

    // The network's output (and every hidden neuron's) over the input plane (lab/plane_grid.h).
    using Grid = PlaneGrid;
    // At once, from the shown run's current weights (the tests, the hook, exports).
    const Grid& grid(int side, bool with_neurons) const { return grid_within(side, with_neurons, -1); }
    // For the panel: the newest complete grid, spending at most budget_ms of this call on a newer one
    // (0: none, the newest as it is).
    const Grid& grid_within(int side, bool with_neurons, double budget_ms) const;
    const Grid& compare_grid(int side) const;  // run B's output over the plane (comparing only)

    // For one-input data (lecture 002's y = 2x): the prediction ŷ at `samples` values of x1 evenly
    // across [-6, 6] (x2 = 0, as in the data): the fitted curve drawn over the points.
    const std::vector<float>& curve(int samples) const;  // cached per training step
    std::vector<float> compare_curve(int samples) const;  // run B's (comparing only)

    // Input features for a point, in the network's input order (for the grid and the tests).
    void features_of(float x1, float x2, float* out) const;
    int input_count() const;

    NeuronTrace trace(int sample, int layer, int unit) const;  // invalid if out of range
    NeuronTrace inspected() const;  // for the sample and neuron the user picked
    int inspected_sample() const { return inspected_sample_; }
    int inspected_layer() const { return inspected_layer_; }
    int inspected_unit() const { return inspected_unit_; }

    std::string to_json() const;  // for the test hook
    // Exports (lab/exports.h has the CSV): the network as a weights file, to load back later.
    std::string weights_json() const;
    // The weights came from a file since the last rebuild or reset: a link cannot carry them.
    bool weights_from_file() const { return weights_from_file_; }
    // The settings the run started from, how far it went and every live change on the way
    // (lab/replay.h): opening it replays the run to the same weights.
    std::string link() const;
    bool replaying() const { return replaying_; }
    double replay_progress() const;  // 0..1 while a link replays
    long replay_target() const { return plan_.steps; }
    void finish_replay();            // the rest of a replay at once (tests; the page replays over frames)
    // A link the app should open (the network as a graph), once; "" when none.
    std::string take_link_request() { return std::exchange(link_request_, std::string()); }
    // Training is time-sliced: `steps` at most, and no later than `deadline_ms` of `now_ms`.
    void frame(int steps, double (*now_ms)(), double deadline_ms) {
        // A replay takes most of the frame (40 ms, not 10): the page only shows its progress.
        if (replaying_) replay_some(now_ms, deadline_ms + 30);
        else if (playing_) advance(steps, now_ms, deadline_ms);
    }

private:
    PlaygroundState state_;
    PlaygroundState start_;             // the settings at step 0 of this run
    std::vector<LiveChange> journal_;   // live changes since, for the link
    ReplayPlan plan_;                   // a link being replayed
    size_t next_change_ = 0;
    bool replaying_ = false;
    std::string loaded_link_;
    long recorded_slot_ = -1;
    // The step in progress when its batch, B's or its record takes more than one call (advance).
    struct StepWork {
        bool a_stepped = false, b_stepped = false;
        long generation = -1, steps = -1;  // A's, just after its update: anything else means a changed run
        std::optional<MeasureInParts> measuring;
    } work_;
    StepProgress step_part();  // a chunk of rows of the step in progress: Done when step and record are
    void keep(HistoryPoint p);  // a finished measurement becomes a record (or the reason to pause)
    mutable HistoryPoint current_{-1, 0, 0, 0, 0, 0, {}};
    mutable const Trainer* current_of_ = nullptr;
    std::unique_ptr<Trainer> trainer_;
    DataSplit raw_;
    std::vector<HistoryPoint> history_;
    mutable std::vector<float> curve_;
    mutable long curve_step_ = -1;  // the step the curve was computed at
    mutable PlaneGridMaker output_grid_, neuron_grid_, compare_grid_;  // the boundary, the thumbnails, run B
    void invalidate_pictures();  // the network, its data or the run shown changed: grids and curve anew
    bool playing_ = false;
    std::string error_;
    std::string growing_;   // the loss ran away (see nn/divergence.h): paused, with a message
    DivergenceWatch watch_;
    int inspected_sample_ = -1, inspected_layer_ = -1, inspected_unit_ = -1;
    std::string link_request_;

    std::unique_ptr<Trainer> build(const PlaygroundState& s, DataSplit& raw, std::string& error) const;
    bool set_live(const PlaygroundState& next);
    bool apply_setting(const Setting<PlaygroundState>& row, double value);
    void record();
    long record_slot() const;
    bool load(const std::string& link);
    bool edit_points(const playground::EditPoints& c);
    bool load_weights(const std::string& text);
    bool weights_from_file_ = false;

    struct Moment {  // the run at one of its records, for the timeline
        TrainerSnapshot trainer;
        PlaygroundState state;
        DivergenceWatch watch;
        std::string growing;
    };
    std::vector<Moment> moments_;
    std::unique_ptr<Trainer> view_;  // the past being shown, or null
    PlaygroundState view_state_;
    size_t view_moment_ = 0;         // the moment it was restored from
    long generation_ = 0;
    long moment_stride_ = 1;          // records between moments
    void remember();                  // a moment at this record
    void forget_timeline();

    std::unique_ptr<CompareRun> compare_;
    bool start_compare(const PlaygroundState& b);  // both runs from step 0
    void rebuild_compare();
    std::vector<float> curve_of(const Trainer& t, int samples) const;
    bool view(long step);
    void branch();                    // the past shown becomes the present
    void replay_some(double (*now_ms)(), double deadline_ms);
    void finish_replay_pick();
};

}  // namespace nabla
