#include "ui/playground_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "imgui_stdlib.h"
#include "lab/network_graph.h"
#include "ui/format.h"
#include "ui/hidden.h"
#include "ui/plot.h"
#include "ui/text.h"
#include "ui/view_math.h"
#include "ui/widget_map.h"

namespace nabla::ui {

namespace {

constexpr int kOutputSide = 96;
constexpr double kOutputGridMs = 4, kNeuronGridMs = 2;
constexpr Eigen::Index kWiresPerLayer = 192;  // weights drawn between two layers, the strongest first  // a frame's share of making them (lab/plane_grid.h)
const Setting<PlaygroundState>& row(const char* key) { return playground_settings()[key]; }

// The input plane (x1 across, x2 up) in a w × h picture, in pixels from its top-left corner.
ImVec2 on_plane(float x1, float x2, float w, float h) {
    const Vec2 p = PlaneMap{square_view(kPlaneExtent), 0, 0, w, h}.to_screen({x1, x2});
    return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y));
}

// Where sample i is drawn: (x1, x2), or (x, y) for one-input data (y = 2x).
ImVec2 sample_on_plane(const Dataset& d, int i, float w, float h) {
    const bool one_input = d.X.cols() == 1;
    return on_plane(d.X(i, 0), one_input ? d.y(i, 0) : d.X(i, 1), w, h);
}

// A sample's colour: its class, or its target on the diverging map for regression.
gfx::Rgba sample_colour(const Dataset& d, float target) {
    std::uint8_t rgb[3];
    if (d.regression()) gfx::colormap_rgb(gfx::Colormap::Diverging, target, -1, 1, rgb);
    else if (d.classes > 2) gfx::colormap_rgb(gfx::Colormap::Classes, target + 0.999f, 0, 1, rgb);
    else gfx::colormap_rgb(gfx::Colormap::Diverging, target, 0, 1, rgb);
    return {rgb[0], rgb[1], rgb[2], 255};
}

void rebuild(const PlaygroundLab& lab, std::vector<PlaygroundCommand>& commands, void (*change)(PlaygroundState&, int), int arg) {
    playground::Rebuild c{lab.state()};
    change(c.state, arg);
    commands.push_back(c);
}

// A slider over a row's slider range (logarithmic where the row says so); true when moved.
bool slider(const char* id, const Setting<PlaygroundState>& r, double& value, const char* format) {
    const Range lim = r.slider_limits();
    return ImGui::SliderScalar(id, ImGuiDataType_Double, &value, &lim.lo, &lim.hi, format, r.log_scale ? ImGuiSliderFlags_Logarithmic : 0);
}

// A combo over a choice row's enum table, `width` wide (or as wide as `width_with` makes it for
// the chosen item); each item is checked against the room the arrow leaves when it is the one shown
// (recorded under `name` when it does not fit).
template <class E>
bool combo(const char* id, const char* name, E value, int& index, float width, float (*width_with)(E) = nullptr) {
    index = static_cast<int>(value);
    const char* const* items = enum_labels<E>();
    for (int i = 0; i < enum_count<E>(); ++i)
        fit(name, items[i], (width_with ? width_with(EnumTable<E>::rows[i].value) : width) - ImGui::GetFrameHeight());
    ImGui::SetNextItemWidth(width_with ? width_with(value) : width);
    return ImGui::Combo(id, &index, items, enum_count<E>());
}

// Wide enough for the longest item of E's table in the current language (at least `least`).
template <class E>
float combo_width(float least) {
    float widest = 0;
    for (int i = 0; i < enum_count<E>(); ++i) widest = std::max(widest, text_width(enum_labels<E>()[i]));
    return std::max(least, widest + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x);
}

// The top bar: what a teacher touches while the class watches. It wraps onto more lines where the
// window is narrow; each line leaves room under it for the captions.
void controls(PlaygroundPanel& p, const PlaygroundLab& lab, std::vector<PlaygroundCommand>& commands) {
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, em(1.45f)));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    auto label_width = [](const char* text) { return ImGui::CalcTextSize(text).x; };
    const bool playing = lab.playing();
    const std::string play = playing ? id_label("\xE2\x9D\x9A\xE2\x9D\x9A Pause", "play") : id_label("\xE2\x96\xB6 Train", "play");
    fit("pg:play", playing ? tr("\xE2\x9D\x9A\xE2\x9D\x9A Pause") : tr("\xE2\x96\xB6 Train"), em(5.6f) - 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::Button(play.c_str(), ImVec2(em(5.6f), 0)))
        commands.push_back(playing ? PlaygroundCommand{playground::Pause{}} : PlaygroundCommand{playground::Play{}});
    note_widget("pg:play");
    const ImVec2 buttons_at = ImGui::GetItemRectMin();
    flow(em(3.5f));
    if (ImGui::Button(id_label("Step", "step").c_str())) commands.push_back(playground::Step{});
    note_widget("pg:step");
    flow(em(3.5f));
    if (ImGui::Button(id_label("Reset", "reset").c_str())) commands.push_back(playground::Reset{});
    note_widget("pg:reset");
    const Trainer& t = lab.trainer();
    // The counters in the caption row under the three buttons: their growing digits take no room in
    // the bar, so nothing after them moves under the teacher's finger while it trains.
    const std::string counters = trf("epoch %ld   step %ld", t.epochs(), t.steps());
    const ImVec2 counters_at(buttons_at.x + 2, ImGui::GetItemRectMax().y + 1);
    ImGui::GetWindowDrawList()->AddText(counters_at, colors::text, counters.c_str());
    note_rect("pg:counters", counters_at, ImVec2(counters_at.x + label_width(counters.c_str()), counters_at.y + ImGui::GetTextLineHeight()));
    if (lab.replaying()) {  // a link replays its run: say how far, the controls stay usable
        const std::string progress = trf("replaying the link: step %ld of %ld", t.steps(), lab.replay_target());
        flow(em(12));
        ImGui::ProgressBar(static_cast<float>(lab.replay_progress()), ImVec2(em(12), 0), progress.c_str());
        note_widget("pg:replay");
    }
    if (!hidden("lr")) {
    double lr = lab.state().learning_rate;
    const char* lr_label = tr("learning rate");
    flow(label_width(lr_label) + gap + em(7));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(lr_label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(7));
    if (slider("##lr", row("lr"), lr, "%.5g")) commands.push_back(playground::Set{&row("lr"), lr});
    note_widget("pg:lr");
    }

    if (!hidden("batch")) {
    int batch = t.desc().batch_size;
    const int n = t.data().train.size();
    const char* batch_label = tr("batch");
    flow(label_width(batch_label) + gap + em(8.8f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(batch_label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(8.8f));
    const ImVec2 slider_at = ImGui::GetCursorScreenPos();
    if (ImGui::SliderInt("##batch", &batch, 1, n, batch == 1 ? "1 (SGD)" : batch == n ? tr("%d (full batch)") : "%d"))
        commands.push_back(playground::Set{&row("batch"), static_cast<double>(batch)});
    note_widget("pg:batch");
    // The two ends named as in lecture 000: one sample per step is SGD, all of them is gradient descent.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(ImVec2(slider_at.x, slider_at.y + ImGui::GetFrameHeight()), colors::muted, "SGD");
    const char* full = tr("full-batch GD");
    fit("pg:batch", full, em(8.8f) - label_width("SGD") - gap);
    dl->AddText(ImVec2(slider_at.x + em(8.8f) - label_width(full), slider_at.y + ImGui::GetFrameHeight()), colors::muted, full);
    }

    // What each unlabelled control is, under it, as the batch slider's ends are named; `name` is
    // the control's map name, under which a caption wider than the control is recorded.
    auto caption = [](const char* name, const char* text) {
        fit(name, text, ImGui::GetItemRectSize().x - 2);
        ImGui::GetWindowDrawList()->AddText(ImVec2(ImGui::GetItemRectMin().x + 2, ImGui::GetItemRectMax().y), colors::muted, text);
    };
    if (!hidden("opt")) {
    int opt = 0;
    const float opt_width = combo_width<OptimizerKind>(em(5.9f));
    flow(opt_width);
    if (combo("##optimizer", "pg:optimizer", lab.state().optimizer, opt, opt_width))
        commands.push_back(playground::Set{&row("opt"), static_cast<double>(opt)});
    note_widget("pg:optimizer");
    caption("pg:optimizer", tr("optimizer"));
    }
    if (!hidden("act")) {
    int act = 0;
    const float act_width = combo_width<Activation>(em(5.9f));
    flow(act_width);
    if (combo("##activation", "pg:activation", lab.state().activation, act, act_width))
        commands.push_back(playground::Set{&row("act"), static_cast<double>(act)});
    note_widget("pg:activation");
    caption("pg:activation", tr("activation"));
    }
    if (!hidden("reg")) {
    int reg = 0;
    double rate = lab.state().regularization_rate;
    const bool penalised = lab.state().regularization != Regularization::None;
    flow(penalised ? em(3.6f) + em(4.2f) + gap : em(4.7f));
    ImGui::BeginGroup();
    auto penalty_width = [](Regularization r) { return r == Regularization::None ? em(4.7f) : em(3.6f); };  // room for the λ slider
    if (combo("##reg", "pg:penalty", lab.state().regularization, reg, 0, +penalty_width))
        commands.push_back(playground::Set{&row("reg"), static_cast<double>(reg)});
    note_widget("pg:penalty");
    caption("pg:penalty", tr("penalty"));
    if (penalised) {
        ImGui::SameLine(0, em(0.25f));
        ImGui::SetNextItemWidth(em(4.2f));
        if (slider("##rate", row("rate"), rate, "%.3g")) commands.push_back(playground::Set{&row("rate"), rate});
        caption("pg:rate", tr("\xCE\xBB rate"));
    }
    ImGui::EndGroup();
    }
    if (!hidden("speed")) {
    flow(em(6));
    ImGui::SetNextItemWidth(std::clamp(ImGui::GetContentRegionAvail().x, em(6), em(9)));
    ImGui::SliderInt("##speed", &p.steps_per_frame, 1, 500, tr("speed %d"), ImGuiSliderFlags_Logarithmic);
    note_widget("pg:speed");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("training steps per frame (each frame trains for at most 10 ms)"));
    caption("pg:speed", tr("steps/frame"));
    }
    if (!hidden("compare")) {  // two runs side by side, from the same initial weights
        const bool on = lab.compare() != nullptr;
        const std::string ab = id_label(on ? "\xE2\x9C\x95 A/B" : "A/B", "compare");
        const float width = std::max(ImGui::CalcTextSize(ab.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x,
                                     label_width(tr("compare")) + 4);  // as wide as its caption
        flow(width);
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(ab.c_str(), ImVec2(width, 0))) commands.push_back(on ? PlaygroundCommand{playground::CompareStop{}} : PlaygroundCommand{playground::CompareStart{}});
        if (on) ImGui::PopStyleColor();
        note_widget("pg:compare");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Compare: a second run B from the same initial weights with its own learning rate,\nbatch size and optimizer, trained in lockstep; both boundaries side by side"));
        caption("pg:compare", tr("compare"));
    }
    ImGui::PopStyleVar();
}

