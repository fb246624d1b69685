#include "lab/history.h"

#include <utility>

namespace nabla {

HistoryPoint measure_run(const Trainer& t) {
    HistoryPoint p;
    p.step = t.steps();
    p.epoch = t.epoch_progress();
    const Metrics tr = t.evaluate(t.data().train);
    p.train_loss = tr.loss;
    p.train_accuracy = tr.accuracy;
    if (t.data().test.size() > 0) {
        const Metrics te = t.evaluate(t.data().test);
        p.test_loss = te.loss;
        p.test_accuracy = te.accuracy;
    } else {  // your data: every point trains, nothing is held out (NaN: not drawn, null in JSON)
        p.test_loss = p.test_accuracy = NAN;
    }
    for (const Layer<float>& L : t.mlp().layers) p.gradient_norms.push_back(L.dW.norm());
    return p;
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
