// Data → features → trainer, rebuilt on structural changes; history recorded once per advance().
#include "lab/playground_lab.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <type_traits>

#include "engine/i18n.h"
#include "lab/json_writer.h"
#include "lab/network_graph.h"
#include "lab/url_codec.h"
#include "lab/weights_file.h"
#include "nn/own_data.h"

namespace nabla {

namespace {



void compute_features(unsigned features, float x1, float x2, float* out) {
    const float all[kFeatureCount] = {x1, x2, x1 * x1, x2 * x2, x1 * x2, std::sin(x1), std::sin(x2)};
    int k = 0;
    for (int i = 0; i < kFeatureCount; ++i)
        if (features & kFeatures[i].bit) out[k++] = all[i];
}

// The dataset's (x1, x2) columns replaced by the chosen features (1-D data has x2 = 0).
Dataset with_features(const Dataset& in, unsigned features) {
    Dataset out;
    out.classes = in.classes;
    out.y = in.y;
    out.X.resize(in.size(), static_cast<Eigen::Index>(features_of_set(features).size()));
    for (int r = 0; r < in.size(); ++r)
        compute_features(features, in.X(r, 0), in.X.cols() > 1 ? in.X(r, 1) : 0.0f, out.X.row(r).data());
    return out;
}

// The point at the centre of cell (column, row) of a side × side grid over the input plane.

OptimizerSettings optimizer_settings(OptimizerSettings o, const PlaygroundState& s) {
    o.kind = s.optimizer;
    o.learning_rate = s.learning_rate;
    o.l1 = s.regularization == Regularization::L1 ? s.regularization_rate : 0;
    o.l2 = s.regularization == Regularization::L2 ? s.regularization_rate : 0;
    return o;
}

}  // namespace

// "2-4-2-1": a network's layer sizes, as messages name it.
static std::string write_layers_of(const std::vector<int>& sizes) {
    std::string out;
    for (const int n : sizes) out += (out.empty() ? "" : "-") + std::to_string(n);
    return out;
}

// ---- the lab -------------------------------------------------------------------------------

PlaygroundLab::PlaygroundLab() {
    std::string error;
    trainer_ = build(state_, raw_, error);
    record();
}

int PlaygroundLab::input_count() const { return static_cast<int>(features_of_set(state_.features).size()); }

void PlaygroundLab::features_of(float x1, float x2, float* out) const { compute_features(state_.features, x1, x2, out); }

std::unique_ptr<Trainer> PlaygroundLab::build(const PlaygroundState& s, DataSplit& raw, std::string& error) const {
    error = s.validate();
    if (!error.empty()) return nullptr;
    raw = s.dataset == DatasetKind::Own ? own_dataset(s.own) : make_dataset(s.dataset_desc());
    DataSplit split{with_features(raw.train, s.features), with_features(raw.test, s.features)};

    TrainerDesc t;
    t.mlp.sizes = {static_cast<int>(split.train.X.cols())};
    t.mlp.sizes.insert(t.mlp.sizes.end(), s.hidden.begin(), s.hidden.end());
    t.mlp.head = head_for_task(split.train.classes);
    t.mlp.sizes.push_back(head_outputs(t.mlp.head, split.train.classes));
    t.mlp.hidden = s.activation;
    t.mlp.seed = s.seed;
    t.mlp.bias = s.bias != 0;
    t.mlp.init = s.init;
    t.mlp.weight_init = static_cast<float>(s.weight_init);
    t.shuffle_seed = s.seed + 1;
    t.shuffle = s.shuffle != 0;
    t.batch_size = std::min(s.batch_size, split.train.size());
    t.optimizer = optimizer_settings(t.optimizer, s);
    return Trainer::create(t, std::move(split), error);
}

bool PlaygroundLab::set_state(const PlaygroundState& next) {
    std::string error;
    DataSplit raw;
    auto t = build(next, raw, error);
    if (!t) return error_ = error, false;
    raw_ = std::move(raw);
    state_ = next;  // the batch size asked for stays, even when fewer points cap it for now (your data grows)
    start_ = state_;
    journal_.clear();
    replaying_ = false;
    weights_from_file_ = false;
    trainer_ = std::move(t);
    history_.clear();
    growing_.clear();
    watch_.reset();
    forget_timeline();
    invalidate_pictures();  // the grid's features may have changed too
    inspected_sample_ = inspected_layer_ = inspected_unit_ = -1;
    error_.clear();
    record();
    rebuild_compare();
    return true;
}

// Live settings reach the trainer at its next step; the weights stay.
bool PlaygroundLab::set_live(const PlaygroundState& next) {
    if (std::string e = next.validate(); !e.empty()) return error_ = e, false;
    if (next.batch_size != state_.batch_size)
        if (std::string e = trainer_->set_batch_size(next.batch_size); !e.empty()) return error_ = e, false;
    if (std::string e = trainer_->set_optimizer(optimizer_settings(trainer_->desc().optimizer, next)); !e.empty()) return error_ = e, false;
    if (next.learning_rate != state_.learning_rate) {  // a smaller learning rate may rescue the run: let it continue
        growing_.clear();
        if (history_.empty()) watch_.reset();
        else watch_.restart(history_.back().train_loss, history_.back().epoch);
    }
    state_ = next;
    return true;
}

bool PlaygroundLab::apply_setting(const Setting<PlaygroundState>& row, double value) {
    PlaygroundState next = state_;
    if (!set_setting(row, value, next, error_)) return false;
    // A dataset by the hook or a link's key as by its button: features follow, your data starts filled.
    if (&row == &playground_settings()["data"]) next = state_.with_dataset(next.dataset);
    if (!row.is_live) return set_state(next);
    if (!set_live(next)) return false;
    // The link replays it: before the first step it is part of how the run starts.
    if (trainer_->steps() == 0) start_ = state_, remember();  // the timeline's start has it too
    else note_change(journal_, trainer_->steps(), row.key, setting_text(row, state_));
    return true;
}

bool PlaygroundLab::set(const std::string& key, double value) {
    const Setting<PlaygroundState>* row = playground_settings().find(key);
    if (!row) return error_ = trf("no setting named '%s'", key.c_str()), false;
    return apply(playground::Set{row, value});
}

bool PlaygroundLab::apply(const PlaygroundCommand& command) {
    using namespace playground;
    // While the timeline shows the past, looking around keeps it; anything else continues from it.
    const bool looks = std::holds_alternative<ViewStep>(command) || std::holds_alternative<SelectSample>(command) ||
                       std::holds_alternative<SelectNeuron>(command) || std::holds_alternative<OpenInGraph>(command) ||
                       std::holds_alternative<Pause>(command);
    if (view_ && !looks) branch();
    return std::visit(
        [this](const auto& c) -> bool {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, ViewStep>) {
                return view(c.step);
            } else if constexpr (std::is_same_v<C, CompareStart>) {
                PlaygroundState b = state_;
                b.learning_rate = playground_settings()["lr"].range.clamp(state_.learning_rate * 10);
                return start_compare(b);
            } else if constexpr (std::is_same_v<C, CompareSet>) {
                if (!compare_) return error_ = tr("start comparing first (A/B)"), false;
                PlaygroundState b = compare_->state();
                if (!c.setting->is_live) return error_ = trf("run B sets only the learning rate, batch, optimizer and penalty, not '%s'", c.setting->key), false;
                if (!set_setting(*c.setting, c.value, b, error_)) return false;
                return start_compare(b);
            } else if constexpr (std::is_same_v<C, CompareStop>) {
                compare_.reset();
                return true;
            } else if constexpr (std::is_same_v<C, Play>) {
                set_playing(true);
                return playing_;
            } else if constexpr (std::is_same_v<C, Pause>) {
                set_playing(false);
                return true;
            } else if constexpr (std::is_same_v<C, Step>) {
                playing_ = false;
                return advance(1) == 1;
            } else if constexpr (std::is_same_v<C, Reset>) {
                reset();
                return true;
            } else if constexpr (std::is_same_v<C, Set>) {
                return apply_setting(*c.setting, c.value);
            } else if constexpr (std::is_same_v<C, Rebuild>) {
                return set_state(c.state);
            } else if constexpr (std::is_same_v<C, LoadState>) {
                return load(c.text);
            } else if constexpr (std::is_same_v<C, LoadWeights>) {
                return load_weights(c.text);
            } else if constexpr (std::is_same_v<C, EditPoints>) {
                return edit_points(c);
            } else if constexpr (std::is_same_v<C, LoadCsv>) {
                OwnData data;
                if (!parse_own_csv(c.text, data, error_)) return error_ = trf("CSV not loaded: %s", error_.c_str()), false;
                return set_state(state_.with_own(std::move(data)));
            } else if constexpr (std::is_same_v<C, SelectSample>) {
                if (c.sample < -1 || c.sample >= trainer().data().train.size())
                    return error_ = trf("no training sample %d", c.sample), false;
                inspected_sample_ = c.sample;
                return true;
            } else if constexpr (std::is_same_v<C, SelectNeuron>) {
                const auto& sizes = trainer().mlp().desc().sizes;
                if (c.layer < 0 || c.layer + 1 >= static_cast<int>(sizes.size()) || c.unit < 0 || c.unit >= sizes[c.layer + 1])
                    return error_ = trf("no neuron %d in layer %d", c.unit, c.layer + 1), false;
                inspected_layer_ = c.layer, inspected_unit_ = c.unit;
                return true;
            } else {
                static_assert(std::is_same_v<C, OpenInGraph>);
                GraphLabState g;
                if (!(c.one_node_per_layer ? network_as_vectorised_graph : network_as_graph)(*this, c.sample, g, error_)) return false;
                link_request_ = "graph:" + g.to_string();
                return true;
            }
        },
        command);
}

