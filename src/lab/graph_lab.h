// The Graph lab's model: what the user typed and set (GraphLabState, plain data that serialises to
// a link), and everything derived from it (the parsed graph, its layout, the backprop step, the
// gradient check). The UI reads it and sends GraphCommands; it never changes the model directly.
// No ImGui, no GL: native tests and the CLI drive the same code as the page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/expression_parser.h"
#include "engine/gradient_check.h"
#include "engine/range.h"
#include "engine/tensor_graph.h"
#include "lab/graph_layout.h"
#include "lab/nav.h"

namespace nabla {

struct GraphLabState {
    std::string expression = "f = (x + y) * z";
    // Numbers, vectors or matrices (engine/tensor_value.h): one that is not a number makes the
    // graph vectorised (engine/tensor_graph.h); a link writes it as [[0.1,0.5],[-0.3,0.8]].
    std::vector<std::pair<std::string, Tensor>> values = {{"x", -2}, {"y", 5}, {"z", -4}};
    int backprop_step = -1;  // -1: backprop complete; k >= 0: only the first k gates have propagated
    static constexpr Range steps{-1, 100000};  // what a link's step= may say
    int quiz = -1;           // -1: no quiz; k >= 0: the student has filled in the first k gradients (lab/graph_quiz.h)
    int quiz_level = 1;      // the next exercise's level, 1 to 3

    // "expr=f%20%3D%20...&x=-2&y=5&step=-1" (and "&quiz=2&level=1" in a quiz): for the URL hash,
    // presets and the test hook. Inputs named like a key are written "v.step=".
    std::string to_string() const;
    // Parses to_string()'s format; on a malformed string returns false, says why, changes nothing.
    static bool from_string(const std::string& text, GraphLabState& out, std::string& error);
};

struct GraphPreset {
    const char* id;      // "E2"
    const char* title;   // "Sigmoid neuron, gate by gate"
    const char* lesson;  // one line: what to look at
    GraphLabState state;
};
const std::vector<GraphPreset>& graph_presets();

struct GraphCommand {
    enum Kind { SetExpression, SetValue, StepForward, StepBack, StepToStart, StepToEnd, LoadPreset, LoadState,
                QuizStart, QuizAnswer, QuizShow, QuizNew, QuizEnd, SetTensor, ExpandToScalars };
    Kind kind;
    // expression, input name, preset id, state string, a quiz answer, or name=value for SetTensor
    // ("W=[[0.1,0.5],[-0.3,0.8]]": an input becomes a vector or matrix, or a number again)
    std::string text = {};
    double value = 0;       // an input's value, or a quiz's level (QuizStart, QuizNew)
};

// Typing mistakes show under the expression box, not on the app's status line; dragging a value
// leaves the status line as it is. (Other labs' commands: see app.cpp's defaults.)
inline bool shows_error_inline(const GraphCommand& c) {
    return c.kind == GraphCommand::SetExpression || c.kind == GraphCommand::QuizAnswer || c.kind == GraphCommand::SetTensor;
}
inline bool keeps_status(const GraphCommand& c) { return c.kind == GraphCommand::SetValue; }

// A gate whose behaviour has a name in the lecture: add distributes, mul swaps, max routes, and a
// value used twice sums its gradients.
const char* gate_pattern(const ScalarGraph& graph, int node);

class JsonWriter;
// The output value and every input's gradient (and, with_nodes, every node and edge) as JSON
// fields: shared by the CLI's `nabla grad` and the test hook, so both report the same numbers.
void write_expression_json(JsonWriter& w, const ParsedExpression& parsed, bool with_nodes);
void write_check_json(JsonWriter& w, const ScalarGraph& graph, const std::vector<GradientCheckRow>& rows);

class GraphLab {
public:
    GraphLab();

    using Command = GraphCommand;
    static constexpr const char* name = "graph";  // in links (#graph:...) and the hook

    // Returns false (and sets error()) when the command is refused; the last good graph stays.
    bool apply(const GraphCommand& command);
    // The hook's words: expression, value (text: the input), step_forward, step_back, step_start,
    // step_end, preset, state (a link), quiz_start (value: level), quiz_answer (text), quiz_show,
    // quiz_new (value: level), quiz_end, tensor (text: name=value), expand. False with `error` for anything else.
    static bool parse_command(const std::string& kind, const std::string& text, double value, GraphCommand& out, std::string& error);
    // Keys and clickers step backprop: next, back, to the start, to the end. In a quiz, next shows
    // the gradient asked for (the student is stuck), nothing else.
    bool nav_command(Nav nav, GraphCommand& out) const;

