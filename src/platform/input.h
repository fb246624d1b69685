// Touch, pen and wheel input reach ImGui from here rather than through Emscripten's GLFW, whose
// touch path lands a press at the previous pointer position and lets the browser's compatibility
// mouse events click a second time (Step advanced 1, then 2 per tap). js_bridge.cpp listens to the
// canvas's pointer and wheel events and calls these; the mouse keeps GLFW's path, which is right.
// Coordinates are CSS pixels from the canvas's top-left corner, as ImGui's are.
#pragma once

namespace nabla::input {

enum class Phase { Down = 0, Move = 1, Up = 2, Cancel = 3 };

// One finger (or a pen) is the left button with the touch source, so ImGui does not hover before
// a press; after Up nothing stays hovered; Cancel releases away from every widget (no click).
void pointer(Phase phase, float x, float y, bool pen);
// Two fingers: the spread's change as wheel steps about their midpoint (positive: apart, zoom in).
void pinch(float x, float y, float log_spread_ratio);
// The mouse wheel, in notches (positive: away from the user, zoom in), at (x, y).
void wheel(float x, float y, float dx, float dy);
// ImGui's GLFW backend adds GLFW's cursor position every frame while the mouse has not entered the
// canvas; after it, a finger's position is added again so the two do not fight. Call after
// ImGui_ImplGlfw_NewFrame().
void after_backend_new_frame();
// The mouse moved (GLFW's path): it is the pointer again.
void note_mouse();
// True unless a finger or pen was the last to move the pointer (the HiDPI mouse fix-up then waits).
bool mouse_is_pointer();

}  // namespace nabla::input