// Your data changes as a new run from the same seed, as picking a dataset does: the link stays a
// start state plus its replay. The points are kept to the link's two decimals.
bool PlaygroundLab::edit_points(const playground::EditPoints& c) {
    PlaygroundState next = state_.dataset == DatasetKind::Own ? state_ : state_.with_dataset(DatasetKind::Own);
    OwnData& own = next.own;
    const int n = static_cast<int>(own.points.size());
    const bool curve = own.task == OwnTask::Curve;
    OwnPoint p;
    p.x1 = snap_to_link(static_cast<float>(c.x1));
    p.x2 = curve ? 0.0f : snap_to_link(static_cast<float>(c.x2));
    p.label = curve ? snap_to_link(static_cast<float>(c.x2)) : static_cast<float>(c.label);
    switch (c.action) {
        case playground::EditPoints::Add:
            if (n >= OwnDataLimits::max_points) return error_ = trf("your data holds at most %d points", OwnDataLimits::max_points), false;
            if (!curve && c.label == 2 && own.task == OwnTask::TwoClasses) own.task = OwnTask::ThreeClasses;  // a third class, asked for
            own.points.push_back(p);
            break;
        case playground::EditPoints::Move:
            if (c.index < 0 || c.index >= n) return error_ = trf("no point %d in your data", c.index), false;
            p.label = curve ? p.label : own.points[static_cast<size_t>(c.index)].label;
            own.points[static_cast<size_t>(c.index)] = p;
            break;
        case playground::EditPoints::Remove:
            if (c.index < 0 || c.index >= n) return error_ = trf("no point %d in your data", c.index), false;
            if (n == 1) return error_ = tr("your data needs at least one point"), false;
            own.points.erase(own.points.begin() + c.index);
            break;
    }
    if (std::string e = own.validate(); !e.empty()) return error_ = e, false;
    const int keep = c.action == playground::EditPoints::Move ? c.index : -1;  // the point being dragged stays picked
    const bool picked = keep >= 0 && inspected_sample_ == keep;
    const int layer = inspected_layer_, unit = inspected_unit_;
    if (!set_state(next)) return false;
    if (picked) inspected_sample_ = keep, inspected_layer_ = layer, inspected_unit_ = unit;
    return true;
}

