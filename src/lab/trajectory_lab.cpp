// Runs step together; each keeps its own optimizer state and its own seeded minibatch shuffle.
#include "lab/trajectory_lab.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "engine/i18n.h"
#include "lab/json_writer.h"
#include "lab/url_codec.h"

namespace nabla {

namespace {


// A run has diverged when its loss says so: it stops being finite (or the parameters do), or it
// grows by orders of magnitude over where the run started. Where the run is does not count: a start
// far from the minimum (999, 0) with a small learning rate walks in, its loss falling all the way.
bool runaway(const LossSurface& s, Vec2 p, double loss, double start_loss) {
    if (!std::isfinite(loss) || !std::isfinite(p.x) || !std::isfinite(p.y)) return true;
    const double excess = loss - s.minimum_loss(), start_excess = start_loss - s.minimum_loss();
    return excess > 1e4 * std::max(start_excess, 1e-3) + 1e3;
}

// The largest curvature at p (the Hessian's top eigenvalue, from central differences of the
// gradient): plain gradient descent is stable near p only for η < 2 / λmax.
double top_curvature(const LossSurface& s, Vec2 p) {
    const double h = 1e-5 * std::max(1.0, std::hypot(p.x, p.y));
    const Vec2 gx0 = s.gradient({p.x - h, p.y}), gx1 = s.gradient({p.x + h, p.y});
    const Vec2 gy0 = s.gradient({p.x, p.y - h}), gy1 = s.gradient({p.x, p.y + h});
    const double a = (gx1.x - gx0.x) / (2 * h), d = (gy1.y - gy0.y) / (2 * h);
    const double b = 0.5 * ((gx1.y - gx0.y) + (gy1.x - gy0.x)) / (2 * h);
    return 0.5 * (a + d) + std::sqrt(0.25 * (a - d) * (a - d) + b * b);
}

}  // namespace

// ---- presets --------------------------------------------------------------------------------

const std::vector<std::string>& TrajectoryLab::preset_names() {
    static const std::vector<std::string> names = {"gd-sgd-minibatch", "large-lr", "momentum-bowl"};
    return names;
}

const char* TrajectoryLab::preset_title(const std::string& name) {
    if (name == "gd-sgd-minibatch") return tr("GD vs SGD vs minibatch");
    if (name == "large-lr") return tr("Too large a learning rate");
    if (name == "momentum-bowl") return tr("Momentum on an ill-conditioned bowl");
    return "?";
}

bool TrajectoryLab::load_preset(const std::string& name) {
    TrajectoryState s;
    auto run = [](OptimizerKind k, double lr, int batch, Vec2 start) { return RunSettings{k, lr, batch, start}; };
    if (name == "gd-sgd-minibatch") {
        // Lecture 000, Figure 3: same start, same learning rate; one sample, eight, all of them.
        s.surface = {SurfaceKind::LinearRegression, 32, 0.5, 10, 1};
        const Vec2 start{-0.5, 2.5};
        s.runs = {run(OptimizerKind::SGD, 0.05, 1, start), run(OptimizerKind::SGD, 0.05, 8, start),
                  run(OptimizerKind::SGD, 0.05, 32, start)};
    } else if (name == "large-lr") {
        // Curvatures 1 and 10: gradient descent is stable for η < 2/10. Below, near, above.
        s.surface = {SurfaceKind::Bowl, 32, 0.5, 10, 1};
        const Vec2 start{-2.5, 1.5};
        s.runs = {run(OptimizerKind::SGD, 0.05, 1, start), run(OptimizerKind::SGD, 0.18, 1, start),
                  run(OptimizerKind::SGD, 0.22, 1, start)};
    } else if (name == "momentum-bowl") {
        // κ = 50: gradient descent must keep η < 2/50 for the steep direction and then crawls along
        // the shallow one; momentum (μ = 0.9) builds up speed there with a third of the rate.
        s.surface = {SurfaceKind::Bowl, 32, 0.5, 50, 1};
        const Vec2 start{-2.8, 1.0};
        s.runs = {run(OptimizerKind::SGD, 0.035, 1, start), run(OptimizerKind::Momentum, 0.01, 1, start),
                  run(OptimizerKind::Nesterov, 0.01, 1, start), run(OptimizerKind::Adam, 0.1, 1, start)};
    } else {
        return error_ = trf("no preset named '%s'", name.c_str()), false;
    }
    return set_state(s);
}

// ---- the lab --------------------------------------------------------------------------------

TrajectoryLab::TrajectoryLab() { load_preset("gd-sgd-minibatch"); }

bool TrajectoryLab::set_state(const TrajectoryState& next) {
    if (std::string e = next.validate(); !e.empty()) return error_ = e, false;
    state_ = next;
    start_ = next;
    journal_.clear();
    surface_ = std::make_unique<LossSurface>(state_.surface);
    runs_.assign(state_.runs.size(), Run{});
    selected_ = std::min(selected_, run_count() - 1);
    reset();
    error_.clear();
    return true;
}

void TrajectoryLab::reset() {
    for (int i = 0; i < run_count(); ++i) restart(i);
    steps_ = 0;
    start_ = state_;  // the runs start again with the settings as they are now
    journal_.clear();
}

// ---- links that replay (lab/replay.h) -------------------------------------------------------

std::string TrajectoryLab::link() const {
    ReplayPlan plan;
    plan.steps = steps_;
    plan.changes = journal_;
    if (selected_ > 0) plan.pick = std::to_string(selected_);
    return start_.to_string() + encode_replay(plan);
}

namespace {

// "2.lr" -> run 2, the row "lr" (a live row: a new start restarts the runs, so it is never a change).
const Setting<RunSettings>* change_row(const std::string& key, int runs, int& run) {
    const size_t dot = key.find('.');
    double r = -1;
    if (dot == std::string::npos || !parse_finite(key.substr(0, dot), r) || r < 0 || r >= runs || r != std::floor(r)) return nullptr;
    run = static_cast<int>(r);
    const std::string name = key.substr(dot + 1);
    if (name == "x" || name == "y") return nullptr;
    return run_settings().find(name.c_str());
}

}  // namespace

bool TrajectoryLab::load(const std::string& text) {
    std::string rest, why;
    ReplayPlan plan;
    TrajectoryState next;
    if (!split_replay(text, rest, plan, why) || !TrajectoryState::from_string(rest, next, why))
        return error_ = trf("cannot read the link: %s", why.c_str()), false;
    std::vector<std::pair<int, double>> values;  // run and value of each change, read before anything changes
    for (const LiveChange& c : plan.changes) {
        int run = -1;
        const Setting<RunSettings>* row = change_row(c.key, static_cast<int>(next.runs.size()), run);
        if (!row) return error_ = trf("cannot read the link: %s", trf("'%s' cannot change during training", c.key.c_str()).c_str()), false;
        RunSettings probe = next.runs[static_cast<size_t>(run)];
        if (!read_setting(*row, c.value, probe, why)) return error_ = trf("cannot read the link: %s", why.c_str()), false;
        values.emplace_back(run, row->get(probe));
    }
    double pick = 0;
    if (!plan.pick.empty() && (!parse_finite(plan.pick, pick) || pick < 0 || pick >= static_cast<double>(next.runs.size())))
        return error_ = trf("cannot read the link: %s", trf("no run %d", static_cast<int>(pick) + 1).c_str()), false;
    if (!set_state(next)) return false;
    // Two-parameter steps are cheap: the whole replay at once (runs stop at their step limit).
    for (size_t k = 0; k < plan.changes.size(); ++k) {
        step(static_cast<int>(plan.changes[k].step - steps_));
        int run = 0;
        const std::string key = plan.changes[k].key;
        if (!apply_run_setting(values[k].first, *change_row(key, run_count(), run), values[k].second)) return false;
    }
    step(static_cast<int>(plan.steps - steps_));
    selected_ = static_cast<int>(pick);
    playing_ = false;
    return true;
}

void TrajectoryLab::restart(int i) {
    Run& run = runs_[i];
    const Vec2 start = state_.runs[i].start;
    run.trace = RunTrace{};
    run.trace.path = {start};
    run.trace.loss = {surface_->loss(start)};
    run.m.assign(2, 0.0);
    run.r.assign(2, 0.0);
    run.t = 0;
    run.rng.reseed(state_.sampling_seed * 7919 + static_cast<std::uint64_t>(i));
    run.order.resize(surface_->data_driven() ? surface_->size() : 0);
    for (size_t k = 0; k < run.order.size(); ++k) run.order[k] = static_cast<int>(k);
    run.cursor = run.order.size();  // shuffle before the first batch
    draw_batch(i);
    preview(i);
}

int TrajectoryLab::batch_of(int i) const { return std::min(state_.runs[i].batch, surface_->size()); }

OptimizerSettings TrajectoryLab::settings_of(int i) const {
    OptimizerSettings s;
    s.kind = state_.runs[i].optimizer;
    s.learning_rate = state_.runs[i].learning_rate;
    s.momentum = state_.runs[i].momentum;
    return s;
}

// Epochs of a seeded shuffle, as a data loader does (the last incomplete batch is dropped).
// A batch of every sample is every sample in order, so its gradient is the full gradient exactly.
void TrajectoryLab::draw_batch(int i) {
    Run& run = runs_[i];
    std::vector<int>& batch = run.trace.next_batch;
    batch.clear();
    if (!surface_->data_driven()) return;
    const int b = batch_of(i);
    if (b >= surface_->size()) {
        for (int k = 0; k < surface_->size(); ++k) batch.push_back(k);
        return;
    }
    if (run.cursor + b > run.order.size()) {
        for (size_t k = run.order.size() - 1; k > 0; --k)
            std::swap(run.order[k], run.order[run.rng.below(static_cast<std::uint32_t>(k + 1))]);
        run.cursor = 0;
    }
    batch.assign(run.order.begin() + static_cast<long>(run.cursor), run.order.begin() + static_cast<long>(run.cursor + b));
    std::sort(batch.begin(), batch.end());
    run.cursor += b;
}

void TrajectoryLab::preview(int i) {
    Run& run = runs_[i];
    RunTrace& tr = run.trace;
    const Vec2 p = tr.path.back();
    tr.full_gradient = surface_->gradient(p);
    tr.batch_gradient = surface_->batch_gradient(p, tr.next_batch);
    double w[2] = {p.x, p.y}, m[2] = {run.m[0], run.m[1]}, r[2] = {run.r[0], run.r[1]};
    const double g[2] = {tr.batch_gradient.x, tr.batch_gradient.y};
    apply_update(settings_of(i), run.t + 1, w, g, m, r, 2);
    tr.next_step = {w[0] - p.x, w[1] - p.y};
}

void TrajectoryLab::step_run(int i) {
    Run& run = runs_[i];
    RunTrace& tr = run.trace;
    if (!tr.diverged.empty() || !tr.stopped.empty()) return;
    if (static_cast<int>(tr.path.size()) > kMaxPathSteps) {  // a run's memory is bounded: say so, do not just stop
        tr.stopped = trf("stopped at its limit of %d steps; Reset to run it again", kMaxPathSteps);
        return;
    }
    const Vec2 p = tr.path.back();
    double w[2] = {p.x, p.y};
    const double g[2] = {tr.batch_gradient.x, tr.batch_gradient.y};
    apply_update(settings_of(i), ++run.t, w, g, run.m.data(), run.r.data(), 2);
    const Vec2 next{w[0], w[1]};
    const double loss = surface_->loss(next);
    if (runaway(*surface_, next, loss, tr.loss.front())) {
        const double lr = state_.runs[i].learning_rate, curvature = top_curvature(*surface_, state_.runs[i].start);
        // `tr` here is the run's trace: nabla::tr is the translation.
        const std::string from = short_number(tr.loss.front(), 3), to = std::isfinite(loss) ? short_number(loss, 3) : nabla::tr("infinity");
        tr.diverged = curvature > 0 ? trf("diverged at step %ld: the loss went from %s to %s. The learning rate %s is too large here (plain gradient descent needs \xCE\xB7 < 2/\xCE\xBBmax = %s at the start); lower it, then Reset.",
                                          run.t, from.c_str(), to.c_str(), short_number(lr, 3).c_str(), short_number(2 / curvature, 3).c_str())
                                    : trf("diverged at step %ld: the loss went from %s to %s. The learning rate %s is too large here; lower it, then Reset.",
                                          run.t, from.c_str(), to.c_str(), short_number(lr, 3).c_str());
        return;
    }
    tr.length += std::hypot(next.x - p.x, next.y - p.y);
    tr.path.push_back(next);
    tr.loss.push_back(loss);
    draw_batch(i);
    preview(i);
}

void TrajectoryLab::step(int steps) {
    for (int s = 0; s < steps; ++s) {
        for (int i = 0; i < run_count(); ++i) step_run(i);
        ++steps_;
    }
}

bool TrajectoryLab::apply_run_setting(int i, const Setting<RunSettings>& row, double value) {
    if (i < 0 || i >= run_count()) return error_ = trf("no run %d", i + 1), false;
    RunSettings next = state_.runs[i];
    if (!set_setting(row, value, next, error_)) return false;
    if (next.batch > surface_->size())
        return error_ = trf("the batch size must be between %s and %s", plain_number(1).c_str(), plain_number(surface_->size()).c_str()), false;
    if (next.start.x != state_.runs[i].start.x || next.start.y != state_.runs[i].start.y) {  // a new start restarts
        TrajectoryState s = state_;
        s.runs[i] = next;
        return set_state(s);
    }
    RunSettings& r = state_.runs[i];
    if (steps_ == 0) start_.runs[i] = next;  // before the first step: how the run starts
    else note_change(journal_, steps_, std::to_string(i) + "." + row.key, setting_text(row, next));
    if (next.optimizer != r.optimizer) {  // a new rule starts with fresh velocity / moments
        runs_[i].m.assign(2, 0.0);
        runs_[i].r.assign(2, 0.0);
        runs_[i].t = 0;
    }
    const bool new_batch = next.batch != r.batch;
    r = next;
    if (new_batch) draw_batch(i);  // the next step already uses the new size
    preview(i);
    return true;
}

bool TrajectoryLab::set(int run, const std::string& key, double value) {
    const Setting<RunSettings>* row = run_settings().find(key);
    if (!row) return error_ = trf("no run setting named '%s'", key.c_str()), false;
    return apply_run_setting(run, *row, value);
}

bool TrajectoryLab::apply(const TrajectoryCommand& command) {
    using namespace trajectory;
    const bool ok = std::visit(
        [this](const auto& c) -> bool {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, Play>) {
                playing_ = true;
            } else if constexpr (std::is_same_v<C, Pause>) {
                playing_ = false;
            } else if constexpr (std::is_same_v<C, Step>) {
                step(c.steps);
            } else if constexpr (std::is_same_v<C, Reset>) {
                reset();
            } else if constexpr (std::is_same_v<C, Preset>) {
                return load_preset(c.name);
            } else if constexpr (std::is_same_v<C, Surface>) {
                TrajectoryState next = state_;
                const bool kind_changed = next.surface.kind != c.settings.kind;
                next.surface = c.settings;
                if (std::string e = next.surface.validate(); !e.empty()) return error_ = e, false;
                const LossSurface fresh(next.surface);
                for (RunSettings& r : next.runs) {
                    if (kind_changed) r.start = fresh.default_start();
                    if (r.batch >= state_.surface.points || r.batch > fresh.size()) r.batch = fresh.size();  // full batch stays full
                }
                return set_state(next);
            } else if constexpr (std::is_same_v<C, Start>) {
                TrajectoryState next = state_;
                for (int i = 0; i < run_count(); ++i)
                    if (c.run < 0 || c.run == i) next.runs[i].start = c.point;
                return set_state(next);
            } else if constexpr (std::is_same_v<C, Set>) {
                return apply_run_setting(c.run < 0 ? selected_ : c.run, *c.setting, c.value);
            } else if constexpr (std::is_same_v<C, AddRun>) {
                if (run_count() >= kMaxRuns) return error_ = trf("at most %d runs at once", kMaxRuns), false;
                TrajectoryState next = state_;
                next.runs.push_back(state_.runs[selected_]);
                if (!set_state(next)) return false;
                selected_ = run_count() - 1;
            } else if constexpr (std::is_same_v<C, RemoveRun>) {
                if (run_count() <= 1) return error_ = tr("the last run cannot be removed"), false;
                if (c.run < 0 || c.run >= run_count()) return error_ = trf("no run %d", c.run + 1), false;
                TrajectoryState next = state_;
                next.runs.erase(next.runs.begin() + c.run);
                return set_state(next);
            } else if constexpr (std::is_same_v<C, SelectRun>) {
                if (c.run < 0 || c.run >= run_count()) return error_ = trf("no run %d", c.run + 1), false;
                selected_ = c.run;
            } else {
                static_assert(std::is_same_v<C, LoadState>);
                return load(c.text);
            }
            return true;
        },
        command);
    if (ok) error_.clear();
    return ok;
}