// "A  η 0.03 · batch 10 · SGD": a run's live settings, over its picture.
std::string run_summary(const char* name, const PlaygroundState& s, int batch) {
    return trf("%s  \xCE\xB7 %s \xC2\xB7 batch %d \xC2\xB7 %s", name, short_number(s.learning_rate).c_str(), batch, enum_short_label(s.optimizer));
}

// Text on a white tab at the top or bottom left of a picture, cut at its right edge.
void picture_tab(ImDrawList* dl, ImVec2 a, float side, bool bottom, const std::string& text, ImU32 colour = colors::text) {
    const float line = ImGui::GetTextLineHeight();
    const float y = bottom ? a.y + side - line - 5 : a.y + 3;
    dl->PushClipRect(a, ImVec2(a.x + side, a.y + side), true);
    dl->AddRectFilled(ImVec2(a.x + 3, y), ImVec2(a.x + 9 + ImGui::CalcTextSize(text.c_str()).x, y + line + 2), IM_COL32(255, 255, 255, 215), 3);
    dl->AddText(ImVec2(a.x + 6, y + 1), colour, text.c_str());
    dl->PopClipRect();
}

// A run's score, as the Output heading gives A's.
std::string run_score(const Trainer& t, const HistoryPoint& h) {
    const bool regression = t.data().train.regression();
    if (t.data().test.size() == 0)  // your data: every point trains
        return regression ? trf("train loss %.4f", h.train_loss) : trf("train %.1f %%", h.train_accuracy * 100);
    if (regression) return trf("test loss %.4f  train loss %.4f", h.test_loss, h.train_loss);
    return trf("test %.1f %%   train %.1f %%", h.test_accuracy * 100, h.train_accuracy * 100);
}

// Run B's own settings, over the pictures: its learning rate, batch size and optimizer (a change
// restarts both runs from the same weights).
void compare_controls(const PlaygroundLab& lab, std::vector<PlaygroundCommand>& commands) {
    const CompareRun& b = *lab.compare();
    const PlaygroundState& s = b.state();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("B");
    ImGui::SameLine();
    double lr = s.learning_rate;
    ImGui::SetNextItemWidth(em(5.5f));
    if (slider("##b_lr", row("lr"), lr, "\xCE\xB7 %.4g")) commands.push_back(playground::CompareSet{&row("lr"), lr});
    note_widget("pg:b:lr");
    ImGui::SameLine();
    int batch = b.trainer().desc().batch_size;
    const int n = b.trainer().data().train.size();
    ImGui::SetNextItemWidth(em(5.5f));
    if (ImGui::SliderInt("##b_batch", &batch, 1, n, tr("batch %d")))
        commands.push_back(playground::CompareSet{&row("batch"), static_cast<double>(batch)});
    note_widget("pg:b:batch");
    ImGui::SameLine();
    int opt = 0;
    if (combo("##b_opt", "pg:b:opt", s.optimizer, opt, std::min(combo_width<OptimizerKind>(em(5.9f)), ImGui::GetContentRegionAvail().x)))
        commands.push_back(playground::CompareSet{&row("opt"), static_cast<double>(opt)});
    note_widget("pg:b:opt");
}


void data_choice(PlaygroundPanel& p, const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands);
void features_choice(const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands);

// The left column: the datasets and their settings, then the input features (either may be hidden).
void data_column(PlaygroundPanel& p, const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands) {
    if (!hidden("data")) data_choice(p, lab, fonts, commands);
    if (!hidden("features")) features_choice(lab, fonts, commands);
}

void data_choice(PlaygroundPanel& p, const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands) {
    heading(fonts, tr("Data"));
    const PlaygroundState& s = lab.state();
    // A thumbnail of each dataset, as TensorFlow Playground has: a few points of it, coloured by label.
    static const std::vector<DataSplit> samples = [] {
        std::vector<DataSplit> out;
        for (const auto& r : EnumTable<DatasetKind>::rows) {  // enough points to show the shape, few enough to read
            const int points = r.value == DatasetKind::Line ? 120 : r.value == DatasetKind::Spiral ? 320 : r.value == DatasetKind::Spiral3 ? 360 : 240;
            out.push_back(make_dataset({r.value, points}));
        }
        return out;
    }();
    const float cell = (ImGui::GetContentRegionAvail().x - 8) / 3, box = cell - 8;
    // Painted in device pixels once, and again only when the column's width changes.
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x;
    const int w = static_cast<int>(box * ratio), h = static_cast<int>(box * 0.8f * ratio);
    const bool repaint = p.thumbnails_px != w;
    p.thumbnails_px = w;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int k = 0; k < enum_count<DatasetKind>(); ++k) {
        const DatasetKind kind = EnumTable<DatasetKind>::rows[k].value;
        if (k % 3) ImGui::SameLine(0, 4);
        ImGui::BeginGroup();
        const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + box, a.y + box * 0.8f);
        ImGui::PushID(k);
        if (ImGui::InvisibleButton("dataset", ImVec2(box, box * 0.8f + ImGui::GetTextLineHeight())))
            rebuild(lab, commands, [](PlaygroundState& st, int v) { st = st.with_dataset(static_cast<DatasetKind>(v)); }, k);
        ImGui::PopID();
        note_widget(std::string("pg:data:") + enum_key(kind));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", kind == DatasetKind::Own ? (std::string(enum_label(kind)) + ": " + enum_help(kind)).c_str() : enum_label(kind));
        const bool chosen = static_cast<int>(s.dataset) == k;
        dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255), 3);
        if (repaint) {
            const Dataset& d = samples[k].train;
            const bool line = kind == DatasetKind::Line;  // its points in one colour, the line shows
            std::vector<gfx::Dot> dots;
            for (int i = 0; i < d.size(); ++i) {
                const ImVec2 c = sample_on_plane(d, i, static_cast<float>(w), static_cast<float>(h));
                dots.push_back({c.x, c.y, 1.6f * ratio, sample_colour(d, line ? 1.0f : d.y(i, 0))});
            }
            gfx::RgbaImage image;
            gfx::paint_dots(image, w, h, {255, 255, 255, 255}, dots);  // opaque, on the thumbnail's white
            p.thumbnails[k].upload(image, true);
        }
        dl->AddImage(p.thumbnails[k].imgui_id(), a, ImVec2(a.x + w / ratio, a.y + h / ratio));
        if (kind == DatasetKind::Own) {  // nothing generated: a plus, for points of your own
            const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
            const float r = box * 0.22f;
            dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), colors::muted, 3);
            dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), colors::muted, 3);
        }
        dl->AddRect(a, b, chosen ? colors::highlight : colors::node_border, 3, 0, chosen ? 3.0f : 1.0f);
        const char* name = enum_short_label(kind);
        fit((std::string("pg:data:") + enum_key(kind)).c_str(), name, box + 4);  // centred under the box, into the gaps beside it
        dl->AddText(ImVec2(a.x + (box - ImGui::CalcTextSize(name).x) / 2, b.y), chosen ? colors::text : colors::muted, name);
        ImGui::EndGroup();
    }
    // Beside "yours", alone on its row: new points for generated data, and your data as CSV.
    ImGui::SameLine(0, 8);
    ImGui::BeginGroup();
    if (s.dataset != DatasetKind::Own && ImGui::Button(id_label("Regenerate", "regenerate").c_str()))
        rebuild(lab, commands, [](PlaygroundState& st, int) { ++st.seed; }, 0);
    if (ImGui::Button(id_label("CSV…", "csv").c_str())) p.csv_open = true, p.csv_text = s.dataset == DatasetKind::Own ? s.own.to_csv() : "";
    note_widget("pg:csv");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Your data as CSV: paste or type points, or copy them out"));
    ImGui::EndGroup();
    // Fractions as whole percents, as TensorFlow Playground shows them.
    // The sliders leave em(4.1f) for their labels: a label wider than that is recorded.
    auto label_room = [](const char* label) { fit("pg:data", label, em(4.1f) - ImGui::GetStyle().ItemInnerSpacing.x); };
    auto percent = [&](const std::string& label, const char* key, double value) {
        const Range lim = row(key).slider_limits();
        int v = static_cast<int>(std::lround(value * 100));
        ImGui::SetNextItemWidth(-em(4.1f));
        if (ImGui::SliderInt(label.c_str(), &v, static_cast<int>(lim.lo * 100), static_cast<int>(lim.hi * 100), "%d %%"))
            commands.push_back(playground::Set{&row(key), v / 100.0});
    };
    if (s.dataset == DatasetKind::Own) {  // nothing to generate: say how the points are edited instead
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
        ImGui::TextWrapped("%s", trf("Your data: %d points, all of them training. Click on the output to add one, drag to move it; the right button or erase removes it. CSV… edits them as text.",
                                     static_cast<int>(s.own.points.size())).c_str());
        ImGui::PopStyleColor();
        note_widget("pg:own-help");
    } else {
    label_room(tr("noise"));
    percent(id_label("noise", "noise"), "noise", s.noise);
    int points = s.points;
    const Range points_range = row("points").slider_limits();
    ImGui::SetNextItemWidth(-em(4.1f));
    label_room(tr("points"));
    if (ImGui::SliderInt(id_label("points", "points").c_str(), &points, static_cast<int>(points_range.lo), static_cast<int>(points_range.hi)))
        commands.push_back(playground::Set{&row("points"), static_cast<double>(points)});
    label_room(tr("train %"));
    percent(id_label("train %", "train"), "train", s.train_fraction);
    }
    ImGui::Spacing();
}

