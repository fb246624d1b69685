// Where a student is in the course (lab/course.h) and what they answered: the Lessons tab's model.
// Opening a step asks the app to open the step's lab link (take_link_request); a question's answer
// is computed when the step opens, by opening the step's reveal link in a lab of its own, out of
// sight, and reading the lab's JSON; the student's lab is only changed on reveal.
// No ImGui, no GL: native tests walk the whole course with the page's own code.
#pragma once

#include <string>

#include "lab/course.h"
#include "lab/nav.h"

namespace nabla {

struct LessonCommand {
    enum Kind { Open, Next, Back, Close, Answer, Choose, Reveal, LoadState };
    Kind kind = Next;
    int lesson = 0, step = 0;  // Open: 0-based
    std::string text = {};     // Answer: what was typed; LoadState: a link's state ("n=2&step=3")
    int choice = -1;           // Choose: an option's index
};

enum class Verdict { None, Right, Wrong, NotANumber };

// Opens a lab link ("graph:expr=...") in a lab of its own and returns that lab's JSON, replays
// included. The app's own keys (hide=, lang=, ui.*) are ignored. False with a message when refused.
bool lab_json_for_link(const std::string& link, std::string& json, std::string& error);

class LessonLab {
public:
    using Command = LessonCommand;
    static constexpr const char* name = "lesson";  // in links (#lesson:n=2&step=3) and the hook

    // The course arrives after the page (fetched beside it when first needed); a lesson link opened
    // before it is kept and opened then. False with error() when the text does not parse.
    bool load_course(const std::string& text);
    bool has_course() const { return !course_.lessons.empty(); }
    bool wants_course() const { return wanted_ && !has_course(); }
    void want_course() { wanted_ = true; }
    // The course could not be fetched: a lesson link waiting for it is dropped (the page's link is
    // the lab's again) and the Lessons tab says why; opening the tab again asks again.
    void course_failed(const std::string& why);
    const Course& course() const { return course_; }

    bool apply(const LessonCommand& c);
    // The hook's words: open (value: lesson, 1-based; text: its key, or "lesson:step"), next, back,
    // close, answer (text), choose (value: option, 0-based), reveal, state (a link's state).
    static bool parse_command(const std::string& kind, const std::string& text, double value, LessonCommand& out, std::string& error);
    // A clicker's Next shows a question's answer before it moves on; Back goes one step back.
    bool nav_command(Nav nav, LessonCommand& out) const;

    bool open() const { return lesson_ >= 0; }
    int lesson() const { return lesson_; }  // 0-based, -1 when none is open
    int step() const { return step_; }
    const Lesson* current_lesson() const { return open() ? &course_.lessons[lesson_] : nullptr; }
    const LessonStep* current() const { return open() ? &course_.lessons[lesson_].steps[step_] : nullptr; }
    bool at_end() const;  // the course's last step

    // The open step's text, question and hint, their {placeholders} filled in from the lab.
    const std::string& text() const { return text_.text(); }
    const std::string& ask() const { return ask_.text(); }
    const std::string& hint() const { return hint_.text(); }

    // The open step's question.
    Verdict verdict() const { return verdict_; }
    bool revealed() const { return revealed_; }
    const std::string& typed() const { return typed_; }
    int chosen() const { return chosen_; }
    double expected() const { return expected_; }       // a numeric question's answer
    double tolerance() const;                           // how far off a typed answer may be
    int right_option() const { return right_option_; }  // a choice question's
    const std::string& answer_error() const { return answer_error_; }  // the course's answer or a text's number could not be computed
    int tries() const { return tries_; }

    const std::string& error() const { return error_; }
    std::string to_json() const;
    std::string link() const;  // "n=2&step=3", or "" when no lesson is open
    std::string take_link_request();
    void frame(int, double (*)(), double) {}

private:
    Course course_;
    bool wanted_ = false;
    std::string pending_;  // a lesson link that came before the course
    int lesson_ = -1, step_ = 0;
    Verdict verdict_ = Verdict::None;
    bool revealed_ = false;
    std::string typed_;
    int chosen_ = -1, tries_ = 0;
    double expected_ = 0;
    int right_option_ = -1;
    std::string answer_error_;
    Bilingual text_, ask_, hint_;
    std::string link_request_;
    std::string error_;

    bool go(int lesson, int step);
    void compute_answer(const std::string& lab_json);
    void fill_texts(const std::string& lab_json, const std::string& after_json);
    bool load_state(const std::string& text);
};

}  // namespace nabla
