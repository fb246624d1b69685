// The Lessons: the course's table of contents in the Lessons tab, and, while a lesson is open, a
// bar over whichever lab the step shows: where we are, Back and Next, the step's text, and its
// question (a number to type or choices to click, the verdict, a hint, the answer on reveal).
// Reads the LessonLab, emits LessonCommands.
#pragma once

#include <string>
#include <vector>

#include "lab/lesson_lab.h"
#include "ui/theme.h"

namespace nabla::ui {

struct LessonPanel {
    int steps_per_frame = 0;  // nothing runs between frames
    bool presenting = false;  // presentation mode: the bar keeps the text and the question, no chrome
    char answer[64] = {};     // the number being typed
    int answer_for = -1;      // the step (lesson * 1000 + step) the box was last cleared for

    // The Lessons tab.
    void draw(const LessonLab& lab, const Fonts& fonts, std::vector<LessonCommand>& commands);
    // The bar over the labs while a lesson is open, at most `max_height` pixels (it scrolls beyond);
    // or, with a `side_width`, a column of that width beside them (a presented lesson on a wide screen).
    void draw_bar(const LessonLab& lab, const Fonts& fonts, std::vector<LessonCommand>& commands, float max_height, float side_width = 0);
    void forget_gl() {}
};

}  // namespace nabla::ui