void features_choice(const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands) {
    const PlaygroundState& s = lab.state();
    heading(fonts, tr("Features"));
    for (int i = 0; i < kFeatureCount; ++i) {
        bool on = s.features & kFeatures[i].bit;
        if (ImGui::Checkbox(id_label(kFeatures[i].label, kFeatures[i].key).c_str(), &on))
            rebuild(lab, commands, [](PlaygroundState& st, int k) { st.features ^= kFeatures[k].bit; }, i);
        if (i % 2 == 0 && i + 1 < kFeatureCount) ImGui::SameLine(em(6.5f));
    }
}

// The inspector gets what the network diagram does not need (2.35 em a neuron in the widest layer),
// between these bounds (in em): a small network leaves room for the whole table of incoming weights.
constexpr float kInspectorMinHeight = 10.5f, kInspectorMaxHeight = 19.4f;

// The signature panel: one neuron, one sample, every quantity of backprop in lecture 000's notation.
void inspector(const PlaygroundLab& lab, float height, std::vector<PlaygroundCommand>& commands) {
    ImGui::BeginChild("pg_inspector", ImVec2(0, height - 4), true);
    note_widget("pg:inspector");
    if (lab.inspected_sample() >= 0) {  // the whole network for this sample, gate by gate
        if (ImGui::SmallButton(id_label("Whole network for this point in the Graph lab", "open-graph").c_str()))
            commands.push_back(playground::OpenInGraph{lab.inspected_sample()});
        note_widget("pg:open-graph");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", trf("every s, z, weight and gradient of this sample's backward pass as a graph\n(networks of up to %d weights and biases)",
                                        kMaxGraphParameters).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(id_label("One node per layer", "open-graph-layers").c_str()))
            commands.push_back(playground::OpenInGraph{lab.inspected_sample(), true});
        note_widget("pg:open-graph-layers");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("the same backward pass with vectors and matrices: s = W z + b, z = h(s), one node per layer"));
    }
    if (lab.inspected_sample() < 0 || lab.inspected_layer() < 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
        ImGui::TextWrapped("%s", lab.inspected_sample() < 0
            ? tr("Backprop for one sample: click a training point on the output (white ring), then a neuron.")
            : trf("Training point #%d picked: now click a neuron to see its s, z and gradients.", lab.inspected_sample()).c_str());
        ImGui::PopStyleColor();
        ImGui::EndChild();
        return;
    }
    const NeuronTrace t = lab.inspected();
    const char* act = t.output ? enum_label(lab.trainer().mlp().desc().head) : enum_label(lab.state().activation);
    ImGui::TextUnformatted(trf("Neuron %d of layer %d (%s), training point #%d, target %s", t.unit + 1, t.layer + 1, act, t.sample,
                               short_number(t.target).c_str()).c_str());
    ImGui::TextColored(to_vec4(colors::value), "s = \xCE\xA3 w\xC2\xB7z + b = %s     z = h(s) = %s", short_number(t.s).c_str(), short_number(t.z).c_str());
    if (t.fused)
        ImGui::TextColored(to_vec4(colors::gradient), "%s", trf("dC/ds = %s  (fused with the loss: \xCF\x83(s) \xE2\x88\x92 t)", short_number(t.ds).c_str()).c_str());
    else
        ImGui::TextColored(to_vec4(colors::gradient), "dC/dz = %s     dC/ds = dC/dz \xC2\xB7 h'(s) = %s", short_number(t.dz).c_str(), short_number(t.ds).c_str());
    // The table takes its rows' height (scrolling when the panel is short), leaving a line for the rule.
    const float row = ImGui::GetTextLineHeightWithSpacing() + 1;
    const float table_height = std::min(ImGui::GetContentRegionAvail().y - 2 * ImGui::GetTextLineHeightWithSpacing(), (t.w.size() + 2) * row + 4);
    if (ImGui::BeginTable("trace", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                          ImVec2(0, std::max(3 * row, table_height)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // Widths in proportion to the headers, so none is cut at the playground's usual width.
        const std::pair<const char*, float> columns[] = {{tr("from"), 0.6f}, {tr("z in"), 0.85f}, {"w", 0.85f},
            {"dC/dw = dC/ds\xC2\xB7z", 1.6f}, {tr("batch mean g"), 1.25f}, {tr("update \xE2\x88\x92\xCE\xB7\xC2\xB7g"), 1.25f}};
        for (const auto& [header, weight] : columns) ImGui::TableSetupColumn(header, ImGuiTableColumnFlags_WidthStretch, weight);
        ImGui::TableHeadersRow();
        for (size_t j = 0; j < t.w.size(); ++j) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (t.layer == 0) ImGui::TextUnformatted(tr(features_of_set(lab.state().features)[j]->label));
            else ImGui::Text("n%d", static_cast<int>(j) + 1);
            for (const double v : {t.z_in[j], t.w[j], t.dw_sample[j], t.dw_batch[j], t.update[j]}) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(short_number(v).c_str());
            }
        }
        ImGui::TableNextRow();  // the bias, a weight on a constant input 1: dC/db = dC/ds
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr("bias b"));
        for (const double v : {1.0, t.b, t.db_sample, t.db_batch, t.b_update}) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(short_number(v).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
    ImGui::TextWrapped("%s", trf("w \xE2\x86\x90 w \xE2\x88\x92 \xCE\xB7\xC2\xB7g\xCC\x84 with \xCE\xB7 = %s and g\xCC\x84 the mean of dC/dw over the last batch (%d samples). That is SGD's step; momentum, RMSProp and Adam reshape it.",
                                 short_number(lab.state().learning_rate).c_str(), lab.trainer().desc().batch_size).c_str());
    ImGui::PopStyleColor();
    ImGui::EndChild();
}

