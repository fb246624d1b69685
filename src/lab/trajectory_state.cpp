// The trajectory lab's two tables: the lab's settings, and a run's fields (written "opt:lr:batch:x:y:mu").
#include "lab/trajectory_state.h"

#include "engine/i18n.h"

namespace nabla {

namespace {

using R = RunSettings;
constexpr Range kStartRange{-1000, 1000};  // either coordinate of a run's start
const Setting<R> kRunRows[] = {
    choice<R, &R::optimizer>("optimizer", "optimizer"),
    number<R, &R::learning_rate>("lr", "the learning rate", {1e-6, 10}).slider({1e-4, 2}).log(),
    whole<R, &R::batch>("batch", "the batch size", {1, 100000}),
    number<R, &R::start, &Vec2::x>("x", "the start's x", kStartRange),
    number<R, &R::start, &Vec2::y>("y", "the start's y", kStartRange),
    number<R, &R::momentum>("momentum", "the momentum \xCE\xBC", {0, 0.999}).slider({0, 0.99}),
};
const SettingTable<R> kRunTable = table_of(kRunRows);

std::string write_run(const RunSettings& r) {
    std::string out;
    for (const Setting<R>& row : kRunTable) out += (out.empty() ? "" : ":") + setting_text(row, r);
    return out;
}

// The last field, momentum μ, came later: links without it keep working with μ = 0.9.
bool read_run(const std::string& text, RunSettings& r, std::string& error) {
    const std::vector<std::string> parts = split_list(text, ':');
    if (parts.size() != kRunTable.count && parts.size() != kRunTable.count - 1)
        return error = trf("a run reads optimizer:rate:batch:x:y:momentum, not '%s'", text.c_str()), false;
    for (size_t i = 0; i < parts.size(); ++i)
        if (!read_setting(kRunTable.rows[i], parts[i], r, error)) return error = trf("in the run '%s': %s", text.c_str(), error.c_str()), false;
    return true;
}

using S = TrajectoryState;

std::string write_runs(const S& s) {
    std::string out;
    for (const RunSettings& r : s.runs) out += (out.empty() ? "" : ";") + write_run(r);
    return out;
}

bool read_runs(const std::string& v, S& s, std::string& error) {
    s.runs.clear();
    for (const std::string& text : split_list(v, ';')) {
        RunSettings r;
        if (!read_run(text, r, error)) return false;
        s.runs.push_back(r);
        if (s.runs.size() > kMaxRuns) return error = trf("at most %d runs", kMaxRuns), false;
    }
    return true;
}

std::string check_runs(const S& s) {
    if (s.runs.empty() || s.runs.size() > kMaxRuns) return trf("between 1 and %d runs", kMaxRuns);
    for (const RunSettings& r : s.runs)
        if (std::string e = check_settings(kRunTable, r); !e.empty()) return e;
    return "";
}

const Setting<S> kRows[] = {
    choice<S, &S::surface, &SurfaceSettings::kind>("surface", "surface"),
    whole<S, &S::surface, &SurfaceSettings::points>("points", "the number of samples", SurfaceSettings::points_range).slider({4, 200}),
    number<S, &S::surface, &SurfaceSettings::noise>("noise", "noise", SurfaceSettings::noise_range).slider({0, 2}),
    number<S, &S::surface, &SurfaceSettings::condition>("kappa", "the condition number \xCE\xBA", SurfaceSettings::condition_range)
        .slider({1, 200})
        .log(),
    whole<S, &S::surface, &SurfaceSettings::seed>("seed", "the data's seed", kSeedRange),
    whole<S, &S::sampling_seed>("sampling", "the sampling seed", kSeedRange),
    text<S>("runs", "the runs", write_runs, read_runs, check_runs),
};
const SettingTable<S> kTable = table_of(kRows);

}  // namespace

const SettingTable<TrajectoryState>& trajectory_settings() { return kTable; }
const SettingTable<RunSettings>& run_settings() { return kRunTable; }

std::string TrajectoryState::validate() const {
    if (std::string e = surface.validate(); !e.empty()) return e;
    return check_settings(kTable, *this);
}

std::string TrajectoryState::to_string() const { return encode_settings(kTable, *this); }

bool TrajectoryState::from_string(const std::string& text, TrajectoryState& out, std::string& error) {
    TrajectoryState s;
    s.runs.clear();
    if (!decode_settings(kTable, text, s, error)) return false;
    if (std::string e = s.validate(); !e.empty()) return error = e, false;
    out = s;
    return true;
}

}  // namespace nabla
