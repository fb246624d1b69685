// A run's loss and accuracy history, as the playground records it: at fixed points of the run
// (every half epoch), not once per frame, so a link replayed on a faster or slower machine draws
// the same curves and the divergence rule (nn/divergence.h) reads the same records. A record
// evaluates every point, about what training on them for an epoch costs: two per epoch keep the
// plots fine and training fast. Runs A and B (lab/compare_run.h) record the same way.
#pragma once

#include <cmath>
#include <vector>

#include "nn/trainer.h"

namespace nabla {

struct HistoryPoint {
    long step;
    double epoch;  // fractional, for the x axis
    double train_loss, test_loss, train_accuracy, test_accuracy;  // test: NaN without a test set
    std::vector<double> gradient_norms;  // ‖dC/dW_k‖ per layer
};

constexpr int kRecordsPerEpoch = 2;
constexpr std::size_t kMaxHistory = 4000;  // then every other record goes: the whole run stays visible

// The record slot a trainer is in; a new slot means a record is due.
inline long record_slot(const Trainer& t) { return static_cast<long>(std::floor(t.epoch_progress() * kRecordsPerEpoch)); }

// The trainer's numbers at this very step: losses and accuracies over every point, gradient norms.
HistoryPoint measure_run(const Trainer& t);

// measure_run a chunk of rows at a time (nn/trainer.h, kChunkRows): 100 000 points through eight
// layers of 32 take more than a frame. The same numbers as measure_run, however it is split.
class MeasureInParts {
public:
    bool part(const Trainer& t, int max_chunks);  // true once result() is complete
    const HistoryPoint& result() const { return result_; }

private:
    int phase_ = 0;  // 0: the training points, 1: the test points, 2: done
    EvaluationInParts at_;
    HistoryPoint result_{};
};

// Appends, dropping every other record first when the history is full.
void append_record(std::vector<HistoryPoint>& history, HistoryPoint p);

}  // namespace nabla