// On the same line as the last item when `width` more fits there, else on the next (a phone's column).
void same_line_if_room(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

// Biases, the initial weights and the order of the samples: what lecture 002's loop needs (ŷ = x·w,
// w = 1.0, the samples in order), in a popup beside the layers, since most runs keep the defaults.
void network_options(const PlaygroundLab& lab, std::vector<PlaygroundCommand>& commands) {
    const PlaygroundState& s = lab.state();
    const std::string label = id_label("options\xE2\x80\xA6", "net-options");
    same_line_if_room(ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::SmallButton(label.c_str())) ImGui::OpenPopup("net-options");
    note_widget("pg:net-options");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("biases, initial weights, the order of the samples"));
    if (!ImGui::BeginPopup("net-options")) return;
    playground::Rebuild next{s};
    bool changed = false, bias = s.bias != 0, shuffle = s.shuffle != 0;
    if (ImGui::Checkbox(id_label("biases", "bias").c_str(), &bias)) next.state.bias = bias, changed = true;
    note_widget("pg:bias");
    int init = 0;
    if (combo(id_label("initial weights", "init").c_str(), "pg:init", s.init, init, em(12))) next.state.init = static_cast<Init>(init), changed = true;
    note_widget("pg:init");
    if (s.init == Init::Constant) {
        double w0 = s.weight_init;
        ImGui::SetNextItemWidth(em(6));
        if (ImGui::InputDouble(id_label("w\xE2\x82\x80", "w0").c_str(), &w0, 0, 0, "%g", ImGuiInputTextFlags_EnterReturnsTrue) &&
            playground_settings()["w0"].range.contains(w0))  // the row's range, as links have it
            next.state.weight_init = w0, changed = true;
        note_widget("pg:w0");
    }
    if (ImGui::Checkbox(id_label("shuffle the samples each epoch", "shuffle").c_str(), &shuffle)) next.state.shuffle = shuffle, changed = true;
    note_widget("pg:shuffle");
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
    // Wrapped where a phone's screen ends (a popup grows to its widest line).
    ImGui::PushTextWrapPos(std::min(em(22), ImGui::GetMainViewport()->WorkSize.x - 4 * ImGui::GetStyle().WindowPadding.x));
    ImGui::TextUnformatted(tr("lecture 002's loop: no biases, constant w\xE2\x82\x80 = 1, in order, batch 1"));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::EndPopup();
    if (changed) commands.push_back(next);
}

// Neurons as thumbnails of their output over the plane; edges by weight sign and size.
void network_column(PlaygroundPanel& p, const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands) {
    heading(fonts, tr("Network"));
    const PlaygroundState& s = lab.state();
    const bool edit_layers = !hidden("layers");
    ImGui::SameLine();
    if (edit_layers && ImGui::SmallButton(id_label("+ layer", "layer+").c_str()) && s.hidden.size() < NetworkLimits::max_hidden_layers)
        rebuild(lab, commands, [](PlaygroundState& st, int) { st.hidden.push_back(st.hidden.empty() ? 4 : st.hidden.back()); }, 0);
    note_widget("pg:layer+");
    if (edit_layers) ImGui::SameLine();
    if (edit_layers && ImGui::SmallButton(id_label("\xE2\x88\x92 layer", "layer-").c_str()) && !s.hidden.empty()) rebuild(lab, commands, [](PlaygroundState& st, int) { st.hidden.pop_back(); }, 0);
    note_widget("pg:layer-");
    const int hidden_layers = static_cast<int>(s.hidden.size());
    const std::string count = "  " + (hidden_layers == 1 ? trf("%d hidden layer", hidden_layers) : trf("%d hidden layers", hidden_layers));
    same_line_if_room(ImGui::CalcTextSize(count.c_str()).x);
    ImGui::TextColored(to_vec4(colors::muted), "%s", count.c_str());
    if (edit_layers) network_options(lab, commands);

    const Mlp<float>& mlp = lab.trainer().mlp();
    const std::vector<int>& sizes = mlp.desc().sizes;
    const int columns = static_cast<int>(sizes.size());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float top = em(1.55f);  // room for the +/- buttons over each hidden layer
    const int widest = *std::max_element(sizes.begin(), sizes.end());
    const float inspector_height = hidden("inspector") ? 0.0f
                                   : std::clamp(ImGui::GetContentRegionAvail().y - (widest * em(2.35f) + top + em(1.4f)),
                                                em(kInspectorMinHeight), em(kInspectorMaxHeight));
    bool wires_cut = false;  // a layer pair with more wires than are drawn: a line under the network says so
    for (size_t k = 0; k + 1 < sizes.size(); ++k) wires_cut |= static_cast<Eigen::Index>(sizes[k]) * sizes[k + 1] > kWiresPerLayer;
    const float note_height = wires_cut ? em(1.3f) : 0.0f;
    const ImVec2 avail(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - inspector_height - note_height);
    const float spacing = std::min(em(2.35f), (avail.y - top - 8) / widest);
    const float box = std::max(6.0f, std::min(em(1.75f), spacing - 5));
    // The thumbnails' grids get a value per device pixel of the box they are drawn in (from the next frame).
    p.neuron_px = std::clamp(static_cast<int>(std::ceil(box * ImGui::GetIO().DisplayFramebufferScale.x)), 8, 64);
    const float gap = (avail.x - box) / std::max(1, columns - 1);
    auto centre = [&](int col, int row) {
        const float height = sizes[col] * spacing;
        return ImVec2(origin.x + box / 2 + col * gap, origin.y + top + (avail.y - top - height) / 2 + (row + 0.5f) * spacing);
    };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Edges first: blue positive, orange negative, width by |w| (as TensorFlow Playground).
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hover_layer = -1, hover_i = -1, hover_j = -1;
    float best = 5;
    // A wide layer pair's thousand wires are one blur, and a frame's cost: the strongest
    // kWiresPerLayer are drawn (the weakest add nothing to read), and the panel says so.
    std::vector<float> magnitudes;
    for (int k = 0; k + 1 < columns; ++k) {
        const Layer<float>& L = mlp.layers[k];
        float weakest_drawn = 0;
        if (L.W.size() > kWiresPerLayer) {
            magnitudes.assign(L.W.data(), L.W.data() + L.W.size());
            for (float& m : magnitudes) m = std::fabs(m);
            std::nth_element(magnitudes.begin(), magnitudes.end() - kWiresPerLayer, magnitudes.end());
            weakest_drawn = *(magnitudes.end() - kWiresPerLayer);
        }
        for (int i = 0; i < sizes[k + 1]; ++i)
            for (int j = 0; j < sizes[k]; ++j) {
                const float w = L.W(i, j);
                if (std::fabs(w) < weakest_drawn) continue;
                const ImVec2 a = centre(k, j), b = centre(k + 1, i);
                const ImVec2 pa(a.x + box / 2, a.y), pb(b.x - box / 2, b.y);
                // Whole pixels: ImGui then draws the line from its baked anti-aliased texture, two
                // triangles instead of six (the frame's cost is in triangles on a software rasteriser).
                const float thick = std::round(std::clamp(std::fabs(w) * 2.0f, 1.0f, 6.0f));
                dl->AddLine(pa, pb, w >= 0 ? IM_COL32(8, 119, 189, 170) : IM_COL32(245, 147, 34, 170), thick);
                // distance from the mouse to the segment, for the hover read-out
                const float dx = pb.x - pa.x, dy = pb.y - pa.y, len2 = dx * dx + dy * dy;
                const float t = std::clamp(((mouse.x - pa.x) * dx + (mouse.y - pa.y) * dy) / std::max(len2, 1e-6f), 0.0f, 1.0f);
                const float d = std::hypot(pa.x + t * dx - mouse.x, pa.y + t * dy - mouse.y);
                if (d < best) best = d, hover_layer = k, hover_i = i, hover_j = j;
            }
    }
    if (wires_cut)
        dl->AddText(ImVec2(origin.x, origin.y + avail.y + em(0.1f)), colors::muted,
                    trf("the %d strongest weights of each layer are drawn", static_cast<int>(kWiresPerLayer)).c_str());
    // Neurons: inputs show their feature, hidden ones their output over the plane. Every picture
    // first, then every frame: ImGui merges neighbouring draws of one texture, so the hidden layers'
    // thumbnails (one atlas) cost one draw call, not one each with a frame's between.
    int feature_slot = 0, neuron_slot = 0;
    for (int col = 0; col < columns; ++col)
        for (int row = 0; row < sizes[col]; ++row) {
            const ImVec2 c = centre(col, row);
            const ImVec2 a(c.x - box / 2, c.y - box / 2), b(c.x + box / 2, c.y + box / 2);
            if (col == 0 && feature_slot < static_cast<int>(p.features.size())) {
                if (const gfx::HeatmapTexture* tex = p.features[feature_slot++].get(); tex->ready()) dl->AddImage(tex->imgui_id(), a, b);
            } else if (col > 0 && col + 1 < columns) {
                if (p.neurons.ready() && neuron_slot < p.neurons.size()) {
                    float u0, v0, u1, v1;
                    p.neurons.uv(neuron_slot, u0, v0, u1, v1);
                    dl->AddImage(p.neurons.imgui_id(), a, b, ImVec2(u0, v0), ImVec2(u1, v1));
                }
                ++neuron_slot;
            } else if (col + 1 == columns && p.output.ready()) {
                dl->AddImage(p.output.imgui_id(), a, b);
            }
        }
    for (int col = 0; col < columns; ++col) {
        for (int row = 0; row < sizes[col]; ++row) {
            const ImVec2 c = centre(col, row);
            const ImVec2 a(c.x - box / 2, c.y - box / 2), b(c.x + box / 2, c.y + box / 2);
            const bool picked = col > 0 && lab.inspected_layer() == col - 1 && lab.inspected_unit() == row;
            // Square corners when small: a rounded frame is ~50 vertices, 256 of them a fifth of a frame.
            dl->AddRect(a, b, picked ? colors::highlight : colors::node_border, box < 16 ? 0.0f : 2.0f, 0, picked ? 3.0f : 1.2f);
            if (col > 0) {
                note_rect("pg:neuron:" + std::to_string(col) + ":" + std::to_string(row), a, b);
                if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(a, b) && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
                    commands.push_back(playground::SelectNeuron{col - 1, row});
            }
        }
        if (col == 0) {
            int f = 0;
            for (const FeatureRow* feature : features_of_set(s.features)) {
                const ImVec2 c = centre(0, f++);
                dl->AddText(ImVec2(c.x + box / 2 + 3, c.y - box / 2 - 2), colors::muted, tr(feature->label));
            }
        } else if (col + 1 < columns && edit_layers) {  // +/- neurons over each hidden layer
            const ImVec2 c = centre(col, 0);
            ImGui::SetCursorScreenPos(ImVec2(c.x - em(1.3f), origin.y));
            ImGui::PushID(col);
            if (ImGui::SmallButton("+") && s.hidden[col - 1] < NetworkLimits::neurons.hi)
                rebuild(lab, commands, [](PlaygroundState& st, int k) { ++st.hidden[k]; }, col - 1);
            note_widget("pg:neuron+:" + std::to_string(col));
            ImGui::SameLine(0, 2);
            if (ImGui::SmallButton("\xE2\x88\x92") && s.hidden[col - 1] > NetworkLimits::neurons.lo)
                rebuild(lab, commands, [](PlaygroundState& st, int k) { --st.hidden[k]; }, col - 1);
            ImGui::PopID();
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + avail.y + note_height));
    if (!hidden("inspector")) inspector(lab, inspector_height, commands);
    if (hover_layer >= 0 && ImGui::IsWindowHovered() && mouse.y < origin.y + avail.y) {
        const Layer<float>& L = mlp.layers[hover_layer];
        ImGui::SetTooltip("%s", trf("weight w[%d,%d] of layer %d = %s\ngradient dC/dw = %s (last batch)\nupdate = \xE2\x88\x92\xCE\xB7 \xC2\xB7 gradient = %s",
                                    hover_i, hover_j, hover_layer + 1, fixed_number(L.W(hover_i, hover_j)).c_str(),
                                    fixed_number(L.dW(hover_i, hover_j)).c_str(),
                                    fixed_number(-lab.state().learning_rate * L.dW(hover_i, hover_j)).c_str()).c_str());
    }
}