std::string PlaygroundLab::weights_json() const {
    WeightsFile f = weights_of(trainer().mlp());  // what is shown: the past, when the timeline is there
    f.features = setting_text(playground_settings()["features"], state());
    f.playground = state().to_string();
    f.steps = trainer().steps();
    return write_weights_json(f);
}

// The file's network is rebuilt first (its playground settings when it has them, else the current
// ones with its layers, activation and features), checked against the data, then given the weights.
bool PlaygroundLab::load_weights(const std::string& text) {
    WeightsFile f;
    std::string why;
    if (!read_weights_json(text, f, why)) return error_ = trf("weights not loaded: %s", why.c_str()), false;
    PlaygroundState next = state_;
    if (!f.playground.empty()) {
        if (!PlaygroundState::from_string(f.playground, next, why)) return error_ = trf("weights not loaded: %s", why.c_str()), false;
    } else {
        next.hidden.assign(f.sizes.begin() + 1, f.sizes.end() - 1);
        next.activation = f.activation;
        if (!f.features.empty() && !read_setting(playground_settings()["features"], f.features, next, why))
            return error_ = trf("weights not loaded: %s", why.c_str()), false;
    }
    DataSplit raw;
    const std::unique_ptr<Trainer> probe = build(next, raw, why);
    if (!probe) return error_ = trf("weights not loaded: %s", why.c_str()), false;
    const MlpDesc& d = probe->mlp().desc();
    if (d.sizes != f.sizes || d.head != f.head)
        return error_ = trf("weights not loaded: they are for a %s network with a %s output; this data needs %s with %s",
                            write_layers_of(f.sizes).c_str(), enum_short_label(f.head), write_layers_of(d.sizes).c_str(), enum_short_label(d.head)),
               false;
    compare_.reset();  // B would not start from these weights
    if (!set_state(next)) return false;
    if (std::string e = trainer_->set_weights(f.W, f.b); !e.empty()) return error_ = trf("weights not loaded: %s", e.c_str()), false;
    history_.clear();
    invalidate_pictures();
    record();
    weights_from_file_ = true;
    return true;
}

// ---- the timeline ----------------------------------------------------------------------------

namespace {

// A live change of a link or the journal, to a trainer and its settings (the past being shown).
void apply_live_change(Trainer& t, PlaygroundState& s, const LiveChange& c) {
    const Setting<PlaygroundState>* row = playground_settings().find(c.key.c_str());
    std::string why;
    if (!row || !row->is_live || !read_setting(*row, c.value, s, why)) return;
    const int batch = std::min(s.batch_size, t.data().train.size());
    if (batch != t.desc().batch_size) t.set_batch_size(batch);
    t.set_optimizer(optimizer_settings(t.desc().optimizer, s));
}

}  // namespace

// ---- run B ---------------------------------------------------------------------------------------

