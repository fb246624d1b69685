// The Graph lab's quiz: the order it asks in, right and wrong answers with the rule as a hint, what
// the picture may show, links, and the exercise generator checked against central differences
// computed here (forward passes at x ± h, not the app's gradient check).
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "engine/expression_parser.h"
#include "lab/graph_lab.h"
#include "lab/graph_quiz.h"

namespace nabla {
namespace {

GraphLab quiz_on(const std::string& state) {
    GraphLab lab;
    EXPECT_TRUE(lab.apply({GraphCommand::LoadState, state})) << lab.error();
    EXPECT_TRUE(lab.apply({GraphCommand::QuizStart, "", 1}));
    return lab;
}

TEST(GraphQuiz, AsksInTheOrderBackpropMakesGradientsFinal) {
    GraphLab lab = quiz_on("expr=q%20%3D%20x%20%2B%20y%3B%20f%20%3D%20q%20*%20z&x=-2&y=5&z=-4");
    // f = q z propagates first (q and z are final), then q = x + y (x and y).
    const std::vector<int>& order = lab.quiz_order();
    ASSERT_EQ(order.size(), 4u);
    const ScalarGraph& g = lab.parsed().graph;
    EXPECT_EQ(g.node(order[0]).name, "q");
    EXPECT_EQ(g.node(order[1]).name, "z");
    EXPECT_EQ(g.node(order[2]).name, "x");
    EXPECT_EQ(g.node(order[3]).name, "y");
    EXPECT_TRUE(lab.shows_gradient(lab.parsed().output));  // df/df = 1 is given
    for (const int id : order) EXPECT_FALSE(lab.shows_gradient(id));
    EXPECT_EQ(lab.state().backprop_step, -1);
}

TEST(GraphQuiz, RightAnswersGoOnWrongOnesGetTheRule) {
    GraphLab lab = quiz_on("expr=q%20%3D%20x%20%2B%20y%3B%20f%20%3D%20q%20*%20z&x=-2&y=5&z=-4");
    const ScalarGraph& g = lab.parsed().graph;
    ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "-4"}));  // df/dq = z
    EXPECT_EQ(lab.quiz_verdict(), GraphLab::QuizVerdict::Right);
    EXPECT_TRUE(lab.shows_gradient(lab.quiz_order()[0]));
    ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "-4"}));  // df/dz is q = 3, not -4
    EXPECT_EQ(lab.quiz_verdict(), GraphLab::QuizVerdict::Wrong);
    EXPECT_NE(lab.quiz_hint().find("mul swaps"), std::string::npos) << lab.quiz_hint();
    EXPECT_EQ(g.node(lab.quiz_node()).name, "z");
    ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "three"}));
    EXPECT_EQ(lab.quiz_verdict(), GraphLab::QuizVerdict::NotANumber);
    ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "3"}));
    EXPECT_EQ(lab.quiz_verdict(), GraphLab::QuizVerdict::Right);
    ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "4"}));  // dx: the add hands on -4
    EXPECT_NE(lab.quiz_hint().find("add distributes"), std::string::npos) << lab.quiz_hint();
    ASSERT_TRUE(lab.apply({GraphCommand::QuizShow}));  // stuck: shown, and on to y
    EXPECT_EQ(g.node(lab.quiz_node()).name, "y");
    ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "-4.001"}));  // within 0.005
    EXPECT_EQ(lab.quiz_node(), -1);
    EXPECT_FALSE(lab.apply({GraphCommand::QuizAnswer, "1"}));
    EXPECT_EQ(lab.state().quiz, 4);
    EXPECT_NE(lab.to_json().find("\"quiz\":{\"done\":4,\"total\":4"), std::string::npos);
}

TEST(GraphQuiz, HintsNameMaxAndBranches) {
    GraphLab lab = quiz_on("expr=f%20%3D%202%20*%20(x*y%20%2B%20max(z%2C%20w))%20%2B%20x&x=3&y=-4&z=2&w=-1");
    std::set<std::string> hints;
    const ScalarGraph& g = lab.parsed().graph;
    while (lab.quiz_node() >= 0) {
        const std::string name = g.node(lab.quiz_node()).name;
        ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "1000"}));
        if (name == "z") {
            EXPECT_NE(lab.quiz_hint().find("max routes"), std::string::npos) << lab.quiz_hint();
        }
        if (name == "x") {
            EXPECT_NE(lab.quiz_hint().find("branches sum"), std::string::npos) << lab.quiz_hint();
        }
        ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, std::to_string(g.node(lab.quiz_node()).grad)}));
    }
}