// One input (lecture 002's y = 2x): the points are (x, y), so the picture is theirs with the network's
// fitted curve ŷ = f(x) through them, not a heatmap over a plane the data does not have.
void fitted_line_plane(ImDrawList* dl, ImVec2 a, float side) {
    const ImVec2 b(a.x + side, a.y + side);
    auto at = [&](float x, float y) { const ImVec2 p = on_plane(x, y, side, side); return ImVec2(a.x + p.x, a.y + p.y); };
    dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255));
    const int e = static_cast<int>(kPlaneExtent);
    const float ef = static_cast<float>(kPlaneExtent);
    for (int k = -e; k <= e; k += 2) {
        const ImU32 line = k == 0 ? IM_COL32(150, 150, 155, 255) : colors::grid;
        dl->AddLine(at(static_cast<float>(k), -ef), at(static_cast<float>(k), ef), line);
        dl->AddLine(at(-ef, static_cast<float>(k)), at(ef, static_cast<float>(k)), line);
        if (k != 0 && k != e && k != -e) {
            dl->AddText(ImVec2(at(static_cast<float>(k), 0).x + 2, at(0, 0).y + 1), colors::muted, std::to_string(k).c_str());
            dl->AddText(ImVec2(at(0, 0).x + 3, at(0, static_cast<float>(k)).y - 8), colors::muted, std::to_string(k).c_str());
        }
    }
    dl->AddText(ImVec2(b.x - 14, at(0, 0).y - 18), colors::muted, "x");
    dl->AddText(ImVec2(at(0, 0).x + 5, a.y + 2), colors::muted, "y");
}

// The fitted curve ŷ(x) of `mlp` (its values `y` across the plane) and its formula, over the points;
// the formula `below` lines down (a run's name may be above it).
void fitted_curve(ImDrawList* dl, const std::vector<float>& y, const Mlp<float>& mlp, unsigned features, ImVec2 a, float side, int below = 0) {
    const ImVec2 b(a.x + side, a.y + side);
    auto at = [&](float x, float y) { const ImVec2 p = on_plane(x, y, side, side); return ImVec2(a.x + p.x, a.y + p.y); };
    std::vector<ImVec2> pts;
    for (size_t i = 0; i < y.size(); ++i)
        if (std::isfinite(y[i])) {  // clamped just past the picture, so a steep curve leaves it at the edge
            const float x = static_cast<float>(-kPlaneExtent + 2 * kPlaneExtent * i / (y.size() - 1));
            pts.push_back(at(x, std::clamp(y[i], static_cast<float>(-kPlaneExtent - 1), static_cast<float>(kPlaneExtent + 1))));
        }
    dl->PushClipRect(a, b, true);
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(200, 40, 40, 255), 0, 2.5f);
    dl->PopClipRect();
    // The lecture's form when the network is one linear neuron on x alone; else the network's f.
    char formula[96];
    const char* label = formula;
    if (mlp.layers.size() == 1 && features == X1 && !mlp.desc().bias)  // lecture 002's model: a weight alone
        std::snprintf(formula, sizeof formula, "y\xCC\x82 = w\xC2\xB7x = %.8g\xC2\xB7x", mlp.layers[0].W(0, 0));
    else if (mlp.layers.size() == 1 && features == X1)
        std::snprintf(formula, sizeof formula, "y\xCC\x82 = w\xC2\xB7x + b = %.4g\xC2\xB7x %s %.3g", mlp.layers[0].W(0, 0),
                      mlp.layers[0].b(0) < 0 ? "\xE2\x88\x92" : "+", std::fabs(mlp.layers[0].b(0)));
    else
        label = tr("y\xCC\x82 = f(x), the network's prediction");
    const float top = a.y + below * (ImGui::GetTextLineHeight() + 6);
    dl->AddRectFilled(ImVec2(a.x + 4, top + 4), ImVec2(a.x + 12 + ImGui::CalcTextSize(label).x, top + 8 + ImGui::GetTextLineHeight()),
                      IM_COL32(255, 255, 255, 220));
    dl->AddText(ImVec2(a.x + 8, top + 6), IM_COL32(200, 40, 40, 255), label);
}

ImU32 class_colour(int classes, int k) {
    Dataset d;
    d.classes = classes;
    const gfx::Rgba c = sample_colour(d, static_cast<float>(k));
    return IM_COL32(c.r, c.g, c.b, 255);
}

// Your data's tools over the output: the class a click adds (Shift adds the other), the eraser and
// the count against the limit.
void own_data_tools(PlaygroundPanel& p, const PlaygroundLab& lab) {
    const PlaygroundState& s = lab.state();
    if (s.dataset != DatasetKind::Own) return;  // the "yours" thumbnail starts it
    const OwnData& own = s.own;
    const bool curve = own.task == OwnTask::Curve;
    if (!curve) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("add"));
        for (int k = 0; k < 3; ++k) {
            if (k == 2 && own.task != OwnTask::ThreeClasses && p.add_class != 2) {  // a third class on demand
                ImGui::SameLine();
                if (ImGui::SmallButton(id_label("+ class", "class+").c_str())) p.add_class = 2, p.erasing = false;
                note_widget("pg:class:2");
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("a third class: your next point makes the data three-class"));
                break;
            }
            ImGui::SameLine();
            ImGui::PushID(k);
            const bool on = !p.erasing && p.add_class == k;
            const ImU32 colour = class_colour(own.task == OwnTask::ThreeClasses || k == 2 ? 3 : 2, k);
            ImGui::PushStyleColor(ImGuiCol_Button, colour);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour);
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, on ? 3.0f : 0.0f);
            ImGui::PushStyleColor(ImGuiCol_Border, colors::text);
            if (ImGui::Button("##class", ImVec2(ImGui::GetFrameHeight() * 1.2f, ImGui::GetFrameHeight() * 0.8f))) p.add_class = k, p.erasing = false;
            ImGui::PopStyleColor(3);
            ImGui::PopStyleVar();
            ImGui::PopID();
            note_widget("pg:class:" + std::to_string(k));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf("a click adds class %d (Shift: the other class)", k).c_str());
        }
    }
    ImGui::SameLine();
    if (ImGui::Checkbox(id_label("erase", "erase").c_str(), &p.erasing)) p.drag_index = -1;
    note_widget("pg:erase");
    ImGui::SameLine();
    ImGui::TextColored(to_vec4(colors::muted), "%d/%d", static_cast<int>(own.points.size()), OwnDataLimits::max_points);
    note_widget("pg:own-count");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf("%d points; your data holds at most %d", static_cast<int>(own.points.size()), OwnDataLimits::max_points).c_str());
}

