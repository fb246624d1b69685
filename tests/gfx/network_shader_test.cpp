// shaders/network.frag runs the playground's network on the GPU, in GLSL, which cannot include our
// tables: the input features, the activations' numbering, the leaky slope and the tanh's coefficients
// are written there a second time. These tests read the shader's text and fail when it drifts from
// the engine's own (the browser test full_resolution.test.mjs then checks the values it computes).
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "engine/fast_math.h"
#include "engine/tensor_ops.h"
#include "gfx/network_shader.h"
#include "lab/playground_state.h"
#include "nn/rng.h"

namespace nabla {
namespace {

std::string shader() {
    std::ifstream in(std::string(NABLA_SOURCE_DIR) + "/shaders/network.frag");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The text between `begin` and the next line that is exactly "}".
std::string function_body(const std::string& text, const std::string& begin) {
    const size_t a = text.find(begin);
    if (a == std::string::npos) return "";
    return text.substr(a, text.find("\n}", a) - a);
}

TEST(NetworkShader, MakesTheInputsFromThePlaygroundsFeatureTableInItsOrder) {
    std::string list;
    for (const FeatureRow& f : kFeatures) list += std::string(list.empty() ? "" : ", ") + (*f.formula ? f.formula : f.identifier);
    const std::string line = "float all[" + std::to_string(kFeatureCount) + "] = float[" + std::to_string(kFeatureCount) + "](" + list + ");";
    EXPECT_NE(shader().find(line), std::string::npos) << "expected in network.frag: " << line;
}

// The loops call activate(h, s) with the engine's numbering; the unrolled network calls the functions
// by the names gfx::activation_function gives: both must reach the same formulas.
TEST(NetworkShader, NumbersTheActivationsAsTheEngineDoes) {
    const std::string text = shader();
    const std::string body = function_body(text, "vec4 activate(int h, vec4 s)");
    ASSERT_FALSE(body.empty());
    for (Activation a : {Activation::ReLU, Activation::LeakyReLU, Activation::Tanh, Activation::Sigmoid})
        EXPECT_NE(body.find("if (h == " + std::to_string(static_cast<int>(a)) + ") return " + gfx::activation_function(a) + "(s);"),
                  std::string::npos)
            << enum_key(a) << " is " << static_cast<int>(a) << " in the engine";
    EXPECT_EQ(std::string(gfx::activation_function(Activation::Linear)), "");
    const std::pair<Activation, std::string> formulas[] = {
        {Activation::ReLU, "(T s) { return max(s, 0.0); }"},
        {Activation::LeakyReLU, "(T s) { return mix(s * "},
        {Activation::Sigmoid, "(T s) { return 0.5 + 0.5 * engine_tanh(0.5 * s); }"},
    };
    for (const auto& [activation, formula] : formulas)
        EXPECT_NE(text.find(std::string("T ") + gfx::activation_function(activation) + formula), std::string::npos) << enum_key(activation);
    std::smatch slope;
    ASSERT_TRUE(std::regex_search(text, slope, std::regex(R"(mix\(s \* ([0-9.]+),)")));
    EXPECT_EQ(std::strtof(slope[1].str().c_str(), nullptr), static_cast<float>(kLeakySlope));
}

TEST(NetworkShader, HasTheEnginesTanhCoefficients) {
    const std::string body = function_body(shader(), "T engine_tanh(T x)");
    ASSERT_FALSE(body.empty());
    std::set<float> in_shader;
    const std::regex number(R"(-?[0-9]+\.[0-9]+(e-?[0-9]+)?)");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), number); it != std::sregex_iterator(); ++it)
        in_shader.insert(std::strtof(it->str().c_str(), nullptr));
    in_shader.erase(-tanh_coefficients::clamp);  // the clamp is written with both signs
    using namespace tanh_coefficients;
    const std::set<float> engine = {clamp, a1, a3, a5, a7, a9, a11, a13, b0, b2, b4, b6};
    EXPECT_EQ(in_shader, engine);
}