TEST(GraphQuiz, LinksKeepTheQuizAndAClickerOnlyShows) {
    GraphLab lab = quiz_on("expr=f%20%3D%20a%20*%20b&a=2&b=3");
    ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "3"}));
    EXPECT_EQ(lab.link(), "expr=f%20%3D%20a%20*%20b&a=2&b=3&quiz=1&level=1");
    GraphLab again;
    ASSERT_TRUE(again.apply({GraphCommand::LoadState, lab.link()})) << again.error();
    EXPECT_EQ(again.state().quiz, 1);
    EXPECT_EQ(again.parsed().graph.node(again.quiz_node()).name, "b");
    for (const char* bad : {"expr=a&quiz=-1", "expr=a&quiz=x", "expr=a&level=4", "expr=a&level=0"})
        EXPECT_FALSE(again.apply({GraphCommand::LoadState, bad})) << bad;
    EXPECT_EQ(again.state().quiz, 1);
    GraphCommand c;
    ASSERT_TRUE(again.nav_command(Nav::Next, c));
    EXPECT_EQ(c.kind, GraphCommand::QuizShow);
    EXPECT_FALSE(again.nav_command(Nav::Back, c));
    // An input named like a key of the link is written v.quiz.
    GraphLab named;
    ASSERT_TRUE(named.apply({GraphCommand::SetExpression, "f = quiz * level"}));
    ASSERT_TRUE(named.apply({GraphCommand::QuizStart, "", 2}));
    GraphLab back;
    ASSERT_TRUE(back.apply({GraphCommand::LoadState, named.link()})) << named.link() << ": " << back.error();
    EXPECT_EQ(back.state().values.size(), 2u);
    EXPECT_EQ(back.state().quiz_level, 2);
    // A new value starts the questions again (the gradients changed); ending the quiz shows them all.
    ASSERT_TRUE(lab.apply({GraphCommand::SetValue, "a", 5}));
    EXPECT_EQ(lab.state().quiz, 0);
    ASSERT_TRUE(lab.apply({GraphCommand::QuizEnd}));
    EXPECT_FALSE(lab.quiz_on());
    for (const int id : lab.parsed().inputs) EXPECT_TRUE(lab.shows_gradient(id));
}

// Central differences, by forward passes only.
double central_difference(ParsedExpression& p, int input, const std::vector<std::pair<std::string, double>>& values) {
    ScalarGraph& g = p.graph;
    for (const auto& [name, v] : values) g.set_value(g.find_input(name), v);
    const double x = g.node(input).value, h = 1e-5 * std::max(1.0, std::abs(x));
    g.set_value(input, x + h);
    g.forward();
    const double up = g.node(p.output).value;
    g.set_value(input, x - h);
    g.forward();
    const double down = g.node(p.output).value;
    g.set_value(input, x);
    return (up - down) / (2 * h);
}

TEST(GraphQuiz, GeneratedExercisesAgreeWithCentralDifferences) {
    for (int level = 1; level <= 3; ++level) {
        std::set<std::string> distinct;
        int unary = 0, max_gates = 0, branches = 0;
        for (std::uint64_t seed = 1; seed <= 300; ++seed) {
            const Exercise ex = random_exercise(level, seed);
            SCOPED_TRACE(ex.expression);
            std::string with_values = ex.expression;
            for (const auto& [name, v] : ex.values) with_values += " " + name + "=" + std::to_string(v);
            distinct.insert(with_values);
            EXPECT_EQ(random_exercise(level, seed).expression, ex.expression);  // the same seed, the same exercise
            ParseError err;
            ParsedExpression p = parse_expression(ex.expression, err);
            ASSERT_TRUE(p.ok()) << err.text();
            ASSERT_EQ(ex.values.size(), p.inputs.size());
            for (const auto& [name, v] : ex.values) {
                p.graph.set_value(p.graph.find_input(name), v);
                if (level < 3) {
                    EXPECT_EQ(v, std::round(v)) << name;
                }
                EXPECT_NE(v, 0);
            }
            p.graph.forward();
            p.graph.backward(p.output);
            std::vector<double> analytic;
            for (const int id : p.inputs) analytic.push_back(p.graph.node(id).grad);
            for (size_t k = 0; k < p.inputs.size(); ++k) {
                const double numeric = central_difference(p, p.inputs[k], ex.values);
                EXPECT_NEAR(analytic[k], numeric, 1e-6 * std::max(1.0, std::abs(numeric))) << p.graph.node(p.inputs[k]).name;
            }
            for (const Node& n : p.graph.nodes()) {
                unary += op_info(n.op).arity == 1;
                max_gates += n.op == Op::Max;
                branches += n.op == Op::Input && n.out.size() > 1;
            }
            if (level == 1) {
                EXPECT_EQ(ex.expression.find_first_of("-m"), std::string::npos);  // add and mul only
            }
        }
        EXPECT_GT(distinct.size(), 200u) << "level " << level;
        if (level >= 2) {
            EXPECT_GT(max_gates, 20) << "level " << level;
        }
        if (level >= 2) {
            EXPECT_GT(branches, 20) << "level " << level;
        }
        if (level == 3) {
            EXPECT_GT(unary, 100);
        }
        if (level < 3) {
            EXPECT_EQ(unary, 0) << "level " << level;
        }
    }
}