// Your data as CSV text: edit or paste it, Load. A bad row keeps the box open with the row and
// column named; nothing changes until every row is good (nn/own_data.h).
void csv_box(PlaygroundPanel& p, const PlaygroundLab& lab, std::vector<PlaygroundCommand>& commands) {
    const char* title = tr("Your data as CSV");
    const std::string popup = std::string(title) + "###csvbox";
    if (p.csv_open && !ImGui::IsPopupOpen(popup.c_str())) ImGui::OpenPopup(popup.c_str());
    const ImVec2 view = ImGui::GetMainViewport()->WorkSize;
    ImGui::SetNextWindowSize(ImVec2(std::min(view.x - 16, em(30)), 0), ImGuiCond_Always);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(popup.c_str(), &p.csv_open)) return;
    const bool sent = !p.csv_sent.empty();
    if (sent && lab.state().to_string() != p.csv_sent) {  // loaded: the data changed
        p.csv_open = false, p.csv_sent.clear();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::muted));
    ImGui::TextWrapped("%s", trf("One point a row: x1,x2,label (labels 0, 1 or 2) or x,y for a curve; a header row is allowed. Values from -6 to 6, at most %d points. A CSV file dropped on the page loads too.",
                                 OwnDataLimits::max_points).c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##csvtext", &p.csv_text, ImVec2(-1, std::min(em(14), view.y * 0.45f)));
    note_widget("pg:csv-text");
    if (sent && !lab.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::bad));
        ImGui::TextWrapped("%s", lab.error().c_str());
        ImGui::PopStyleColor();
        note_widget("pg:csv-error");
    }
    if (ImGui::Button(id_label("Load", "csv-load").c_str(), ImVec2(em(6), 0))) {
        commands.push_back(playground::LoadCsv{p.csv_text});
        p.csv_sent = lab.state().to_string();
    }
    note_widget("pg:csv-load");
    ImGui::SameLine();
    if (ImGui::Button(id_label("Cancel", "csv-cancel").c_str(), ImVec2(em(6), 0))) p.csv_open = false, p.csv_sent.clear(), ImGui::CloseCurrentPopup();
    note_widget("pg:csv-cancel");
    ImGui::EndPopup();
}

// Clicks and drags on the output while the data is yours: a click on an empty spot adds a point of
// the chosen class (Shift: the other), a press on a point and a move drags it, a click on a point
// picks it for the inspector (the eraser, or the right button, removes it).
void edit_own_points(PlaygroundPanel& p, ImVec2 a, float side, bool hovered, int nearest,
                     std::vector<PlaygroundCommand>& commands) {
    const ImGuiIO& io = ImGui::GetIO();
    const PlaneMap map{square_view(kPlaneExtent), a.x, a.y, side, side};
    const Vec2 at = map.to_plane({io.MousePos.x, io.MousePos.y});
    using playground::EditPoints;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && nearest >= 0) {
        commands.push_back(EditPoints{EditPoints::Remove, 0, 0, 0, nearest});
        return;
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        p.press_x = io.MousePos.x, p.press_y = io.MousePos.y, p.dragged = false;
        p.drag_index = nearest;
        if (nearest < 0 && !p.erasing) {
            const int other = p.add_class == 0 ? 1 : 0;
            commands.push_back(EditPoints{EditPoints::Add, at.x, at.y, io.KeyShift ? other : p.add_class, -1});
        }
        return;
    }
    if (p.drag_index >= 0 && ImGui::IsMouseDown(ImGuiMouseButton_Left) && !p.erasing) {
        if (std::hypot(io.MousePos.x - p.press_x, io.MousePos.y - p.press_y) > 4) p.dragged = true;
        const Vec2 clamped{std::clamp(at.x, -kPlaneExtent, kPlaneExtent), std::clamp(at.y, -kPlaneExtent, kPlaneExtent)};
        if (p.dragged && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0))
            commands.push_back(EditPoints{EditPoints::Move, clamped.x, clamped.y, 0, p.drag_index});
        return;
    }
    if (p.drag_index >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (!p.dragged) {
            if (p.erasing) commands.push_back(EditPoints{EditPoints::Remove, 0, 0, 0, p.drag_index});
            else commands.push_back(playground::SelectSample{p.drag_index});
        }
        p.drag_index = -1;
    }
}

// The timeline, as a video's scrubber over the bottom of the output: back through training, the
// network, its boundary, plots and inspector as they were; Train or Step from there is a new branch.
// Over the picture, it takes no room from it (nothing moves when training starts).
void timeline(const PlaygroundLab& lab, ImVec2 a, float side, std::vector<PlaygroundCommand>& commands) {
    const long present = lab.present_steps();
    if (present == 0) return;  // nothing to go back to yet
    const float h = ImGui::GetFrameHeight();
    const ImVec2 at(a.x + 4, a.y + side - h - 4);
    const ImVec2 back = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(at);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 255, 255, 170));
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, IM_COL32(255, 255, 255, 220));
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, IM_COL32(255, 255, 255, 235));
    std::int64_t step = lab.trainer().steps();
    const std::int64_t lo = 0, hi = present;
    const std::string format = lab.viewing_past() ? trf("\xE2\x97\x80 step %%lld of %ld", present) : std::string(tr("timeline: now"));
    ImGui::SetNextItemWidth(side - 8);
    if (ImGui::SliderScalar("##timeline", ImGuiDataType_S64, &step, &lo, &hi, format.c_str(), ImGuiSliderFlags_AlwaysClamp))
        commands.push_back(playground::ViewStep{static_cast<long>(step)});
    note_widget("pg:timeline");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", trf("Rewind: the network, its boundary, plots and inspector as they were\nat an earlier step (\xE2\x86\x90 \xE2\x86\x92 and End on the keyboard).\nTrain or Step from there starts a new branch. At most %d snapshots are kept.",
                                    static_cast<int>(PlaygroundLab::kTimelineMoments)).c_str());
    ImGui::PopStyleColor(3);
    ImGui::SetCursorScreenPos(back);
}

// The output's colours: TensorFlow Playground's orange-white-blue with a line where the decision is
// 50/50 (for three classes, where the two likeliest tie; regression, none).
gfx::HeatmapStyle output_style(const Trainer& t) {
    gfx::HeatmapStyle style;
    const bool regression = t.data().train.regression();
    style.map = t.mlp().desc().head == Head::SoftmaxCE ? gfx::HeatmapStyle::Classes : gfx::HeatmapStyle::Diverging;
    style.lo = regression ? -1.0f : 0.0f;
    style.hi = 1.0f;
    style.mark = !regression;
    style.mark_value = 0.5f;
    return style;
}

// The output a pixel each (every `coarseness`th while training on a slow device): the network run by
// the GPU (gfx/network_picture.h), coloured in the same pass, or at a coarser size into values that
// `picture` interpolates and colours. Redrawn only when the weights, the size or the state changed.
// The picture to show, or nullptr when the GPU cannot run this network: the caller colours the
// engine's grid.
void* output_by_pixel(gfx::NetworkPicture& net, gfx::ShaderHeatmap& picture, std::string& drawn_key, const Trainer& t,
                      const PlaygroundState& s, int device_px, int coarseness) {
    if (!net.error().empty() || !gfx::NetworkPicture::fits(t.mlp().desc())) return nullptr;
    const int values_px = std::max(16, device_px / coarseness);
    const bool coloured = values_px == device_px;
    std::string key = std::to_string(device_px) + "/" + std::to_string(values_px) + "/" + s.to_string() + "/";
    for (const Layer<float>& L : t.mlp().layers) {  // the weights' bytes: any change of any weight redraws
        key.append(reinterpret_cast<const char*>(L.W.data()), L.W.size() * sizeof(float));
        key.append(reinterpret_cast<const char*>(L.b.data()), L.b.size() * sizeof(float));
    }
    if (key != drawn_key || !net.texture()) {  // (no texture after a lost context)
        const float extent = static_cast<float>(kPlaneExtent);
        if (coloured ? !net.render_coloured(t.mlp(), s.features, extent, output_style(t), device_px, device_px)
                     : !net.render(t.mlp(), s.features, extent, values_px, values_px))
            return nullptr;
        if (!coloured) picture.render_texture(net.texture(), output_style(t), device_px, device_px);
        drawn_key = std::move(key);
    }
    return coloured ? reinterpret_cast<void*>(static_cast<std::uintptr_t>(net.coloured_texture())) : picture.imgui_id();
}

