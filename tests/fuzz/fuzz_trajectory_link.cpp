// A Trajectory lab link: surface, runs and their settings, replay. Refused cleanly with the last
// good state, or loaded and run a few steps; its own link loads again.
#include <string>

#include "fuzz_util.h"
#include "lab/trajectory_lab.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 8192) return 0;
    using namespace nabla;
    const std::string text(reinterpret_cast<const char*>(data), size);
    TrajectoryLab lab;
    const std::string before = lab.link();
    if (!lab.apply(trajectory::LoadState{text})) {
        FUZZ_CHECK(clean_message(lab.error()), "refusal message");
        FUZZ_CHECK(lab.link() == before, "a refused link keeps the last good state");
        return 0;
    }
    for (int i = 0; i < 3; ++i) lab.frame(8, nullptr, 0);
    (void)lab.to_json();
    TrajectoryLab again;
    FUZZ_CHECK(again.apply(trajectory::LoadState{lab.link()}), "a loaded link's own link loads");
    return 0;
}