    const GraphLabState& state() const { return state_; }
    const ParsedExpression& parsed() const { return parsed_; }    // the last expression that parsed
    // A vectorised graph (an input is a vector or a matrix): the same nodes and edges as parsed(),
    // whose scalar values then mean nothing; its values, gradients and check are these.
    bool vectorised() const { return tensor_.has_value(); }
    const TensorGraph& tensor() const { return *tensor_; }
    const std::vector<GradientCheckRow>& tensor_check() const { return tensor_check_; }
    static constexpr int kCheckedElements = 48;  // of a vectorised graph's inputs, per change
    const GraphLayout& layout() const { return layout_; }
    const std::vector<GradientCheckRow>& check() const { return check_; }
    const std::vector<int>& backprop_order() const { return order_; }  // gates, output first
    int backprop_done() const;        // gates that have propagated so far
    int current_gate() const;         // the gate highlighted in step mode, -1 when complete
    bool propagated(int gate) const;      // has sent its gradient down its in-edges in this step
    bool gradient_ready(int node) const;  // every consumer has propagated into it (or it is the output)

    // What the picture may show: in a quiz, only the gradients filled in (and the output's 1);
    // otherwise what backprop has reached. An edge's upstream/local/downstream likewise.
    bool shows_gradient(int node) const;
    bool shows_edge(int edge) const;
    // The quiz (lab/graph_quiz.h): on, the nodes in the order asked, the one asked now (-1 when
    // all are filled in), how the last answer went and the rule that explains it.
    enum class QuizVerdict { None, Right, Wrong, NotANumber, Shown };
    bool quiz_on() const { return state_.quiz >= 0; }
    const std::vector<int>& quiz_order() const { return quiz_order_; }
    int quiz_node() const;
    QuizVerdict quiz_verdict() const { return quiz_verdict_; }
    const std::string& quiz_hint() const { return quiz_hint_; }
    const std::string& quiz_typed() const { return quiz_typed_; }
    double quiz_tolerance(double gradient) const;
    const std::string& draft() const { return draft_; }  // the text in the box, even if it fails
    const ParseError& parse_error() const { return parse_error_; }
    const std::string& error() const { return error_; }  // last refused command, for the status line
    const std::string& value_error() const { return value_error_; }  // why the last typed value was refused, under the inputs
    // Vectors kept from an earlier expression that the one typed does not take: which, and why.
    const std::string& inputs_note() const { return inputs_note_; }

    std::string to_json() const;  // state and results, for the test hook
    std::string link() const { return state_.to_string(); }
    std::string take_link_request() { return {}; }
    void frame(int, double (*)(), double) {}  // nothing runs between frames

private:
    GraphLabState state_;
    ParsedExpression parsed_;
    std::optional<TensorGraph> tensor_;
    // Every input's last value by name, so typing an expression over (whose inputs come and go
    // with each key) keeps a matrix typed earlier. At most kRemembered names.
    std::vector<std::pair<std::string, Tensor>> remembered_;
    static constexpr size_t kRemembered = 64;
    std::vector<GradientCheckRow> tensor_check_;
    GraphLayout layout_;
    std::vector<GradientCheckRow> check_;
    std::vector<int> order_;
    std::vector<int> quiz_order_;
    QuizVerdict quiz_verdict_ = QuizVerdict::None;
    std::string quiz_hint_, quiz_typed_;
    std::uint64_t quiz_seed_ = 1;  // the next exercise's
    std::string draft_;
    ParseError parse_error_;
    std::string error_;
    std::string value_error_;
    std::string inputs_note_;
    // Inputs that are numbers only because their vectors did not fit the expression typed: the
    // vectors (in remembered_) come back when an expression takes them again.
    std::vector<std::string> placeholders_;

    // values_carried: the values came from the last expression (typing), not from a link or a
    // preset, so vectors that no longer fit become numbers instead of refusing the text.
    bool load(const GraphLabState& next, bool values_carried = false);
    bool is_placeholder(const std::string& name) const;
    void remember(const std::string& name, const Tensor& value);
    bool set_tensor(const std::string& text, GraphLabState next);
    void recompute();
};

}  // namespace nabla