// B follows A's structure (a new dataset, layers, a reset) with its own live settings, from step 0.
void PlaygroundLab::rebuild_compare() {
    if (!compare_) return;
    const PlaygroundState b = CompareRun::with_live_of(state_, compare_->state());
    std::string why;
    DataSplit raw;
    std::unique_ptr<Trainer> t = build(b, raw, why);
    compare_ = t ? std::make_unique<CompareRun>(std::move(t), b) : nullptr;
    compare_grid_.invalidate();
}

bool PlaygroundLab::start_compare(const PlaygroundState& b) {
    std::string why;
    DataSplit raw;
    std::unique_ptr<Trainer> t = build(CompareRun::with_live_of(state_, b), raw, why);
    if (!t) return error_ = trf("run B: %s", why.c_str()), false;
    reset();  // A from step 0 too: the same initial weights, in lockstep from here
    compare_ = std::make_unique<CompareRun>(std::move(t), CompareRun::with_live_of(state_, b));
    compare_grid_.invalidate();
    return true;
}

void PlaygroundLab::forget_timeline() {
    moments_.clear();
    view_.reset();
    moment_stride_ = 1;
    ++generation_;
}

std::size_t PlaygroundLab::timeline_bytes() const {
    std::size_t bytes = 0;
    for (const Moment& m : moments_) bytes += m.trainer.bytes() + sizeof(Moment);
    return bytes;
}

// At a record: a moment every `moment_stride_` records; when the budget is full, every other
// moment goes and the stride doubles, so the moments stay evenly spread over the whole run.
void PlaygroundLab::remember() {
    if (!moments_.empty() && moments_.back().trainer.steps == trainer_->steps()) moments_.pop_back();  // the same step, newer
    else if (recorded_slot_ % moment_stride_ != 0 && trainer_->steps() > 0) return;
    Moment m{trainer_->snapshot(), state_, watch_, growing_};
    const std::size_t each = m.trainer.bytes() + sizeof(Moment);
    while (moments_.size() >= 2 && (moments_.size() >= kTimelineMoments || (moments_.size() + 1) * each > kTimelineBytes)) {
        std::vector<Moment> kept;
        for (size_t i = 0; i < moments_.size(); i += 2) kept.push_back(std::move(moments_[i]));
        moments_.swap(kept);
        moment_stride_ *= 2;
    }
    moments_.push_back(std::move(m));
}

bool PlaygroundLab::view(long step) {
    if (replaying_) return error_ = tr("the link is still replaying: the timeline opens when it is done"), false;
    if (compare_) return error_ = tr("the timeline shows one run: stop comparing A and B first"), false;
    playing_ = false;
    invalidate_pictures();
    ++generation_;
    if (step >= trainer_->steps() || moments_.empty()) {  // now
        view_.reset();
        return true;
    }
    if (step < 0) return error_ = trf("no step %ld on the timeline", step), false;
    size_t k = 0;
    while (k + 1 < moments_.size() && moments_[k + 1].trainer.steps <= step) ++k;
    if (!view_) view_ = trainer_->clone();
    const Moment& m = moments_[k];
    view_->restore(m.trainer);
    view_state_ = m.state;
    view_moment_ = k;
    // On to `step` from the moment, with the live changes made on the way (those at `step` too:
    // what continuing from here starts with).
    size_t next = 0;
    while (next < journal_.size() && journal_[next].step < m.trainer.steps) ++next;
    while (true) {
        for (; next < journal_.size() && journal_[next].step <= view_->steps() && journal_[next].step <= step; ++next)
            apply_live_change(*view_, view_state_, journal_[next]);
        if (view_->steps() >= step) break;
        const long until = next < journal_.size() ? std::min(step, journal_[next].step) : step;
        while (view_->steps() < until)
            if (!view_->step()) return true;  // it diverged there (the present knows): show where it stopped
    }
    return true;
}

void PlaygroundLab::branch() {
    const long step = view_->steps();
    trainer_ = std::move(view_);
    state_ = view_state_;
    journal_.erase(std::remove_if(journal_.begin(), journal_.end(), [step](const LiveChange& c) { return c.step > step; }), journal_.end());
    history_.erase(std::remove_if(history_.begin(), history_.end(), [step](const HistoryPoint& h) { return h.step > step; }), history_.end());
    moments_.erase(moments_.begin() + static_cast<std::ptrdiff_t>(view_moment_) + 1, moments_.end());
    const Moment& m = moments_.back();
    watch_ = m.watch;  // and the records since, as they were observed
    growing_ = m.growing;
    for (const HistoryPoint& h : history_)
        if (h.step > m.trainer.steps) watch_.observe(h.train_loss, h.epoch);
    recorded_slot_ = record_slot();
    invalidate_pictures();
    ++generation_;
}

