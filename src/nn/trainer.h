// Minibatch training of an MLP on a DataSplit: shuffles each epoch with its own seeded Rng,
// batches of 1 … N (N = full-batch gradient descent), optimizer and hyper-parameters switchable
// between steps with the weights kept. A step allocates nothing once the trainer exists.
// A step whose loss or weights would stop being finite is refused: the weights stay as they were,
// status() says so and why, and nothing non-finite reaches the caller.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "nn/datasets.h"
#include "nn/mlp.h"
#include "nn/optimizer.h"
#include "nn/rng.h"

namespace nabla {

struct TrainerDesc {
    MlpDesc mlp;
    int batch_size = 10;
    OptimizerSettings optimizer;
    std::uint64_t shuffle_seed = 1;
};

struct Metrics {
    double loss = 0;      // mean data loss (no penalty)
    double accuracy = -1; // fraction correct; -1 for regression
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

    bool step();            // one minibatch; false (and nothing changes) once diverged

    TrainerSnapshot snapshot() const;
    void restore(const TrainerSnapshot& s);  // a snapshot of this trainer (same data and network)
    std::unique_ptr<Trainer> clone() const;  // the same data and state, to step on its own
    void reset();           // new weights from the seed, optimizer state cleared, counters zeroed

    Metrics evaluate(const Dataset& data) const;  // scratch buffers of its own: callable on a shown trainer
    const DataSplit& data() const { return data_; }
    const Mlp<float>& mlp() const { return *mlp_; }
    const Activations<float>& last_batch() const { return batch_acts_; }  // s, z, dC/ds, dC/dz of the last step
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
    Activations<float> batch_acts_;
    mutable Activations<float> eval_acts_;
    Matrix<float> batch_X_, batch_T_;
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
