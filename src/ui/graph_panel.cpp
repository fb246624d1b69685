#include "ui/graph_panel.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <utility>

#include "ui/format.h"
#include "lab/tensor_text.h"
#include "ui/hidden.h"
#include "ui/tensor_view.h"
#include "ui/text.h"
#include "ui/widget_map.h"

namespace nabla::ui {

namespace {

void presets_section(const GraphLab& lab, const Fonts& fonts, std::vector<GraphCommand>& commands) {
    ImGui::Spacing();
    heading(fonts, tr("Lecture examples"));
    const GraphPreset* active = nullptr;
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    int k = 0;
    for (const GraphPreset& p : graph_presets()) {
        if (p.state.expression == lab.state().expression) active = &p;
        const bool on = active == &p;
        if (k++ % 2 == 1) ImGui::SameLine();
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.98f, 0.82f, 0.45f, 1));
        const std::string widget = std::string("preset:") + p.id;
        if (ImGui::Button(id_label(p.title, widget.c_str()).c_str(), ImVec2(w, 0))) commands.push_back({GraphCommand::LoadPreset, p.id});
        note_widget(widget);
        fit(widget.c_str(), tr(p.title), w - 2 * ImGui::GetStyle().FramePadding.x);
        if (on) ImGui::PopStyleColor();
    }
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
        ImGui::TextWrapped("%s", tr(active->lesson));
        ImGui::PopStyleColor();
    }
}

void expression_section(GraphPanel& panel, const GraphLab& lab, const Fonts& fonts, std::vector<GraphCommand>& commands) {
    ImGui::Spacing();
    heading(fonts, tr("Expression"));
    if (lab.draft() != panel.shown_draft) {
        std::snprintf(panel.expression, sizeof panel.expression, "%s", lab.draft().c_str());
        panel.shown_draft = lab.draft();
    }
    if (ImGui::InputTextMultiline("##expression", panel.expression, sizeof panel.expression,
                                  ImVec2(-1, ImGui::GetTextLineHeight() * 3.6f)))
        commands.push_back({GraphCommand::SetExpression, panel.expression});
    note_widget("expression");
    const ParseError& err = lab.parse_error();
    if (!err.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::bad));
        ImGui::TextWrapped("%s", err.text().c_str());
        ImGui::PopStyleColor();
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
        ImGui::TextWrapped("%s", tr("The graph shows the last expression that parsed."));
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
        ImGui::TextWrapped("%s", trf("e.g. q = x + y; f = q * z.  Functions: %s", parser_function_list()).c_str());
        ImGui::PopStyleColor();
    }
    if (lab.vectorised()) {
        for (int i = 0; i < lab.tensor().size(); ++i) {
            const TensorNode& n = lab.tensor().node(i);
            if (n.finite() || std::strcmp(n.issue, "an input is not a finite number") == 0) continue;
            const std::string where = tensor_node_name(lab, i) + element_name(n.value.shape, n.issue_element);
            ImGui::TextColored(to_vec4(colors::bad), "%s", trf("\xE2\x9A\xA0 %s at %s", tr(n.issue), where.c_str()).c_str());
        }
        // The same computation as the scalar graph of lecture 001: one node per number.
        if (ImGui::Button(id_label("Expand to scalars", "expand").c_str())) commands.push_back({GraphCommand::ExpandToScalars});
        note_widget("expand");
        return;
    }
    for (const Node& n : lab.parsed().graph.nodes()) {
        if (n.finite() || (n.issue && std::strcmp(n.issue, "an input is not a finite number") == 0)) continue;
        if (n.name.empty()) ImGui::TextColored(to_vec4(colors::bad), "\xE2\x9A\xA0 %s", tr(n.issue));
        else ImGui::TextColored(to_vec4(colors::bad), "%s", trf("\xE2\x9A\xA0 %s at %s", tr(n.issue), n.name.c_str()).c_str());
    }
}

// An input's value typed as text: "[0.2, 0.4]" makes it a vector, "[[1, 2], [3, 4]]" a matrix, a
// number a number again. Sent when the box is left or Enter is pressed.
void typed_value(GraphPanel& panel, const std::string& name, const Tensor& value, std::vector<GraphCommand>& commands) {
    const std::string text = tensor_text(value);
    std::string& shown = panel.typed_shown[name];
    std::string& draft = panel.typed[name];
    if (shown != text) shown = text, draft = text;  // the lab's value changed: show it
    // One buffer for every row (one is edited at a time), large enough for 1024 numbers in full.
    std::vector<char>& buf = panel.typing;
    buf.assign(std::max<size_t>(32768, draft.size() + 1024), '\0');
    std::copy(draft.begin(), draft.end(), buf.begin());
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##typed", buf.data(), buf.size());
    draft = buf.data();
    if (ImGui::IsItemDeactivatedAfterEdit()) commands.push_back({GraphCommand::SetTensor, name + "=" + draft});
}

