#include "lab/lesson_lab.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <type_traits>

#include "engine/i18n.h"
#include "engine/utf8.h"
#include "lab/graph_lab.h"
#include "lab/json_writer.h"
#include "lab/playground_lab.h"
#include "lab/trajectory_lab.h"
#include "lab/url_codec.h"

namespace nabla {

namespace {

double no_clock() { return 0; }

template <class Lab>
bool still_replaying(const Lab&) {
    return false;
}
bool still_replaying(const PlaygroundLab& lab) { return lab.replaying(); }

// A graph link that leaves an input out keeps the student's value on the page (GraphLab keeps an
// input's value across expressions) but 1 here: the answer would differ. Refused.
bool sets_every_input(const GraphLab& lab, const std::string& state, std::string& error) {
    GraphLabState given;
    std::string why;
    if (!GraphLabState::from_string(state, given, why)) return true;  // the lab refused it already
    for (const auto& [name, v] : lab.state().values) {
        bool set = false;
        for (const auto& [n, x] : given.values) set = set || n == name;
        if (!set) return error = message_safe("the link does not set " + name + ": the page would keep the student's value"), false;
    }
    return true;
}

template <class Lab>
bool open_in(const std::string& state, std::string& json, std::string& error) {
    Lab lab;
    typename Lab::Command c;
    if (!Lab::parse_command("state", state, 0, c, error)) return false;
    if (!lab.apply(c)) return error = lab.error(), false;
    if constexpr (std::is_same_v<Lab, GraphLab>)
        if (!sets_every_input(lab, state, error)) return false;
    // A playground link replays its training over frames on the page; here all at once.
    for (int frames = 0; still_replaying(lab) && frames < 1000000; ++frames) lab.frame(1, no_clock, 1e300);
    json = lab.to_json();
    return true;
}

}  // namespace

bool lab_json_for_link(const std::string& link, std::string& json, std::string& error) {
    const size_t colon = link.find(':');
    const std::string lab = link.substr(0, colon);
    std::string state;  // without the app's keys, which no lab reads
    if (colon != std::string::npos)
        for (const std::string& part : split_list(link.substr(colon + 1), '&')) {
            const std::string key = part.substr(0, part.find('='));
            if (key == "hide" || key == "lang" || key.compare(0, 3, "ui.") == 0) continue;
            state += (state.empty() ? "" : "&") + part;
        }
    if (colon == std::string::npos) return error = "a step's link should start with graph:, playground: or trajectory:", false;
    if (lab == GraphLab::name) return open_in<GraphLab>(state, json, error);
    if (lab == PlaygroundLab::name) return open_in<PlaygroundLab>(state, json, error);
    if (lab == TrajectoryLab::name) return open_in<TrajectoryLab>(state, json, error);
    return error = message_safe("no lab named '" + lab + "'"), false;
}

bool LessonLab::load_course(const std::string& text) {
    Course c;
    if (!Course::parse(text, c, error_)) {
        pending_.clear();
        return error_ = trf("the course cannot be read: %s", error_.c_str()), false;
    }
    course_ = std::move(c);
    lesson_ = -1, step_ = 0;  // a step of another course means nothing in this one
    if (!pending_.empty()) return load_state(std::exchange(pending_, std::string()));
    return true;
}

void LessonLab::course_failed(const std::string& why) {
    error_ = why;
    pending_.clear();
    wanted_ = false;
}

bool LessonLab::at_end() const {
    return open() && lesson_ + 1 == static_cast<int>(course_.lessons.size()) && step_ + 1 == static_cast<int>(current_lesson()->steps.size());
}

double LessonLab::tolerance() const {
    const LessonStep* s = current();
    return s && s->has_question ? tolerance_for(s->question, expected_) : 0;
}

bool LessonLab::go(int lesson, int step) {
    if (lesson < 0 || lesson >= static_cast<int>(course_.lessons.size()))
        return error_ = trf("there is no lesson %d: the course has %d", lesson + 1, static_cast<int>(course_.lessons.size())), false;
    const int steps = static_cast<int>(course_.lessons[lesson].steps.size());
    if (step < 0 || step >= steps) return error_ = trf("lesson %d has no step %d: it has %d", lesson + 1, step + 1, steps), false;
    lesson_ = lesson, step_ = step;
    verdict_ = Verdict::None;
    revealed_ = false;
    typed_.clear();
    chosen_ = -1, tries_ = 0;
    const LessonStep& s = *current();
    link_request_ = s.link;
    // The lab as the step opens it (the texts' numbers) and as its reveal leaves it (the answer, and
    // the texts' "after." numbers), each opened out of sight.
    answer_error_.clear();
    std::string json = "{}", after = "{}", why;
    auto braces = [](const Bilingual& b) { return b.en.find('{') != std::string::npos || b.ko.find('{') != std::string::npos; };
    const bool texts = braces(s.text) || braces(s.question.ask) || braces(s.question.hint);
    const std::string reveal = s.reveal.empty() ? s.link : s.reveal;
    if (texts && !lab_json_for_link(s.link, json, why)) answer_error_ = "line " + std::to_string(s.line) + ": " + why;
    if (answer_error_.empty() && (s.has_question || texts)) {
        if (reveal == s.link && texts) after = json;
        else if (!lab_json_for_link(reveal, after, why)) answer_error_ = "line " + std::to_string(s.line) + ": " + why;
    }
    fill_texts(answer_error_.empty() ? json : "{}", answer_error_.empty() ? after : "{}");
    compute_answer(after);
    return true;
}

// The answer is whatever the lab says once the reveal link is open: a course can never state a
// number the lab does not compute.
void LessonLab::compute_answer(const std::string& json) {
    expected_ = 0, right_option_ = -1;
    const LessonStep& s = *current();
    if (!s.has_question || !answer_error_.empty()) return;
    std::string why;
    const LessonQuestion& q = s.question;
    if (q.numeric()) {
        if (!evaluate_in_json(q.answer, json, expected_, why)) answer_error_ = "line " + std::to_string(s.line) + ": " + why;
        return;
    }
    int holding = 0;
    for (size_t i = 0; i < q.options.size(); ++i) {
        double v = 0;
        if (!evaluate_in_json(q.options[i].condition, json, v, why)) {
            answer_error_ = "line " + std::to_string(s.line) + ": " + why;
            return;
        }
        if (v != 0) right_option_ = static_cast<int>(i), ++holding;
    }
    if (holding != 1) {
        answer_error_ = "line " + std::to_string(s.line) + ": " + std::to_string(holding) + " options hold, not one";
        right_option_ = -1;
    }
}

void LessonLab::fill_texts(const std::string& json, const std::string& after) {
    const LessonStep& s = *current();
    auto fill = [&](const Bilingual& from, Bilingual& to) {
        to = from;
        std::string why, filled;
        for (auto [in, out] : {std::pair{&from.en, &to.en}, std::pair{&from.ko, &to.ko}}) {
            if (in->find('{') == std::string::npos) continue;
            if (fill_in(*in, json, after, filled, why)) *out = filled;  // else the text as written, and the error said
            else if (answer_error_.empty()) answer_error_ = "line " + std::to_string(s.line) + ": " + why;
        }
    };
    fill(s.text, text_);
    fill(s.question.ask, ask_);
    fill(s.question.hint, hint_);
}

bool LessonLab::load_state(const std::string& text) {
    int lesson = -1, step = 1;
    for (const auto& [key, value] : split_query(text)) {
        if (key == "n") {
            for (size_t i = 0; i < course_.lessons.size(); ++i)
                if (course_.lessons[i].key == value) lesson = static_cast<int>(i) + 1;
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (lesson < 0 && !value.empty() && *end == '\0' && n >= 1 && n <= 1000) lesson = static_cast<int>(n);
            if (lesson < 0 && !has_course()) lesson = 0;  // checked once the course is here
            if (lesson < 0) return error_ = trf("no lesson '%s' in the course", value.c_str()), false;
        } else if (key == "step") {
            char* end = nullptr;
            const long k = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || k < 1 || k > 1000) return error_ = trf("step must be a number from 1, not '%s'", value.c_str()), false;
            step = static_cast<int>(k);
        } else {
            return error_ = trf("a lesson link has n= and step=, not '%s'", key.c_str()), false;
        }
    }
    if (lesson < 0) return error_ = tr("a lesson link needs n= (the lesson's number)"), false;
    if (!has_course()) {  // opened when the course arrives
        pending_ = text;
        wanted_ = true;
        return true;
    }
    return go(lesson - 1, step - 1);
}

