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

std::string write_own(const S& s) { return s.dataset == DatasetKind::Own ? s.own.to_text() : ""; }
bool read_own(const std::string& v, S& s, std::string& error) { return OwnData::from_text(v, s.own, error); }
std::string check_own(const S& s) { return s.dataset == DatasetKind::Own ? s.own.validate() : ""; }

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
    text<S>("own", "your data", write_own, read_own, check_own).optional(),
    whole<S, &S::bias>("bias", "biases (1 with, 0 without)", {0, 1}).optional(),
    choice<S, &S::init>("init", "initialisation").optional(),
    number<S, &S::weight_init>("w0", "the initial weight", {-10, 10}).optional(),
    whole<S, &S::shuffle>("shuffle", "shuffling (1 each epoch, 0 in order)", {0, 1}).optional(),
};
const SettingTable<S> kTable = table_of(kRows);

}  // namespace

const SettingTable<PlaygroundState>& playground_settings() { return kTable; }

DatasetDesc PlaygroundState::dataset_desc() const {
    DatasetDesc d;
    d.kind = dataset;
    d.points = points;
    d.noise = noise;
    d.train_fraction = train_fraction;
    d.seed = seed;
    return d;
}

std::string PlaygroundState::validate() const {
    // Your data is checked by its row; the generator's count and split still have to make sense.
    if (std::string e = dataset_desc().validate(); !e.empty()) return e;
    return check_settings(kTable, *this);
}

namespace {

// One input (y = 2x, a curve of your own) keeps only x1's features; back on a plane, x2 returns.
PlaygroundState features_for_inputs(PlaygroundState s, bool was_one_input) {
    const unsigned of_x1 = X1 | X1Squared | SinX1;
    if (s.one_input()) s.features = (s.features & of_x1) ? (s.features & of_x1) : X1;
    else if (was_one_input && !(s.features & ~of_x1)) s.features |= X2;
    return s;
}

}  // namespace

PlaygroundState PlaygroundState::with_dataset(DatasetKind kind) const {
    PlaygroundState s = *this;
    s.dataset = kind;
    if (kind == DatasetKind::Own && own.points.empty() && dataset != DatasetKind::Own)
        s.own = own_data_from(make_dataset(dataset_desc()), 60);
    return features_for_inputs(s, one_input());
}

PlaygroundState PlaygroundState::with_own(OwnData data) const {
    PlaygroundState s = *this;
    s.dataset = DatasetKind::Own;
    s.own = std::move(data);
    return features_for_inputs(s, one_input());
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
