#include "gfx/network_shader.h"

#include <algorithm>

#include "lab/playground_state.h"

namespace nabla::gfx {
namespace {

int quads(int n) { return (n + 3) / 4; }

// The GLSL type of `n` (1-4) numbers, and the first `n` components of a vec4 expression.
std::string type_of(int n) { return n == 1 ? "float" : "vec" + std::to_string(n); }
std::string first(const std::string& v, int n) { return n == 4 ? v : v + "." + std::string("xyzw").substr(0, static_cast<size_t>(n)); }

std::string vector_of(const std::vector<std::string>& lanes) {
    if (lanes.size() == 1) return lanes[0];
    std::string v = type_of(static_cast<int>(lanes.size())) + "(";
    for (size_t i = 0; i < lanes.size(); ++i) v += (i ? ", " : "") + lanes[i];
    return v + ")";
}

}  // namespace

int unrolled_uniforms(const std::vector<int>& sizes) {
    int count = 0;
    for (size_t k = 0; k + 1 < sizes.size(); ++k) count += quads(sizes[k + 1]) * (1 + 4 * quads(sizes[k]));
    return count;
}

const char* activation_function(Activation a) {
    switch (a) {
        case Activation::ReLU: return "relu";
        case Activation::LeakyReLU: return "leaky_relu";
        case Activation::Tanh: return "engine_tanh";
        case Activation::Sigmoid: return "sigmoid";
        case Activation::Linear: break;
    }
    return "";
}

std::string unrolled_network(const MlpDesc& d, unsigned features) {
    std::string code = "vec4 unrolled(float x1, float x2) {\n";
    // Four numbers to a vector, the last vector of a layer as wide as what is left of it (a float,
    // vec2 or vec3: a software rasteriser pays for every component, used or not).
    const auto width = [](int n, int quad) { return std::min(4, n - 4 * quad); };
    // The inputs in the network's order (as Mlp::forward gets them).
    const std::vector<const FeatureRow*> inputs = features_of_set(features);
    for (int t = 0; t < quads(d.sizes[0]); ++t) {
        std::vector<std::string> lanes;
        for (int i = 4 * t; i < 4 * t + width(d.sizes[0], t); ++i) lanes.push_back(*inputs[i]->formula ? inputs[i]->formula : inputs[i]->identifier);
        code += "    " + type_of(width(d.sizes[0], t)) + " a0_" + std::to_string(t) + " = " + vector_of(lanes) + ";\n";
    }
    int w = 0;  // the next uniform
    const size_t layers = d.sizes.size() - 1;
    for (size_t k = 0; k < layers; ++k) {
        const bool last = k + 1 == layers;
        const std::string f = activation_function(last ? head_activation(d.head) : d.hidden);
        const bool activated = !f.empty() && !(last && d.head == Head::SoftmaxCE);
        for (int j = 0; j < quads(d.sizes[k + 1]); ++j) {
            const int m = width(d.sizes[k + 1], j);
            // The bias first, then each four inputs: the order of the loops' sums in network.frag.
            std::string sum = first("u_w[" + std::to_string(w++) + "]", m);
            for (int t = 0; t < quads(d.sizes[k]); ++t, w += 4) {
                const std::string in = "a" + std::to_string(k) + "_" + std::to_string(t);
                std::vector<std::string> lanes;
                for (int r = 0; r < m; ++r) lanes.push_back("dot(" + first("u_w[" + std::to_string(w + r) + "]", width(d.sizes[k], t)) + ", " + in + ")");
                sum = "(" + sum + " + " + vector_of(lanes) + ")";
            }
            code += "    " + type_of(m) + " a" + std::to_string(k + 1) + "_" + std::to_string(j) + " = " + (activated ? f + "(" + sum + ")" : sum) + ";\n";
        }
    }
    const int m = std::min(4, d.sizes.back());
    const std::string out = "a" + std::to_string(layers) + "_0";
    return code + "    return " + (m == 4 ? out : "vec4(" + out + std::string(", 0.0, 0.0, 0.0").substr(0, 5 * static_cast<size_t>(4 - m)) + ")") + ";\n}\n";
}

void unrolled_weights(const Mlp<float>& net, std::vector<float>& out) {
    const MlpDesc& d = net.desc();
    out.assign(static_cast<size_t>(unrolled_uniforms(d.sizes)) * 4, 0.0f);
    float* u = out.data();
    for (const Layer<float>& L : net.layers) {
        const int outputs = static_cast<int>(L.W.rows()), inputs = static_cast<int>(L.W.cols());
        for (int j4 = 0; j4 < quads(outputs); ++j4) {
            for (int r = 0; r < 4; ++r)
                if (d.bias && 4 * j4 + r < outputs) u[r] = L.b(4 * j4 + r);
            u += 4;
            for (int t = 0; t < quads(inputs); ++t)
                for (int r = 0; r < 4; ++r, u += 4)
                    for (int i = 0; i < 4; ++i)
                        if (4 * j4 + r < outputs && 4 * t + i < inputs) u[i] = L.W(4 * j4 + r, 4 * t + i);
        }
    }
}

}  // namespace nabla::gfx
