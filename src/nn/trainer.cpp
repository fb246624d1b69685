#include "nn/trainer.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "engine/build_attributes.h"
#include "engine/i18n.h"

// NABLA_FOR_SIZE marks what runs once per run or record; step_part keeps the file's speed.

namespace nabla {

Matrix<float> targets_for_head(const Dataset& data, Head head) {
    Matrix<float> t = data.y;
    if (head == Head::TanhHalfSquared && !data.regression()) t = (t.array() * 2 - 1).matrix();
    return t;
}

std::string check_network_fits_data(const MlpDesc& mlp, const Dataset& data) {
    const int inputs = mlp.sizes.front(), outputs = mlp.sizes.back();
    if (inputs != data.X.cols())
        return trf("the network has %d inputs but the data has %d features", inputs, static_cast<int>(data.X.cols()));
    if (data.regression()) {
        if (mlp.head != Head::LinearMSE && mlp.head != Head::TanhHalfSquared) return tr("regression data needs a linear (MSE) or tanh output");
        if (outputs != 1) return tr("regression here has 1 output");
    } else if (data.classes > 2 && (mlp.head != Head::SoftmaxCE || outputs != data.classes)) {
        return trf("this dataset has %d classes: use a softmax output with %d neurons", data.classes, data.classes);
    } else if (mlp.head == Head::SoftmaxCE && outputs != data.classes) {
        return trf("a softmax output needs one neuron per class (%d)", data.classes);
    }
    return "";
}

NABLA_FOR_SIZE std::unique_ptr<Trainer> Trainer::create(const TrainerDesc& desc, DataSplit data, std::string& error) {
    error = desc.mlp.validate();
    if (error.empty()) error = desc.optimizer.validate();
    if (error.empty()) error = check_network_fits_data(desc.mlp, data.train);
    if (error.empty() && (desc.batch_size < 1 || desc.batch_size > data.train.size()))
        error = trf("the batch size must be between 1 and the %d training points, not %d", data.train.size(), desc.batch_size);
    if (!error.empty()) return nullptr;
    return std::unique_ptr<Trainer>(new Trainer(desc, std::move(data)));
}

NABLA_FOR_SIZE Trainer::Trainer(const TrainerDesc& desc, DataSplit data) : desc_(desc), data_(std::move(data)) {
    train_targets_ = targets_for_head(data_.train, desc.mlp.head);
    test_targets_ = targets_for_head(data_.test, desc.mlp.head);
    const int chunk = std::min(data_.train.size(), kChunkRows);
    eval_acts_.reserve(desc.mlp, kChunkRows);
    if (fits_lanes(desc.mlp)) {
        lanes_ = std::make_unique<LanesStep>();
    } else {  // the general kernels copy each batch into place first; the lanes gather as they load
        batch_acts_.reserve(desc.mlp, chunk);
        batch_X_.resize(chunk, data_.train.X.cols());
        batch_T_.resize(chunk, 1);
    }
    reset();
    for (const Layer<float>& L : mlp_->layers) {
        sum_dW_.push_back(Matrix<float>::Zero(L.W.rows(), L.W.cols()));
        sum_db_.push_back(RowVector<float>::Zero(L.b.size()));
    }
}

NABLA_FOR_SIZE void Trainer::reset() {
    mlp_ = std::make_unique<Mlp<float>>(desc_.mlp);
    optimizer_ = std::make_unique<Optimizer<float>>(*mlp_);
    rng_.reseed(desc_.shuffle_seed);
    order_.resize(data_.train.size());
    for (size_t k = 0; k < order_.size(); ++k) order_[k] = static_cast<int>(k);
    shuffle();
    cursor_ = 0;
    steps_ = epochs_ = 0;
    divergence_.clear();
    part_done_ = 0;
}

std::string Trainer::set_batch_size(int batch_size) {
    if (batch_size < 1 || batch_size > data_.train.size())
        return trf("the batch size must be between 1 and the %d training points, not %d", data_.train.size(), batch_size);
    if (batch_size != desc_.batch_size) part_done_ = 0;  // the rows done belong to another batch
    desc_.batch_size = batch_size;
    return "";
}

std::string Trainer::set_optimizer(const OptimizerSettings& settings) {
    std::string error = settings.validate();
    if (error.empty()) desc_.optimizer = settings;
    return error;
}

void Trainer::shuffle() {
    if (!desc_.shuffle) return;
    for (size_t k = order_.size(); k > 1; --k) std::swap(order_[k - 1], order_[rng_.below(static_cast<std::uint32_t>(k))]);
}

void Trainer::diverge(const std::string& what) {
    divergence_ = trf("%s at step %ld (epoch %ld) with learning rate %g: training paused; try a smaller learning rate, then reset",
                      what.c_str(), steps_ + 1, epochs_, desc_.optimizer.learning_rate);
}

namespace {
// |x| <= limit for every entry, and no NaN (a NaN fails every comparison). One pass that the
// compiler vectorises, run on every gradient of every step.
bool all_within(const float* p, Eigen::Index n, float limit) {
    bool ok = true;
    for (Eigen::Index i = 0; i < n; ++i) ok &= std::fabs(p[i]) <= limit;
    return ok;
}
}  // namespace

StepProgress Trainer::step_part(int max_chunks) {
    if (diverged()) return StepProgress::Refused;
    const int n_train = data_.train.size();
    const int features = static_cast<int>(batch_X_.cols());
    if (part_done_ == 0) part_rows_ = std::min(desc_.batch_size, n_train - cursor_), part_loss_ = 0;
    const bool chunked = part_rows_ > kChunkRows;
    for (int chunk = 0; chunk < max_chunks && part_done_ < part_rows_; ++chunk) {
        const int rows = std::min(kChunkRows, part_rows_ - part_done_);
        const int* batch = order_.data() + cursor_ + part_done_;
        float loss = 0;
        if (lanes_) {
            loss = lanes_->run(*mlp_, data_.train.X, train_targets_, batch, rows);
        } else {
            for (int r = 0; r < rows; ++r) {
                std::copy_n(data_.train.X.data() + batch[r] * features, features, batch_X_.data() + r * features);
                batch_T_(r, 0) = train_targets_(batch[r], 0);
            }
            const ConstMatrixView<float> X = top_rows(std::as_const(batch_X_), rows);
            mlp_->forward(X, batch_acts_);
            loss = mlp_->loss(top_rows(std::as_const(batch_T_), rows), batch_acts_);
            if (std::isfinite(loss)) mlp_->backward(X, batch_acts_);
        }
        if (!std::isfinite(loss)) {
            part_done_ = 0;
            diverge(std::isnan(loss) ? tr("the loss became NaN") : tr("the loss became infinite"));
            return StepProgress::Refused;
        }
        part_loss_ += static_cast<double>(loss) * rows;
        if (chunked) {  // the batch's mean gradient: each chunk's mean, weighted by its share of the rows
            const float share = static_cast<float>(rows) / static_cast<float>(part_rows_);
            for (size_t k = 0; k < mlp_->layers.size(); ++k) {
                if (part_done_ == 0) sum_dW_[k].setZero(), sum_db_[k].setZero();
                sum_dW_[k] += share * mlp_->layers[k].dW;
                sum_db_[k] += share * mlp_->layers[k].db;
            }
        }
        part_done_ += rows;
    }
    if (part_done_ < part_rows_) return StepProgress::Partial;
    part_done_ = 0;
    last_loss_ = static_cast<float>(part_loss_ / part_rows_);
    if (chunked)
        for (size_t k = 0; k < mlp_->layers.size(); ++k) mlp_->layers[k].dW = sum_dW_[k], mlp_->layers[k].db = sum_db_[k];
    // Refused before the update, so a diverging step changes nothing. No sane step moves a weight by
    // a million (η·|g| > 1e6); refusing those keeps every weight, and every output, far from overflow.
    const float limit = static_cast<float>(1e6 / desc_.optimizer.learning_rate);
    std::string exploded;
    if (lanes_ && !chunked) {  // the lanes path measured its gradients as it summed them: one check
        const float largest = lanes_->largest_gradient();
        if (!(largest <= limit)) exploded = std::isfinite(largest) ? tr("the gradients exploded") : tr("the gradients stopped being finite numbers");
    } else {
        for (const Layer<float>& L : mlp_->layers) {
            if (all_within(L.dW.data(), L.dW.size(), limit) && all_within(L.db.data(), L.db.size(), limit)) continue;
            const bool finite = L.dW.allFinite() && L.db.allFinite();
            exploded = finite ? tr("the gradients exploded") : tr("the gradients stopped being finite numbers");
            break;
        }
    }
    if (!exploded.empty()) {
        diverge(exploded);
        return StepProgress::Refused;
    }
    optimizer_->step(*mlp_, desc_.optimizer);
    ++steps_;
    cursor_ += part_rows_;
    if (cursor_ >= n_train) {
        cursor_ = 0;
        ++epochs_;
        shuffle();
    }
    return StepProgress::Done;
}

NABLA_FOR_SIZE std::size_t TrainerSnapshot::bytes() const {
    std::size_t params = 0;
    for (const Layer<float>& L : mlp.layers) params += static_cast<std::size_t>(L.W.size() + L.b.size());
    // weights and gradients, two optimizer moments, the shuffle
    return sizeof(TrainerSnapshot) + params * 4 * sizeof(float) + order.size() * sizeof(int);
}

NABLA_FOR_SIZE TrainerSnapshot Trainer::snapshot() const {
    return {*mlp_, *optimizer_, desc_, rng_, order_, cursor_, steps_, epochs_, divergence_};
}

NABLA_FOR_SIZE void Trainer::restore(const TrainerSnapshot& s) {
    *mlp_ = s.mlp;
    *optimizer_ = s.optimizer;
    desc_ = s.desc;
    rng_ = s.rng;
    order_ = s.order;
    cursor_ = s.cursor;
    steps_ = s.steps;
    epochs_ = s.epochs;
    divergence_ = s.divergence;
    part_done_ = 0;
}

NABLA_FOR_SIZE std::unique_ptr<Trainer> Trainer::clone() const {
    std::unique_ptr<Trainer> t(new Trainer(desc_, data_));
    t->restore(snapshot());
    return t;
}

NABLA_FOR_SIZE std::string Trainer::set_weights(const std::vector<Matrix<float>>& W, const std::vector<RowVector<float>>& b) {
    if (W.size() != mlp_->layers.size() || b.size() != W.size())
        return trf("these weights have %d layers, the network %d", static_cast<int>(W.size()), static_cast<int>(mlp_->layers.size()));
    for (size_t k = 0; k < W.size(); ++k) {
        const Layer<float>& L = mlp_->layers[k];
        if (W[k].rows() != L.W.rows() || W[k].cols() != L.W.cols() || b[k].size() != L.b.size())
            return trf("layer %d of these weights is %d×%d, the network's %d×%d", static_cast<int>(k) + 1, static_cast<int>(W[k].rows()),
                       static_cast<int>(W[k].cols()), static_cast<int>(L.W.rows()), static_cast<int>(L.W.cols()));
        if (!W[k].allFinite() || !b[k].allFinite()) return trf("layer %d of these weights is not finite", static_cast<int>(k) + 1);
    }
    reset();
    for (size_t k = 0; k < W.size(); ++k) {
        mlp_->layers[k].W = W[k];
        mlp_->layers[k].b = b[k];
        mlp_->layers[k].dW.setZero();
        mlp_->layers[k].db.setZero();
    }
    return "";
}

Metrics EvaluationInParts::metrics(const Dataset& data) const {
    const int n = data.size();
    return {n > 0 ? loss_sum / n : 0, data.regression() ? -1 : static_cast<double>(correct) / n};
}

NABLA_FOR_SIZE Metrics Trainer::evaluate(const Dataset& data) const {
    EvaluationInParts at;
    evaluate_part(data, at, 1 << 30);
    return at.metrics(data);
}

NABLA_FOR_SIZE bool Trainer::evaluate_part(const Dataset& data, EvaluationInParts& at, int max_chunks) const {
    const Matrix<float>& targets = &data == &data_.test ? test_targets_ : &data == &data_.train ? train_targets_ : eval_T_;
    if (&targets == &eval_T_ && at.start == 0) eval_T_ = targets_for_head(data, desc_.mlp.head);
    const int n = data.size();
    const Head head = desc_.mlp.head;
    for (int chunk = 0; chunk < max_chunks && at.start < n; ++chunk) {
        const int start = at.start, rows = std::min(eval_acts_.capacity, n - start);
        mlp_->forward(ConstMatrixView<float>(data.X.row(start).data(), rows, data.X.cols()), eval_acts_);
        const ConstMatrixView<float> t(targets.row(start).data(), rows, 1);
        at.loss_sum += static_cast<double>(mlp_->loss(t, eval_acts_)) * rows;
        at.start += rows;
        if (data.regression()) continue;
        const Matrix<float>& z = eval_acts_.z.back();
        for (int r = 0; r < rows; ++r) {
            int predicted = 0;
            if (head == Head::SoftmaxCE) z.row(r).maxCoeff(&predicted);
            else predicted = z(r, 0) >= (head == Head::TanhHalfSquared ? 0.0f : 0.5f) ? 1 : 0;
            at.correct += predicted == static_cast<int>(data.y(start + r, 0));
        }
    }
    return at.start >= n;
}

}  // namespace nabla
