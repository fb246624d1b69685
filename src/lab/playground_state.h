// What the training playground's user set: data, features, network and hyper-parameters, as plain
// data with one table of settings (playground_settings()) from which its link, its refusal
// messages, the panel's slider limits and the hook's setters are all derived.
#pragma once

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "lab/setting_table.h"
#include "nn/datasets.h"
#include "nn/own_data.h"
#include "nn/optimizer.h"

namespace nabla {

// Input features computed from (x1, x2), TensorFlow Playground's set, as bits of a set.
enum Feature : unsigned { X1 = 1, X2 = 2, X1Squared = 4, X2Squared = 8, X1TimesX2 = 16, SinX1 = 32, SinX2 = 64 };
struct FeatureRow {
    Feature bit;
    const char* key;         // in links
    const char* label;       // for people: "x1²"
    const char* identifier;  // a name the Graph lab's parser accepts: "x1x1"
    const char* formula;     // how the Graph lab computes it from x1 and x2 ("" for x1, x2 themselves)
};
inline constexpr FeatureRow kFeatures[] = {
    {X1, "x1", "x1", "x1", ""},
    {X2, "x2", "x2", "x2", ""},
    {X1Squared, "x1sq", "x1\xC2\xB2", "x1x1", "x1 * x1"},
    {X2Squared, "x2sq", "x2\xC2\xB2", "x2x2", "x2 * x2"},
    {X1TimesX2, "x1x2", "x1x2", "x1x2", "x1 * x2"},
    {SinX1, "sinx1", "sin x1", "sinx1", "sin(x1)"},
    {SinX2, "sinx2", "sin x2", "sinx2", "sin(x2)"},
};
constexpr int kFeatureCount = static_cast<int>(std::size(kFeatures));
constexpr bool features_in_order() {
    for (int i = 0; i < kFeatureCount; ++i)
        if (kFeatures[i].bit != 1u << i) return false;
    return true;
}
static_assert(features_in_order(), "feature i is bit i");
// The features of a set, in the network's input order.
std::vector<const FeatureRow*> features_of_set(unsigned features);

enum class Regularization { None, L1, L2, Last = L2 };
template <>
struct EnumTable<Regularization> {
    static constexpr EnumRow<Regularization> rows[] = {
        {Regularization::None, "none", "none", "none", ""},
        {Regularization::L1, "l1", "L1", "L1", "\xCE\xBB\xC2\xB7\xCE\xA3|w|"},
        {Regularization::L2, "l2", "L2", "L2", "\xCE\xBB\xC2\xB7\xCE\xA3w\xC2\xB2"},
    };
};
static_assert(enum_table_complete<Regularization>(), "every penalty has one row, in order");

struct PlaygroundState {
    DatasetKind dataset = DatasetKind::Circle;
    int points = 500;
    double noise = 0;
    double train_fraction = 0.5;
    std::uint64_t seed = 1;
    unsigned features = X1 | X2;
    std::vector<int> hidden = {4, 2};
    Activation activation = Activation::Tanh;
    double learning_rate = 0.03;
    int batch_size = 10;
    OptimizerKind optimizer = OptimizerKind::SGD;
    Regularization regularization = Regularization::None;
    double regularization_rate = 0.001;
    OwnData own;  // the points of "your data" (dataset Own); in the link only then
    // Lecture 002's loop (ŷ = x·w, w = 1.0, the samples in order): in links only when not the default.
    int bias = 1;          // 0: no biases, a weight alone per input
    Init init = Init::Auto;
    double weight_init = 1;  // Init::Constant's value
    int shuffle = 1;       // 0: every epoch in the data's own order

    bool one_input() const { return dataset == DatasetKind::Line || (dataset == DatasetKind::Own && own.task == OwnTask::Curve); }

    std::string validate() const;  // "" or what is wrong (the UI clamps, links may not)
    std::string to_string() const;
    static bool from_string(const std::string& text, PlaygroundState& out, std::string& error);

    // The state after picking a dataset, as the dataset buttons do. One-input data (y = 2x) has
    // x2 = 0, so x2's features go (the lecture's model is ŷ = w·x + b); back on a plane, x2 returns.
    // "Your data" with no points yet starts from 60 of the points on screen, to edit.
    PlaygroundState with_dataset(DatasetKind kind) const;
    // The state with these points as "your data" (the features follow their task, as above).
    PlaygroundState with_own(OwnData data) const;
    // The generated data these settings describe (no points for Own).
    DatasetDesc dataset_desc() const;
};

// Hidden layers: how many, and how wide each may be.
struct NetworkLimits {
    static constexpr int max_hidden_layers = 8;
    static constexpr Range neurons{1, 32};
};

// The table: data, points, noise, train, seed, features, layers, act, lr, batch, opt, reg, rate, own.
const SettingTable<PlaygroundState>& playground_settings();

}  // namespace nabla
