#include "ui/hidden.h"

namespace nabla::ui {

namespace {
const HiddenControls* g_hidden = nullptr;
}

void set_hidden_controls(const HiddenControls* hidden) { g_hidden = hidden; }

bool hidden(const char* key) { return g_hidden && g_hidden->hidden(key); }

}  // namespace nabla::ui
