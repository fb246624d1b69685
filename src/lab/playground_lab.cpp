// Data → features → trainer, rebuilt on structural changes; history recorded once per advance().
#include "lab/playground_lab.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "lab/json_writer.h"
#include "lab/url_codec.h"

namespace nabla {

namespace {

const char* const kFeatureNames[kFeatureCount] = {"x1", "x2", "x1\xC2\xB2", "x2\xC2\xB2", "x1x2", "sin x1", "sin x2"};
const char* const kFeatureKeys[kFeatureCount] = {"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"};
const char* const kActivationKeys[] = {"linear", "relu", "leaky_relu", "tanh", "sigmoid"};
const char* const kOptimizerKeys[] = {"sgd", "momentum", "nesterov", "rmsprop", "adam"};
const char* const kRegularizationKeys[] = {"none", "l1", "l2"};
constexpr int kMaxHistory = 4000;

template <class E, size_t N>
bool key_to_enum(const std::string& key, const char* const (&keys)[N], E& out) {
    for (size_t i = 0; i < N; ++i)
        if (key == keys[i]) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}

int feature_count(unsigned features) {
    int n = 0;
    for (int i = 0; i < kFeatureCount; ++i) n += (features >> i) & 1;
    return n;
}

void compute_features(unsigned features, float x1, float x2, float* out) {
    const float all[kFeatureCount] = {x1, x2, x1 * x1, x2 * x2, x1 * x2, std::sin(x1), std::sin(x2)};
    int k = 0;
    for (int i = 0; i < kFeatureCount; ++i)
        if (features & (1u << i)) out[k++] = all[i];
}

// The dataset's (x1, x2) columns replaced by the chosen features (1-D data has x2 = 0).
Dataset with_features(const Dataset& in, unsigned features) {
    Dataset out;
    out.classes = in.classes;
    out.y = in.y;
    out.X.resize(in.size(), feature_count(features));
    for (int r = 0; r < in.size(); ++r)
        compute_features(features, in.X(r, 0), in.X.cols() > 1 ? in.X(r, 1) : 0.0f, out.X.row(r).data());
    return out;
}

}  // namespace

const char* feature_name(int index) { return kFeatureNames[index]; }

std::string PlaygroundState::validate() const {
    DatasetDesc d;
    d.kind = dataset;
    d.points = points;
    d.noise = noise;
    d.train_fraction = train_fraction;
    if (std::string e = d.validate(); !e.empty()) return e;
    if ((features & ((1u << kFeatureCount) - 1)) == 0) return "pick at least one input feature";
    if (hidden.size() > 8) return "at most 8 hidden layers";
    for (const int n : hidden)
        if (n < 1 || n > 32) return "each hidden layer has 1 to 32 neurons";
    if (!(std::isfinite(learning_rate) && learning_rate >= 1e-5 && learning_rate <= 10)) return "the learning rate must be between 0.00001 and 10";
    if (batch_size < 1) return "the batch size must be at least 1";
    if (!(regularization_rate >= 0 && regularization_rate <= 10)) return "the regularisation rate must be between 0 and 10";
    return "";
}

PlaygroundState PlaygroundState::with_dataset(DatasetKind kind) const {
    PlaygroundState s = *this;
    s.dataset = kind;
    const unsigned of_x1 = X1 | X1Squared | SinX1;
    if (kind == DatasetKind::Line) s.features = (features & of_x1) ? (features & of_x1) : X1;
    else if (dataset == DatasetKind::Line && !(features & ~of_x1)) s.features = features | X2;
    return s;
}

std::string PlaygroundState::to_string() const {
    std::string f, layers;
    for (int i = 0; i < kFeatureCount; ++i)
        if (features & (1u << i)) f += (f.empty() ? "" : ",") + std::string(kFeatureKeys[i]);
    for (const int n : hidden) layers += (layers.empty() ? "" : ",") + std::to_string(n);
    return "data=" + std::string(dataset_name(dataset)) + "&points=" + std::to_string(points) + "&noise=" + format_number(noise) +
           "&train=" + format_number(train_fraction) + "&seed=" + std::to_string(seed) + "&features=" + f +
           "&layers=" + (layers.empty() ? "none" : layers) + "&act=" + kActivationKeys[static_cast<int>(activation)] +
           "&lr=" + format_number(learning_rate) + "&batch=" + std::to_string(batch_size) +
           "&opt=" + kOptimizerKeys[static_cast<int>(optimizer)] + "&reg=" + kRegularizationKeys[static_cast<int>(regularization)] +
           "&rate=" + format_number(regularization_rate);
}

bool PlaygroundState::from_string(const std::string& text, PlaygroundState& out, std::string& error) {
    PlaygroundState s;
    for (const auto& [key, raw] : split_query(text)) {
        std::string v;
        if (!url_decode(raw, v)) return error = "bad %-escape in '" + key + "'", false;
        double number = 0;
        const bool numeric = parse_finite(v, number);
        auto whole = [&](long lo, long hi, long& into) {
            if (!numeric || number != std::floor(number) || number < lo || number > hi) return false;
            into = static_cast<long>(number);
            return true;
        };
        long n = 0;
        if (key == "data") {
            if (!parse_dataset_kind(v, s.dataset)) return error = "unknown dataset '" + v + "'", false;
        } else if (key == "points") {
            if (!whole(4, 100000, n)) return error = "points must be a whole number from 4 to 100000, not '" + v + "'", false;
            s.points = static_cast<int>(n);
        } else if (key == "noise" || key == "train" || key == "lr" || key == "rate") {
            if (!numeric) return error = key + " must be a number, not '" + v + "'", false;
            (key == "noise" ? s.noise : key == "train" ? s.train_fraction : key == "lr" ? s.learning_rate : s.regularization_rate) = number;
        } else if (key == "seed") {
            if (!whole(0, 1L << 30, n)) return error = "seed must be a whole number, not '" + v + "'", false;
            s.seed = static_cast<std::uint64_t>(n);
        } else if (key == "batch") {
            if (!whole(1, 100000, n)) return error = "batch must be a whole number, not '" + v + "'", false;
            s.batch_size = static_cast<int>(n);
        } else if (key == "features") {
            s.features = 0;
            size_t start = 0;
            while (start <= v.size()) {
                const size_t comma = std::min(v.find(',', start), v.size());
                const std::string name = v.substr(start, comma - start);
                int index = -1;
                for (int i = 0; i < kFeatureCount; ++i)
                    if (name == kFeatureKeys[i]) index = i;
                if (index < 0) return error = "unknown feature '" + name + "'", false;
                s.features |= 1u << index;
                start = comma + 1;
            }
        } else if (key == "layers") {
            s.hidden.clear();
            if (v != "none") {
                size_t start = 0;
                while (start <= v.size()) {
                    const size_t comma = std::min(v.find(',', start), v.size());
                    double width = 0;
                    if (!parse_finite(v.substr(start, comma - start), width) || width != std::floor(width))
                        return error = "layers must look like 4,2, not '" + v + "'", false;
                    s.hidden.push_back(static_cast<int>(width));
                    start = comma + 1;
                }
            }
        } else if (key == "act") {
            if (!key_to_enum(v, kActivationKeys, s.activation)) return error = "unknown activation '" + v + "'", false;
        } else if (key == "opt") {
            if (!key_to_enum(v, kOptimizerKeys, s.optimizer)) return error = "unknown optimizer '" + v + "'", false;
        } else if (key == "reg") {
            if (!key_to_enum(v, kRegularizationKeys, s.regularization)) return error = "unknown regularisation '" + v + "'", false;
        } else {
            return error = "unknown setting '" + key + "'", false;
        }
    }
    if (std::string e = s.validate(); !e.empty()) return error = e, false;
    out = s;
    return true;
}

// ---- the lab -------------------------------------------------------------------------------

PlaygroundLab::PlaygroundLab() {
    std::string error;
    trainer_ = build(state_, raw_, error);
    record();
}

int PlaygroundLab::input_count() const { return feature_count(state_.features); }

void PlaygroundLab::features_of(float x1, float x2, float* out) const { compute_features(state_.features, x1, x2, out); }

std::unique_ptr<Trainer> PlaygroundLab::build(const PlaygroundState& s, DataSplit& raw, std::string& error) const {
    error = s.validate();
    if (!error.empty()) return nullptr;
    DatasetDesc d;
    d.kind = s.dataset;
    d.points = s.points;
    d.noise = s.noise;
    d.train_fraction = s.train_fraction;
    d.seed = s.seed;
    raw = make_dataset(d);
    DataSplit split{with_features(raw.train, s.features), with_features(raw.test, s.features)};

    TrainerDesc t;
    t.mlp.sizes = {static_cast<int>(split.train.X.cols())};
    t.mlp.sizes.insert(t.mlp.sizes.end(), s.hidden.begin(), s.hidden.end());
    const bool regression = split.train.regression();
    t.mlp.head = regression ? Head::LinearMSE : split.train.classes > 2 ? Head::SoftmaxCE : Head::SigmoidBCE;
    t.mlp.sizes.push_back(t.mlp.head == Head::SoftmaxCE ? split.train.classes : 1);
    t.mlp.hidden = s.activation;
    t.mlp.seed = s.seed;
    t.shuffle_seed = s.seed + 1;
    t.batch_size = std::min(s.batch_size, split.train.size());
    t.optimizer.kind = s.optimizer;
    t.optimizer.learning_rate = s.learning_rate;
    t.optimizer.l1 = s.regularization == Regularization::L1 ? s.regularization_rate : 0;
    t.optimizer.l2 = s.regularization == Regularization::L2 ? s.regularization_rate : 0;
    return Trainer::create(t, std::move(split), error);
}

bool PlaygroundLab::set_state(const PlaygroundState& next) {
    std::string error;
    DataSplit raw;
    auto t = build(next, raw, error);
    if (!t) return error_ = error, false;
    raw_ = std::move(raw);
    state_ = next;
    state_.batch_size = t->desc().batch_size;
    trainer_ = std::move(t);
    history_.clear();
    growing_.clear();
    growing_records_ = 0;
    grid_step_ = curve_step_ = -1;
    grid_acts_ = Activations<float>{};  // the grid's features may have changed
    inspected_sample_ = inspected_layer_ = inspected_unit_ = -1;
    error_.clear();
    record();
    return true;
}

bool PlaygroundLab::set_learning_rate(double lr) {
    PlaygroundState next = state_;
    next.learning_rate = lr;
    if (std::string e = next.validate(); !e.empty()) return error_ = e, false;
    OptimizerSettings o = trainer_->desc().optimizer;
    o.learning_rate = lr;
    if (std::string e = trainer_->set_optimizer(o); !e.empty()) return error_ = e, false;
    state_ = next;
    growing_.clear();  // a smaller learning rate may rescue the run: let it continue
    growing_records_ = 0;
    return true;
}

bool PlaygroundLab::set_batch_size(int batch) {
    if (std::string e = trainer_->set_batch_size(batch); !e.empty()) return error_ = e, false;
    state_.batch_size = batch;
    return true;
}

bool PlaygroundLab::set_optimizer(OptimizerKind kind) {
    OptimizerSettings o = trainer_->desc().optimizer;
    o.kind = kind;
    if (std::string e = trainer_->set_optimizer(o); !e.empty()) return error_ = e, false;
    state_.optimizer = kind;
    return true;
}

bool PlaygroundLab::set_regularization(Regularization kind, double rate) {
    PlaygroundState next = state_;
    next.regularization = kind;
    next.regularization_rate = rate;
    if (std::string e = next.validate(); !e.empty()) return error_ = e, false;
    OptimizerSettings o = trainer_->desc().optimizer;
    o.l1 = kind == Regularization::L1 ? rate : 0;
    o.l2 = kind == Regularization::L2 ? rate : 0;
    if (std::string e = trainer_->set_optimizer(o); !e.empty()) return error_ = e, false;
    state_ = next;
    return true;
}

bool PlaygroundLab::apply(const PlaygroundCommand& c) {
    switch (c.kind) {
        case PlaygroundCommand::Play: set_playing(true); return playing_;
        case PlaygroundCommand::Pause: set_playing(false); return true;
        case PlaygroundCommand::Step: playing_ = false; return advance(1) == 1;
        case PlaygroundCommand::Reset: reset(); return true;
        case PlaygroundCommand::LearningRate: return set_learning_rate(c.value);
        case PlaygroundCommand::BatchSize: return set_batch_size(c.number);
        case PlaygroundCommand::Optimizer:
            if (c.number < 0 || c.number > static_cast<int>(OptimizerKind::Adam)) return error_ = "no such optimizer", false;
            return set_optimizer(static_cast<OptimizerKind>(c.number));
        case PlaygroundCommand::Regularization:
            if (c.number < 0 || c.number > static_cast<int>(Regularization::L2)) return error_ = "no such regularisation", false;
            return set_regularization(static_cast<Regularization>(c.number), c.value);
        case PlaygroundCommand::SelectSample:
            if (c.number < -1 || c.number >= trainer_->data().train.size()) return error_ = "no training sample " + std::to_string(c.number), false;
            inspected_sample_ = c.number;
            return true;
        case PlaygroundCommand::SelectNeuron: {
            const int layer = c.number, unit = static_cast<int>(c.value);
            const auto& sizes = trainer_->mlp().desc().sizes;
            if (layer < 0 || layer + 1 >= static_cast<int>(sizes.size()) || unit < 0 || unit >= sizes[layer + 1])
                return error_ = "no neuron " + std::to_string(unit) + " in layer " + std::to_string(layer + 1), false;
            inspected_layer_ = layer, inspected_unit_ = unit;
            return true;
        }
        case PlaygroundCommand::Rebuild: return set_state(c.state);
        case PlaygroundCommand::LoadState: {
            PlaygroundState next;
            std::string why;
            if (!PlaygroundState::from_string(c.text, next, why)) return error_ = "cannot read the link: " + why, false;
            return set_state(next);
        }
    }
    return false;
}

int PlaygroundLab::advance(int max_steps, double (*now_ms)(), double deadline_ms) {
    int taken = 0;
    while (taken < max_steps && status().empty()) {
        if (!trainer_->step()) break;
        ++taken;
        if (now_ms && (taken & 7) == 0 && now_ms() >= deadline_ms) break;
    }
    if (taken > 0) record();
    if (!status().empty()) playing_ = false;
    return taken;
}

void PlaygroundLab::reset() {
    trainer_->reset();
    history_.clear();
    growing_.clear();
    growing_records_ = 0;
    grid_step_ = curve_step_ = -1;
    record();
}

std::string PlaygroundLab::status() const { return trainer_->diverged() ? trainer_->divergence() : growing_; }

void PlaygroundLab::record() {
    HistoryPoint p;
    p.step = trainer_->steps();
    p.epoch = static_cast<double>(p.step) * trainer_->desc().batch_size / trainer_->data().train.size();
    const Metrics tr = trainer_->evaluate(trainer_->data().train), te = trainer_->evaluate(trainer_->data().test);
    p.train_loss = tr.loss;
    p.test_loss = te.loss;
    p.train_accuracy = tr.accuracy;
    p.test_accuracy = te.accuracy;
    for (const Layer<float>& L : trainer_->mlp().layers) p.gradient_norms.push_back(L.dW.norm());
    if (!std::isfinite(p.train_loss) || !std::isfinite(p.test_loss)) {  // never drawn, never recorded
        char buf[200];
        std::snprintf(buf, sizeof buf, "the loss overflowed: learning rate %g is too large. Try %g, then reset",
                      state_.learning_rate, state_.learning_rate / 10);
        growing_ = buf;
        return;
    }
    if (history_.size() >= kMaxHistory) {  // keep the whole run visible: drop every other point
        std::vector<HistoryPoint> half;
        for (size_t i = 0; i < history_.size(); i += 2) half.push_back(history_[i]);
        history_.swap(half);
    }
    // Running away: three records in a row with the training loss above twice its best so far (plus
    // 0.1, so the noise of a converged run near zero is not mistaken for it).
    best_loss_ = history_.empty() ? p.train_loss : std::min(best_loss_, p.train_loss);
    growing_records_ = p.train_loss > 2 * best_loss_ + 0.1 ? growing_records_ + 1 : 0;
    if (growing_records_ >= 3 && growing_.empty()) {
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "the training loss grew from %.3g to %.3g: learning rate %g is too large. Try %g, then reset",
                      best_loss_, p.train_loss, state_.learning_rate, state_.learning_rate / 10);
        growing_ = buf;
    }
    history_.push_back(std::move(p));
}