// Run B's output beside A's: its boundary through the same shader, the same points over it, its
// settings in the corner and, if it stopped, why.
void compare_picture(PlaygroundPanel& p, const PlaygroundLab& lab, ImVec2 at, float side, int device_px) {
    const CompareRun& b = *lab.compare();
    const Trainer& t = b.trainer();
    const bool classes = t.mlp().desc().head == Head::SoftmaxCE;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(at.x + side, at.y + side);
    if (lab.state().one_input()) {  // one input: the fitted curve, as for A
        fitted_line_plane(dl, at, side);
    } else {
        const std::string key = std::to_string(lab.generation()) + "/" + std::to_string(t.steps()) + "/" + std::to_string(device_px) + "/" +
                                b.state().to_string();
        void* shown = output_by_pixel(p.compare_network, p.compare_boundary, p.compare_key, t, b.state(), device_px, p.coarseness);
        if (!shown && key != p.compare_key) {
            const PlaygroundLab::Grid& g = lab.compare_grid(kOutputSide);
            p.compare_boundary.render(classes ? g.class_probabilities : g.output, g.side, g.side, output_style(t), device_px, device_px);
            p.compare_key = key;
        }
        if (!shown && p.compare_boundary.ready()) shown = p.compare_boundary.imgui_id();
        if (shown) dl->AddImage(shown, at, end);
    }
    dl->AddImage(p.points.imgui_id(), at, end);
    if (lab.state().one_input())
        fitted_curve(dl, lab.compare_curve(std::max(2, static_cast<int>(side / 3))), t.mlp(), b.state().features, at, side, 1);
    note_rect("pg:output-b", at, end);
    picture_tab(dl, at, side, false, run_summary("B", b.state(), t.desc().batch_size));
    picture_tab(dl, at, side, true, run_score(t, b.history().back()));  // its last record (A's are as exact when paused)
    const float line = ImGui::GetTextLineHeight();
    if (!b.status().empty()) {
        const std::string why = trf("B stopped: %s", b.status().c_str());
        dl->AddRectFilled(ImVec2(at.x + 3, at.y + line + 8), ImVec2(end.x - 3, at.y + 3 * line + 12), IM_COL32(255, 255, 255, 230), 3);
        dl->AddText(nullptr, 0, ImVec2(at.x + 6, at.y + line + 9), colors::bad, why.c_str(), nullptr, side - 12);
    }
}

// The output with the loss and gradient plots under it, or beside it (presentation mode, where the
// window is wider than tall once the controls are above).
void output_column(PlaygroundPanel& p, const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands,
                   bool plots_beside = false) {
    // While it trains, the last record (evaluating every point each frame would halve the speed);
    // paused or stepped, the numbers at this very step.
    const HistoryPoint& h = lab.playing() ? lab.history().back() : lab.current();
    const Trainer& t = lab.trainer();
    heading(fonts, tr("Output"));
    ImGui::SameLine();
    ImGui::Text("  %s", run_score(t, h).c_str());
    own_data_tools(p, lab);
    csv_box(p, lab, commands);
    const CompareRun* cmp = lab.compare();
    if (cmp) compare_controls(lab, commands);
    if (!lab.status().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(colors::bad));
        ImGui::TextWrapped("%s", trf("Diverged: %s", lab.status().c_str()).c_str());
        ImGui::PopStyleColor();
    }
    // The output takes what the two plots under it leave (each at least kMinPlotHeight tall).
    const float kMinPlotHeight = em(5.4f), kPlotLabels = em(1.25f);
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const float gap = em(0.5f);
    const float across = cmp ? (room.x - gap) / 2 : room.x;  // A and B side by side
    const float side = std::floor(plots_beside ? std::min(room.y, (cmp ? (room.x - em(16) - gap) / 2 : room.x - em(16)))
                                               : std::min(across, room.y - 2 * kMinPlotHeight - kPlotLabels));
    const PlaygroundState& s = lab.state();
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + side, a.y + side);
    // The output at full resolution: the network run once per pixel on the GPU, or where it cannot run
    // there, the engine's grid interpolated by our fragment shader.
    const int px = std::max(1, static_cast<int>(side));
    // The pictures are made in device pixels: sharp on a HiDPI screen, the same size on the page.
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x;
    const int device_px = std::max(1, static_cast<int>(side * ratio));
    const bool one_d = s.one_input();
    const PlaygroundLab::Grid& g = lab.grid_within(kOutputSide, false, 0);  // made within refresh_textures' budget
    const std::string key = std::to_string(lab.generation()) + "/" + std::to_string(g.serial) + "/" + std::to_string(device_px) + "/" + s.to_string();
    void* shown = one_d ? nullptr : output_by_pixel(p.network, p.boundary, p.boundary_key, t, s, device_px, p.coarseness);
    if (!one_d && !shown && key != p.boundary_key) {
        const bool classes = t.mlp().desc().head == Head::SoftmaxCE;
        p.boundary.render(classes ? g.class_probabilities : g.output, g.side, g.side, output_style(t), device_px, device_px);
        p.boundary_key = key;
    }
    if (!shown) shown = p.boundary.ready() ? p.boundary.imgui_id() : p.output.imgui_id();
    if (one_d) ImGui::InvisibleButton("output", ImVec2(side, side));
    else ImGui::Image(shown, ImVec2(side, side));
    note_widget("pg:output");
    // The bottom strip is the timeline's (drawn over the picture below): clicks there are not the picture's.
    const bool on_timeline = ImGui::GetIO().MousePos.y >= a.y + side - ImGui::GetFrameHeight() - 6;
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left) && !on_timeline;
    const bool hovered = ImGui::IsItemHovered() && !on_timeline;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (one_d) fitted_line_plane(dl, a, side);
    // The data on top: training points with a white ring, test points with a dark one.
    const DataSplit& data = lab.points();
    int nearest = -1;
    float nearest_d = 9;  // pixels
    ImVec2 picked(-1, -1);
    const std::string points_key = std::to_string(device_px) + "/" + s.to_string();
    if (points_key != p.points_key) {
        std::vector<gfx::Dot> dots;
        const float grow = s.dataset == DatasetKind::Own ? 1.7f : 1.0f;  // a few points, placed by hand: big enough to aim at
        for (int part = 0; part < 2; ++part) {
            const Dataset& d = part == 0 ? data.train : data.test;
            const gfx::Rgba ring = part == 0 ? gfx::Rgba{255, 255, 255, 255} : gfx::Rgba{40, 40, 40, 255};
            for (int i = 0; i < d.size(); ++i) {
                const ImVec2 c = sample_on_plane(d, i, static_cast<float>(device_px), static_cast<float>(device_px));
                dots.push_back({c.x, c.y, 3.6f * grow * ratio, ring});
                dots.push_back({c.x, c.y, 2.6f * grow * ratio, sample_colour(d, d.y(i, 0))});
            }
        }
        gfx::RgbaImage image;
        gfx::paint_dots(image, device_px, device_px, {}, dots);
        p.points.upload(image, true);  // one texel a device pixel; see RgbaTexture::upload
        p.points_key = points_key;
    }
    dl->AddImage(p.points.imgui_id(), a, ImVec2(a.x + px, a.y + px));
    if (one_d)
        fitted_curve(dl, lab.curve(std::max(2, static_cast<int>(side / 3))), t.mlp(), s.features, a, side, lab.compare() ? 1 : 0);
    const ImVec2 m = ImGui::GetIO().MousePos;
    for (int i = 0; i < data.train.size(); ++i) {
        const ImVec2 c = sample_on_plane(data.train, i, static_cast<float>(px), static_cast<float>(px));
        if (!(c.x >= 0 && c.x <= px && c.y >= 0 && c.y <= px)) continue;  // off the picture: not clickable
        const float dist = std::hypot(m.x - a.x - c.x, m.y - a.y - c.y);
        if (dist < nearest_d) nearest_d = dist, nearest = i;
        if (i == lab.inspected_sample()) picked = ImVec2(a.x + c.x, a.y + c.y);
    }
    if (picked.x >= 0) dl->AddCircle(picked, 8, colors::highlight, 0, 3);
    if (s.dataset == DatasetKind::Own) {
        edit_own_points(p, a, side, hovered, nearest, commands);
        if (hovered && nearest >= 0 && p.erasing) {  // what the eraser would take
            const ImVec2 c = sample_on_plane(data.train, nearest, static_cast<float>(px), static_cast<float>(px));
            dl->AddCircle(ImVec2(a.x + c.x, a.y + c.y), 7, colors::bad, 0, 2.5f);
        }
    } else if (clicked && nearest >= 0) {
        commands.push_back(playground::SelectSample{nearest});
    }
    if (cmp) {
        compare_picture(p, lab, ImVec2(a.x + side + gap, a.y), side, device_px);
        picture_tab(dl, a, side, false, run_summary("A", lab.state(), t.desc().batch_size));
        picture_tab(dl, a, side, true, run_score(t, h));
    } else if (!hidden("timeline")) {
        timeline(lab, a, side, commands);
    }
    if (plots_beside) {
        ImGui::SetCursorScreenPos(ImVec2(a.x + side + em(1), a.y));
        ImGui::BeginChild("pg_plots", ImVec2(0, side), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    }
    std::vector<double> x;
    PlotSeries train{tr("train loss"), IM_COL32(40, 40, 40, 255), {}}, test{tr("test loss"), IM_COL32(200, 60, 60, 255), {}};
    for (const HistoryPoint& hp : lab.history()) x.push_back(hp.epoch), train.y.push_back(hp.train_loss), test.y.push_back(hp.test_loss);
    const float w = ImGui::GetContentRegionAvail().x;
    const float plot_height = std::max(kMinPlotHeight, (ImGui::GetContentRegionAvail().y - 7) / 2);
    std::vector<PlotSeries> losses{train};
    if (t.data().test.size() > 0) losses.push_back(test);  // your data holds nothing out
    std::vector<double> loss_x = x;
    if (cmp) {  // A and B on one step axis (each records at its own half epochs): both resampled onto every record's step
        std::vector<double> steps;
        for (const HistoryPoint& hp : lab.history()) steps.push_back(static_cast<double>(hp.step));
        for (const HistoryPoint& hp : cmp->history()) steps.push_back(static_cast<double>(hp.step));
        std::sort(steps.begin(), steps.end());
        steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
        auto resample = [&](const std::vector<HistoryPoint>& h, double HistoryPoint::*field) {
            std::vector<double> out;
            size_t k = 0;
            for (const double st : steps) {
                while (k + 1 < h.size() && static_cast<double>(h[k + 1].step) <= st) ++k;
                if (h.empty() || static_cast<double>(h.back().step) < st || st < static_cast<double>(h.front().step)) { out.push_back(NAN); continue; }
                const HistoryPoint& lo = h[k];
                const HistoryPoint& hi = h[std::min(k + 1, h.size() - 1)];
                const double f = hi.step > lo.step ? (st - static_cast<double>(lo.step)) / static_cast<double>(hi.step - lo.step) : 0;
                out.push_back(lo.*field + f * (hi.*field - lo.*field));
            }
            return out;
        };
        loss_x = steps;
        losses.clear();
        losses.push_back({tr("A train"), IM_COL32(40, 40, 40, 255), resample(lab.history(), &HistoryPoint::train_loss)});
        if (t.data().test.size() > 0) losses.push_back({tr("A test"), IM_COL32(200, 60, 60, 255), resample(lab.history(), &HistoryPoint::test_loss)});
        losses.push_back({tr("B train"), IM_COL32(8, 119, 189, 255), resample(cmp->history(), &HistoryPoint::train_loss)});
        if (t.data().test.size() > 0) losses.push_back({tr("B test"), IM_COL32(245, 147, 34, 255), resample(cmp->history(), &HistoryPoint::test_loss)});
    }
    const double marker = lab.viewing_past() ? t.epoch_progress() : NAN;  // the step the timeline shows
    line_plot("loss", ImVec2(w, plot_height), loss_x, losses, p.log_loss, cmp ? tr("step") : tr("epoch"), tr("loss"), &p.log_loss, marker);
    note_widget("pg:loss-plot");
    std::vector<PlotSeries> norms;
    const ImU32 palette[] = {IM_COL32(8, 119, 189, 255), IM_COL32(245, 147, 34, 255), IM_COL32(60, 160, 60, 255),
                             IM_COL32(150, 60, 170, 255), IM_COL32(120, 120, 120, 255)};
    for (size_t k = 0; k < lab.trainer().mlp().layers.size(); ++k) {
        PlotSeries series{"W" + std::to_string(k + 1), palette[k % 5], {}};
        for (const HistoryPoint& hp : lab.history()) series.y.push_back(k < hp.gradient_norms.size() ? hp.gradient_norms[k] : NAN);
        norms.push_back(std::move(series));
    }
    const std::string norms_title = trf("%sdC/dW%s per layer (log)", "\xE2\x80\x96", "\xE2\x80\x96");  // ‖dC/dW‖: the bars apart, as "\x96dC" would be one escape
    line_plot("grads", ImVec2(w, plot_height), x, norms, true, tr("epoch"), norms_title.c_str(), nullptr, marker);
    if (plots_beside) ImGui::EndChild();
}

}  // namespace