bool PlaygroundLab::nav_command(Nav nav, PlaygroundCommand& out) const {
    using namespace playground;
    switch (nav) {
        case Nav::Next:  // a step of training; while the past is shown, a record forward (the future is kept)
            if (view_) {
                long target = trainer_->steps();
                for (auto h = history_.rbegin(); h != history_.rend(); ++h)
                    if (h->step > trainer().steps()) target = h->step;
                out = ViewStep{target};
            } else {
                out = Step{};
            }
            return true;
        case Nav::First: out = Reset{}; return true;
        case Nav::RunPause: out = playing_ ? PlaygroundCommand{Pause{}} : PlaygroundCommand{Play{}}; return true;
        case Nav::Back: {  // the timeline, one record back (a clicker's Back)
            const long shown = trainer().steps();
            long target = 0;
            for (const HistoryPoint& h : history_)
                if (h.step < shown) target = h.step;
            if (shown == 0) return false;
            out = ViewStep{target};
            return true;
        }
        case Nav::Last:  // back to now
            if (!view_) return false;
            out = ViewStep{trainer_->steps()};
            return true;
    }
    return false;
}

bool PlaygroundLab::parse_command(const std::string& kind, const std::string& text, double value, PlaygroundCommand& out,
                                  std::string& error) {
    using namespace playground;
    if (kind == "play") out = Play{};
    else if (kind == "pause") out = Pause{};
    else if (kind == "step") out = Step{};
    else if (kind == "reset") out = Reset{};
    else if (kind == "state") out = LoadState{text};
    else if (kind == "sample") out = SelectSample{static_cast<int>(value)};
    else if (kind == "graph") out = OpenInGraph{static_cast<int>(value)};
    else if (kind == "graph_layers") out = OpenInGraph{static_cast<int>(value), true};
    else if (kind == "csv") out = LoadCsv{text};
    else if (kind == "weights") out = LoadWeights{text};
    else if (kind == "timeline") out = ViewStep{static_cast<long>(value)};
    else if (kind == "compare") out = value != 0 ? PlaygroundCommand{CompareStart{}} : PlaygroundCommand{CompareStop{}};
    else if (kind.rfind("b.", 0) == 0) {  // run B's settings: b.lr, b.batch, b.opt (by key in text or index), ...
        const Setting<PlaygroundState>* row = playground_settings().find(kind.substr(2));
        if (!row || !row->is_live) return error = trf("no setting of run B named '%s'", kind.c_str()), false;
        double v = value;
        if (row->kind == SettingKind::Choice && !text.empty() && !row->choice_index(text, v))
            return error = trf("unknown %s '%s'", tr(row->label), text.c_str()), false;
        out = CompareSet{row, v};
    }
    else if (kind == "add-point" || kind == "move-point") {  // text "x1,x2" (a curve: "x,y"), value: class / index
        const std::vector<std::string> xy = split_list(text, ',');
        double x1 = 0, x2 = 0;
        if (xy.size() != 2 || !parse_finite(xy[0], x1) || !parse_finite(xy[1], x2))
            return error = tr("give the point as text \"x1,x2\""), false;
        EditPoints e{kind == "add-point" ? EditPoints::Add : EditPoints::Move, x1, x2, 0, -1};
        if (kind == "add-point") e.label = static_cast<int>(value);
        else e.index = static_cast<int>(value);
        out = e;
    } else if (kind == "remove-point") out = EditPoints{EditPoints::Remove, 0, 0, 0, static_cast<int>(value)};
    else if (kind == "neuron") {
        double layer = 0;
        if (!parse_finite(text, layer)) return error = tr("name the layer as text: 0 is the first hidden layer"), false;
        out = SelectNeuron{static_cast<int>(layer), static_cast<int>(value)};
    } else if (const Setting<PlaygroundState>* row = playground_settings().find(kind)) {
        double v = value;
        if (row->kind == SettingKind::Choice && !text.empty() && !row->choice_index(text, v))
            return error = trf("unknown %s '%s'", tr(row->label), text.c_str()), false;
        out = Set{row, v};
    } else {
        return error = trf("no command named '%s'", kind.c_str()), false;
    }
    return true;
}

int PlaygroundLab::advance(int max_steps, double (*now_ms)(), double deadline_ms) {
    if (view_) branch();  // training on from the past shown
    int taken = 0;
    while (taken < max_steps && status().empty()) {
        const StepProgress p = step_part();
        if (p == StepProgress::Refused) break;
        if (p == StepProgress::Done) ++taken;
        // Small steps look at the clock every eighth; a step or record in parts after every chunk.
        if (now_ms && (p == StepProgress::Partial || (taken & 7) == 0) && now_ms() >= deadline_ms) break;
    }
    if (!status().empty()) playing_ = false;
    return taken;
}

StepProgress PlaygroundLab::step_part() {
    // Work left from another run or a run changed since (a rebuild, the timeline) is not this step's.
    if (work_.a_stepped && (work_.generation != generation_ || work_.steps != trainer_->steps())) work_ = {};
    if (!work_.a_stepped) {
        const StepProgress r = trainer_->step_part(1);
        if (r != StepProgress::Done) return r;
        work_.a_stepped = true;
        work_.generation = generation_;
        work_.steps = trainer_->steps();
    }
    if (compare_ && !work_.b_stepped) {  // B in lockstep (it stops on its own if it diverges)
        if (!compare_->step_part()) return StepProgress::Partial;
        work_.b_stepped = true;
    }
    if (record_slot() != recorded_slot_) {
        if (!work_.measuring) work_.measuring.emplace();
        if (!work_.measuring->part(*trainer_, 1)) return StepProgress::Partial;
        recorded_slot_ = record_slot();
        keep(work_.measuring->result());
    }
    work_ = {};
    return StepProgress::Done;
}

