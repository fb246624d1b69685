// The expression box: any bytes typed into the Graph lab. Parsing, layout, forward, backward and
// the gradient check must not crash or hit undefined behaviour; a refusal has a clean message; an
// accepted expression's link reopens the same graph.
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
