// The Graph lab's quiz: the student fills in every node's gradient in the order backprop makes it
// final, and a wrong entry is answered with the rule of the gate it came through (add distributes,
// mul swaps, max routes, branches sum). Plus a generator of fresh exercises at three levels, each
// one drawn again until no gate sits on a kink (max of equal inputs, relu at 0), so its analytic
// gradients are exactly what central differences measure.
// No ImGui: the lab (graph_lab.h) keeps the progress in its state, the panel draws it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/scalar_graph.h"

namespace nabla {

// The nodes whose gradient the student enters, in the order backprop makes them final: after the
// gate at backprop_order[k] propagates, each of its inputs whose last consumer that was; constants
// and the output (its gradient is 1) are left out.
std::vector<int> quiz_order(const ScalarGraph& graph, int output, const std::vector<int>& backprop_order);

// Why a node's gradient is what it is, by the rule of the gate(s) it feeds, in the current
// language: "x feeds 2 gates: add the gradients of both branches", "a mul gate swaps: ...".
std::string quiz_hint(const ScalarGraph& graph, int node, const std::string& output_name);

struct QuizLevel {
    static constexpr int easy = 1, medium = 2, hard = 3;
};

// A random exercise: "f = ..." and a value for each input. Level 1: add and mul of three or four
// inputs, small integers; 2: also -, max and an input used twice; 3: also exp, sigmoid, tanh, relu,
// 1/x and squares, values with one decimal. The same (level, seed) gives the same exercise.
struct Exercise {
    std::string expression;
    std::vector<std::pair<std::string, double>> values;
};
Exercise random_exercise(int level, std::uint64_t seed);

}  // namespace nabla
