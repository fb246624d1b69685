// shaders/network.frag runs the playground's network on the GPU, in GLSL, which cannot include our
// tables: the input features, the activations' numbering, the leaky slope and the tanh's coefficients
// are written there a second time. These tests read the shader's text and fail when it drifts from
// the engine's own (the browser test full_resolution.test.mjs then checks the values it computes).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "engine/fast_math.h"
#include "engine/tensor_ops.h"
#include "lab/playground_state.h"

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

TEST(NetworkShader, NumbersTheActivationsAsTheEngineDoes) {
    const std::string body = function_body(shader(), "vec4 activate(int h, vec4 s)");
    ASSERT_FALSE(body.empty());
    const std::pair<Activation, std::string> returns[] = {
        {Activation::ReLU, "return max(s, 0.0);"},
        {Activation::LeakyReLU, "return mix(s * "},
        {Activation::Tanh, "return engine_tanh(s);"},
        {Activation::Sigmoid, "return 0.5 + 0.5 * engine_tanh(0.5 * s);"},
    };
    for (const auto& [activation, expression] : returns)
        EXPECT_NE(body.find("if (h == " + std::to_string(static_cast<int>(activation)) + ") " + expression), std::string::npos)
            << enum_key(activation) << " is " << static_cast<int>(activation) << " in the engine";
    std::smatch slope;
    ASSERT_TRUE(std::regex_search(body, slope, std::regex(R"(mix\(s \* ([0-9.]+),)")));
    EXPECT_EQ(std::strtof(slope[1].str().c_str(), nullptr), static_cast<float>(kLeakySlope));
}

TEST(NetworkShader, HasTheEnginesTanhCoefficients) {
    const std::string body = function_body(shader(), "vec4 engine_tanh(vec4 x)");
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

}  // namespace
}  // namespace nabla
