// A Graph lab link (#graph:expr=...&x=1): tampered or truncated, it is refused with a clean message
// and the last good state kept, or loaded so that its own link loads to the same state.
#include <string>

#include "fuzz_util.h"
#include "lab/graph_lab.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 4096) return 0;
    using namespace nabla;
    const std::string text(reinterpret_cast<const char*>(data), size);
    GraphLab lab;
    const std::string before = lab.link();
    if (!lab.apply({GraphCommand::LoadState, text})) {
        FUZZ_CHECK(clean_message(lab.error()), "refusal message");
        FUZZ_CHECK(lab.link() == before, "a refused link keeps the last good state");
        return 0;
    }
    (void)lab.to_json();
    GraphLab again;
    const bool reloaded = again.apply({GraphCommand::LoadState, lab.link()});
    if (!reloaded) fuzz_last_message() = lab.link() + " -> " + again.error();
    FUZZ_CHECK(reloaded, "a loaded link's own link loads");
    FUZZ_CHECK(again.link() == lab.link(), "the link round-trips");
    return 0;
}