void inputs_section(GraphPanel& panel, const GraphLab& lab, const Fonts& fonts, std::vector<GraphCommand>& commands) {
    ImGui::Spacing();
    heading(fonts, tr("Inputs  (drag or double-click to type)"));
    if (!ImGui::BeginTable("inputs", 3, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, em(3.3f));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("grad", ImGuiTableColumnFlags_WidthFixed, em(5));
    const ScalarGraph& g = lab.parsed().graph;
    for (const auto& [name, value] : lab.state().values) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(name.c_str());
        ImGui::TableNextColumn();
        ImGui::PushID(name.c_str());
        // Numbers are dragged; a vector or a matrix, or a number whose [ ] was pressed, is typed.
        const bool typed = !value.is_scalar() || panel.typed.count(name) > 0;
        if (typed) {
            typed_value(panel, name, value, commands);
            note_widget("typed:" + name);
        } else {
            double v = value.data[0];
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - ImGui::GetStyle().ItemSpacing.x);
            if (ImGui::DragScalar("##v", ImGuiDataType_Double, &v, 0.01f, nullptr, nullptr, "%.4g"))
                commands.push_back({GraphCommand::SetValue, name, v});
            note_widget("value:" + name);
            ImGui::SameLine();
            if (ImGui::Button("[ ]", ImVec2(ImGui::GetFrameHeight(), 0))) panel.typed[name] = tensor_text(value);
            note_widget("vector:" + name);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("type a vector [0.2, 0.4] or a matrix [[1, 2], [3, 4]]"));
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        const int id = g.find_input(name);
        const bool ready = lab.shows_gradient(id);
        if (lab.vectorised() && !value.is_scalar())
            ImGui::TextColored(to_vec4(colors::muted), "%s", value.shape.text().c_str());
        else if (!ready) ImGui::TextColored(to_vec4(colors::pending), "?");
        else ImGui::TextColored(to_vec4(colors::gradient), "%s", short_number(lab.vectorised() ? lab.tensor().node(id).grad.data[0] : g.node(id).grad).c_str());
    }
    ImGui::EndTable();
    if (!lab.inputs_note().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
        ImGui::TextWrapped("%s", lab.inputs_note().c_str());
        ImGui::PopStyleColor();
    }
    if (!lab.value_error().empty()) {  // a typed value refused: said here, where it was typed
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::bad));
        ImGui::TextWrapped("%s", lab.value_error().c_str());
        ImGui::PopStyleColor();
    }
}

// The Jacobians of the gate clicked last, when the graph is vectorised (lecture 001 and 000).
void jacobian_section(GraphPanel& panel, const GraphLab& lab, const Fonts& fonts) {
    if (!lab.vectorised()) return;
    ImGui::Spacing();
    const int node = panel.view.selected;
    if (node < 0 || node >= lab.tensor().size() || op_info(lab.tensor().node(node).op).arity == 0) {
        heading(fonts, tr("Jacobians"));
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
        ImGui::TextWrapped("%s", tr("Click a gate to see its Jacobians; hover an edge for its rule."));
        ImGui::PopStyleColor();
        return;
    }
    // A gate just clicked: the column scrolls to its Jacobians, which sit under the inputs.
    if (std::exchange(panel.jacobians_shown_for, node) != node) ImGui::SetScrollHereY(0.1f);
    heading(fonts, trf("Jacobians of %s", tensor_node_name(lab, node).c_str()).c_str());
    tensor_jacobians(lab, node);
}

