#include "lab/compare_run.h"

#include "engine/i18n.h"
#include "lab/history.h"
#include "lab/url_codec.h"

namespace nabla {

namespace {

// The live rows, the settings B has of its own (structure is A's: same initial weights).
std::vector<const Setting<PlaygroundState>*> live_rows() {
    std::vector<const Setting<PlaygroundState>*> rows;
    for (const Setting<PlaygroundState>& r : playground_settings())
        if (r.is_live) rows.push_back(&r);
    return rows;
}

}  // namespace

CompareRun::CompareRun(std::unique_ptr<Trainer> trainer, const PlaygroundState& state) : trainer_(std::move(trainer)), state_(state) {
    record();
}

std::string CompareRun::status() const { return trainer_->diverged() ? trainer_->divergence() : growing_; }

bool CompareRun::step_part() {
    if (!status().empty()) return true;
    if (!stepped_) {
        const StepProgress r = trainer_->step_part(1);
        if (r == StepProgress::Partial) return false;
        if (r == StepProgress::Refused) return true;
        stepped_ = true;
    }
    if (record_slot(*trainer_) != recorded_slot_) {
        if (!measuring_) measuring_.emplace();
        if (!measuring_->part(*trainer_, 1)) return false;
        recorded_slot_ = record_slot(*trainer_);
        keep(measuring_->result());
        measuring_.reset();
    }
    stepped_ = false;
    return true;
}

void CompareRun::record() {
    recorded_slot_ = record_slot(*trainer_);
    keep(measure_run(*trainer_));
}

void CompareRun::keep(HistoryPoint p) {
    const bool held_out = trainer_->data().test.size() > 0;
    if (!std::isfinite(p.train_loss) || (held_out && !std::isfinite(p.test_loss))) {
        growing_ = trf("the loss overflowed: learning rate %g is too large", state_.learning_rate);
        return;
    }
    if (watch_.observe(p.train_loss, p.epoch) && growing_.empty())
        growing_ = trf("%s: learning rate %g is too large", watch_.message().c_str(), state_.learning_rate);
    append_record(history_, std::move(p));
}

std::string CompareRun::live_text(const PlaygroundState& b) {
    std::string out;
    for (const Setting<PlaygroundState>* r : live_rows()) out += (out.empty() ? "" : ",") + std::string(r->key) + ":" + setting_text(*r, b);
    return out;
}

bool CompareRun::read_live(const std::string& text, PlaygroundState& b, std::string& error) {
    PlaygroundState next = b;
    for (const std::string& item : split_list(text, ',')) {
        const size_t colon = item.find(':');
        const Setting<PlaygroundState>* row = colon == std::string::npos ? nullptr : playground_settings().find(item.substr(0, colon));
        if (!row || !row->is_live) return error = trf("run B sets only the learning rate, batch, optimizer and penalty, not '%s'", item.c_str()), false;
        if (!read_setting(*row, item.substr(colon + 1), next, error)) return false;
    }
    if (std::string e = next.validate(); !e.empty()) return error = e, false;
    b = next;
    return true;
}

PlaygroundState CompareRun::with_live_of(PlaygroundState base, const PlaygroundState& b) {
    for (const Setting<PlaygroundState>* r : live_rows()) r->set(base, r->get(b));
    return base;
}

}  // namespace nabla
