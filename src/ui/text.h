// Labels in the current language with IDs that do not change with it: ImGui identifies a widget
// by its label, so "Train###play" and "학습###play" must be the same button (and a tab stays
// selected when the language switches).
#pragma once

#include <string>

#include "engine/i18n.h"
#include "imgui.h"

namespace nabla::ui {

// tr(english) + "###" + id.
inline std::string id_label(const char* english, const char* id) { return std::string(tr(english)) + "###" + id; }

// Text placed in `width` pixels (a fixed-width button, a caption under a slider, a combo's items):
// when it does not fit, the overflow is recorded under `name` for the tests (nabla.overflows()),
// so a translation that is too long for its widget fails a test instead of being clipped unseen.
void fit(const char* name, const char* text, float width);
inline float text_width(const char* text) { return ImGui::CalcTextSize(text).x; }

}  // namespace nabla::ui