TEST(GraphQuiz, ANewExerciseKeepsTheQuizOn) {
    GraphLab lab = quiz_on("expr=f%20%3D%20a%20*%20b&a=2&b=3");
    ASSERT_TRUE(lab.apply({GraphCommand::QuizNew, "", 3}));
    EXPECT_TRUE(lab.quiz_on());
    EXPECT_EQ(lab.state().quiz, 0);
    EXPECT_EQ(lab.state().quiz_level, 3);
    EXPECT_NE(lab.state().expression, "f = a * b");
    const std::string first = lab.state().expression;
    ASSERT_TRUE(lab.apply({GraphCommand::QuizNew, "", 3}));
    EXPECT_NE(lab.state().expression, first);  // a fresh one each time
}

}  // namespace
}  // namespace nabla

namespace nabla {
namespace {

TEST(GraphQuiz, ARefusedCommandKeepsTheProgress) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadState, "expr=f%20%3D%20a%20*%20b&a=2&b=3"}));
    ASSERT_TRUE(lab.apply({GraphCommand::QuizStart, "", 1}));
    ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "3"}));
    EXPECT_FALSE(lab.apply({GraphCommand::SetValue, "zz", 1}));
    EXPECT_FALSE(lab.apply({GraphCommand::SetValue, "a", std::nan("")}));
    EXPECT_FALSE(lab.apply({GraphCommand::SetExpression, "f = (a"}));
    EXPECT_FALSE(lab.apply({GraphCommand::LoadPreset, "nope"}));
    EXPECT_EQ(lab.state().quiz, 1);
    EXPECT_EQ(lab.quiz_verdict(), GraphLab::QuizVerdict::Right);
}

TEST(GraphQuiz, HintsForOneGateTwiceAndForMin) {
    GraphLab lab;
    ASSERT_TRUE(lab.apply({GraphCommand::LoadState, "expr=f%20%3D%20min(x%20*%20x%2C%20y)&x=3&y=20"}));
    ASSERT_TRUE(lab.apply({GraphCommand::QuizStart, "", 1}));
    const ScalarGraph& g = lab.parsed().graph;
    while (lab.quiz_node() >= 0) {
        const Node& n = g.node(lab.quiz_node());
        ASSERT_TRUE(lab.apply({GraphCommand::QuizAnswer, "1000"}));
        if (n.name == "x") {
            EXPECT_NE(lab.quiz_hint().find("both inputs of one gate"), std::string::npos) << lab.quiz_hint();
        }
        if (n.op == Op::Mul) {
            EXPECT_NE(lab.quiz_hint().find("min routes"), std::string::npos) << lab.quiz_hint();
        }
        ASSERT_TRUE(lab.apply({GraphCommand::QuizShow}));
    }
    EXPECT_EQ(quiz_hint(g, lab.parsed().output, "f"), "");  // the output feeds nothing
}

TEST(GraphQuiz, ASquareOfASquareIsWrittenAsOne) {
    for (std::uint64_t seed = 1; seed <= 2000; ++seed) {
        const Exercise ex = random_exercise(QuizLevel::hard, seed);
        EXPECT_EQ(ex.expression.find("^2^2"), std::string::npos) << ex.expression;
    }
}

}  // namespace
}  // namespace nabla
