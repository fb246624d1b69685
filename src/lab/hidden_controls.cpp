#include "lab/hidden_controls.h"

#include "engine/i18n.h"
#include "lab/url_codec.h"

namespace nabla {

namespace {

const std::vector<HideableControl> kGraph = {
    {"presets", "examples"}, {"expression", "expression box"}, {"inputs", "input values"}, {"check", "gradient check"},
};
const std::vector<HideableControl> kPlayground = {
    {"data", "data"},       {"features", "features"}, {"layers", "layer and neuron buttons"}, {"lr", "learning rate"},
    {"batch", "batch size"}, {"opt", "optimizer"},    {"act", "activation"},                  {"reg", "penalty"},
    {"speed", "speed"},      {"timeline", "timeline"}, {"inspector", "neuron inspector"}, {"compare", "A/B comparison"},
};
const std::vector<HideableControl> kTrajectory = {
    {"presets", "examples"}, {"surface", "loss surface settings"}, {"runs", "run settings"}, {"speed", "speed"}, {"timeline", "timeline"},
};

bool known(const std::string& key) {
    for (const auto* list : {&kGraph, &kPlayground, &kTrajectory})
        for (const HideableControl& c : *list)
            if (key == c.key) return true;
    return false;
}

}  // namespace

const std::vector<HideableControl>& hideable_controls(const std::string& lab) {
    static const std::vector<HideableControl> none;
    return lab == "graph" ? kGraph : lab == "playground" ? kPlayground : lab == "trajectory" ? kTrajectory : none;
}

void HiddenControls::set(const std::string& key, bool hide) {
    if (hide) keys_.insert(key);
    else keys_.erase(key);
}

std::string HiddenControls::text() const {
    std::string out;
    for (const std::string& k : keys_) out += (out.empty() ? "" : ",") + k;
    return out;
}

bool HiddenControls::read(const std::string& text, std::string& error) {
    std::set<std::string> keys;
    if (!text.empty())
        for (const std::string& key : split_list(text, ',')) {
            if (!known(key)) return error = trf("no control named '%s' to hide", key.c_str()), false;
            keys.insert(key);
        }
    keys_ = std::move(keys);
    return true;
}

}  // namespace nabla