// The unrolled network's weights, read as the generated code reads them (a bias vector, then per
// four inputs four dot products), give Mlp::forward's outputs: the layout and the code agree.
TEST(NetworkShader, UnrolledWeightsReadAsTheCodeReadsThemGiveTheEnginesOutput) {
    for (const std::vector<int>& sizes : std::vector<std::vector<int>>{{2, 4, 2, 1}, {7, 5, 9, 3}, {3, 8, 8, 1}, {1, 1}}) {
        MlpDesc d;
        d.sizes = sizes;
        d.hidden = Activation::Tanh;
        d.head = sizes.back() == 3 ? Head::SoftmaxCE : Head::TanhHalfSquared;
        d.seed = 4;
        Mlp<float> net(d);
        for (Layer<float>& L : net.layers) L.b.setRandom();  // biases of 0.1 everywhere would hide a swap
        std::vector<float> u;
        gfx::unrolled_weights(net, u);
        ASSERT_EQ(u.size(), static_cast<size_t>(gfx::unrolled_uniforms(sizes)) * 4);
        Matrix<float> x(1, sizes[0]);
        for (int i = 0; i < sizes[0]; ++i) x(0, i) = 0.3f * static_cast<float>(i) - 0.4f;
        Activations<float> acts;
        acts.reserve(d, 1);
        net.forward(ConstMatrixView<float>(x.data(), 1, sizes[0]), acts);
        std::vector<float> in(x.data(), x.data() + sizes[0]);
        const float* w = u.data();
        for (size_t k = 0; k + 1 < sizes.size(); ++k) {
            const int quads_in = (sizes[k] + 3) / 4, quads_out = (sizes[k + 1] + 3) / 4;
            in.resize(4 * quads_in, 0.0f);
            std::vector<float> out(4 * quads_out);
            for (int j4 = 0; j4 < quads_out; ++j4) {
                float s[4] = {w[0], w[1], w[2], w[3]};
                w += 4;
                for (int t = 0; t < quads_in; ++t)
                    for (int r = 0; r < 4; ++r, w += 4)
                        for (int i = 0; i < 4; ++i) s[r] += w[i] * in[4 * t + i];
                for (int r = 0; r < 4; ++r) out[4 * j4 + r] = k + 2 < sizes.size() || d.head != Head::SoftmaxCE ? fast_tanh(s[r]) : s[r];
            }
            in = out;
        }
        EXPECT_EQ(w, u.data() + u.size());
        for (int j = 0; j < sizes.back(); ++j) {
            const float engine = d.head == Head::SoftmaxCE ? acts.s.back()(0, j) : acts.z.back()(0, j);  // logits before a softmax
            EXPECT_NEAR(in[j], engine, 1e-5f) << "output " << j << " of network " << ::testing::PrintToString(sizes);
        }
    }
}

// Shapes the playground can make, every activation and head, compiled by the reference compiler as
// the page compiles them (network.frag with its includes, UNROLLED and COLOURED defined, the
// generated function after it).
TEST(NetworkShader, UnrolledShadersCompile) {
    std::ifstream in(std::string(NABLA_SHADERS_DIR) + "/network.frag");
    std::stringstream text;
    text << in.rdbuf();
    ASSERT_FALSE(text.str().empty()) << "cmake writes the composed shaders to " << NABLA_SHADERS_DIR;
    struct Case {
        std::vector<int> sizes;
        Activation hidden;
        Head head;
        unsigned features;
    };
    const Case cases[] = {
        {{2, 4, 2, 1}, Activation::Tanh, Head::TanhHalfSquared, X1 | X2},
        {{7, 16, 12, 3}, Activation::ReLU, Head::SoftmaxCE, 127},
        {{3, 5, 3, 1}, Activation::Sigmoid, Head::LinearMSE, X1 | X2 | SinX2},
        {{2, 8, 8, 8, 2}, Activation::LeakyReLU, Head::SoftmaxCE, X1 | X2},
        {{1, 1}, Activation::Linear, Head::SigmoidBCE, X1TimesX2},
    };
    for (const Case& c : cases) {
        MlpDesc d;
        d.sizes = c.sizes, d.hidden = c.hidden, d.head = c.head;
        std::string source = text.str();
        source.insert(source.find('\n') + 1, "#define UNROLLED " + std::to_string(gfx::unrolled_uniforms(c.sizes)) + "\n#define COLOURED\n");
        source += gfx::unrolled_network(d, c.features);
        const std::string path = ::testing::TempDir() + "unrolled.frag";
        std::ofstream(path) << source;
        const std::string command = std::string(NABLA_GLSLANG) + " " + path + " > " + path + ".log 2>&1";
        EXPECT_EQ(std::system(command.c_str()), 0) << ::testing::PrintToString(c.sizes) << ":\n" << source.substr(source.find("vec4 unrolled(float x1, float x2) {"));
        std::remove(path.c_str());
    }
}

}  // namespace
}  // namespace nabla