bool LessonLab::apply(const LessonCommand& c) {
    error_.clear();
    if (c.kind == LessonCommand::LoadState) return load_state(c.text);
    if (c.kind == LessonCommand::Close) {  // also a lesson link still waiting for the course
        lesson_ = -1, step_ = 0;
        pending_.clear();
        return true;
    }
    if (!has_course()) return error_ = tr("the course has not arrived yet"), false;
    if (c.kind == LessonCommand::Open) return go(c.lesson, c.step);
    if (!open()) return error_ = tr("no lesson is open"), false;
    const LessonStep& s = *current();
    switch (c.kind) {
        case LessonCommand::Next:
            if (step_ + 1 < static_cast<int>(current_lesson()->steps.size())) return go(lesson_, step_ + 1);
            if (lesson_ + 1 < static_cast<int>(course_.lessons.size())) return go(lesson_ + 1, 0);
            return error_ = tr("this is the course's last step"), false;
        case LessonCommand::Back:
            if (step_ > 0) return go(lesson_, step_ - 1);
            if (lesson_ > 0) return go(lesson_ - 1, static_cast<int>(course_.lessons[lesson_ - 1].steps.size()) - 1);
            return error_ = tr("this is the course's first step"), false;
        case LessonCommand::Reveal:
            if (!s.has_question) return error_ = tr("this step asks nothing"), false;
            if (!revealed_ && !s.reveal.empty()) link_request_ = s.reveal;
            revealed_ = true;
            return true;
        case LessonCommand::Answer: {
            if (!s.has_question || !s.question.numeric()) return error_ = tr("this step asks for no number"), false;
            typed_ = c.text;
            double v = 0;
            if (!read_answer(c.text, v)) return verdict_ = Verdict::NotANumber, true;
            ++tries_;
            verdict_ = answer_error_.empty() && std::abs(v - expected_) <= tolerance() ? Verdict::Right : Verdict::Wrong;
            if (verdict_ == Verdict::Right) return apply({LessonCommand::Reveal});
            return true;
        }
        case LessonCommand::Choose: {
            if (!s.has_question || s.question.numeric()) return error_ = tr("this step has no choices"), false;
            if (c.choice < 0 || c.choice >= static_cast<int>(s.question.options.size())) return error_ = trf("there is no choice %d", c.choice + 1), false;
            chosen_ = c.choice;
            ++tries_;
            verdict_ = c.choice == right_option_ ? Verdict::Right : Verdict::Wrong;
            if (verdict_ == Verdict::Right) return apply({LessonCommand::Reveal});
            return true;
        }
        case LessonCommand::Open:
        case LessonCommand::LoadState:
        case LessonCommand::Close: break;
    }
    return true;
}

