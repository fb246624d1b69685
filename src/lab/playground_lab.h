// The training playground's model: what the user set (PlaygroundState: data, features, network,
// hyper-parameters; plain data that serialises to a link) and what training produced (the trainer,
// the loss and accuracy history, per-layer gradient norms, the output over the input plane).
// Changing data, features or the network rebuilds; changing the learning rate, batch size,
// optimizer or regularisation applies at the next step and keeps the weights.
// No ImGui, no GL: the native tests drive the same code as the page.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "nn/trainer.h"

namespace nabla {

// Input features computed from (x1, x2), TensorFlow Playground's set.
enum Feature : unsigned { X1 = 1, X2 = 2, X1Squared = 4, X2Squared = 8, X1TimesX2 = 16, SinX1 = 32, SinX2 = 64 };
constexpr int kFeatureCount = 7;
const char* feature_name(int index);  // "x1", "x2", "x1²"...

enum class Regularization { None, L1, L2 };

struct PlaygroundState {
    DatasetKind dataset = DatasetKind::Circle;
    int points = 500;
    double noise = 0;
    double train_fraction = 0.5;
    std::uint64_t seed = 1;
    unsigned features = X1 | X2;
    std::vector<int> hidden = {4, 2};
    Activation activation = Activation::Tanh;
    double learning_rate = 0.03;
    int batch_size = 10;
    OptimizerKind optimizer = OptimizerKind::SGD;
    Regularization regularization = Regularization::None;
    double regularization_rate = 0.001;

    std::string validate() const;  // "" or what is wrong (the UI clamps, links may not)
    std::string to_string() const;
    static bool from_string(const std::string& text, PlaygroundState& out, std::string& error);

    // The state after picking a dataset, as the dataset buttons do. One-input data (y = 2x) has
    // x2 = 0, so x2's features go (the lecture's model is ŷ = w·x + b); back on a plane, x2 returns.
    PlaygroundState with_dataset(DatasetKind kind) const;
};

struct PlaygroundCommand {
    enum Kind { Play, Pause, Step, Reset, LearningRate, BatchSize, Optimizer, Regularization, Rebuild, LoadState,
                SelectSample /* number: training sample, -1 none */, SelectNeuron /* number: layer, value: unit */ };
    Kind kind;
    double value = 0;             // learning rate, regularisation rate
    int number = 0;               // batch size, optimizer or regularisation kind
    PlaygroundState state = {};   // Rebuild: the new structure
    std::string text = {};        // LoadState: a link's state string
};

struct HistoryPoint {
    long step;
    double epoch;  // fractional, for the x axis
    double train_loss, test_loss, train_accuracy, test_accuracy;
    std::vector<double> gradient_norms;  // ‖dC/dW_k‖ per layer
};

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

    // Everything the panel and the test hook ask for, in one place. False (and error()) when refused.
    bool apply(const PlaygroundCommand& c);

    // Structural: rebuilds the trainer (new weights). Returns false and sets error() when refused.
    bool set_state(const PlaygroundState& next);
    // Live: applied at the next step, weights kept.
    bool set_learning_rate(double lr);
    bool set_batch_size(int batch);
    bool set_optimizer(OptimizerKind kind);
    bool set_regularization(Regularization kind, double rate);

    void set_playing(bool playing) { playing_ = playing && status().empty(); }
    bool playing() const { return playing_; }
    // Runs up to `max_steps` steps, stopping early when `deadline_ms` of the caller's clock passes
    // (the app gives each frame a budget). Returns the number of steps taken.
    int advance(int max_steps, double (*now_ms)() = nullptr, double deadline_ms = 0);
    void reset();  // fresh weights from the seed, history cleared, data kept

    const PlaygroundState& state() const { return state_; }
    const Trainer& trainer() const { return *trainer_; }
    const DataSplit& points() const { return raw_; }  // the data as (x1, x2) positions, before features
    const std::vector<HistoryPoint>& history() const { return history_; }
    const std::string& error() const { return error_; }
    // "" while training is healthy; else what happened and what to try. Two ways to diverge: a step
    // that would make the loss or the weights non-finite (refused by the trainer), or a training loss
    // that stays well above where it started (stable losses keep large learning rates finite).
    std::string status() const;

    // The network's output (and every neuron's) over the input plane [-6, 6]², row-major from the top
    // left, `side` × `side`; recomputed on demand from the current weights (the engine-filled texture).
    struct Grid {
        int side = 0;
        std::vector<float> output;                // the output neuron (probability or value)
        std::vector<float> class_probabilities;   // softmax heads: p0, p1, p2, 0 per point (for the shader)
        std::vector<std::vector<float>> neurons;  // per hidden layer, per neuron: side×side, layer-major
    };
    const Grid& grid(int side, bool with_neurons) const;  // cached per training step

    // For one-input data (lecture 002's y = 2x): the prediction ŷ at `samples` values of x1 evenly
    // across [-6, 6] (x2 = 0, as in the data): the fitted curve drawn over the points.
    const std::vector<float>& curve(int samples) const;  // cached per training step

    // Input features for a point, in the network's input order (for the grid and the tests).
    void features_of(float x1, float x2, float* out) const;
    int input_count() const;

    NeuronTrace trace(int sample, int layer, int unit) const;  // invalid if out of range
    NeuronTrace inspected() const;  // for the sample and neuron the user picked
    int inspected_sample() const { return inspected_sample_; }
    int inspected_layer() const { return inspected_layer_; }
    int inspected_unit() const { return inspected_unit_; }

    std::string to_json() const;  // for the test hook

private:
    PlaygroundState state_;
    std::unique_ptr<Trainer> trainer_;
    DataSplit raw_;
    std::vector<HistoryPoint> history_;
    mutable Grid grid_;
    mutable long grid_step_ = -1;  // the step the grid was computed at
    mutable std::vector<float> curve_;
    mutable long curve_step_ = -1;  // the step the curve was computed at
    mutable Activations<float> grid_acts_;
    mutable Matrix<float> grid_X_;
    bool playing_ = false;
    std::string error_;
    std::string growing_;   // the loss is running away (finite but growing): paused, with a message
    int growing_records_ = 0;
    double best_loss_ = 0;  // the lowest training loss of this run
    int inspected_sample_ = -1, inspected_layer_ = -1, inspected_unit_ = -1;

    std::unique_ptr<Trainer> build(const PlaygroundState& s, DataSplit& raw, std::string& error) const;
    void record();
};

}  // namespace nabla