// Start / Back / Step / End and where backprop is: the stepper without its heading.
void stepper_buttons(const GraphLab& lab, std::vector<GraphCommand>& commands) {
    const float w = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
    const float inner = w - 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::Button(id_label("\xE2\x87\xA4 Start", "step_start").c_str(), ImVec2(w, 0))) commands.push_back({GraphCommand::StepToStart});
    note_widget("step:start");
    fit("step:start", tr("\xE2\x87\xA4 Start"), inner);
    ImGui::SameLine();
    if (ImGui::Button(id_label("\xE2\x97\x80 Back", "step_back").c_str(), ImVec2(w, 0))) commands.push_back({GraphCommand::StepBack});
    note_widget("step:back");
    fit("step:back", tr("\xE2\x97\x80 Back"), inner);
    ImGui::SameLine();
    if (ImGui::Button(id_label("Step \xE2\x96\xB6", "step_forward").c_str(), ImVec2(w, 0))) commands.push_back({GraphCommand::StepForward});
    note_widget("step:forward");
    fit("step:forward", tr("Step \xE2\x96\xB6"), inner);
    ImGui::SameLine();
    if (ImGui::Button(id_label("End \xE2\x87\xA5", "step_end").c_str(), ImVec2(w, 0))) commands.push_back({GraphCommand::StepToEnd});
    note_widget("step:end");
    fit("step:end", tr("End \xE2\x87\xA5"), inner);
    const int total = static_cast<int>(lab.backprop_order().size());
    if (lab.state().backprop_step < 0) {
        ImGui::TextWrapped("%s", trf("Complete: all %d gates have propagated. Press Step to walk it from the output.", total).c_str());
        return;
    }
    const int gate = lab.current_gate();
    ImGui::TextUnformatted(trf("%d of %d gates propagated", lab.backprop_done(), total).c_str());
    if (gate >= 0 && lab.vectorised()) {
        const std::string upstream = lab.tensor().node(gate).grad.shape.text();
        ImGui::TextWrapped("%s", trf("Next: gate %s sends its upstream gradient %s back to each input, in the input's shape.",
                                     lab.layout().places[gate].label.c_str(), upstream.c_str()).c_str());
    } else if (gate >= 0) {
        const Node& n = lab.parsed().graph.node(gate);
        ImGui::TextWrapped("%s", trf("Next: gate %s multiplies its upstream %s by each local gradient and sends it to its inputs.",
                                     lab.layout().places[gate].label.c_str(), short_number(n.grad).c_str()).c_str());
    } else {
        ImGui::TextWrapped("%s", tr("Every gradient is known."));
    }
}

