// Runs step together; each keeps its own optimizer state and its own seeded minibatch shuffle.
#include "lab/trajectory_lab.h"

#include <algorithm>
#include <cmath>

#include "lab/json_writer.h"
#include "lab/url_codec.h"

namespace nabla {

namespace {


// A run has diverged when it leaves any sensible neighbourhood of the surface: the loss or the
// parameters stop being finite, or grow by orders of magnitude over where the run started.
bool runaway(const LossSurface& s, Vec2 p, double loss, double start_loss) {
    if (!std::isfinite(loss) || !std::isfinite(p.x) || !std::isfinite(p.y)) return true;
    const View v = s.default_view();  // far outside the picture is far outside the problem
    if (std::fabs(p.x - 0.5 * (v.x0 + v.x1)) > 10 * (v.x1 - v.x0) || std::fabs(p.y - 0.5 * (v.y0 + v.y1)) > 10 * (v.y1 - v.y0)) return true;
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

std::string short_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

}  // namespace

// ---- state ----------------------------------------------------------------------------------

std::string TrajectoryState::validate() const {
    if (std::string e = surface.validate(); !e.empty()) return e;
    if (runs.empty() || runs.size() > kMaxRuns) return "between 1 and 6 runs";
    for (const RunSettings& r : runs) {
        if (!(std::isfinite(r.learning_rate) && r.learning_rate >= 1e-6 && r.learning_rate <= 10))
            return "each learning rate must be between 0.000001 and 10";
        if (r.batch < 1) return "the batch size must be at least 1";
        if (!(std::isfinite(r.start.x) && std::isfinite(r.start.y) && std::fabs(r.start.x) < 1e3 && std::fabs(r.start.y) < 1e3))
            return "start points must be finite and within ±1000";
        if (static_cast<int>(r.optimizer) < 0 || static_cast<int>(r.optimizer) > 4) return "no such optimizer";
        if (!(r.momentum >= 0 && r.momentum <= 0.999)) return "the momentum \xCE\xBC must be between 0 and 0.999";
    }
    return "";
}

std::string TrajectoryState::to_string() const {
    std::string runs_text;
    for (const RunSettings& r : runs)
        runs_text += (runs_text.empty() ? "" : ";") + std::string(optimizer_name(r.optimizer)) + ":" +
                     format_number(r.learning_rate) + ":" + std::to_string(r.batch) + ":" + format_number(r.start.x) + ":" +
                     format_number(r.start.y) + ":" + format_number(r.momentum);
    return "surface=" + std::string(surface_name(surface.kind)) + "&points=" + std::to_string(surface.points) +
           "&noise=" + url_encode(format_number(surface.noise)) + "&kappa=" + url_encode(format_number(surface.condition)) +
           "&seed=" + std::to_string(surface.seed) + "&sampling=" + std::to_string(sampling_seed) + "&runs=" + url_encode(runs_text);
}

namespace {

bool parse_run(const std::string& text, RunSettings& r, std::string& error) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t colon = std::min(text.find(':', start), text.size());
        parts.push_back(text.substr(start, colon - start));
        start = colon + 1;
    }
    // The sixth part, momentum μ, came later: links without it keep working with μ = 0.9.
    if (parts.size() != 5 && parts.size() != 6) return error = "a run reads optimizer:rate:batch:x:y:momentum, not '" + text + "'", false;
    int kind = -1;
    for (int i = 0; i < 5; ++i)
        if (parts[0] == optimizer_name(static_cast<OptimizerKind>(i))) kind = i;
    if (kind < 0) return error = "unknown optimizer '" + parts[0] + "'", false;
    r.optimizer = static_cast<OptimizerKind>(kind);
    double batch = 0;
    if (!parse_finite(parts[1], r.learning_rate) || !parse_finite(parts[2], batch) || batch != std::floor(batch) ||
        batch < 1 || batch > 100000 || !parse_finite(parts[3], r.start.x) || !parse_finite(parts[4], r.start.y))
        return error = "a run reads optimizer:rate:batch:x:y:momentum with numbers, not '" + text + "'", false;
    if (parts.size() == 6 && !parse_finite(parts[5], r.momentum))
        return error = "the momentum of a run must be a number, not '" + parts[5] + "'", false;
    r.batch = static_cast<int>(batch);
    return true;
}

}  // namespace

