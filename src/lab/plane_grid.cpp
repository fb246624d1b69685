#include "lab/plane_grid.h"

#include <algorithm>
#include <chrono>

#include "nn/datasets.h"  // kPlaneExtent

namespace nabla {
namespace {

float plane_x(int column, int side) { return static_cast<float>(-kPlaneExtent + 2 * kPlaneExtent * (column + 0.5) / side); }
float plane_y(int row, int side) { return static_cast<float>(kPlaneExtent - 2 * kPlaneExtent * (row + 0.5) / side); }

double now_ms() { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

constexpr int kChunkRows = 4;

}  // namespace

void PlaneGridMaker::invalidate() {
    valid_ = false;
    next_row_ = 0;
    net_.reset();
    X_side_ = 0;
    acts_ = Activations<float>{};
}

void PlaneGridMaker::start(const Mlp<float>& net, long step, int side, bool with_neurons) {
    net_.emplace(net);
    next_.side = side;
    next_.step = step;
    const int n = side * side;
    const bool classes = net.desc().head == Head::SoftmaxCE;
    next_.output.assign(static_cast<size_t>(n), 0.0f);
    next_.class_probabilities.assign(classes ? static_cast<size_t>(n) * 4 : 0, 0.0f);
    next_.neurons.clear();
    const std::vector<int>& sizes = net.desc().sizes;
    if (with_neurons)
        for (size_t layer = 1; layer + 1 < sizes.size(); ++layer)  // the hidden layers
            for (int j = 0; j < sizes[layer]; ++j) next_.neurons.emplace_back(static_cast<size_t>(n), 0.0f);
    next_row_ = 0;
    if (acts_.capacity != kChunkRows * side || acts_.s.size() != net.desc().sizes.size() - 1) acts_.reserve(net.desc(), kChunkRows * side);
}

bool PlaneGridMaker::rows(int count) {
    const Mlp<float>& net = *net_;
    const int side = next_.side, inputs = static_cast<int>(X_.cols());
    const bool classes = net.desc().head == Head::SoftmaxCE;
    for (int done = 0; done < count && next_row_ < side; done += kChunkRows) {
        const int r0 = next_row_, r1 = std::min(side, r0 + kChunkRows), points = (r1 - r0) * side;
        net.forward(ConstMatrixView<float>(X_.data() + static_cast<Eigen::Index>(r0) * side * inputs, points, inputs), acts_);
        const Matrix<float>& z = acts_.z.back();
        for (int i = 0; i < points; ++i) {
            const size_t at = static_cast<size_t>(r0) * side + i;
            if (classes) {
                int best = 0;
                const float p = z.row(i).maxCoeff(&best);
                next_.output[at] = static_cast<float>(best) + std::min(p, 0.999f);  // class index + confidence
                for (int k = 0; k < std::min(3, static_cast<int>(z.cols())); ++k) next_.class_probabilities[at * 4 + k] = z(i, k);
            } else {
                next_.output[at] = z(i, 0);
            }
        }
        size_t image = 0;
        if (!next_.neurons.empty())
            for (size_t k = 0; k + 1 < acts_.z.size(); ++k)
                for (int j = 0; j < acts_.z[k].cols(); ++j, ++image)
                    for (int i = 0; i < points; ++i) next_.neurons[image][static_cast<size_t>(r0) * side + i] = acts_.z[k](i, j);
        next_row_ = r1;
    }
    return next_row_ >= side;
}

const PlaneGrid& PlaneGridMaker::get(const Mlp<float>& net, long step, int side, bool with_neurons, const Features& features,
                                     double budget_ms) {
    const bool neurons_ok = !with_neurons || !done_.neurons.empty() || net.desc().sizes.size() <= 2;
    if (valid_ && done_.side == side && done_.step == step && neurons_ok) return done_;
    if (X_side_ != side || X_.cols() != net.desc().sizes.front()) {
        X_.resize(static_cast<Eigen::Index>(side) * side, net.desc().sizes.front());
        for (int r = 0; r < side; ++r)
            for (int c = 0; c < side; ++c) features(plane_x(c, side), plane_y(r, side), X_.row(static_cast<Eigen::Index>(r) * side + c).data());
        X_side_ = side;
        next_row_ = 0;
        valid_ = false;
    }
    const bool at_once = !valid_ || done_.side != side || !neurons_ok || budget_ms < 0;
    if (!at_once && budget_ms == 0) return done_;
    // A grid in progress for another side or kind is dropped; one for an older step is finished first.
    if (next_row_ > 0 && (next_.side != side || next_.neurons.empty() == with_neurons)) next_row_ = 0;
    if (at_once || next_row_ == 0) start(net, step, side, with_neurons);
    if (at_once) {
        rows(side);
    } else {
        const double until = now_ms() + budget_ms;
        while (!rows(kChunkRows) && now_ms() < until) {}
    }
    if (next_row_ >= side) {
        const int serial = done_.serial + 1;
        std::swap(done_, next_);
        done_.serial = serial;
        next_row_ = 0;
        valid_ = true;
    }
    return done_;
}

}  // namespace nabla
