// Files a teacher drops on the page: a CSV of points and a weights JSON. A bad file is refused with
// a clean message; a CSV that loads survives the link form (to_text, from_text) unchanged.
#include <string>

#include "fuzz_util.h"
#include "lab/playground_lab.h"
#include "lab/weights_file.h"
#include "nn/own_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 16384) return 0;
    using namespace nabla;
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string error;
    OwnData points;
    if (parse_own_csv(text, points, error)) {
        OwnData back;
        FUZZ_CHECK(OwnData::from_text(points.to_text(), back, error), "loaded points' link form reads back");
        FUZZ_CHECK(back.to_text() == points.to_text(), "the points round-trip");
    } else {
        FUZZ_CHECK(clean_message(error), "CSV refusal message");
    }
    WeightsFile weights;
    error.clear();
    if (!read_weights_json(text, weights, error)) {
        FUZZ_CHECK(clean_message(error), "weights refusal message");
        return 0;
    }
    PlaygroundLab lab;
    if (!lab.apply(playground::LoadWeights{text})) FUZZ_CHECK(clean_message(lab.error()), "weights not loaded message");
    return 0;
}
