#include "lab/history.h"

#include <utility>

namespace nabla {

HistoryPoint measure_run(const Trainer& t) {
    MeasureInParts m;
    m.part(t, 1 << 30);
    return m.result();
}

bool MeasureInParts::part(const Trainer& t, int max_chunks) {
    if (phase_ == 0) {
        if (!t.evaluate_part(t.data().train, at_, max_chunks)) return false;
        const Metrics tr = at_.metrics(t.data().train);
        result_.step = t.steps();
        result_.epoch = t.epoch_progress();
        result_.train_loss = tr.loss;
        result_.train_accuracy = tr.accuracy;
        at_ = {};
        phase_ = 1;
    }
    if (phase_ == 1) {
        if (t.data().test.size() > 0) {
            if (!t.evaluate_part(t.data().test, at_, max_chunks)) return false;
            const Metrics te = at_.metrics(t.data().test);
            result_.test_loss = te.loss;
            result_.test_accuracy = te.accuracy;
        } else {  // your data: every point trains, nothing is held out (NaN: not drawn, null in JSON)
            result_.test_loss = result_.test_accuracy = NAN;
        }
        result_.gradient_norms.clear();
        for (const Layer<float>& L : t.mlp().layers) result_.gradient_norms.push_back(L.dW.norm());
        phase_ = 2;
    }
    return true;
}

void append_record(std::vector<HistoryPoint>& history, HistoryPoint p) {
    if (history.size() >= kMaxHistory) {
        std::vector<HistoryPoint> half;
        for (size_t i = 0; i < history.size(); i += 2) half.push_back(std::move(history[i]));
        history.swap(half);
    }
    history.push_back(std::move(p));
}

}  // namespace nabla
