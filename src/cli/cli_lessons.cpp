// `nabla lessons FILE [--check]`: the course a teacher edits, read as the page reads it. --check
// opens every step's lab out of sight and prints each question's answer as the lab computes it,
// failing (exit 1) on a link a lab refuses or an answer the lab's JSON does not hold.
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "engine/utf8.h"
#include "lab/json_writer.h"
#include "lab/lesson_lab.h"

namespace nabla {

int lessons_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string path;
    bool check = false;
    for (size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--check") check = true;
        else if (args[i].rfind("--", 0) == 0) return err << "nabla lessons: " << trf("unknown flag %s", args[i].c_str()) << "\n", 2;
        else path = args[i];
    }
    if (path.empty()) return err << tr("usage:") << " nabla lessons src/lessons/course.txt [--check]\n", 2;
    std::ifstream file(path, std::ios::binary);
    if (!file) return err << "nabla lessons: " << trf("cannot open %s", path.c_str()) << "\n", 2;
    std::stringstream text;
    text << file.rdbuf();
    LessonLab lessons;
    if (!lessons.load_course(text.str())) return err << "nabla lessons: " << lessons.error() << "\n", 1;
    int failures = 0;
    const Course& course = lessons.course();
    for (size_t l = 0; l < course.lessons.size(); ++l) {
        const Lesson& lesson = course.lessons[l];
        out << l + 1 << " " << lesson.key << ": " << lesson.title.text() << " (" << lesson.notes << ")\n";
        for (size_t k = 0; k < lesson.steps.size(); ++k) {
            const LessonStep& s = lesson.steps[k];
            std::string first = s.has_question ? s.question.ask.text() : s.text.text();
            if (first.size() > 72) {  // cut at a character, not inside one
                size_t cut = 72;
                while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;
                first = first.substr(0, cut) + "\xE2\x80\xA6";
            }
            out << "  " << k + 1 << ". " << first << "\n";
            if (!check) continue;
            std::string json, why;
            if (!lab_json_for_link(s.link, json, why)) {
                out << "     " << trf("line %d: the link is refused: %s", s.line, why.c_str()) << "\n";
                ++failures;
                continue;
            }
            lessons.apply({LessonCommand::Open, static_cast<int>(l), static_cast<int>(k)});  // its texts' numbers too
            if (!lessons.answer_error().empty()) {
                out << "     " << message_safe(lessons.answer_error()) << "\n";
                ++failures;
            } else if (!s.has_question) {
                continue;
            } else if (s.question.numeric()) {
                out << "     = " << format_number(lessons.expected()) << "  (\xC2\xB1" << format_number(lessons.tolerance()) << ")\n";
            } else {
                out << "     = " << s.question.options[lessons.right_option()].label.text() << "\n";
            }
        }
    }
    if (check) out << trf("%d problems", failures) << "\n";
    return failures ? 1 : 0;
}

}  // namespace nabla