const PlaygroundLab::Grid& PlaygroundLab::grid(int side, bool with_neurons) const {
    if (grid_step_ == trainer_->steps() && grid_.side == side && (!with_neurons || !grid_.neurons.empty())) return grid_;
    const MlpDesc& d = trainer_->mlp().desc();
    const int n = side * side;
    if (grid_acts_.capacity != n || grid_X_.cols() != d.sizes.front() || grid_acts_.s.size() != d.sizes.size() - 1) {
        grid_acts_.reserve(d, n);
        grid_X_.resize(n, d.sizes.front());
        for (int r = 0; r < side; ++r)
            for (int c = 0; c < side; ++c)
                features_of(-6.0f + 12.0f * (c + 0.5f) / side, 6.0f - 12.0f * (r + 0.5f) / side, grid_X_.row(r * side + c).data());
    }
    trainer_->mlp().forward(ConstMatrixView<float>(grid_X_.data(), n, grid_X_.cols()), grid_acts_);
    grid_.side = side;
    grid_.output.resize(n);
    const Matrix<float>& z = grid_acts_.z.back();
    grid_.class_probabilities.assign(d.head == Head::SoftmaxCE ? static_cast<size_t>(n) * 4 : 0, 0.0f);
    for (int i = 0; i < n; ++i) {
        if (d.head == Head::SoftmaxCE) {
            int best = 0;
            const float p = z.row(i).maxCoeff(&best);
            grid_.output[i] = static_cast<float>(best) + std::min(p, 0.999f);  // class index + confidence
            for (int k = 0; k < std::min(3, static_cast<int>(z.cols())); ++k) grid_.class_probabilities[static_cast<size_t>(i) * 4 + k] = z(i, k);
        } else {
            grid_.output[i] = z(i, 0);
        }
    }
    grid_.neurons.clear();
    if (with_neurons)
        for (size_t k = 0; k + 1 < grid_acts_.z.size(); ++k)
            for (int j = 0; j < grid_acts_.z[k].cols(); ++j) {
                std::vector<float> img(n);
                for (int i = 0; i < n; ++i) img[i] = grid_acts_.z[k](i, j);
                grid_.neurons.push_back(std::move(img));
            }
    grid_step_ = trainer_->steps();
    return grid_;
}