long PlaygroundLab::record_slot() const { return nabla::record_slot(*trainer_); }

// ---- links that replay ----------------------------------------------------------------------

std::string PlaygroundLab::link() const {
    if (replaying_) return loaded_link_;  // until the replay is done, the link it came from
    ReplayPlan plan;
    plan.steps = trainer().steps();  // the past on the timeline, if it is shown: the run up to there
    for (const LiveChange& c : journal_)
        if (c.step <= plan.steps) plan.changes.push_back(c);
    if (inspected_sample_ >= 0) {
        plan.pick = std::to_string(inspected_sample_);
        if (inspected_layer_ >= 0) plan.pick += ":" + std::to_string(inspected_layer_) + ":" + std::to_string(inspected_unit_);
    }
    // Run B: its own live settings, fixed for the run ("&cmp=lr:0.3,batch:10,...").
    return start_.to_string() + (compare_ ? "&cmp=" + link_encode(CompareRun::live_text(compare_->state())) : "") + encode_replay(plan);
}

bool PlaygroundLab::load(const std::string& text) {
    std::string rest, why;
    ReplayPlan plan;
    PlaygroundState next;
    if (!split_replay(text, rest, plan, why)) return error_ = trf("cannot read the link: %s", why.c_str()), false;
    std::string settings, compare_text;
    bool comparing = false;
    for (const std::string& part : split_list(rest, '&')) {
        if (part.rfind("cmp=", 0) == 0) {
            comparing = true;
            if (!url_decode(part.substr(4), compare_text)) return error_ = trf("cannot read the link: %s", trf("bad %%-escape in '%s'", "cmp").c_str()), false;
        } else if (!part.empty()) {
            settings += (settings.empty() ? "" : "&") + part;
        }
    }
    if (!PlaygroundState::from_string(settings, next, why)) return error_ = trf("cannot read the link: %s", why.c_str()), false;
    PlaygroundState b = next;
    if (comparing && !CompareRun::read_live(compare_text, b, why)) return error_ = trf("cannot read the link: %s", why.c_str()), false;
    for (const LiveChange& c : plan.changes) {
        const Setting<PlaygroundState>* row = playground_settings().find(c.key.c_str());
        PlaygroundState probe = next;
        if (!row || !row->is_live) return error_ = trf("cannot read the link: %s", trf("'%s' cannot change during training", c.key.c_str()).c_str()), false;
        if (!read_setting(*row, c.value, probe, why)) return error_ = trf("cannot read the link: %s", why.c_str()), false;
    }
    compare_.reset();
    if (!set_state(next)) return false;
    if (comparing && !start_compare(b)) return false;
    playing_ = false;
    plan_ = std::move(plan);
    next_change_ = 0;
    loaded_link_ = text;
    replaying_ = !plan_.empty();
    return true;
}

void PlaygroundLab::replay_some(double (*now_ms)(), double deadline_ms) {
    while (replaying_) {
        const long step = trainer_->steps();
        for (; next_change_ < plan_.changes.size() && plan_.changes[next_change_].step <= step; ++next_change_) {
            const LiveChange& c = plan_.changes[next_change_];
            const Setting<PlaygroundState>* row = playground_settings().find(c.key.c_str());
            PlaygroundState next = state_;
            std::string why;
            if (row && read_setting(*row, c.value, next, why)) apply_setting(*row, row->get(next));
        }
        const long until = next_change_ < plan_.changes.size() ? plan_.changes[next_change_].step : plan_.steps;
        if (step >= plan_.steps || !status().empty()) {
            finish_replay_pick();
            return;
        }
        const long want = std::min<long>(until - step, 1 << 20);
        const int taken = want > 0 ? advance(static_cast<int>(want), now_ms, deadline_ms) : 0;
        const bool out_of_time = now_ms && now_ms() >= deadline_ms;
        if (out_of_time) return;  // on with the next frame (a large step may be in progress)
        if (want > 0 && taken == 0) {  // refused: the run stopped
            finish_replay_pick();
            return;
        }
    }
}

void PlaygroundLab::finish_replay_pick() {
    replaying_ = false;
    const std::vector<std::string> f = split_list(plan_.pick, ':');
    int v[3] = {-1, -1, -1};  // an index, or -1 (not one: a tampered pick=2:0:999999999999991 selects nothing)
    for (size_t i = 0; i < f.size() && i < 3; ++i) {
        double d = -1;
        if (parse_finite(f[i], d) && d >= 0 && d <= 1e6 && d == std::floor(d)) v[i] = static_cast<int>(d);
    }
    if (f.size() >= 1 && v[0] >= 0) apply(playground::SelectSample{v[0]});
    if (f.size() == 3 && v[1] >= 0 && v[2] >= 0) apply(playground::SelectNeuron{v[1], v[2]});
    error_.clear();
}

