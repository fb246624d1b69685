// How a run got where it is, as a link carries it, so that opening the link replays it exactly:
// how many steps were taken and every live change on the way ("at step 120 the learning rate
// became 0.3"), with what was picked at the end. Training is deterministic (seeded data, weights and
// minibatches), so the same changes at the same steps give the same weights, losses and paths.
//
//   &steps=1250&live=120:lr:0.3,500:batch:1&pick=3:0:1
#pragma once

#include <string>
#include <vector>

namespace nabla {

struct LiveChange {
    long step;          // applied before this step is taken (0: at the start)
    std::string key;    // a live setting's key; the trajectory lab prefixes the run: "2.lr"
    std::string value;  // as a link writes it: "0.3", "adam"
};

struct ReplayPlan {
    long steps = 0;                   // how far the run went
    std::vector<LiveChange> changes;  // in step order
    std::string pick;                 // what was selected at the end (each lab reads its own)
    bool empty() const { return steps == 0 && changes.empty() && pick.empty(); }
};

// The longest replay a link may ask for: a few seconds of the page's time at the largest network.
inline constexpr long kMaxReplaySteps = 1'000'000;
inline constexpr size_t kMaxLiveChanges = 2000;

// "&steps=..&live=..&pick=.." (empty parts left out).
std::string encode_replay(const ReplayPlan& plan);
// Takes the replay's keys out of a link's parts ("steps", "live", "pick"), leaving the rest in
// `rest` ("key=value&..."); false with a message for a malformed or out-of-order one.
bool split_replay(const std::string& link, std::string& rest, ReplayPlan& plan, std::string& error);

// Appends a change, folding it into the last one when it is the same key at the same step (a
// slider dragged while paused is one change). False when the journal is full.
bool note_change(std::vector<LiveChange>& journal, long step, const std::string& key, const std::string& value);

}  // namespace nabla
