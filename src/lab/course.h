// The course: the five lecture notes as lessons of a few steps each, read from a text file a
// teacher can edit (src/lessons/course.txt; its header explains the format). A step is a lab link,
// a short text in English and Korean, and optionally a question whose answer is never typed into
// the file: it is read from the lab's own JSON once the step's link (or its reveal link) is open,
// so the course cannot disagree with what the labs compute.
// This file only reads the text and evaluates answers against a JSON document; lesson_lab.h opens
// the labs and keeps where a student is.
#pragma once

#include <string>
#include <vector>

namespace nabla {

struct Bilingual {
    std::string en, ko;
    const std::string& text() const;  // in the app's language (English where Korean is missing)
};

// A choice of a question: right when its condition holds in the revealed lab ("runs[2].diverged",
// "runs[0].length > runs[2].length").
struct LessonOption {
    Bilingual label;
    std::string condition;
};

struct LessonQuestion {
    Bilingual ask;
    std::string answer;  // numeric: a path into the lab's JSON ("gradients.x", "nodes[name=q].grad")
    double within = 0;   // numeric: how far a typed answer may be off; 0 before reading: see kDefaultWithin
    std::vector<LessonOption> options;  // a choice question when not empty (exactly one holds)
    Bilingual hint;                     // optional: said after a wrong answer (the rule to use)
    bool numeric() const { return options.empty(); }
};

struct LessonStep {
    int line = 0;             // in the course file, for messages
    std::string link;         // "graph:expr=...": what the step shows
    std::string reveal;       // a question's answer shown: the link opened on reveal ("" : link)
    Bilingual text;
    bool has_question = false;
    LessonQuestion question;
};

struct Lesson {
    std::string key;    // "chain-rule": stable, for tests
    Bilingual title;
    std::string notes;  // which lecture notes it follows: "003, 001"
    std::vector<LessonStep> steps;
};

struct Course {
    std::vector<Lesson> lessons;
    // Reads the course file; on a mistake returns false and says where ("line 12: ..."), changing nothing.
    static bool parse(const std::string& text, Course& out, std::string& error);
};

// A question without "within:" accepts answers this close to the value, or this fraction of it.
constexpr double kDefaultWithin = 0.005;
double tolerance_for(const LessonQuestion& q, double expected);
// The default alone: how far a typed number may be off (the lessons and the Graph lab's quiz).
double answer_tolerance(double expected);

// Evaluates "path", "number", "a <op> b" (op one of < > <= >= == != *) or such terms joined by
// " and " against a JSON document (a lab's to_json()). A path is keys and indices:
// "runs[2].diverged", "nodes[name=q].grad", "check[input=x].numeric". Numbers are numbers,
// true/false 1/0, a string is 1 when not empty. False, with a message, when a path leads nowhere.
bool evaluate_in_json(const std::string& expression, const std::string& json, double& out, std::string& error);

// A step's text with every "{expression}" replaced by its value in the lab's JSON, to 4 significant
// digits ("{inspect.s}") or as many as asked ("{first_weight:8}"): a text never quotes a number the
// lab does not show. Paths read the step's lab as it opens (`json`); "after." before a path reads it
// as the reveal leaves it (`after`: "{after.inspect.s}"), for a question that shows a number it hides.
bool fill_in(const std::string& text, const std::string& json, const std::string& after, std::string& out, std::string& error);

// A student's typed answer: a number, or arithmetic the Graph lab's parser can evaluate ("-0.2*2",
// "−4" with a typographic minus). False when it is not a number.
bool read_answer(const std::string& typed, double& out);

}  // namespace nabla
