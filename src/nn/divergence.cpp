#include "nn/divergence.h"

#include <algorithm>
#include <cmath>

#include "engine/i18n.h"
#include "engine/number_text.h"

namespace nabla {

bool DivergenceWatch::observe(double loss, double epoch) {
    if (diverged_) return true;
    if (!std::isfinite(loss)) {
        diverged_ = true;
        message_ = tr("the loss stopped being a finite number");
        return true;
    }
    if (std::isnan(start_)) start_ = loss;
    recent_.emplace_back(epoch, loss);
    while (recent_.size() > 2 && recent_[1].first <= epoch - kSpanEpochs) {
        best_before_ = std::min(best_before_, recent_.front().second);
        recent_.pop_front();
    }
    if (!std::isfinite(best_before_) || epoch - recent_.front().first < kSpanEpochs) return false;  // not a whole epoch yet
    double mean = 0;
    for (const auto& [e, l] : recent_) mean += l;
    mean /= static_cast<double>(recent_.size());
    const bool from_best = far_above(mean, best_before_);
    if (!from_best && !above_start(mean, start_)) return false;
    diverged_ = true;
    message_ = trf("the training loss grew from %s to %s (its mean over the last epoch)",
                   short_number(from_best ? best_before_ : start_, 3).c_str(), short_number(mean, 3).c_str());
    return true;
}

}  // namespace nabla
