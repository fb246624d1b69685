#include "gfx/network_shader.h"

#include "lab/playground_state.h"

namespace nabla::gfx {
namespace {

int quads(int n) { return (n + 3) / 4; }

std::string vector_of(const std::string (&lanes)[4]) {
    return "vec4(" + lanes[0] + ", " + lanes[1] + ", " + lanes[2] + ", " + lanes[3] + ")";
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
    // The inputs, four to a vector, in the network's order (as Mlp::forward gets them).
    const std::vector<const FeatureRow*> inputs = features_of_set(features);
    for (int t = 0; t < quads(d.sizes[0]); ++t) {
        std::string lanes[4] = {"0.0", "0.0", "0.0", "0.0"};
        for (int i = 0; i < 4; ++i)
            if (4 * t + i < static_cast<int>(inputs.size()))
                lanes[i] = *inputs[4 * t + i]->formula ? inputs[4 * t + i]->formula : inputs[4 * t + i]->identifier;
        code += "    vec4 a0_" + std::to_string(t) + " = " + vector_of(lanes) + ";\n";
    }
    int w = 0;  // the next uniform
    const size_t layers = d.sizes.size() - 1;
    for (size_t k = 0; k < layers; ++k) {
        const bool last = k + 1 == layers;
        const std::string f = activation_function(last ? head_activation(d.head) : d.hidden);
        const bool activated = !f.empty() && !(last && d.head == Head::SoftmaxCE);
        for (int j = 0; j < quads(d.sizes[k + 1]); ++j) {
            // The bias first, then each four inputs: the order of the loops' sums in network.frag.
            std::string sum = "u_w[" + std::to_string(w++) + "]";
            for (int t = 0; t < quads(d.sizes[k]); ++t) {
                const std::string in = "a" + std::to_string(k) + "_" + std::to_string(t);
                std::string lanes[4];
                for (std::string& lane : lanes) lane = "dot(u_w[" + std::to_string(w++) + "], " + in + ")";
                sum = "(" + sum + " + " + vector_of(lanes) + ")";
            }
            code += "    vec4 a" + std::to_string(k + 1) + "_" + std::to_string(j) + " = " + (activated ? f + "(" + sum + ")" : sum) + ";\n";
        }
    }
    return code + "    return a" + std::to_string(layers) + "_0;\n}\n";
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