bool TrajectoryLab::nav_command(Nav nav, TrajectoryCommand& out) const {
    using namespace trajectory;
    switch (nav) {
        case Nav::Next: out = Step{1}; return true;
        case Nav::First: out = Reset{}; return true;
        case Nav::RunPause: out = playing_ ? TrajectoryCommand{Pause{}} : TrajectoryCommand{Play{}}; return true;
        case Nav::Back:
        case Nav::Last: return false;
    }
    return false;
}

bool TrajectoryLab::parse_command(const std::string& kind, const std::string& text, double value, TrajectoryCommand& out,
                                  std::string& error) {
    using namespace trajectory;
    // Commands about one run name it as text: "0" to "5".
    auto run = [&](int& into) {
        double r = 0;
        if (!parse_finite(text, r) || r != std::floor(r) || r < 0 || r >= kMaxRuns)
            return error = "name the run as text: 0 to " + std::to_string(kMaxRuns - 1), false;
        into = static_cast<int>(r);
        return true;
    };
    int r = 0;
    if (kind == "play") out = Play{};
    else if (kind == "pause") out = Pause{};
    else if (kind == "reset") out = Reset{};
    else if (kind == "preset") out = Preset{text};
    else if (kind == "state") out = LoadState{text};
    else if (kind == "add_run") out = AddRun{};
    else if (kind == "step") {
        const double n = value <= 0 ? 1 : value;
        if (!(kStepsPerCommand.contains(n) && n == std::floor(n)))
            return error = "steps must be a whole number " + between(kStepsPerCommand), false;
        out = Step{static_cast<int>(n)};
    } else if (kind == "select" || kind == "remove_run") {
        if (!run(r)) return false;
        if (kind == "select") out = SelectRun{r};
        else out = RemoveRun{r};
    } else if (const Setting<RunSettings>* row = run_settings().find(kind)) {
        if (!run(r)) return false;
        out = Set{r, row, value};
    } else {
        return error = "no command named '" + kind + "'", false;
    }
    return true;
}

