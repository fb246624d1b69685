// A Training playground link: settings, replay (steps, live changes), A/B, your own points.
// Refused cleanly with the last good state, or loaded and replayed a few frames without UB.
#include <string>

#include "fuzz_util.h"
#include "lab/playground_lab.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 8192) return 0;
    using namespace nabla;
    const std::string text(reinterpret_cast<const char*>(data), size);
    PlaygroundLab lab;
    const std::string before = lab.link();
    if (!lab.apply(playground::LoadState{text})) {
        FUZZ_CHECK(clean_message(lab.error()), "refusal message");
        FUZZ_CHECK(lab.link() == before, "a refused link keeps the last good state");
        return 0;
    }
    for (int i = 0; i < 3; ++i) lab.frame(4, nullptr, 0);  // a replay goes on over frames
    (void)lab.to_json();
    PlaygroundLab again;
    FUZZ_CHECK(again.apply(playground::LoadState{lab.link()}), "a loaded link's own link loads");
    return 0;
}
