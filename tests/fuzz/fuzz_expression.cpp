// The expression box: any bytes typed into the Graph lab. Parsing, layout, forward, backward and
// the gradient check must not crash or hit undefined behaviour; a refusal has a clean message; an
// accepted expression's link reopens the same graph. The vectorised graph on numbers is the scalar
// graph to the bit (values and gradients), and with every input a vector either runs or refuses
// with a clean message pointing into the text.
#include <cmath>
#include <string>

#include "fuzz_util.h"
#include "lab/graph_lab.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 4096) return 0;  // the box's own limit is smaller; longer inputs only slow the search
    using namespace nabla;
    const std::string text(reinterpret_cast<const char*>(data), size);
    GraphLab lab;
    if (!lab.apply({GraphCommand::SetExpression, text})) {
        FUZZ_CHECK(clean_message(lab.parse_error().text()), "parse error message");
        return 0;
    }
    {
        const ParsedExpression& p = lab.parsed();
        TensorGraph numbers(p, text);
        for (const auto& [name, v] : lab.state().values) numbers.set_value(numbers.find_input(name), v);
        ParseError perr;
        FUZZ_CHECK(numbers.forward(perr), "numbers always fit");
        numbers.backward();
        const auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
        for (int i = 0; i < p.graph.size(); ++i) {
            FUZZ_CHECK(same(numbers.node(i).value.data[0], p.graph.node(i).value), "the 1x1 case is the scalar graph's value");
            FUZZ_CHECK(same(numbers.node(i).grad.data[0], p.graph.node(i).grad), "the 1x1 case is the scalar graph's gradient");
        }
        TensorGraph vectors(p, text);
        for (const auto& [name, v] : lab.state().values) vectors.set_value(vectors.find_input(name), Tensor::vector({v.data[0], -v.data[0]}));
        if (vectors.forward(perr)) {
            vectors.backward();
            (void)check_tensor_gradients(vectors, 4);
        } else {
            fuzz_last_message() = perr.text();
            FUZZ_CHECK(clean_message(perr.text()), "a shape refusal's message");
            FUZZ_CHECK(perr.position >= 1 && perr.position <= static_cast<int>(text.size()), "a shape refusal points into the text");
        }
    }
    for (int i = 0; i < 3; ++i) lab.apply({GraphCommand::StepForward});
    lab.apply({GraphCommand::StepBack});
    (void)lab.to_json();
    GraphLab again;
    const bool reloaded = again.apply({GraphCommand::LoadState, lab.link()});
    if (!reloaded) fuzz_last_message() = lab.link() + " -> " + again.error();
    FUZZ_CHECK(reloaded, "an accepted expression's link loads");
    FUZZ_CHECK(again.link() == lab.link(), "the link round-trips");
    return 0;
}
