// Analytic gradients of many random expressions against double-precision central differences.
// Expressions are generated as text, so the parser is exercised along with the graph; domains are
// kept safe (log(1 + a^2), a / (1.5 + b^2), ...) so every sample is differentiable.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <regex>
#include <sstream>
#include <string>

#include "cli/cli.h"
#include "engine/gradient_check.h"
#include "test_util.h"

namespace nabla {
namespace {

class ExpressionGenerator {
public:
    explicit ExpressionGenerator(unsigned seed) : rng_(seed) {}

    std::string generate(int depth) {
        if (depth == 0 || uniform() < 0.2) return leaf();
        const std::string a = generate(depth - 1), b = generate(depth - 1);
        switch (pick(20)) {
            case 0: return "(" + a + " + " + b + ")";
            case 1: return "(" + a + " - " + b + ")";
            case 2: return a + " * " + b;
            case 3: return "(" + a + ") / (1.5 + (" + b + ")^2)";
            case 4: return "exp(tanh(" + a + "))";
            case 5: return "log(1 + (" + a + ")^2)";
            case 6: return "sqrt(1 + " + a + " * " + a + ")";
            case 7: return "tanh(" + a + ")";
            case 8: return "sigmoid(" + a + ")";
            case 9: return "relu(" + a + ")";
            case 10: return "max(" + a + ", " + b + ")";
            case 11: return "min(" + a + ", " + b + ")";
            case 12: return "abs(" + a + ")";
            case 13: return "sin(" + a + ")";
            case 14: return "cos(" + a + ")";
            case 15: return "-(" + a + ")";
            case 16: return "(" + a + ")^2";
            case 17: return "(" + a + ")^3";
            case 18: return "(1 + (" + a + ")^2)^tanh(" + b + ")";
            default: return "pow(2, sin(" + a + "))";
        }
    }
    double value() { return std::uniform_real_distribution<double>(-2, 2)(rng_); }

private:
    std::mt19937 rng_;
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    std::string leaf() {
        static const char* names[] = {"x", "y", "z", "w"};
        if (uniform() < 0.75) return names[pick(4)];
        return std::to_string(0.5 + pick(4) * 0.5).substr(0, 3);
    }
};

// Central differences are wrong within h of a kink (relu, abs, max, min); such samples are skipped.
bool near_a_kink(const ScalarGraph& g) {
    for (const Node& n : g.nodes()) {
        const int arity = op_info(n.op).arity;
        const double a = arity > 0 ? g.node(g.edge(n.in[0]).from).value : 0;
        const double b = arity > 1 ? g.node(g.edge(n.in[1]).from).value : 0;
        if ((n.op == Op::Relu || n.op == Op::Abs) && std::fabs(a) < 1e-3) return true;
        if ((n.op == Op::Max || n.op == Op::Min) && std::fabs(a - b) < 1e-3) return true;
    }
    return false;
}

TEST(RandomExpressions, AnalyticGradientsMatchCentralDifferences) {
    ExpressionGenerator gen(20261122);
    int checked = 0, skipped = 0;
    double worst = 0;
    for (int trial = 0; trial < 1500; ++trial) {
        const std::string text = "f = " + gen.generate(1 + trial % 6);
        ParseError err;
        ParsedExpression p = parse_expression(text, err);
        ASSERT_TRUE(p.ok()) << text << ": " << err.text();
        for (const int id : p.inputs) p.graph.set_value(id, gen.value());
        p.graph.forward();
        if (near_a_kink(p.graph)) {
            ++skipped;
            continue;
        }
        ASSERT_TRUE(p.graph.node(p.output).finite()) << text;
        for (const GradientCheckRow& r : check_gradients(p.graph, p.output)) {
            const double abs_err = std::fabs(r.analytic - r.numeric);
            // Relative error, except for gradients so small that only an absolute bound makes sense.
            const double err_measure = std::max(std::fabs(r.analytic), std::fabs(r.numeric)) < 1e-4 ? abs_err : r.relative_error;
            worst = std::max(worst, err_measure);
            EXPECT_LT(err_measure, 1e-6) << text << "\n  d/d" << p.graph.node(r.input).name << ": analytic "
                                         << r.analytic << ", numeric " << r.numeric;
            ++checked;
        }
    }
    EXPECT_GT(checked, 1500);
    EXPECT_LT(skipped, 100);
    std::printf("checked %d gradients, skipped %d expressions near a kink, worst error %.2e\n", checked, skipped, worst);
}

// The same check through the command line a teacher would use: `nabla grad ... --check`.
TEST(RandomExpressions, CliCheckAgreesWithCentralDifferences) {
    ExpressionGenerator gen(7);
    const std::regex error_field("\"relative_error\":([^,}]+)");
    int rows = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const std::string text = "f = " + gen.generate(2 + trial % 4);
        ParseError err;
        ParsedExpression p = parse_expression(text, err);
        ASSERT_TRUE(p.ok()) << text;
        std::vector<std::string> args = {"grad", text, "--check"};
        for (const int id : p.inputs) {
            std::ostringstream v;
            v.precision(17);
            v << gen.value();
            args.push_back(p.graph.node(id).name + "=" + v.str());
            p.graph.set_value(id, std::stod(v.str()));
        }
        p.graph.forward();
        if (near_a_kink(p.graph)) continue;
        std::ostringstream out, errs;
        ASSERT_EQ(run_cli(args, out, errs), 0) << text << errs.str();
        const std::string json = out.str();
        for (auto it = std::sregex_iterator(json.begin(), json.end(), error_field); it != std::sregex_iterator(); ++it) {
            EXPECT_LT(std::stod((*it)[1]), 1e-5) << text << "\n" << json;
            ++rows;
        }
    }
    EXPECT_GT(rows, 60);
}

}  // namespace
}  // namespace nabla
