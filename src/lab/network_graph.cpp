#include "lab/network_graph.h"

#include "engine/i18n.h"
#include "lab/json_writer.h"

namespace nabla {

namespace {

// "13" for small layers, "1_3" once an index needs two digits, so names stay unambiguous.
std::string index_pair(int a, int b, bool wide) { return std::to_string(a) + (wide ? "_" : "") + std::to_string(b); }

std::string activate(Activation a, const std::string& s) {
    switch (a) {
        case Activation::Linear: return s;
        case Activation::ReLU: return "relu(" + s + ")";
        case Activation::LeakyReLU: return "max(" + format_number(kLeakySlope) + " * " + s + ", " + s + ")";
        case Activation::Tanh: return "tanh(" + s + ")";
        case Activation::Sigmoid: return "sigmoid(" + s + ")";
    }
    return s;
}

}  // namespace

bool network_as_graph(const PlaygroundLab& lab, int sample, GraphLabState& out, std::string& why) {
    const Mlp<float>& mlp = lab.trainer().mlp();
    const std::vector<int>& sizes = mlp.desc().sizes;
    int parameters = 0;
    for (const Layer<float>& L : mlp.layers) parameters += static_cast<int>(L.W.size() + L.b.size());
    if (parameters > kMaxGraphParameters)
        return why = trf("the network has %d weights and biases; the Graph lab draws networks of at most %d", parameters, kMaxGraphParameters),
               false;
    const Dataset& raw = lab.points().train;
    if (sample < 0 || sample >= raw.size()) return why = tr("pick a training point first"), false;

    GraphLabState g;
    g.values.clear();
    std::string text;
    const float x1 = raw.X(sample, 0), x2 = raw.X.cols() > 1 ? raw.X(sample, 1) : 0.0f;
    // The features as gates over the raw inputs x1, x2 (only the ones the network uses).
    std::vector<std::string> inputs;
    const unsigned features = lab.state().features;
    for (const FeatureRow* f : features_of_set(features)) {
        inputs.push_back(f->identifier);
        if (*f->formula) text += std::string(f->identifier) + " = " + f->formula + "; ";
    }
    g.values.push_back({"x1", x1});
    if (raw.X.cols() > 1 || (features & ~1u)) g.values.push_back({"x2", x2});

    const int layers = mlp.layer_count();
    const Head head = mlp.desc().head;
    for (int k = 0; k < layers; ++k) {
        const bool wide = sizes[k] > 9 || sizes[k + 1] > 9;
        const bool last = k + 1 == layers;
        std::vector<std::string> next;
        for (int i = 0; i < sizes[k + 1]; ++i) {
            const std::string unit = index_pair(k + 1, i + 1, wide);
            std::string sum;
            for (int j = 0; j < sizes[k]; ++j) {
                const std::string w = "w" + std::to_string(k + 1) + "_" + index_pair(i + 1, j + 1, wide);
                g.values.push_back({w, mlp.layers[k].W(i, j)});
                sum += (j ? " + " : "") + w + " * " + inputs[j];
            }
            if (mlp.desc().bias) {
                g.values.push_back({"b" + unit, mlp.layers[k].b(i)});
                sum += " + b" + unit;
            }
            text += "s" + unit + " = " + sum + "; ";
            if (last && head != Head::TanhHalfSquared) {
                next.push_back("s" + unit);
            } else {
                const Activation a = last ? Activation::Tanh : lab.state().activation;
                text += "z" + unit + " = " + activate(a, "s" + unit) + "; ";
                next.push_back("z" + unit);
            }
        }
        inputs = std::move(next);
    }
    // The loss of this one sample, as the trainer computes it.
    const float t = raw.y(sample, 0);
    switch (head) {
        case Head::SigmoidBCE: text += t > 0.5f ? "C = -log(sigmoid(" + inputs[0] + "))" : "C = -log(1 - sigmoid(" + inputs[0] + "))"; break;
        case Head::SoftmaxCE: {
            std::string sum;
            for (size_t i = 0; i < inputs.size(); ++i) sum += (i ? " + exp(" : "exp(") + inputs[i] + ")";
            text += "C = log(" + sum + ") - " + inputs[static_cast<size_t>(t)];
            break;
        }
        case Head::LinearMSE: text += "C = (" + inputs[0] + " - " + format_number(t) + ")^2"; break;
        case Head::TanhHalfSquared: text += "C = 0.5 * (" + inputs[0] + " - " + format_number(t > 0.5f ? 1 : -1) + ")^2"; break;
    }
    g.expression = text;
    out = g;
    return true;
}

bool network_as_vectorised_graph(const PlaygroundLab& lab, int sample, GraphLabState& out, std::string& why) {
    const Mlp<float>& mlp = lab.trainer().mlp();
    const Dataset& data = lab.trainer().data().train;  // the features the network reads
    if (sample < 0 || sample >= data.size()) return why = tr("pick a training point first"), false;
    for (const Layer<float>& L : mlp.layers)
        if (L.W.size() > kMaxTensorElements)
            return why = trf("a layer has %d weights; the Graph lab's matrices hold at most %d", static_cast<int>(L.W.size()), kMaxTensorElements),
                   false;
    GraphLabState g;
    g.values.clear();
    Tensor x(Shape::vector(static_cast<int>(data.X.cols())), 0.0);
    for (int j = 0; j < data.X.cols(); ++j) x.data[static_cast<size_t>(j)] = data.X(sample, j);
    g.values.emplace_back("x", x);
    std::string text, z = "x";
    const int layers = mlp.layer_count();
    const Head head = mlp.desc().head;
    for (int k = 0; k < layers; ++k) {
        const Layer<float>& L = mlp.layers[k];
        const std::string n = std::to_string(k + 1);
        Tensor W(Shape::matrix(static_cast<int>(L.W.rows()), static_cast<int>(L.W.cols())), 0.0);
        for (int i = 0; i < L.W.rows(); ++i)
            for (int j = 0; j < L.W.cols(); ++j) W.at(i, j) = L.W(i, j);
        g.values.emplace_back("W" + n, W);
        text += "s" + n + " = W" + n + " @ " + z;
        if (mlp.desc().bias) {
            Tensor b(Shape::vector(static_cast<int>(L.b.size())), 0.0);
            for (int i = 0; i < L.b.size(); ++i) b.data[static_cast<size_t>(i)] = L.b(i);
            g.values.emplace_back("b" + n, b);
            text += " + b" + n;
        }
        text += "; ";
        const bool last = k + 1 == layers;
        if (last && head != Head::TanhHalfSquared) {
            z = "s" + n;
        } else {
            text += "z" + n + " = " + activate(last ? Activation::Tanh : lab.state().activation, "s" + n) + "; ";
            z = "z" + n;
        }
    }
    // The loss of this one sample, as the trainer computes it, summed to the one number backprop starts from.
    const float t = data.y(sample, 0);
    switch (head) {
        case Head::SigmoidBCE: text += t > 0.5f ? "C = sum(-log(sigmoid(" + z + ")))" : "C = sum(-log(1 - sigmoid(" + z + ")))"; break;
        case Head::SoftmaxCE: {
            Tensor y(Shape::vector(mlp.desc().sizes.back()), 0.0);
            y.data[static_cast<size_t>(t)] = 1;
            g.values.emplace_back("y", y);
            text += "C = log(sum(exp(" + z + "))) - sum(y * " + z + ")";
            break;
        }
        case Head::LinearMSE: text += "C = sum((" + z + " - " + format_number(t) + ")^2)"; break;
        case Head::TanhHalfSquared: text += "C = 0.5 * sum((" + z + " - " + format_number(t > 0.5f ? 1 : -1) + ")^2)"; break;
    }
    g.expression = text;
    out = g;
    return true;
}

}  // namespace nabla