bool TrajectoryState::from_string(const std::string& text, TrajectoryState& out, std::string& error) {
    TrajectoryState s;
    s.runs.clear();
    for (const auto& [key, raw] : split_query(text)) {
        std::string v;
        if (!url_decode(raw, v)) return error = "bad %-escape in '" + key + "'", false;
        double number = 0;
        const bool numeric = parse_finite(v, number);
        const bool whole = numeric && number == std::floor(number) && number >= 0 && number <= (1L << 30);
        if (key == "surface") {
            int kind = -1;
            for (int i = 0; i < kSurfaceCount; ++i)
                if (v == surface_name(static_cast<SurfaceKind>(i))) kind = i;
            if (kind < 0) return error = "unknown surface '" + v + "'", false;
            s.surface.kind = static_cast<SurfaceKind>(kind);
        } else if (key == "points" || key == "seed" || key == "sampling") {
            if (!whole) return error = key + " must be a whole number, not '" + v + "'", false;
            if (key == "points") s.surface.points = static_cast<int>(number);
            else (key == "seed" ? s.surface.seed : s.sampling_seed) = static_cast<std::uint64_t>(number);
        } else if (key == "noise" || key == "kappa") {
            if (!numeric) return error = key + " must be a number, not '" + v + "'", false;
            (key == "noise" ? s.surface.noise : s.surface.condition) = number;
        } else if (key == "runs") {
            size_t start = 0;
            while (start <= v.size()) {
                const size_t semi = std::min(v.find(';', start), v.size());
                RunSettings r;
                if (!parse_run(v.substr(start, semi - start), r, error)) return false;
                s.runs.push_back(r);
                if (s.runs.size() > kMaxRuns) return error = "at most 6 runs", false;
                start = semi + 1;
            }
        } else {
            return error = "unknown setting '" + key + "'", false;
        }
    }
    if (std::string e = s.validate(); !e.empty()) return error = e, false;
    out = s;
    return true;
}

// ---- presets --------------------------------------------------------------------------------

const std::vector<std::string>& TrajectoryLab::preset_names() {
    static const std::vector<std::string> names = {"gd-sgd-minibatch", "large-lr", "momentum-bowl"};
    return names;
}

const char* TrajectoryLab::preset_title(const std::string& name) {
    if (name == "gd-sgd-minibatch") return "GD vs SGD vs minibatch";
    if (name == "large-lr") return "Too large a learning rate";
    if (name == "momentum-bowl") return "Momentum on an ill-conditioned bowl";
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
        return error_ = "no preset named '" + name + "'", false;
    }
    return set_state(s);
}

// ---- the lab --------------------------------------------------------------------------------

TrajectoryLab::TrajectoryLab() { load_preset("gd-sgd-minibatch"); }

