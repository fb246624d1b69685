// The course (src/lessons/course.txt) walked as a class would: every step's link opens, every
// question's answer is computed from its lab and equals the lecture's number worked out here
// independently (LESSONS.md), right answers are accepted and wrong ones refused, links open
// lesson N at step K, and the format's mistakes are named by line.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "engine/i18n.h"
#include "lab/lesson_lab.h"

namespace nabla {
namespace {

std::string course_text() {
    std::ifstream f(NABLA_SOURCE_DIR "/src/lessons/course.txt", std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

LessonLab loaded() {
    LessonLab lab;
    EXPECT_TRUE(lab.load_course(course_text())) << lab.error();
    return lab;
}

int lesson_index(const LessonLab& lab, const std::string& key) {
    for (size_t i = 0; i < lab.course().lessons.size(); ++i)
        if (lab.course().lessons[i].key == key) return static_cast<int>(i);
    ADD_FAILURE() << "no lesson " << key;
    return 0;
}

LessonLab at(const std::string& key, int step) {  // step 1-based, as links say
    LessonLab lab = loaded();
    EXPECT_TRUE(lab.apply({LessonCommand::Open, lesson_index(lab, key), step - 1})) << lab.error();
    EXPECT_EQ(lab.answer_error(), "");
    return lab;
}

TEST(Course, TheShippedCourseCoversTheNotes) {
    LessonLab lab = loaded();
    const std::vector<std::string> keys = {"chain-rule", "sigmoid-neuron", "gate-patterns", "gradient-check", "linear-regression",
                                           "training-loop", "mlp-notation", "gd-vs-sgd", "learning-rate", "momentum", "vectorised"};
    ASSERT_EQ(lab.course().lessons.size(), keys.size());
    for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(lab.course().lessons[i].key, keys[i]);
}

// Every step opens in its lab, every text's numbers are filled in (in both languages), every
// question has an answer the lab computes, and a choice question exactly one right option.
TEST(Course, EveryStepOpensAndEveryAnswerIsComputed) {
    LessonLab lab = loaded();
    int questions = 0;
    for (size_t l = 0; l < lab.course().lessons.size(); ++l) {
        const Lesson& lesson = lab.course().lessons[l];
        for (size_t k = 0; k < lesson.steps.size(); ++k) {
            SCOPED_TRACE(lesson.key + " step " + std::to_string(k + 1));
            const LessonStep& s = lesson.steps[k];
            std::string json, why;
            EXPECT_TRUE(lab_json_for_link(s.link, json, why)) << why;
            if (!s.reveal.empty()) {
                EXPECT_TRUE(lab_json_for_link(s.reveal, json, why)) << why;
            }
            ASSERT_TRUE(lab.apply({LessonCommand::Open, static_cast<int>(l), static_cast<int>(k)})) << lab.error();
            EXPECT_EQ(lab.answer_error(), "");
            for (const Language lang : {Language::English, Language::Korean}) {
                set_language(lang);
                EXPECT_EQ(lab.text().find('{'), std::string::npos) << lab.text();
                EXPECT_EQ(lab.ask().find('{'), std::string::npos) << lab.ask();
            }
            set_language(Language::English);
            if (!s.has_question) continue;
            ++questions;
            if (!s.question.numeric()) {
                EXPECT_GE(lab.right_option(), 0);
            } else {
                EXPECT_TRUE(std::isfinite(lab.expected()));
            }
        }
    }
    EXPECT_GE(questions, 20);
}

double answer_of(const std::string& key, int step) { return at(key, step).expected(); }

// The lecture's numbers, worked out here and not read from any lab.
TEST(Course, AnswersAreTheLecturesNumbers) {
    // E1: q = 3, f = q z; df/dz = q, df/dx = z (add distributes).
    EXPECT_DOUBLE_EQ(answer_of("chain-rule", 2), 3);
    EXPECT_DOUBLE_EQ(answer_of("chain-rule", 3), -4);
    // E2: u = 1 + e^-1; d(1/u)/du = -1/u^2; df/ds = sigma(1)(1 - sigma(1)); df/dx0 = w0 df/ds.
    const double u = 1 + std::exp(-1.0), sig = 1 / u, dsig = sig * (1 - sig);
    EXPECT_NEAR(answer_of("sigmoid-neuron", 2), -1 / (u * u), 1e-12);
    EXPECT_NEAR(answer_of("sigmoid-neuron", 3), dsig, 1e-12);
    EXPECT_NEAR(answer_of("sigmoid-neuron", 4), 2 * dsig, 1e-12);
    EXPECT_NEAR(answer_of("sigmoid-neuron", 5), dsig, 1e-12);
    EXPECT_NEAR(dsig, 0.1966, 5e-5);
    // f = 2 (x y + max(z, w)) + x at x=3, y=-4, z=2, w=-1.
    EXPECT_DOUBLE_EQ(answer_of("gate-patterns", 1), 2);
    EXPECT_DOUBLE_EQ(answer_of("gate-patterns", 2), 0);
    EXPECT_DOUBLE_EQ(answer_of("gate-patterns", 3), 2 * 3);
    EXPECT_DOUBLE_EQ(answer_of("gate-patterns", 4), 2 * -4 + 1);
    // The by-hand central difference of E1 with h = 0.001.
    auto f = [](double x) { return (x + 5) * -4; };
    EXPECT_NEAR(answer_of("gradient-check", 2), (f(-2 + 1e-3) - f(-2 - 1e-3)) / 2e-3, 1e-9);
    EXPECT_EQ(at("gradient-check", 3).right_option(), 1);  // relu's kink: they differ
    // E3.
    EXPECT_DOUBLE_EQ(answer_of("linear-regression", 2), -2);
    EXPECT_DOUBLE_EQ(answer_of("linear-regression", 3), -2);
    // E4 in float32, as PyTorch: w after one sample, the second sample's gradient, w after 20 epochs.
    float w = 1;
    const float xs[] = {1, 2, 3}, ys[] = {2, 4, 6};
    w -= 0.01f * (2 * xs[0] * (xs[0] * w - ys[0]));
    EXPECT_FLOAT_EQ(static_cast<float>(answer_of("training-loop", 2)), w);
    EXPECT_NEAR(answer_of("training-loop", 3), 2 * xs[1] * (xs[1] * w - ys[1]), 1e-5);
    EXPECT_NEAR(answer_of("training-loop", 3), -7.84, 1e-5);
    // The epochs' last losses as the notes print them, read from the playground (its last step's loss).
    const LessonLab epoch0 = at("training-loop", 4), epoch1 = at("training-loop", 5);
    EXPECT_NE(epoch0.text().find("is 7.3159437:"), std::string::npos) << epoch0.text();
    EXPECT_NE(epoch1.text().find("last loss 3.998764"), std::string::npos) << epoch1.text();
    EXPECT_FLOAT_EQ(static_cast<float>(epoch1.expected()), 1.9976202f);
    const LessonLab end = at("training-loop", 6);
    EXPECT_NE(end.text().find("w = 1.9976202,"), std::string::npos) << end.text();
    EXPECT_NE(end.text().find("last loss is 7.5804e-05"), std::string::npos) << end.text();
    EXPECT_NE(end.text().find("4\xC2\xB7w = 7.9904809:"), std::string::npos) << end.text();
    // Lecture 000's relations, checked on the neuron the lab picked: z = tanh(s), dC/ds = dC/dz (1 - z^2).
    const LessonLab z_step = at("mlp-notation", 2), ds_step = at("mlp-notation", 3);
    std::string json, why;
    ASSERT_TRUE(lab_json_for_link(z_step.current()->reveal, json, why)) << why;
    double s = 0, dz = 0, x1 = 0, ds = 0;
    ASSERT_TRUE(evaluate_in_json("inspect.s", json, s, why) && evaluate_in_json("inspect.dz", json, dz, why) &&
                evaluate_in_json("points[0][0]", json, x1, why) && evaluate_in_json("inspect.ds", json, ds, why))
        << why;
    EXPECT_NEAR(z_step.expected(), std::tanh(s), 1e-6);
    EXPECT_NEAR(ds_step.expected(), dz * (1 - std::tanh(s) * std::tanh(s)), 1e-6);
    EXPECT_NEAR(at("mlp-notation", 4).expected(), ds * x1, 1e-6);
    // Figure 3: SGD's path is the longest; 1 - 10 eta = -1.2 blows up; momentum wins the valley.
    EXPECT_EQ(at("gd-vs-sgd", 2).right_option(), 0);
    EXPECT_EQ(at("learning-rate", 1).right_option(), 2);
    EXPECT_EQ(at("learning-rate", 2).right_option(), 1);
    EXPECT_EQ(at("momentum", 1).right_option(), 1);
    // Lecture 001's E5 (issue 14): df/dq = 2q, df/dW = 2q x^T, df/dx = 2 W^T q, worked here by hand.
    const double W[2][2] = {{0.1, 0.5}, {-0.3, 0.8}}, x[2] = {0.2, 0.4};
    const double q[2] = {W[0][0] * x[0] + W[0][1] * x[1], W[1][0] * x[0] + W[1][1] * x[1]};
    EXPECT_NEAR(answer_of("vectorised", 2), 2 * q[0], 1e-15);
    EXPECT_NEAR(answer_of("vectorised", 3), 2 * q[1] * x[0], 1e-15);
    EXPECT_NEAR(answer_of("vectorised", 4), 2 * (W[0][0] * q[0] + W[1][0] * q[1]), 1e-15);
    EXPECT_NEAR(answer_of("vectorised", 4), -0.112, 1e-15);
    EXPECT_EQ(at("vectorised", 5).right_option(), 0);  // the shape of W
    EXPECT_DOUBLE_EQ(answer_of("vectorised", 6), 0);   // E6's unit with s = -1.5 is off
    EXPECT_NE(at("vectorised", 1).text().find("q = [0.22, 0.26]"), std::string::npos) << at("vectorised", 1).text();
}

TEST(Lesson, ARightAnswerIsAcceptedAndRevealsAWrongOneIsNot) {
    LessonLab lab = at("chain-rule", 3);  // df/dx = -4
    lab.take_link_request();
    ASSERT_TRUE(lab.apply({LessonCommand::Answer, 0, 0, "4"}));
    EXPECT_EQ(lab.verdict(), Verdict::Wrong);
    EXPECT_FALSE(lab.revealed());
    EXPECT_EQ(lab.take_link_request(), "");  // the student's lab is left alone
    ASSERT_TRUE(lab.apply({LessonCommand::Answer, 0, 0, "x"}));
    EXPECT_EQ(lab.verdict(), Verdict::NotANumber);
    EXPECT_EQ(lab.tries(), 1);
    ASSERT_TRUE(lab.apply({LessonCommand::Answer, 0, 0, "\xE2\x88\x92" "4.01"}));  // a typographic minus, within 0.02
    EXPECT_EQ(lab.verdict(), Verdict::Right);
    EXPECT_TRUE(lab.revealed());
    EXPECT_EQ(lab.take_link_request(), lab.current()->reveal);
    LessonLab sums = at("gate-patterns", 4);  // -7, typed as arithmetic
    ASSERT_TRUE(sums.apply({LessonCommand::Answer, 0, 0, "2*(-4) + 1"}));
    EXPECT_EQ(sums.verdict(), Verdict::Right);
    LessonLab choice = at("momentum", 1);
    ASSERT_TRUE(choice.apply({LessonCommand::Choose, 0, 0, "", 0}));
    EXPECT_EQ(choice.verdict(), Verdict::Wrong);
    ASSERT_TRUE(choice.apply({LessonCommand::Choose, 0, 0, "", 1}));
    EXPECT_EQ(choice.verdict(), Verdict::Right);
    EXPECT_FALSE(choice.apply({LessonCommand::Choose, 0, 0, "", 7}));
    EXPECT_FALSE(choice.apply({LessonCommand::Answer, 0, 0, "1"}));  // a choice takes no number
}

TEST(Lesson, ToleranceIsTheQuestionsOwn) {
    LessonLab lab = at("training-loop", 2);  // within 0.0001 of 1.02
    ASSERT_TRUE(lab.apply({LessonCommand::Answer, 0, 0, "1.0205"}));
    EXPECT_EQ(lab.verdict(), Verdict::Wrong);
    ASSERT_TRUE(lab.apply({LessonCommand::Answer, 0, 0, "1.02"}));
    EXPECT_EQ(lab.verdict(), Verdict::Right);
    EXPECT_DOUBLE_EQ(lab.tolerance(), 0.0001);
}

TEST(Lesson, AClickersNextRevealsThenMovesOn) {
    LessonLab lab = at("chain-rule", 2);
    LessonCommand c;
    ASSERT_TRUE(lab.nav_command(Nav::Next, c));
    EXPECT_EQ(c.kind, LessonCommand::Reveal);
    ASSERT_TRUE(lab.apply(c));
    ASSERT_TRUE(lab.nav_command(Nav::Next, c));
    EXPECT_EQ(c.kind, LessonCommand::Next);
    ASSERT_TRUE(lab.apply(c));
    EXPECT_EQ(lab.step(), 2);
    ASSERT_TRUE(lab.nav_command(Nav::Back, c));
    ASSERT_TRUE(lab.apply(c));
    EXPECT_EQ(lab.step(), 1);
    EXPECT_FALSE(lab.revealed());  // a step opens afresh
    // From a lesson's last step to the next lesson's first; the course's very end goes nowhere.
    LessonLab last = at("chain-rule", 4);
    ASSERT_TRUE(last.apply({LessonCommand::Next}));
    EXPECT_EQ(last.lesson(), 1);
    EXPECT_EQ(last.step(), 0);
    LessonLab end = loaded();
    const int n = static_cast<int>(end.course().lessons.size());
    ASSERT_TRUE(end.apply({LessonCommand::Open, n - 1, static_cast<int>(end.course().lessons.back().steps.size()) - 1}));
    EXPECT_TRUE(end.at_end());
    EXPECT_FALSE(end.nav_command(Nav::Next, c));
    EXPECT_FALSE(end.apply({LessonCommand::Next}));
}

TEST(Lesson, LinksOpenLessonNAtStepK) {
    LessonLab lab = loaded();
    ASSERT_TRUE(lab.apply({LessonCommand::LoadState, 0, 0, "n=2&step=3"})) << lab.error();
    EXPECT_EQ(lab.lesson(), 1);
    EXPECT_EQ(lab.step(), 2);
    EXPECT_EQ(lab.link(), "n=2&step=3");
    EXPECT_EQ(lab.take_link_request(), lab.current()->link);
    ASSERT_TRUE(lab.apply({LessonCommand::LoadState, 0, 0, "n=momentum"}));  // by key; step 1
    EXPECT_EQ(lab.link(), "n=10&step=1");
    // Tampered: refused with a reason, the open step kept.
    for (const char* bad : {"n=99", "n=2&step=40", "n=2&step=0", "n=2&step=x", "n=nope", "step=2", "n=2&zoom=3"}) {
        EXPECT_FALSE(lab.apply({LessonCommand::LoadState, 0, 0, bad})) << bad;
        EXPECT_NE(lab.error(), "") << bad;
        EXPECT_EQ(lab.link(), "n=10&step=1") << bad;
    }
}

TEST(Lesson, ALinkBeforeTheCourseOpensWhenItArrives) {
    LessonLab lab;
    EXPECT_FALSE(lab.wants_course());
    ASSERT_TRUE(lab.apply({LessonCommand::LoadState, 0, 0, "n=6&step=2"}));
    EXPECT_TRUE(lab.wants_course());
    EXPECT_FALSE(lab.open());
    EXPECT_EQ(lab.link(), "n=6&step=2");  // the page's link stays what was opened
    ASSERT_TRUE(lab.load_course(course_text()));
    EXPECT_FALSE(lab.wants_course());
    EXPECT_EQ(lab.current_lesson()->key, "training-loop");
    EXPECT_EQ(lab.step(), 1);
}

TEST(Course, MistakesAreNamedByLine) {
    Course c;
    std::string e;
    EXPECT_FALSE(Course::parse("lesson a\ntitle: A | 가\nstep\nlink: graph:expr=x\nen: t\n", c, e));
    EXPECT_NE(e.find("line 3"), std::string::npos) << e;  // no ko:
    EXPECT_FALSE(Course::parse("lesson a\ntitle: A | 가\nstep\nlink: graph:expr=x\nen: t\nko: 가\ncolour: red\n", c, e));
    EXPECT_EQ(e, "line 7: unknown field 'colour'");
    EXPECT_FALSE(Course::parse("lesson a\ntitle: A\n", c, e));
    EXPECT_EQ(e, "line 2: title: needs 'English | Korean'");
    EXPECT_FALSE(Course::parse("step\n", c, e));
    EXPECT_NE(e.find("line 1"), std::string::npos);
    EXPECT_FALSE(Course::parse("lesson a\ntitle: A | 가\nstep\nlink: l\nen: t\nko: 가\nask: Q | 질\noption: a | 가 | 1\n", c, e));
    EXPECT_NE(e.find("two or more"), std::string::npos) << e;
    EXPECT_FALSE(Course::parse("lesson a\ntitle: A | 가\nstep\nlink: l\nen: t\nko: 가\nwithin: 0.1\n", c, e));
    EXPECT_NE(e.find("before the step's 'ask'"), std::string::npos) << e;
    ASSERT_TRUE(Course::parse("lesson a\ntitle: A | 가\nstep\nlink: l\nen: one\n  two\nko: 가\n", c, e)) << e;
    EXPECT_EQ(c.lessons[0].steps[0].text.en, "one two");  // an indented line goes on
}

TEST(Course, PathsConditionsAndNumbersInJson) {
    const std::string json = R"({"a":{"b":[1,2.5,{"name":"q","grad":-4}]},"yes":true,"msg":"","list":[[3,4]]})";
    double v = 0;
    std::string e;
    ASSERT_TRUE(evaluate_in_json("a.b[1]", json, v, e)) << e;
    EXPECT_EQ(v, 2.5);
    ASSERT_TRUE(evaluate_in_json("a.b[name=q].grad", json, v, e)) << e;
    EXPECT_EQ(v, -4);
    ASSERT_TRUE(evaluate_in_json("list[0][1] * 2", json, v, e));
    EXPECT_EQ(v, 8);
    ASSERT_TRUE(evaluate_in_json("yes and a.b[0] < a.b[1]", json, v, e));
    EXPECT_EQ(v, 1);
    ASSERT_TRUE(evaluate_in_json("msg", json, v, e));
    EXPECT_EQ(v, 0);
    ASSERT_TRUE(evaluate_in_json("yes and msg", json, v, e));
    EXPECT_EQ(v, 0);
    EXPECT_FALSE(evaluate_in_json("a.c", json, v, e));
    EXPECT_EQ(e, "'a.c': no 'c'");
    EXPECT_FALSE(evaluate_in_json("a.b[3]", json, v, e));
    EXPECT_FALSE(evaluate_in_json("a.b[name=z].grad", json, v, e));
    EXPECT_FALSE(evaluate_in_json("a", json, v, e));  // an object is not a number
    std::string out;
    ASSERT_TRUE(fill_in("g = {a.b[name=q].grad}, {a.b[1]:1}, {after.yes}", json, R"({"yes": 7})", out, e)) << e;
    EXPECT_EQ(out, "g = \xE2\x88\x92" "4, 2, 7");
    EXPECT_FALSE(fill_in("{a.b", json, json, out, e));
    EXPECT_FALSE(fill_in("{after.a.b[0]}", json, R"({"yes": 7})", out, e));
}

TEST(Course, TypedAnswers) {
    double v = 0;
    EXPECT_TRUE(read_answer(" -0.25 ", v));
    EXPECT_EQ(v, -0.25);
    EXPECT_TRUE(read_answer("\xE2\x88\x92" "2\xC3\x97" "3", v));  // −2×3
    EXPECT_EQ(v, -6);
    EXPECT_TRUE(read_answer("0,5", v));
    EXPECT_EQ(v, 0.5);
    EXPECT_TRUE(read_answer("1/4", v));
    EXPECT_EQ(v, 0.25);
    EXPECT_FALSE(read_answer("", v));
    EXPECT_FALSE(read_answer("x + 1", v));  // a name is not a number
    EXPECT_FALSE(read_answer("1/0", v));
    EXPECT_FALSE(read_answer("(((", v));
}

}  // namespace
}  // namespace nabla

namespace nabla {
namespace {

TEST(Lesson, AFailedFetchDropsTheWaitingLinkAndCloseWorksBeforeTheCourse) {
    LessonLab lab;
    ASSERT_TRUE(lab.apply({LessonCommand::LoadState, 0, 0, "n=2&step=1"}));
    EXPECT_EQ(lab.link(), "n=2&step=1");
    lab.course_failed("offline");
    EXPECT_EQ(lab.link(), "");  // the page's link is the lab's again
    EXPECT_FALSE(lab.wants_course());
    EXPECT_EQ(lab.error(), "offline");
    ASSERT_TRUE(lab.apply({LessonCommand::LoadState, 0, 0, "n=3"}));
    ASSERT_TRUE(lab.apply({LessonCommand::Close}));  // another lab's link while the course is on its way
    EXPECT_EQ(lab.link(), "");
    ASSERT_TRUE(lab.load_course(course_text()));
    EXPECT_FALSE(lab.open());  // nothing opens over what the student went to
}

TEST(Course, AByteOrderMarkIsNotAMistake) {
    Course c;
    std::string e;
    ASSERT_TRUE(Course::parse("\xEF\xBB\xBFlesson a\ntitle: A | \xEA\xB0\x80\nstep\nlink: l\nen: t\nko: \xEA\xB0\x80\n", c, e)) << e;
    EXPECT_EQ(c.lessons[0].key, "a");
}

TEST(Lesson, AGraphLinkMustSetEveryInput) {
    std::string json, why;
    EXPECT_FALSE(lab_json_for_link("graph:expr=f%20%3D%20x%20*%20y&x=2", json, why));
    EXPECT_EQ(why, "the link does not set y: the page would keep the student's value");
    EXPECT_TRUE(lab_json_for_link("graph:expr=f%20%3D%20x%20*%20y&x=2&y=3", json, why)) << why;
}

TEST(Lesson, TheHooksNumbersAreNeverCastOutOfRange) {
    LessonCommand c;
    std::string e;
    ASSERT_TRUE(LessonLab::parse_command("open", "", std::nan(""), c, e));
    EXPECT_EQ(c.text, "n=0");
    ASSERT_TRUE(LessonLab::parse_command("choose", "", 1e300, c, e));
    EXPECT_EQ(c.choice, 1000000);
    LessonLab lab = loaded();
    EXPECT_FALSE(lab.apply({LessonCommand::LoadState, 0, 0, "n=0"}));
}

}  // namespace
}  // namespace nabla