// The quiz: the gradient asked for now, a box for it, how the last answer went and its rule, and a
// new exercise at a level.
void quiz_section(GraphPanel& panel, const GraphLab& lab, const Fonts& fonts, std::vector<GraphCommand>& commands) {
    ImGui::Spacing();
    heading(fonts, tr("Quiz: fill in every gradient, in backprop order"));
    const int node = lab.quiz_node();
    const int total = static_cast<int>(lab.quiz_order().size()), done = lab.state().quiz;
    if (node != panel.quiz_for) panel.quiz_answer[0] = '\0', panel.quiz_for = node;  // a new question: an empty box
    if (node >= 0) {
        // Its name where it has one (q, x); else its gate's symbol, highlighted on the canvas.
        const Node& n = lab.parsed().graph.node(node);
        const std::string label = n.name.empty() ? lab.layout().places[node].label : n.name;
        const std::string ask = trf("\xE2\x88\x82%s/\xE2\x88\x82(%s) =", lab.parsed().output_name.c_str(), label.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(ask.c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(7));
        const bool entered = ImGui::InputText("##quiz", panel.quiz_answer, sizeof panel.quiz_answer, ImGuiInputTextFlags_EnterReturnsTrue);
        note_widget("quiz:answer");
        ImGui::SameLine();
        const bool check = ImGui::Button(id_label("Check", "quiz-check").c_str());
        note_widget("quiz:check");
        if ((entered || check) && panel.quiz_answer[0]) commands.push_back({GraphCommand::QuizAnswer, panel.quiz_answer});
        flow(ImGui::CalcTextSize(tr("Show")).x + 2 * ImGui::GetStyle().FramePadding.x);
        if (ImGui::Button(id_label("Show", "quiz-show").c_str())) commands.push_back({GraphCommand::QuizShow});
        note_widget("quiz:show");
    } else {
        ImGui::TextColored(to_vec4(colors::value), "%s", trf("\xE2\x9C\x93 All %d gradients filled in.", total).c_str());
    }
    ImGui::TextColored(to_vec4(colors::muted), "%s", trf("%d of %d gradients", done, total).c_str());
    ImGui::PushTextWrapPos(0);
    switch (lab.quiz_verdict()) {
        case GraphLab::QuizVerdict::Right: ImGui::TextColored(to_vec4(colors::value), "%s", tr("\xE2\x9C\x93 Right.")); break;
        case GraphLab::QuizVerdict::Wrong:
            ImGui::TextColored(to_vec4(colors::bad), "%s", trf("\xE2\x9C\x97 Not %s: %s", lab.quiz_typed().c_str(), lab.quiz_hint().c_str()).c_str());
            break;
        case GraphLab::QuizVerdict::NotANumber:
            ImGui::TextColored(to_vec4(colors::bad), "%s", trf("'%s' is not a number: type one, such as -0.5 or 2*3", lab.quiz_typed().c_str()).c_str());
            break;
        case GraphLab::QuizVerdict::Shown: ImGui::TextColored(to_vec4(colors::muted), "%s", trf("Shown: %s", lab.quiz_hint().c_str()).c_str()); break;
        case GraphLab::QuizVerdict::None: break;
    }
    ImGui::PopTextWrapPos();
    note_widget("quiz:verdict");
    // A new exercise at a level, or back to the lab.
    static const char* const kLevels[] = {"easy", "medium", "hard"};
    const std::string level_label = std::string(tr(kLevels[lab.state().quiz_level - 1])) + "###quiz-level";
    if (ImGui::Button(id_label("New exercise", "quiz-new").c_str())) commands.push_back({GraphCommand::QuizNew, "", static_cast<double>(lab.state().quiz_level)});
    note_widget("quiz:new");
    flow(em(6));
    ImGui::SetNextItemWidth(em(6));
    if (ImGui::BeginCombo("##quiz-level", level_label.c_str())) {
        for (int k = 0; k < 3; ++k) {
            if (ImGui::Selectable(tr(kLevels[k]), k + 1 == lab.state().quiz_level)) commands.push_back({GraphCommand::QuizNew, "", static_cast<double>(k + 1)});
            note_widget(std::string("quiz:level:") + std::to_string(k + 1));
        }
        ImGui::EndCombo();
    }
    note_widget("quiz:level");
    flow(ImGui::CalcTextSize(tr("End quiz")).x + 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::Button(id_label("End quiz", "quiz-end").c_str())) commands.push_back({GraphCommand::QuizEnd});
    note_widget("quiz:end");
}

void stepper_section(GraphPanel& panel, const GraphLab& lab, const Fonts& fonts, std::vector<GraphCommand>& commands) {
    if (lab.quiz_on()) return quiz_section(panel, lab, fonts, commands);
    ImGui::Spacing();
    heading(fonts, tr("Backprop, one gate at a time"));
    ImGui::SameLine();
    // Quiz me: the same graph with its gradients hidden, for the student to fill in.
    if (ImGui::SmallButton(id_label("Quiz me", "quiz-start").c_str())) commands.push_back({GraphCommand::QuizStart, "", 1});
    note_widget("quiz:start");
    stepper_buttons(lab, commands);
}

void check_section(const GraphLab& lab, const Fonts& fonts) {
    ImGui::Spacing();
    heading(fonts, tr("Gradient check (central differences)"));
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
    // While backprop is stepped the nodes show "?": the table would give every gradient away.
    const bool stepping = lab.current_gate() >= 0 || lab.quiz_on();
    ImGui::TextWrapped("%s", lab.quiz_on() ? tr("Hidden during the quiz: it would give the gradients away.")
                             : stepping ? tr("Hidden while backprop is stepped, so it does not give the gradients away: it returns when backprop is complete.")
                                      : tr("(f(x+h) \xE2\x88\x92 f(x\xE2\x88\x92h)) / 2h against backprop, with the h that suits each input (hover a row)"));
    ImGui::PopStyleColor();
    if (stepping) return;
    if (!ImGui::BeginTable("check", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn(id_label("input", "input").c_str());
    ImGui::TableSetupColumn(id_label("analytic", "analytic").c_str());
    ImGui::TableSetupColumn(id_label("numeric", "numeric").c_str());
    ImGui::TableSetupColumn(id_label("rel. error", "rel_error").c_str());
    ImGui::TableHeadersRow();
    const bool vectorised = lab.vectorised();
    for (const GradientCheckRow& r : vectorised ? lab.tensor_check() : lab.check()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (vectorised) ImGui::TextUnformatted((lab.tensor().node(r.input).name + element_name(lab.tensor().node(r.input).value.shape, r.element)).c_str());
        else ImGui::TextUnformatted(lab.parsed().graph.node(r.input).name.c_str());
        bool hovered = ImGui::IsItemHovered();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fixed_number(r.analytic).c_str());
        hovered |= ImGui::IsItemHovered();
        ImGui::TableNextColumn();
        // An estimate that cannot resolve the tolerance says so with its own error: 0 ± 7e-17.
        const bool uncertain = r.numeric_error > kGradientCheckTolerance * std::fabs(r.numeric);
        std::string numeric = fixed_number(r.numeric);
        if (uncertain && std::isfinite(r.numeric_error)) numeric += " \xC2\xB1" + short_number(r.numeric_error, 2);
        ImGui::TextUnformatted(numeric.c_str());
        hovered |= ImGui::IsItemHovered();
        ImGui::TableNextColumn();
        if (r.agrees && r.relative_error > kGradientCheckTolerance) {
            // Within the estimate's own error but not to 1e-6: a relative error would read as a failure.
            ImGui::TextColored(to_vec4(colors::muted), "%s", tr("below resolution"));
        } else {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1e", r.relative_error);
            ImGui::TextColored(to_vec4(r.agrees ? colors::value : colors::bad), "%s", buf);
        }
        if (hovered || ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(trf("h = %s, the numeric estimate's error \xC2\xB1%s", fixed_number(r.step).c_str(),
                                       fixed_number(r.numeric_error).c_str()).c_str());
            ImGui::TextUnformatted(!r.agrees ? tr("differs from backprop: a kink, or a wrong gradient")
                                   : r.relative_error > kGradientCheckTolerance
                                       ? tr("within the estimate's own error: differences of f cannot resolve a slope this small here")
                                       : tr("agrees with backprop"));
            ImGui::EndTooltip();
        }
    }
    ImGui::EndTable();
}

}  // namespace

void GraphPanel::draw(const GraphLab& lab, const Fonts& fonts, std::vector<GraphCommand>& commands) {
    if (lab.state().expression != shown_expression) {
        view.fit_pending = true;
        view.selected = -1;  // a node index of the last graph
        shown_expression = lab.state().expression;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (presenting) {  // the graph fills the window; the stepper under it, for the clicker's audience
        draw_graph_canvas(lab, view, fonts, ImVec2(0, -em(lab.quiz_on() ? 6.8f : 4.8f)));  // the stepper: buttons and two lines
        if (lab.quiz_on()) quiz_section(*this, lab, fonts, commands);
        else stepper_buttons(lab, commands);
        return;
    }
    const Layout layout = layout_for(avail);
    if (layout == Layout::Stacked) {
        // One column that scrolls: the graph first, the stepper under it (a thumb reaches it), then
        // what the user sets and the check.
        ImGui::BeginChild("graph_column", ImVec2(0, 0), false);
        const float width = ImGui::GetContentRegionAvail().x;
        const float least = 300 + em(3);  // the picture inside the frame and its legend: at least 300 px
        draw_graph_canvas(lab, view, fonts, ImVec2(width, std::clamp(width + em(2), least, std::max(least, avail.y * 0.62f))));
        stepper_section(*this, lab, fonts, commands);
        if (!hidden("expression")) expression_section(*this, lab, fonts, commands);
        if (!hidden("presets")) presets_section(lab, fonts, commands);
        if (!hidden("inputs")) inputs_section(*this, lab, fonts, commands);
        jacobian_section(*this, lab, fonts);
        if (!hidden("check")) check_section(lab, fonts);
        ImGui::EndChild();
        return;
    }
    // Everything fits a projector without scrolling: the sidebar holds what the user sets, the
    // canvas what the engine computed, the strip below it how backprop got there (side by side
    // when wide; one above the other, scrolling, on a 1024-wide projector).
    ImGui::BeginChild("graph_sidebar", ImVec2(layout == Layout::Wide ? em(21) : em(17), 0), false);
    if (!hidden("presets")) presets_section(lab, fonts, commands);
    if (!hidden("expression")) expression_section(*this, lab, fonts, commands);
    if (!hidden("inputs")) inputs_section(*this, lab, fonts, commands);
    jacobian_section(*this, lab, fonts);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float strip = layout == Layout::Wide ? em(12.4f) : em(16);
    draw_graph_canvas(lab, view, fonts, ImVec2(0, -strip));
    ImGui::BeginChild("graph_strip", ImVec2(0, 0), false);
    if (layout == Layout::Wide && ImGui::BeginTable("strip", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        stepper_section(*this, lab, fonts, commands);
        ImGui::TableNextColumn();
        if (!hidden("check")) check_section(lab, fonts);
        ImGui::EndTable();
    } else if (layout == Layout::Compact) {
        stepper_section(*this, lab, fonts, commands);
        if (!hidden("check")) check_section(lab, fonts);
    }
    ImGui::EndChild();
    ImGui::EndGroup();
}

}  // namespace nabla::ui
