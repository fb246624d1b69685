// Which controls the page's link hides (lab/hidden_controls.h), for the panels: the app sets it once,
// each panel asks before drawing a hideable part.
#pragma once

#include "lab/hidden_controls.h"

namespace nabla::ui {

void set_hidden_controls(const HiddenControls* hidden);
bool hidden(const char* key);

}  // namespace nabla::ui
