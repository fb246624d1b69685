// When training has diverged, judged by the loss alone and the same way in the playground, the
// CLI (`nabla train`): the loss stopped being a finite number, or over the last whole epoch it was
// on average far above the best it had reached before that epoch (twice it, plus 0.5) or above where
// it started (1.5 times, plus 0.1). SGD's noise (a batch of one sample at a sensible learning rate)
// swings the loss by a fraction of that, so it is never called divergence; a loss falling fast is
// below every earlier best. A learning rate of 10 is chaotic: the float rounding of a sum decides
// which of its wild swings come when, and the best alone caught it anywhere from 40 to 460 steps
// on the playground's default; its mean stays above the start from the first epochs whichever way
// it rounds. Measured on the circle, 8 seeds, 3000 steps: nothing up to learning rate 0.3 fires;
// 10 at batch 10 fires on every seed within 300 steps, with the lanes kernels or the general ones.
#pragma once

#include <cmath>
#include <deque>
#include <string>
#include <utility>

namespace nabla {

class DivergenceWatch {
public:
    // The loss after `epoch` epochs (fractional). True once the run counts as diverged; then
    // message() says how the loss went.
    bool observe(double loss, double epoch);
    void reset() { *this = DivergenceWatch(); }
    // Start over from the loss as it is now (a new learning rate): it is the best so far, so a run
    // that blows up in the very next frame, however many steps that frame takes, is still caught.
    void restart(double loss, double epoch) {
        reset();
        observe(loss, epoch);
    }
    bool diverged() const { return diverged_; }
    double best() const { return best_before_; }  // the best before the last epoch
    // "the training loss grew from 0.025 to 35.8": for the caller to add what to try.
    const std::string& message() const { return message_; }

    static bool far_above(double loss, double best) { return loss > 2 * best + 0.5; }
    static bool above_start(double loss, double start) { return loss > 1.5 * start + 0.1; }
    static constexpr double kSpanEpochs = 1;  // the span the average is taken over

private:
    bool diverged_ = false;
    double best_before_ = INFINITY;  // the lowest loss before the records in recent_
    double start_ = NAN;              // the first loss observed
    std::deque<std::pair<double, double>> recent_;  // (epoch, loss) over the last span, and one before it
    std::string message_;
};

}  // namespace nabla
