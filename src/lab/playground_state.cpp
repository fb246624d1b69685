// The playground's settings table and the two settings that are not one number (features, layers).
#include "lab/playground_state.h"

#include <cmath>

#include "engine/i18n.h"

namespace nabla {

std::vector<const FeatureRow*> features_of_set(unsigned features) {
    std::vector<const FeatureRow*> out;
    for (const FeatureRow& f : kFeatures)
        if (features & f.bit) out.push_back(&f);
    return out;
}

namespace {

using S = PlaygroundState;

std::string write_features(const S& s) {
    std::string out;
    for (const FeatureRow* f : features_of_set(s.features)) out += (out.empty() ? "" : ",") + std::string(f->key);
    return out;
}

bool read_features(const std::string& v, S& s, std::string& error) {
    s.features = 0;
    for (const std::string& name : split_list(v, ',')) {
        const FeatureRow* found = nullptr;
        for (const FeatureRow& f : kFeatures)
            if (name == f.key) found = &f;
        if (!found) return error = trf("unknown feature '%s'", name.c_str()), false;
        s.features |= found->bit;
    }
    return true;
}

std::string check_features(const S& s) {
    return (s.features & ((1u << kFeatureCount) - 1)) == 0 ? tr("pick at least one input feature") : "";
}

std::string write_layers(const S& s) {
    std::string out;
    for (const int n : s.hidden) out += (out.empty() ? "" : ",") + std::to_string(n);
    return out.empty() ? "none" : out;
}

bool read_layers(const std::string& v, S& s, std::string& error) {
    s.hidden.clear();
    if (v == "none") return true;
    for (const std::string& item : split_list(v, ',')) {
        double width = 0;
        if (!parse_finite(item, width) || width != std::floor(width) || std::fabs(width) > 1e6)
            return error = trf("layers must look like 4,2, not '%s'", v.c_str()), false;
        s.hidden.push_back(static_cast<int>(width));
    }
    return true;
}

std::string check_layers(const S& s) {
    if (s.hidden.size() > NetworkLimits::max_hidden_layers)
        return trf("at most %d hidden layers", NetworkLimits::max_hidden_layers);
    for (const int n : s.hidden)
        if (!NetworkLimits::neurons.contains(n))
            return trf("each hidden layer has %s to %s neurons", plain_number(NetworkLimits::neurons.lo).c_str(),
                       plain_number(NetworkLimits::neurons.hi).c_str());
    return "";
}

const Setting<S> kRows[] = {
    choice<S, &S::dataset>("data", "dataset"),
    whole<S, &S::points>("points", "the number of points", DatasetLimits::points).slider({50, 2000}),
    number<S, &S::noise>("noise", "noise", DatasetLimits::noise).slider({0, 0.5}),
    number<S, &S::train_fraction>("train", "the training fraction", {0.01, 0.99}).slider({0.1, 0.9}),
    whole<S, &S::seed>("seed", "the seed", kSeedRange),
    text<S>("features", "the features", write_features, read_features, check_features),
    text<S>("layers", "the hidden layers", write_layers, read_layers, check_layers),
    choice<S, &S::activation>("act", "activation").alias("activation"),
    number<S, &S::learning_rate>("lr", "the learning rate", {1e-5, 10}).log().live(),
    whole<S, &S::batch_size>("batch", "the batch size", {1, DatasetLimits::points.hi}).live(),
    choice<S, &S::optimizer>("opt", "optimizer").alias("optimizer").live(),
    choice<S, &S::regularization>("reg", "regularisation").alias("penalty").live(),
    number<S, &S::regularization_rate>("rate", "the regularisation rate", {0, 10}).slider({1e-5, 1}).log().live(),
};
const SettingTable<S> kTable = table_of(kRows);

}  // namespace

const SettingTable<PlaygroundState>& playground_settings() { return kTable; }

std::string PlaygroundState::validate() const {
    DatasetDesc d;
    d.kind = dataset;
    d.points = points;
    d.noise = noise;
    d.train_fraction = train_fraction;
    if (std::string e = d.validate(); !e.empty()) return e;
    return check_settings(kTable, *this);
}

PlaygroundState PlaygroundState::with_dataset(DatasetKind kind) const {
    PlaygroundState s = *this;
    s.dataset = kind;
    const unsigned of_x1 = X1 | X1Squared | SinX1;
    if (kind == DatasetKind::Line) s.features = (features & of_x1) ? (features & of_x1) : X1;
    else if (dataset == DatasetKind::Line && !(features & ~of_x1)) s.features = features | X2;
    return s;
}

std::string PlaygroundState::to_string() const { return encode_settings(kTable, *this); }

bool PlaygroundState::from_string(const std::string& text, PlaygroundState& out, std::string& error) {
    PlaygroundState s;
    if (!decode_settings(kTable, text, s, error)) return false;
    if (std::string e = s.validate(); !e.empty()) return error = e, false;
    out = s;
    return true;
}

}  // namespace nabla