const std::vector<double>& TrajectoryLab::grid(const View& view, int side) const {
    const std::string key = state_.surface.key();  // the grid depends on the surface only, not on the runs
    if (side == grid_side_ && key == grid_surface_ && view.x0 == grid_view_.x0 && view.x1 == grid_view_.x1 &&
        view.y0 == grid_view_.y0 && view.y1 == grid_view_.y1)
        return grid_;
    grid_.resize(static_cast<size_t>(side) * side);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            const Vec2 p{view.x0 + (view.x1 - view.x0) * (c + 0.5) / side, view.y1 - (view.y1 - view.y0) * (r + 0.5) / side};
            grid_[static_cast<size_t>(r) * side + c] = surface_->loss(p);
        }
    grid_side_ = side, grid_surface_ = key, grid_view_ = view;
    return grid_;
}

std::string TrajectoryLab::to_json() const {
    JsonWriter w;
    w.begin_object();
    w.key("state").value(state_.to_string());
    w.key("surface").value(enum_key(state_.surface.kind));
    w.key("samples").value(surface_->size());
    w.key("minimum").begin_array().value(surface_->minimum().x).value(surface_->minimum().y).end_array();
    w.key("minimum_loss").value(surface_->minimum_loss());
    w.key("steps").value(static_cast<double>(steps_));
    w.key("playing").value(playing_);
    w.key("selected").value(selected_);
    w.key("error").value(error_);
    w.key("runs").begin_array();
    for (int i = 0; i < run_count(); ++i) {
        const RunTrace& t = runs_[i].trace;
        const RunSettings& s = state_.runs[i];
        w.begin_object();
        w.key("optimizer").value(enum_key(s.optimizer));
        w.key("learning_rate").value(s.learning_rate);
        w.key("batch").value(batch_of(i));
        w.key("momentum").value(s.momentum);
        w.key("start").begin_array().value(s.start.x).value(s.start.y).end_array();
        w.key("position").begin_array().value(t.path.back().x).value(t.path.back().y).end_array();
        w.key("loss").value(t.loss.back());
        w.key("path_points").value(static_cast<int>(t.path.size()));
        w.key("length").value(t.length);
        w.key("full_gradient").begin_array().value(t.full_gradient.x).value(t.full_gradient.y).end_array();
        w.key("batch_gradient").begin_array().value(t.batch_gradient.x).value(t.batch_gradient.y).end_array();
        w.key("diverged").value(t.diverged);
        w.key("stopped").value(t.stopped);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str();
}

}  // namespace nabla
