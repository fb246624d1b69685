#include "lab/replay.h"

#include <cmath>

#include "engine/i18n.h"
#include "lab/url_codec.h"

namespace nabla {

std::string encode_replay(const ReplayPlan& plan) {
    std::string out;
    if (plan.steps > 0) out += "&steps=" + std::to_string(plan.steps);
    if (!plan.changes.empty()) {
        out += "&live=";
        for (size_t i = 0; i < plan.changes.size(); ++i) {
            const LiveChange& c = plan.changes[i];
            out += (i ? "," : "") + std::to_string(c.step) + ":" + c.key + ":" + link_encode(c.value);
        }
    }
    if (!plan.pick.empty()) out += "&pick=" + plan.pick;
    return out;
}

namespace {

bool read_step(const std::string& text, long& out) {
    double v = 0;
    if (!parse_finite(text, v) || v < 0 || v > kMaxReplaySteps || v != std::floor(v)) return false;
    out = static_cast<long>(v);
    return true;
}

}  // namespace

bool split_replay(const std::string& link, std::string& rest, ReplayPlan& plan, std::string& error) {
    plan = ReplayPlan{};
    rest.clear();
    bool have_steps = false;
    for (const std::string& part : split_list(link, '&')) {
        const size_t eq = part.find('=');
        const std::string key = part.substr(0, eq), value = eq == std::string::npos ? "" : part.substr(eq + 1);
        if (key == "steps") {
            if (!read_step(value, plan.steps))
                return error = trf("steps must be a whole number from 0 to %ld, not '%s'", kMaxReplaySteps, value.c_str()), false;
            have_steps = true;
        } else if (key == "live") {
            for (const std::string& item : split_list(value, ',')) {
                const std::vector<std::string> f = split_list(item, ':');
                LiveChange c;
                if (f.size() != 3 || !read_step(f[0], c.step) || f[1].empty() || !url_decode(f[2], c.value))
                    return error = trf("a live change must read step:setting:value, not '%s'", item.c_str()), false;
                if (!plan.changes.empty() && c.step < plan.changes.back().step)
                    return error = trf("live changes must be in step order ('%s')", item.c_str()), false;
                if (plan.changes.size() >= kMaxLiveChanges) return error = trf("more than %d live changes", static_cast<int>(kMaxLiveChanges)), false;
                c.key = f[1];
                plan.changes.push_back(std::move(c));
            }
        } else if (key == "pick") {
            plan.pick = value;
        } else {
            rest += (rest.empty() ? "" : "&") + part;
        }
    }
    if (!plan.changes.empty() && have_steps && plan.changes.back().step > plan.steps)
        return error = trf("a live change at step %ld is past the run's %ld steps", plan.changes.back().step, plan.steps), false;
    if (!have_steps && !plan.changes.empty()) plan.steps = plan.changes.back().step;
    return true;
}

bool note_change(std::vector<LiveChange>& journal, long step, const std::string& key, const std::string& value) {
    if (!journal.empty() && journal.back().step == step && journal.back().key == key) {
        journal.back().value = value;
        return true;
    }
    if (journal.size() >= kMaxLiveChanges) return false;
    journal.push_back({step, key, value});
    return true;
}

}  // namespace nabla