void PlaygroundPanel::refresh_textures(const PlaygroundLab& lab) {
    const std::string state = lab.state().to_string();
    // A large network's grids take more than a frame: they are made a few milliseconds a frame
    // (lab/plane_grid.h), and the textures follow when one is complete.
    const PlaygroundLab::Grid& g = lab.grid_within(kOutputSide, false, kOutputGridMs);
    const int side = neuron_px;
    const PlaygroundLab::Grid& small = lab.grid_within(side, true, kNeuronGridMs);
    if (textures_step == g.serial && textures_neurons == small.serial && textures_generation == lab.generation() && textures_state == state &&
        features_px == side && output.ready())
        return;
    const bool classes = lab.trainer().mlp().desc().head == Head::SoftmaxCE;
    const bool regression = lab.trainer().data().train.regression();
    output.upload(g.output, g.side, classes ? gfx::Colormap::Classes : gfx::Colormap::Diverging, regression ? -1.0f : 0.0f, 1.0f);
    if (!small.neurons.empty()) neurons.upload(small.neurons, small.side, gfx::Colormap::Diverging, -1, 1);
    if (textures_state != state || features_px != side) {  // the input features only change with the state and size
        const int inputs = lab.input_count();
        while (static_cast<int>(features.size()) < inputs) features.push_back(std::make_unique<gfx::HeatmapTexture>());
        std::vector<std::vector<float>> images(inputs, std::vector<float>(side * side));
        std::vector<float> f(inputs);
        for (int r = 0; r < side; ++r)
            for (int c = 0; c < side; ++c) {
                const Vec2 at = PlaneMap{square_view(kPlaneExtent)}.cell_centre(c, r, side);
                lab.features_of(static_cast<float>(at.x), static_cast<float>(at.y), f.data());
                for (int k = 0; k < inputs; ++k) images[k][r * side + c] = f[k];
            }
        for (int k = 0; k < inputs; ++k) {
            float m = 1e-6f;
            for (const float v : images[k]) m = std::max(m, std::fabs(v));
            features[k]->upload(images[k], side, gfx::Colormap::Diverging, -m, m);
        }
    }
    textures_step = g.serial;
    textures_neurons = small.serial;
    textures_generation = lab.generation();
    textures_state = state;
    features_px = side;
}

void PlaygroundPanel::forget_gl() {
    output.forget();
    boundary.forget();
    compare_boundary.forget();
    network.forget();
    compare_network.forget();
    compare_key.clear();
    points.forget();
    neurons.forget();
    for (auto& t : features) t->forget();
    for (auto& t : thumbnails) t.forget();
    boundary_key.clear(), points_key.clear(), textures_state.clear();
    thumbnails_px = 0;
    textures_step = -1;
}

// The per-pixel picture is redrawn every frame while the network trains. A software rasteriser, or
// eight layers of 32 on a phone, cannot do that at full resolution: after a run of slow frames the
// values are computed at half the resolution (down to an eighth) and interpolated; after a few
// seconds of fast ones, finer again. Paused or stepped, every pixel is the network's own value.
void PlaygroundPanel::adapt_coarseness(bool training) {
    if (!training) {
        coarseness = 1, slow_frames = 0, training_frames = 0;
        return;
    }
    // The first frames of a run are slow for other reasons (a link just opened, a network rebuilt, a
    // shader compiled): they say nothing of how fast the picture can be redrawn.
    if (++training_frames <= 5) return;
    const float dt = ImGui::GetIO().DeltaTime;
    slow_frames += dt > 0.1f ? 10 : dt > 1.0f / 40 ? 1 : dt < 1.0f / 55 ? -1 : 0;  // a tenth of a second: at once
    if (slow_frames >= 10 && coarseness < 8) coarseness *= 2, slow_frames = 0;
    if (slow_frames <= -180 && coarseness > 1) coarseness /= 2, slow_frames = 0;
    slow_frames = std::max(slow_frames, -180);
}

void PlaygroundPanel::draw(const PlaygroundLab& lab, const Fonts& fonts, std::vector<PlaygroundCommand>& commands) {
    adapt_coarseness(lab.playing());
    refresh_textures(lab);
    if (presenting) {  // the output and its plots fill what the controls leave
        controls(*this, lab, commands);
        ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
        ImGui::BeginChild("pg_output", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        output_column(*this, lab, fonts, commands, ImGui::GetContentRegionAvail().x > ImGui::GetContentRegionAvail().y);
        ImGui::EndChild();
        return;
    }
    const Layout layout = layout_for(ImGui::GetContentRegionAvail());
    if (layout == Layout::Stacked) {
        // One column that scrolls: the controls, the output with its loss plots, the network and
        // its inspector, the data. Each part gets the height it needs, whatever the window's.
        ImGui::BeginChild("pg_column", ImVec2(0, 0), false);
        controls(*this, lab, commands);
        ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
        const float width = ImGui::GetContentRegionAvail().x;
        ImGui::BeginChild("pg_output", ImVec2(width, width + em(14)), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        output_column(*this, lab, fonts, commands);
        ImGui::EndChild();
        ImGui::BeginChild("pg_network", ImVec2(width, em(28)), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        network_column(*this, lab, fonts, commands);
        ImGui::EndChild();
        data_column(*this, lab, fonts, commands);
        ImGui::EndChild();
        return;
    }
    controls(*this, lab, commands);
    ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));  // room for the SGD / full-batch labels
    if (!hidden("data") || !hidden("features")) {
        ImGui::BeginChild("pg_data", ImVec2(layout == Layout::Wide ? em(13.5f) : em(11.5f), 0), false);
        data_column(*this, lab, fonts, commands);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    float right = layout == Layout::Wide ? em(23.5f) : em(19.5f);
    if (lab.compare()) right = std::max(right, ImGui::GetContentRegionAvail().x * 0.5f);  // two pictures side by side
    ImGui::BeginChild("pg_network", ImVec2(ImGui::GetContentRegionAvail().x - right - 8, 0), false, ImGuiWindowFlags_NoScrollbar);
    network_column(*this, lab, fonts, commands);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("pg_output", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    output_column(*this, lab, fonts, commands);
    ImGui::EndChild();
}

}  // namespace nabla::ui
