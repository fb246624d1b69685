// The app: owns the labs, draws one frame of UI, and applies the commands the panels emitted.
// sokol-style init / frame; the platform layer calls these and knows nothing of labs. (No
// shutdown: a page is closed, never torn down.)
// Everything the page's test hook and URL hash need goes through the functions below.
#pragma once

#include <string>

namespace nabla {

// reader_language: the browser's (navigator.language, "ko-KR"): the app's language until a link or
// the header's switch chooses one.
void app_init(const char* reader_language);
// Before each frame, outside ImGui::NewFrame/Render: the canvas in CSS pixels and the device pixels
// per CSS pixel. Loads the fonts again when the UI scale, the window (auto scale) or the ratio
// (browser zoom, a move to another screen) asks for other sizes; true then, and the platform
// uploads the new font texture.
bool app_fit(float css_width, float css_height, float pixel_ratio);
void app_frame();        // between ImGui::NewFrame() and ImGui::Render()

// The active lab's state and results as JSON (for the test hook).
std::string app_state_json();
// Applies one command to a lab ("graph", "playground", "trajectory"; each lab's parse_command lists
// its kinds), or lab "app", kind "tab", text a lab's name. False and app_last_error() when refused.
bool app_command(const std::string& lab, const std::string& kind, const std::string& text, double value);
const std::string& app_last_error();
// The playground's output as the GPU computed it at device pixel (x, y) of the picture, from its top
// left: the output in out[0], or a softmax's probabilities in out[0..2]. False when the picture is not
// computed per pixel (the tests compare it with the network's own forward pass).
bool app_output_pixel(int x, int y, float out[4]);
// A message for the header's status line from outside the labs (the browser refused the clipboard).
void app_notice(const std::string& message);
// WebGL's context was lost (say so; the platform stops drawing) and came back (every GL object is
// made again; the labs' state was never touched).
void app_gl_lost();
void app_gl_restored();
// Where the named widgets were drawn last frame (see ui/widget_map.h), for tests that click them.
std::string app_widgets_json();
// Text wider than its widget in the last frame (ui/text.h fit()), for tests in every language.
std::string app_overflows_json();
// Whether someone changed something (a panel's command, a key, the language) since the last call:
// the page then adds a history entry, so Back undoes it; training alone only updates the link.
bool app_take_deliberate();
// The header's Copy link was pressed since the last call.
bool app_take_copy_link();

// A file dropped on the page or picked (its name and text): a .json is a weights file for the
// playground, anything else CSV for its own data (the tab opens); a refusal is said in the header.
bool app_open_file(const std::string& name, const std::string& text);

// What the header's Export menu asked for, one a call: a text file, or a picture of the lab (the
// rect, in canvas CSS pixels, of this frame's picture, to be cut from the drawn canvas now).
struct Download {
    std::string name, mime, text;
    bool picture = false;
    float x = 0, y = 0, w = 0, h = 0;
};
bool app_take_download(Download& out);
bool app_download_waiting();  // one is queued: the platform draws this frame, whatever changed
// The Export menu's "Load weights…": the platform opens a file picker (once per call that says so).
bool app_take_pick_file();

// The course (src/lessons/course.txt) is fetched beside the page when the Lessons tab or a lesson
// link first wants it: true once when the platform should fetch it; it hands the text (or, on
// failure, a notice) back.
bool app_take_course_request();
void app_course_arrived(const std::string& text);
void app_course_failed(const std::string& message);  // in the current language

// The page link: "graph:expr=...&x=-2". app_link() changes whenever the state does;
// app_open_link() applies a link (from the URL hash) and reports a tampered one in the status line.
std::string app_link();
bool app_open_link(const std::string& link);

}  // namespace nabla
