// The lessons' inputs: a course file (what a teacher edits, fetched beside the page), a lesson link
// (#lesson:n=..&step=.., tampered), and the JSON reader that answers read the labs with (and weights
// files are read with). A refusal's message is clean, a refused link keeps the open step, a course
// that parses has answers that evaluate or refuse cleanly.
#include <string>

#include "fuzz_util.h"
#include "lab/graph_lab.h"
#include "lab/json_reader.h"
#include "lab/lesson_lab.h"

namespace {

const std::string& graph_json() {  // a lab's JSON, for the answers' paths
    static const std::string json = nabla::GraphLab().to_json();
    return json;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 16384) return 0;
    using namespace nabla;
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string error;

    JsonValue doc;
    if (!read_json(text, doc, error)) FUZZ_CHECK(clean_message(error), "JSON refusal message");

    Course course;
    error.clear();
    if (!Course::parse(text, course, error)) {
        FUZZ_CHECK(clean_message(error), "course refusal message");
    } else {
        for (const Lesson& l : course.lessons)
            for (const LessonStep& s : l.steps) {
                double v = 0;
                std::string why, filled;
                if (!s.question.answer.empty() && !evaluate_in_json(s.question.answer, graph_json(), v, why))
                    FUZZ_CHECK(clean_message(why), "answer refusal message");
                why.clear();
                if (!fill_in(s.text.en, graph_json(), graph_json(), filled, why)) FUZZ_CHECK(clean_message(why), "text refusal message");
            }
    }

    // A tampered lesson link against a small course of its own (opening a step opens its lab).
    static LessonLab lessons = [] {
        LessonLab lab;
        lab.load_course("lesson a\ntitle: A | 가\nstep\nlink: graph:expr=f%20%3D%20x*y&x=2&y=3\nen: {gradients.x}\nko: {after.gradients.y}\n"
                        "ask: Q | 질문\nanswer: gradients.x\nstep\nlink: graph:expr=f%20%3D%20x&x=1\nen: two\nko: 둘\n");
        lab.apply({LessonCommand::Open, 0, 0});
        return lab;
    }();
    const std::string before = lessons.link();
    if (!lessons.apply({LessonCommand::LoadState, 0, 0, text})) {
        FUZZ_CHECK(clean_message(lessons.error()), "lesson link refusal message");
        FUZZ_CHECK(lessons.link() == before, "a refused lesson link keeps the open step");
    } else {
        FUZZ_CHECK(lessons.answer_error().empty(), "a lesson link opens a step that works");
    }
    return 0;
}