const std::vector<float>& PlaygroundLab::curve(int samples) const {
    samples = std::max(2, samples);
    if (curve_step_ == trainer_->steps() && static_cast<int>(curve_.size()) == samples) return curve_;
    const MlpDesc& d = trainer_->mlp().desc();
    Matrix<float> X(samples, d.sizes.front());
    for (int i = 0; i < samples; ++i) features_of(-6.0f + 12.0f * i / (samples - 1), 0.0f, X.row(i).data());
    Activations<float> acts;
    acts.reserve(d, samples);
    trainer_->mlp().forward(ConstMatrixView<float>(X.data(), samples, X.cols()), acts);
    curve_.resize(samples);
    for (int i = 0; i < samples; ++i) curve_[i] = acts.z.back()(i, 0);
    curve_step_ = trainer_->steps();
    return curve_;
}

NeuronTrace PlaygroundLab::inspected() const { return trace(inspected_sample_, inspected_layer_, inspected_unit_); }

NeuronTrace PlaygroundLab::trace(int sample, int layer, int unit) const {
    NeuronTrace t;
    const Trainer& tr = *trainer_;
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
    const HistoryPoint& h = history_.back();
    w.begin_object();
    w.key("state").value(state_.to_string());
    w.key("playing").value(playing_);
    w.key("steps").value(static_cast<double>(trainer_->steps()));
    w.key("epochs").value(static_cast<double>(trainer_->epochs()));
    w.key("learning_rate").value(trainer_->desc().optimizer.learning_rate);
    w.key("batch_size").value(trainer_->desc().batch_size);
    w.key("train_points").value(trainer_->data().train.size());
    w.key("train_loss").value(h.train_loss).key("test_loss").value(h.test_loss);
    w.key("train_accuracy").value(h.train_accuracy).key("test_accuracy").value(h.test_accuracy);
    w.key("status").value(status());
    w.key("error").value(error_);
    w.key("layers").begin_array();
    for (const int s : trainer_->mlp().desc().sizes) w.value(s);
    w.end_array();
    w.key("first_weight").value(static_cast<double>(trainer_->mlp().layers[0].W(0, 0)));
    w.key("history_points").value(static_cast<int>(history_.size()));
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
