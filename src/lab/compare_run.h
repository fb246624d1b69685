// The playground's run B: a second network from the same initial weights as run A (the same data,
// features, layers and seed) with its own learning rate, batch size, optimizer and penalty, trained
// in lockstep with A, so two settings (η 0.03 vs 0.3, batch 1 vs full) are seen side by side:
// both boundaries, both loss curves. B's settings are fixed for a run: changing one restarts both.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lab/history.h"
#include "lab/playground_state.h"
#include "nn/divergence.h"
#include "nn/trainer.h"

namespace nabla {


class CompareRun {
public:
    CompareRun(std::unique_ptr<Trainer> trainer, const PlaygroundState& state);

    const Trainer& trainer() const { return *trainer_; }
    const PlaygroundState& state() const { return state_; }
    const std::vector<HistoryPoint>& history() const { return history_; }
    std::string status() const;  // "" while it trains; else why B stopped (A goes on)

    // One step with A's and, when due, its record, a chunk of rows a call (a large batch or dataset
    // takes more than a frame): true once both are done, or when B has stopped.
    bool step_part();
    void record();  // at once

    // B's settings in a link: the live ones, "lr:0.3,batch:1,opt:adam,reg:none,rate:0.001".
    static std::string live_text(const PlaygroundState& b);
    static bool read_live(const std::string& text, PlaygroundState& b, std::string& error);
    // B's live settings over another state (A's, after a structural change).
    static PlaygroundState with_live_of(PlaygroundState base, const PlaygroundState& b);

private:
    std::unique_ptr<Trainer> trainer_;
    PlaygroundState state_;
    std::vector<HistoryPoint> history_;
    long recorded_slot_ = -1;
    DivergenceWatch watch_;
    std::string growing_;
    bool stepped_ = false;    // this step's update is made; its record may still be in progress
    std::optional<MeasureInParts> measuring_;
    void keep(HistoryPoint p);  // a finished measurement becomes a record (or the reason B stopped)
};

}  // namespace nabla