void PlaygroundLab::finish_replay() { replay_some(nullptr, 0); }

double PlaygroundLab::replay_progress() const {
    return replaying_ && plan_.steps > 0 ? static_cast<double>(trainer_->steps()) / static_cast<double>(plan_.steps) : 1.0;
}

void PlaygroundLab::reset() {
    trainer_->reset();
    weights_from_file_ = false;
    start_ = state_;  // a new run from the settings as they are now
    journal_.clear();
    replaying_ = false;
    history_.clear();
    growing_.clear();
    watch_.reset();
    forget_timeline();
    invalidate_pictures();
    record();
    rebuild_compare();
}

std::string PlaygroundLab::status() const { return trainer_->diverged() ? trainer_->divergence() : growing_; }


const HistoryPoint& PlaygroundLab::current() const {
    const Trainer* t = view_ ? view_.get() : trainer_.get();
    if (!view_ && !history_.empty() && history_.back().step == t->steps()) return history_.back();
    if (current_.step != t->steps() || current_of_ != t) current_ = measure_run(*t), current_of_ = t;
    return current_;
}

void PlaygroundLab::record() {
    recorded_slot_ = record_slot();
    keep(measure_run(*trainer_));
}

void PlaygroundLab::keep(HistoryPoint p) {
    const bool held_out = trainer_->data().test.size() > 0;
    if (!std::isfinite(p.train_loss) || (held_out && !std::isfinite(p.test_loss))) {  // never drawn, never recorded
        growing_ = trf("the loss overflowed: learning rate %g is too large. Try %g, then reset", state_.learning_rate, state_.learning_rate / 10);
        return;
    }
    // Running away: the shared rule of nn/divergence.h (far above the best for a whole epoch), so
    // the noise of small batches, which the lesson on SGD is about, never pauses a run.
    if (watch_.observe(p.train_loss, p.epoch) && growing_.empty()) {
        growing_ = trf("%s: learning rate %g is too large. Try %g, then reset", watch_.message().c_str(), state_.learning_rate,
                       state_.learning_rate / 10);
    }
    append_record(history_, std::move(p));
    remember();
}

void PlaygroundLab::invalidate_pictures() {
    output_grid_.invalidate();
    neuron_grid_.invalidate();
    compare_grid_.invalidate();
    curve_step_ = -1;
}

const PlaygroundLab::Grid& PlaygroundLab::grid_within(int side, bool with_neurons, double budget_ms) const {
    const Trainer& t = trainer();
    auto features = [this](float x1, float x2, float* out) { features_of(x1, x2, out); };
    return (with_neurons ? neuron_grid_ : output_grid_).get(t.mlp(), t.steps(), side, with_neurons, features, budget_ms);
}

const PlaygroundLab::Grid& PlaygroundLab::compare_grid(int side) const {
    const Trainer& t = compare_->trainer();
    auto features = [this](float x1, float x2, float* out) { features_of(x1, x2, out); };
    return compare_grid_.get(t.mlp(), t.steps(), side, false, features, -1);
}

std::vector<float> PlaygroundLab::curve_of(const Trainer& t, int samples) const {
    const MlpDesc& d = t.mlp().desc();
    Matrix<float> X(samples, d.sizes.front());
    for (int i = 0; i < samples; ++i) features_of(static_cast<float>(-kPlaneExtent + 2 * kPlaneExtent * i / (samples - 1)), 0.0f, X.row(i).data());
    Activations<float> acts;
    acts.reserve(d, samples);
    t.mlp().forward(ConstMatrixView<float>(X.data(), samples, X.cols()), acts);
    std::vector<float> out(samples);
    for (int i = 0; i < samples; ++i) out[i] = acts.z.back()(i, 0);
    return out;
}

const std::vector<float>& PlaygroundLab::curve(int samples) const {
    samples = std::max(2, samples);
    if (curve_step_ == trainer().steps() && static_cast<int>(curve_.size()) == samples) return curve_;
    curve_ = curve_of(trainer(), samples);
    curve_step_ = trainer().steps();
    return curve_;
}

std::vector<float> PlaygroundLab::compare_curve(int samples) const { return curve_of(compare_->trainer(), std::max(2, samples)); }

NeuronTrace PlaygroundLab::inspected() const { return trace(inspected_sample_, inspected_layer_, inspected_unit_); }