bool LessonLab::parse_command(const std::string& kind, const std::string& text, double value, LessonCommand& out, std::string& error) {
    out = {};
    if (kind == "open") {
        out.kind = LessonCommand::LoadState;  // by number or key, with an optional ":step"
        const size_t colon = text.find(':');
        const double n = std::isfinite(value) ? std::clamp(value, 0.0, 1e6) : 0;  // the hook's number, never cast out of range
        const std::string lesson = text.empty() ? std::to_string(static_cast<int>(n)) : text.substr(0, colon);
        out.text = "n=" + lesson + (colon == std::string::npos ? "" : "&step=" + text.substr(colon + 1));
    } else if (kind == "next") out.kind = LessonCommand::Next;
    else if (kind == "back") out.kind = LessonCommand::Back;
    else if (kind == "close") out.kind = LessonCommand::Close;
    else if (kind == "reveal") out.kind = LessonCommand::Reveal;
    else if (kind == "answer") out.kind = LessonCommand::Answer, out.text = text;
    else if (kind == "choose") out.kind = LessonCommand::Choose, out.choice = std::isfinite(value) ? static_cast<int>(std::clamp(value, -1.0, 1e6)) : -1;
    else if (kind == "state") out.kind = LessonCommand::LoadState, out.text = text;
    else return error = trf("the lessons have no command '%s'", kind.c_str()), false;
    return true;
}

bool LessonLab::nav_command(Nav nav, LessonCommand& out) const {
    if (!open()) return false;
    const LessonStep& s = *current();
    switch (nav) {
        case Nav::Next:
            out.kind = s.has_question && !revealed_ ? LessonCommand::Reveal : LessonCommand::Next;
            return !(out.kind == LessonCommand::Next && at_end());
        case Nav::Back: out.kind = LessonCommand::Back; return lesson_ > 0 || step_ > 0;
        default: return false;
    }
}

std::string LessonLab::link() const {
    if (!open()) return pending_;
    return "n=" + std::to_string(lesson_ + 1) + "&step=" + std::to_string(step_ + 1);
}

std::string LessonLab::take_link_request() { return std::exchange(link_request_, std::string()); }

std::string LessonLab::to_json() const {
    static const char* const kVerdicts[] = {"", "right", "wrong", "not a number"};
    JsonWriter w;
    w.begin_object();
    w.key("course_loaded").value(has_course());
    w.key("error").value(error_);
    w.key("lessons").begin_array();
    for (const Lesson& l : course_.lessons)
        w.begin_object().key("key").value(l.key).key("title").value(l.title.text()).key("steps").value(static_cast<int>(l.steps.size())).end_object();
    w.end_array();
    w.key("open").value(open());
    if (open()) {
        const LessonStep& s = *current();
        w.key("lesson").value(lesson_ + 1).key("step").value(step_ + 1).key("steps").value(static_cast<int>(current_lesson()->steps.size()));
        w.key("key").value(current_lesson()->key).key("link").value(s.link).key("text").value(text());
        w.key("problem").value(answer_error_);  // the course's own mistake at this step, if any
        w.key("question");
        if (!s.has_question) {
            w.null();
        } else {
            const LessonQuestion& q = s.question;
            w.begin_object().key("ask").value(ask()).key("numeric").value(q.numeric());
            w.key("options").begin_array();
            for (const LessonOption& o : q.options) w.value(o.label.text());
            w.end_array();
            w.key("typed").value(typed_).key("chosen").value(chosen_).key("tries").value(tries_);
            w.key("verdict").value(kVerdicts[static_cast<int>(verdict_)]).key("revealed").value(revealed_);
            // The hook tells the answer (tests walk every question); the page shows it on reveal.
            if (q.numeric()) w.key("expected").value(expected_).key("within").value(tolerance());
            else w.key("right_option").value(right_option_);
            w.key("answer_error").value(answer_error_).end_object();
        }
    }
    w.end_object();
    return w.str();
}

}  // namespace nabla
