#include "ui/lesson_panel.h"

#include <cfloat>
#include <cstdio>

#include "imgui.h"
#include "ui/text.h"
#include "ui/widget_map.h"

namespace nabla::ui {

namespace {

constexpr ImU32 kRight = IM_COL32(24, 128, 56, 255);
constexpr ImU32 kQuestion = IM_COL32(30, 90, 200, 255);

std::string number_text(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.8g", v);
    return buf;
}

void wrapped(ImU32 colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// A button that wraps to the next line when the line is full; its widget is "lesson:<id>".
bool flow_button(const std::string& label, const std::string& id) {
    flow(ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
    const bool pressed = ImGui::Button(label.c_str());
    note_widget("lesson:" + id);
    return pressed;
}

}  // namespace

void LessonPanel::draw(const LessonLab& lab, const Fonts& fonts, std::vector<LessonCommand>& commands) {
    heading(fonts, tr("Lessons"));
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(to_vec4(colors::muted), "%s",
                       tr("The course's five lecture notes as lessons. A lesson opens its lab and walks it step by step: Next (\xE2\x86\x92, Page Down or a clicker) shows a question's answer, then goes on; P presents."));
    ImGui::PopTextWrapPos();
    if (!lab.has_course()) {
        ImGui::TextUnformatted(lab.error().empty() ? tr("Loading the course\xE2\x80\xA6") : lab.error().c_str());
        return;
    }
    ImGui::Spacing();
    const auto& lessons = lab.course().lessons;
    for (size_t i = 0; i < lessons.size(); ++i) {
        const Lesson& l = lessons[i];
        const std::string label = std::to_string(i + 1) + ".  " + l.title.text() + "###open" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), lab.lesson() == static_cast<int>(i)))
            commands.push_back({LessonCommand::Open, static_cast<int>(i), 0});
        note_widget("lesson:open:" + std::to_string(i + 1));
        ImGui::SameLine();
        ImGui::TextColored(to_vec4(colors::muted), "   %s", trf("notes %s \xC2\xB7 %d steps", l.notes.c_str(), static_cast<int>(l.steps.size())).c_str());
    }
}

void LessonPanel::draw_bar(const LessonLab& lab, const Fonts& fonts, std::vector<LessonCommand>& commands, float max_height, float side_width) {
    const Lesson* lesson = lab.current_lesson();
    const LessonStep* step = lab.current();
    if (!lesson || !step) return;
    const int key = lab.lesson() * 1000 + lab.step();
    if (key != answer_for) answer[0] = '\0', answer_for = key;  // a new step: an empty box

    if (side_width <= 0) ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, max_height));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(238, 244, 252, 255));
    ImGui::BeginChild("lesson_bar", ImVec2(side_width, 0), ImGuiChildFlags_Border | (side_width > 0 ? 0 : ImGuiChildFlags_AutoResizeY));
    note_widget("lesson:bar");
    // Where we are, with Back and Next on either side of it.
    LessonCommand probe;  // the course's first and last steps have nowhere to go
    ImGui::BeginDisabled(!lab.nav_command(Nav::Back, probe));
    if (ImGui::Button(id_label("\xE2\x97\x80 Back", "lesson-back").c_str())) commands.push_back({LessonCommand::Back});
    ImGui::EndDisabled();
    note_widget("lesson:back");
    ImGui::SameLine();
    ImGui::PushFont(fonts.heading);
    const std::string where = trf("Lesson %d \xC2\xB7 %s", lab.lesson() + 1, lesson->title.text().c_str());
    ImGui::PushTextWrapPos(0);  // a phone wraps a long title under Back
    ImGui::TextUnformatted(where.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    const std::string of = trf("step %d of %d", lab.step() + 1, static_cast<int>(lesson->steps.size()));
    flow(ImGui::CalcTextSize(of.c_str()).x);
    ImGui::TextColored(to_vec4(colors::muted), "%s", of.c_str());
    // Next reveals an unanswered question first, as the clicker does.
    const bool asks = step->has_question && !lab.revealed();
    ImGui::BeginDisabled(!lab.nav_command(Nav::Next, probe));
    if (flow_button(asks ? id_label("Show the answer \xE2\x96\xB6", "lesson-next") : id_label("Next \xE2\x96\xB6", "lesson-next"), "next"))
        commands.push_back({asks ? LessonCommand::Reveal : LessonCommand::Next});
    ImGui::EndDisabled();
    if (!presenting && flow_button(id_label("\xE2\x9C\x95 Close", "lesson-close"), "close")) commands.push_back({LessonCommand::Close});

    ImGui::TextWrapped("%s", lab.text().c_str());
    note_widget("lesson:text");
    if (!lab.answer_error().empty()) wrapped(colors::bad, trf("This step of the course is broken: %s", lab.answer_error().c_str()));
    if (step->has_question) {
        const LessonQuestion& q = step->question;
        ImGui::PushFont(fonts.heading);
        wrapped(kQuestion, lab.ask());
        ImGui::PopFont();
        note_widget("lesson:ask");
        if (q.numeric()) {
            ImGui::SetNextItemWidth(em(8));
            const bool entered = ImGui::InputText("##answer", answer, sizeof answer, ImGuiInputTextFlags_EnterReturnsTrue);
            note_widget("lesson:answer");
            const bool check = flow_button(id_label("Check", "lesson-check"), "check");
            if ((entered || check) && answer[0]) commands.push_back({LessonCommand::Answer, 0, 0, answer});
            const std::string within = trf("(within \xC2\xB1%s)", number_text(lab.tolerance()).c_str());
            flow(ImGui::CalcTextSize(within.c_str()).x);
            ImGui::TextColored(to_vec4(colors::muted), "%s", within.c_str());
        } else {
            for (size_t i = 0; i < q.options.size(); ++i) {
                const bool right = lab.revealed() && static_cast<int>(i) == lab.right_option();
                const bool wrong = static_cast<int>(i) == lab.chosen() && lab.verdict() == Verdict::Wrong;
                const std::string label = std::string(right ? "\xE2\x9C\x93 " : wrong ? "\xE2\x9C\x97 " : "") + q.options[i].label.text() +
                                          "###option" + std::to_string(i);
                if (right) ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(200, 236, 205, 255));
                if (wrong) ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(248, 210, 210, 255));
                if (i > 0) flow(ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
                if (ImGui::Button(label.c_str())) commands.push_back({LessonCommand::Choose, 0, 0, "", static_cast<int>(i)});
                note_widget("lesson:option:" + std::to_string(i + 1));
                if (right || wrong) ImGui::PopStyleColor();
            }
        }
        switch (lab.verdict()) {
            case Verdict::Right: wrapped(kRight, std::string("\xE2\x9C\x93 ") + tr("Right.")); break;
            case Verdict::Wrong:
                wrapped(colors::bad, std::string("\xE2\x9C\x97 ") + tr("Not quite: try again, or show the answer.") +
                                         (lab.hint().empty() ? "" : std::string(" ") + trf("Hint: %s", lab.hint().c_str())));
                break;
            case Verdict::NotANumber: wrapped(colors::bad, trf("'%s' is not a number: type one, such as -0.5 or 2*3", lab.typed().c_str())); break;
            case Verdict::None: break;
        }
        if (lab.revealed() && q.numeric() && lab.answer_error().empty()) {
            wrapped(kRight, trf("Answer: %s", number_text(lab.expected()).c_str()));
            note_widget("lesson:revealed");
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace nabla::ui