NeuronTrace PlaygroundLab::trace(int sample, int layer, int unit) const {
    NeuronTrace t;
    const Trainer& tr = trainer();
    const Dataset& d = tr.data().train;
    const Mlp<float>& mlp = tr.mlp();
    if (sample < 0 || sample >= d.size() || layer < 0 || layer >= mlp.layer_count() || unit < 0 ||
        unit >= mlp.desc().sizes[layer + 1])
        return t;
    // A copy of the network, so the one-sample backward pass leaves training's gradients alone.
    Mlp<float> probe = mlp;
    Activations<float> a;
    a.reserve(mlp.desc(), 1);
    const ConstMatrixView<float> x(d.X.row(sample).data(), 1, d.X.cols());
    const Matrix<float> target = targets_for_head(d, mlp.desc().head).row(sample);
    probe.forward(x, a);
    probe.loss(ConstMatrixView<float>(target.data(), 1, 1), a);
    probe.backward(x, a);

    t.valid = true;
    t.sample = sample, t.layer = layer, t.unit = unit;
    t.target = d.y(sample, 0);
    t.output = layer == mlp.layer_count() - 1;
    t.fused = t.output && (mlp.desc().head == Head::SigmoidBCE || mlp.desc().head == Head::SoftmaxCE);
    t.s = a.s[layer](0, unit);
    t.z = a.z[layer](0, unit);
    t.ds = a.ds[layer](0, unit);
    t.dz = t.fused ? NAN : a.dz[layer](0, unit);
    const int fan_in = mlp.desc().sizes[layer];
    for (int j = 0; j < fan_in; ++j) {
        t.z_in.push_back(layer == 0 ? x(0, j) : a.z[layer - 1](0, j));
        t.w.push_back(mlp.layers[layer].W(unit, j));
        t.dw_sample.push_back(probe.layers[layer].dW(unit, j));
        t.dw_batch.push_back(mlp.layers[layer].dW(unit, j));
        t.update.push_back(-tr.desc().optimizer.learning_rate * mlp.layers[layer].dW(unit, j));
    }
    t.b = mlp.layers[layer].b(unit);
    t.db_sample = probe.layers[layer].db(unit);
    t.db_batch = mlp.layers[layer].db(unit);
    t.b_update = -tr.desc().optimizer.learning_rate * mlp.layers[layer].db(unit);
    return t;
}

std::string PlaygroundLab::to_json() const {
    JsonWriter w;
    const HistoryPoint& h = current();
    w.begin_object();
    w.key("state").value(state().to_string());
    w.key("playing").value(playing_);
    w.key("replaying").value(replaying_);
    w.key("steps").value(static_cast<double>(trainer().steps()));
    w.key("epochs").value(static_cast<double>(trainer().epochs()));
    w.key("learning_rate").value(trainer().desc().optimizer.learning_rate);
    w.key("batch_size").value(trainer().desc().batch_size);
    w.key("train_points").value(trainer().data().train.size());
    w.key("train_loss").value(h.train_loss).key("test_loss").value(h.test_loss);
    w.key("train_accuracy").value(h.train_accuracy).key("test_accuracy").value(h.test_accuracy);
    w.key("status").value(status());
    w.key("error").value(error_);
    w.key("layers").begin_array();
    for (const int s : trainer().mlp().desc().sizes) w.value(s);
    w.end_array();
    w.key("first_weight").value(static_cast<double>(trainer().mlp().layers[0].W(0, 0)));
    // The last step's batch loss before its update: what PyTorch's loop prints (lecture 002's "progress").
    w.key("last_loss").value(static_cast<double>(trainer().last_loss()));
    // (How many moments the timeline keeps is not here: it depends on the way a run went, a branch
    // or a replay, not on where it is.)
    w.key("timeline").begin_object().key("viewing").value(view_ != nullptr).key("present_steps").value(static_cast<double>(trainer_->steps())).end_object();
    w.key("history_points").value(static_cast<int>(history_.size()));
    w.key("compare");
    if (!compare_) {
        w.null();
    } else {
        const Trainer& b = compare_->trainer();
        const HistoryPoint hb = measure_run(b);
        w.begin_object().key("state").value(CompareRun::live_text(compare_->state())).key("steps").value(static_cast<double>(b.steps()));
        w.key("train_loss").value(hb.train_loss).key("test_loss").value(hb.test_loss);
        w.key("train_accuracy").value(hb.train_accuracy).key("test_accuracy").value(hb.test_accuracy);
        w.key("first_weight").value(static_cast<double>(b.mlp().layers[0].W(0, 0)));
        w.key("history_points").value(static_cast<int>(compare_->history().size())).key("status").value(compare_->status()).end_object();
    }
    w.key("weights_from_file").value(weights_from_file_);
    w.key("points").begin_array();  // the first training points, so tests can aim the mouse at them
    for (int i = 0; i < std::min(5, raw_.train.size()); ++i)
        w.begin_array().value(static_cast<double>(raw_.train.X(i, 0))).value(raw_.train.X.cols() > 1 ? static_cast<double>(raw_.train.X(i, 1)) : 0.0).end_array();
    w.end_array();
    const NeuronTrace t = inspected();
    w.key("inspect");
    if (!t.valid) {
        w.null();
    } else {
        w.begin_object().key("sample").value(t.sample).key("layer").value(t.layer).key("unit").value(t.unit)
            .key("s").value(t.s).key("z").value(t.z).key("dz").value(t.dz).key("ds").value(t.ds);
        w.key("w").begin_array();
        for (const double v : t.w) w.value(v);
        w.end_array().key("dw_sample").begin_array();
        for (const double v : t.dw_sample) w.value(v);
        w.end_array().end_object();
    }
    w.end_object();
    return w.str();
}

}  // namespace nabla
