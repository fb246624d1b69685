// Minibatch training of an MLP on a DataSplit: shuffles each epoch with its own seeded Rng,
// batches of 1 … N (N = full-batch gradient descent), optimizer and hyper-parameters switchable
// between steps with the weights kept. A step allocates nothing once the trainer exists.
// A step whose loss or weights would stop being finite is refused: the weights stay as they were,
// status() says so and why, and nothing non-finite reaches the caller.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>

#include "nn/datasets.h"
#include "nn/lanes.h"
#include "nn/mlp.h"
#include "nn/optimizer.h"
#include "nn/rng.h"

namespace nabla {

struct TrainerDesc {
    MlpDesc mlp;
    int batch_size = 10;
    OptimizerSettings optimizer;
    std::uint64_t shuffle_seed = 1;
    bool shuffle = true;  // false: every epoch in the data's own order (lecture 002's `for x, y in zip(...)`)
};

struct Metrics {
    double loss = 0;      // mean data loss (no penalty)
    double accuracy = -1; // fraction correct; -1 for regression
};

// A step or an evaluation in parts: a large batch or dataset (100 000 points through eight layers of
// 32) is more than a frame's work, so the playground does it a chunk of rows per call. Chunks are
// fixed (kChunkRows), never cut by time, so a step made in parts equals the step made at once.
inline constexpr int kChunkRows = 512;
enum class StepProgress { Done, Partial, Refused };

struct EvaluationInParts {  // Trainer::evaluate_part's place in a dataset
    int start = 0;
    double loss_sum = 0;
    int correct = 0;
    Metrics metrics(const Dataset& data) const;
};

// Everything a trainer's next steps depend on, to go back to (the playground's timeline): the
// weights and last gradients, the optimizer's state, the shuffle and where the epoch is.
struct TrainerSnapshot {
    Mlp<float> mlp;
    Optimizer<float> optimizer;
    TrainerDesc desc;
    Rng rng;
    std::vector<int> order;
    int cursor = 0;
    long steps = 0, epochs = 0;
    std::string divergence;
    std::size_t bytes() const;  // what it holds, roughly: the timeline's memory budget counts it
};

class Trainer {
public:
    // Returns null and sets `error` when the settings do not fit each other or the data.
    static std::unique_ptr<Trainer> create(const TrainerDesc& desc, DataSplit data, std::string& error);

    // Hyper-parameter changes apply at the next step and keep the weights. "" or why refused.
    std::string set_batch_size(int batch_size);
    std::string set_optimizer(const OptimizerSettings& settings);

    // Weights from elsewhere (a file): each W[k], b[k] shaped as the network's layer k. The optimizer
    // starts afresh, counters zeroed, as after reset(). "" or why refused (nothing changes then).
    std::string set_weights(const std::vector<Matrix<float>>& W, const std::vector<RowVector<float>>& b);

    bool step() { return step_part(1 << 30) == StepProgress::Done; }  // one minibatch; false once diverged
    // Up to `max_chunks` chunks of the next minibatch's rows; Done once its update is made. A batch
    // of up to kChunkRows rows is one chunk. Changing the batch size, restoring or resetting drops a
    // step in progress (it starts again with the next call).
    StepProgress step_part(int max_chunks);
    bool mid_step() const { return part_done_ > 0; }
    int last_batch_rows() const { return part_rows_; }  // the rows of the last (or current) step's batch
    float last_loss() const { return last_loss_; }       // the last step's batch loss, before its update
    int next_sample() const { return order_[cursor_]; }  // the training point the next batch starts with

    TrainerSnapshot snapshot() const;
    void restore(const TrainerSnapshot& s);  // a snapshot of this trainer (same data and network)
    std::unique_ptr<Trainer> clone() const;  // the same data and state, to step on its own
    void reset();           // new weights from the seed, optimizer state cleared, counters zeroed

    Metrics evaluate(const Dataset& data) const;  // scratch buffers of its own: callable on a shown trainer
    // evaluate() in parts of kChunkRows rows: true once `at` has covered the whole dataset.
    bool evaluate_part(const Dataset& data, EvaluationInParts& at, int max_chunks) const;
    const DataSplit& data() const { return data_; }
    const Mlp<float>& mlp() const { return *mlp_; }
    const TrainerDesc& desc() const { return desc_; }

    long steps() const { return steps_; }
    long epochs() const { return epochs_; }     // completed passes over the training set
    // Completed passes plus the share of the current one: continuous across batch-size changes
    // (steps × batch ÷ N is not, once the batch size has changed).
    double epoch_progress() const { return epochs_ + static_cast<double>(cursor_) / data_.train.size(); }
    bool diverged() const { return !divergence_.empty(); }
    const std::string& divergence() const { return divergence_; }  // what happened and what to try

private:
    Trainer(const TrainerDesc& desc, DataSplit data);
    TrainerDesc desc_;
    DataSplit data_;
    Matrix<float> train_targets_, test_targets_;  // in the head's convention (see Mlp::loss)
    std::unique_ptr<Mlp<float>> mlp_;
    std::unique_ptr<Optimizer<float>> optimizer_;
    std::unique_ptr<LanesStep> lanes_;       // set when the network fits_lanes: the step's whole path
    Activations<float> batch_acts_;
    mutable Activations<float> eval_acts_;
    Matrix<float> batch_X_, batch_T_;  // one chunk of the batch
    std::vector<Matrix<float>> sum_dW_;      // a batch of several chunks: its gradient so far
    std::vector<RowVector<float>> sum_db_;
    int part_rows_ = 0, part_done_ = 0;      // the batch in progress: its rows, and how many are done
    double part_loss_ = 0;                   // its loss so far, weighted by the chunks' rows
    float last_loss_ = NAN;
    mutable Matrix<float> eval_T_;
    std::vector<int> order_;
    Rng rng_;  // shuffles; reseeded by reset() so a run is reproducible
    int cursor_ = 0;
    long steps_ = 0, epochs_ = 0;
    std::string divergence_;

    void shuffle();
    void diverge(const std::string& what);
};

// The targets of a dataset in a head's convention: ±1 for a tanh head on classes, else as stored.
Matrix<float> targets_for_head(const Dataset& data, Head head);
// "" when the network fits the data: input width, output width and head for its task.
std::string check_network_fits_data(const MlpDesc& mlp, const Dataset& data);

}  // namespace nabla