bool TrajectoryLab::set_state(const TrajectoryState& next) {
    if (std::string e = next.validate(); !e.empty()) return error_ = e, false;
    state_ = next;
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
    if (!tr.diverged.empty() || static_cast<int>(tr.path.size()) > kMaxPathSteps) return;
    const Vec2 p = tr.path.back();
    double w[2] = {p.x, p.y};
    const double g[2] = {tr.batch_gradient.x, tr.batch_gradient.y};
    apply_update(settings_of(i), ++run.t, w, g, run.m.data(), run.r.data(), 2);
    const Vec2 next{w[0], w[1]};
    const double loss = surface_->loss(next);
    if (runaway(*surface_, next, loss, tr.loss.front())) {
        const double lr = state_.runs[i].learning_rate, curvature = top_curvature(*surface_, state_.runs[i].start);
        tr.diverged = "diverged at step " + std::to_string(run.t) + ": the loss went from " + short_number(tr.loss.front()) +
                      " to " + (std::isfinite(loss) ? short_number(loss) : std::string("infinity")) + ". The learning rate " +
                      short_number(lr) + " is too large here";
        if (curvature > 0) tr.diverged += " (plain gradient descent needs \xCE\xB7 < 2/\xCE\xBBmax = " + short_number(2 / curvature) + " at the start)";
        tr.diverged += "; lower it, then Reset.";
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

bool TrajectoryLab::set_learning_rate(int i, double lr) {
    if (i < 0 || i >= run_count()) return error_ = "no run " + std::to_string(i + 1), false;
    if (!(std::isfinite(lr) && lr >= 1e-6 && lr <= 10)) return error_ = "the learning rate must be between 0.000001 and 10", false;
    state_.runs[i].learning_rate = lr;
    preview(i);
    return true;
}

bool TrajectoryLab::set_batch(int i, int batch) {
    if (i < 0 || i >= run_count()) return error_ = "no run " + std::to_string(i + 1), false;
    if (batch < 1 || batch > surface_->size())
        return error_ = "the batch size must be between 1 and " + std::to_string(surface_->size()), false;
    state_.runs[i].batch = batch;
    draw_batch(i);  // the next step already uses the new size
    preview(i);
    return true;
}

bool TrajectoryLab::set_optimizer(int i, OptimizerKind kind) {
    if (i < 0 || i >= run_count()) return error_ = "no run " + std::to_string(i + 1), false;
    if (static_cast<int>(kind) < 0 || static_cast<int>(kind) > 4) return error_ = "no such optimizer", false;
    if (state_.runs[i].optimizer != kind) {  // a new rule starts with fresh velocity / moments
        state_.runs[i].optimizer = kind;
        runs_[i].m.assign(2, 0.0);
        runs_[i].r.assign(2, 0.0);
        runs_[i].t = 0;
    }
    preview(i);
    return true;
}

bool TrajectoryLab::set_momentum(int i, double mu) {
    if (i < 0 || i >= run_count()) return error_ = "no run " + std::to_string(i + 1), false;
    if (!(std::isfinite(mu) && mu >= 0 && mu <= 0.999)) return error_ = "the momentum \xCE\xBC must be between 0 and 0.999", false;
    state_.runs[i].momentum = mu;
    preview(i);
    return true;
}

bool TrajectoryLab::apply(const TrajectoryCommand& c) {
    const int run = c.run < 0 ? selected_ : c.run;
    bool ok = true;
    switch (c.kind) {
        case TrajectoryCommand::Play: playing_ = true; break;
        case TrajectoryCommand::Pause: playing_ = false; break;
        case TrajectoryCommand::Step: {
            const double n = c.value <= 0 ? 1 : c.value;
            if (!(n >= 1 && n <= 100000 && n == std::floor(n))) return error_ = "steps must be a whole number from 1 to 100000", false;
            step(static_cast<int>(n));
            break;
        }
        case TrajectoryCommand::Reset: reset(); break;
        case TrajectoryCommand::Preset: ok = load_preset(c.text); break;
        case TrajectoryCommand::Surface: {
            TrajectoryState next = state_;
            const bool kind_changed = next.surface.kind != c.surface.kind;
            next.surface = c.surface;
            if (std::string e = next.surface.validate(); !e.empty()) return error_ = e, false;
            const LossSurface fresh(next.surface);
            for (RunSettings& r : next.runs) {
                if (kind_changed) r.start = fresh.default_start();
                if (r.batch >= state_.surface.points || r.batch > fresh.size()) r.batch = fresh.size();  // full batch stays full
            }
            ok = set_state(next);
            break;
        }
        case TrajectoryCommand::Start: {
            if (!(std::isfinite(c.point.x) && std::isfinite(c.point.y) && std::fabs(c.point.x) < 1e3 && std::fabs(c.point.y) < 1e3))
                return error_ = "the start point must be finite and within ±1000", false;
            TrajectoryState next = state_;
            for (int i = 0; i < run_count(); ++i)
                if (c.run < 0 || c.run == i) next.runs[i].start = c.point;
            ok = set_state(next);
            break;
        }
        case TrajectoryCommand::LearningRate: ok = set_learning_rate(run, c.value); break;
        case TrajectoryCommand::Batch:
            if (!(c.value == std::floor(c.value))) return error_ = "the batch size must be a whole number", false;
            ok = set_batch(run, static_cast<int>(c.value));
            break;
        case TrajectoryCommand::Optimizer: ok = set_optimizer(run, static_cast<OptimizerKind>(static_cast<int>(c.value))); break;
        case TrajectoryCommand::Momentum: ok = set_momentum(run, c.value); break;
        case TrajectoryCommand::AddRun: {
            if (run_count() >= kMaxRuns) return error_ = "at most 6 runs at once", false;
            TrajectoryState next = state_;
            next.runs.push_back(state_.runs[selected_]);
            ok = set_state(next);
            if (ok) selected_ = run_count() - 1;
            break;
        }
        case TrajectoryCommand::RemoveRun: {
            if (run_count() <= 1) return error_ = "the last run cannot be removed", false;
            if (run < 0 || run >= run_count()) return error_ = "no run " + std::to_string(run + 1), false;
            TrajectoryState next = state_;
            next.runs.erase(next.runs.begin() + run);
            ok = set_state(next);
            break;
        }
        case TrajectoryCommand::SelectRun:
            if (run < 0 || run >= run_count()) return error_ = "no run " + std::to_string(run + 1), false;
            selected_ = run;
            break;
        case TrajectoryCommand::LoadState: {
            TrajectoryState next;
            std::string why;
            if (!TrajectoryState::from_string(c.text, next, why)) return error_ = "cannot read the link: " + why, false;
            ok = set_state(next);
            break;
        }
    }
    if (ok) error_.clear();
    return ok;
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
    w.key("surface").value(surface_name(state_.surface.kind));
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
        w.key("optimizer").value(optimizer_name(s.optimizer));
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
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str();
}

}  // namespace nabla
