// C entry points called from web/index.html through Module.ccall, and EM_JS helpers calling the
// page. Strings returned to JS live in static storage until the next call. No exception crosses.
#include "platform/js_bridge.h"

#include <emscripten.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "app/app.h"
#include "imgui.h"
#include "engine/i18n.h"
#include "lab/url_codec.h"
#include "platform/input.h"
#include "ui/fonts.h"

namespace {

int g_frames = 0;
constexpr int kSettledFrames = 3;
std::string g_drawn = "{}";  // the last frame's draw counts, as JSON
std::string g_link;      // the link last written to the hash
std::string g_returned;  // storage for strings handed to JS
std::string g_clipboard;  // what a paste brought in, or what ImGui last copied
double g_link_written_ms = 0;  // when the link was last written
bool g_in_gesture = false;     // a drag that added its history entry and goes on
bool g_gl_lost = false, g_gl_restored = false;  // the WebGL context's loss, and its return not yet handled

EM_JS(void, js_mark_ready, (), { if (window.nabla) window.nabla._setReady(); });
// The link in the address bar: a deliberate change adds a history entry (Back undoes it), anything
// else (training's progress, a drag under way) rewrites the current one.
EM_JS(void, js_set_hash, (const char* link, int push), {
    const url = "#" + UTF8ToString(link);
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
});
// Back, Forward, or a link pasted into the address bar of the open page: the page follows it.
EM_JS(void, js_install_navigation, (), {
    window.addEventListener('hashchange', () => Module.ccall('nabla_open_hash', null, ['string'], [location.hash.replace(/^#/, "")]));
});
EM_JS(void, js_copy_link, (const char* link), {
    const url = location.origin + location.pathname + "#" + UTF8ToString(link);
    const refused = (why) => Module.ccall('nabla_clipboard_refused', null, ['string'], [String(why)]);
    if (!navigator.clipboard || !navigator.clipboard.writeText) return refused('this page has no clipboard access (it needs https or 127.0.0.1)');
    navigator.clipboard.writeText(url).then(() => Module.ccall('nabla_link_copied', null, ['string'], [url]))
        .catch((e) => refused(e && e.message ? e.message : e));
});
// Sizes the canvas's drawing buffer to its CSS box times the device pixel ratio, every frame, so a
// laptop's HiDPI screen gets crisp text; the GLFW window (ImGui's coordinates) stays in CSS pixels.
// Emscripten 3.1.6's glfwSetWindowSize requests fullscreen instead when the size equals the
// screen's (headless Chromium, a browser in F11 on a projector), so the window record is set here.
EM_JS(void, js_fit_canvas, (), {
    const c = Module.canvas;
    const w = Math.max(1, c.clientWidth | 0), h = Math.max(1, c.clientHeight | 0);
    const ratio = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
    const bw = Math.round(w * ratio), bh = Math.round(h * ratio);
    const win = GLFW.active;
    if (!win || (c.width === bw && c.height === bh && win.width === w && win.height === h)) return;
    c.width = bw;
    c.height = bh;
    win.width = w;
    win.height = h;
});
EM_JS(int, js_canvas_buffer_width, (), { return Module.canvas.width; });
EM_JS(int, js_canvas_buffer_height, (), { return Module.canvas.height; });
EM_JS(void, js_fail, (const char* message), { if (window.nabla) window.nabla._fail(UTF8ToString(message)); });

// Touch, pen and the wheel go to platform/input.cpp instead of Emscripten's GLFW. Touch events
// on the canvas are cancelled in the capture phase, before GLFW's listeners see them and before
// the browser makes compatibility mouse events of them; pointer events carry fingers and pens
// (one is a press, two a pinch). The wheel listener is active (not passive), so preventing the
// page from scrolling is allowed and logs nothing.
// The system clipboard (Emscripten 3.1.6's GLFW clipboard is empty). Paste: Ctrl+V reaches ImGui
// as a key, and the browser's paste event that follows it (before the next frame) hands over the
// text, which ImGui then asks for. Copy and cut: ImGui gives the text, navigator.clipboard takes it;
// where the browser refuses, the header says so.
EM_JS(void, js_install_clipboard, (), {
    window.addEventListener('paste', (e) => {
        if (!e.clipboardData) return;
        Module.ccall('nabla_clipboard_pasted', null, ['string'], [e.clipboardData.getData('text/plain')]);
        e.preventDefault();
    });
});
// A file dropped on the page: its text goes to the app (CSV: the playground's own data). Files
// over 1 MB are refused here: your data holds 500 points, a few kilobytes.
EM_JS(void, js_install_drop, (), {
    window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', (e) => {
        e.preventDefault();
        const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
        if (!file) return;
        if (file.size > 1 << 20)
            return Module.ccall('nabla_dropped_file', null, ['string', 'string', 'number'], [file.name, "", file.size]);
        file.text().then((text) => Module.ccall('nabla_dropped_file', null, ['string', 'string', 'number'], [file.name, text, file.size]));
    });
});
// Files for the Export menu, offered as browser downloads. A picture is cut from the canvas now,
// in the same frame it was drawn in (the drawing buffer is cleared once the frame is shown), at the
// canvas's device pixels.
EM_JS(void, js_save_blob, (), {
    Module.nablaSave = (blob, name) => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 60000);
    };
});
EM_JS(void, js_download_text, (const char* name, const char* mime, const char* text), {
    Module.nablaSave(new Blob([UTF8ToString(text)], { type: UTF8ToString(mime) }), UTF8ToString(name));
});
EM_JS(void, js_download_picture, (const char* name, float x, float y, float w, float h), {
    const c = Module.canvas;
    const ratio = c.width / Math.max(1, c.clientWidth);
    const left = Math.max(0, Math.round(x * ratio)), top = Math.max(0, Math.round(y * ratio));
    const width = Math.min(c.width - left, Math.round(w * ratio)), height = Math.min(c.height - top, Math.round(h * ratio));
    if (width < 1 || height < 1) return;
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    out.getContext('2d').drawImage(c, left, top, width, height, 0, 0, width, height);
    const file = UTF8ToString(name);
    out.toBlob((blob) => Module.nablaSave(blob, file), 'image/png');
});
// "Load weights…": a file picker; the chosen file goes the way a dropped one does.
EM_JS(void, js_pick_file, (), {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json,.csv,text/csv';
    input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        if (file) file.text().then((text) => Module.ccall('nabla_dropped_file', null, ['string', 'string', 'number'], [file.name, text, file.size]));
    });
    input.click();
});
EM_JS(void, js_copy, (const char* text), {
    const t = UTF8ToString(text);
    const refused = (why) => Module.ccall('nabla_clipboard_refused', null, ['string'], [String(why)]);
    if (!navigator.clipboard || !navigator.clipboard.writeText) return refused('this page has no clipboard access (it needs https or 127.0.0.1)');
    navigator.clipboard.writeText(t).catch((e) => refused(e && e.message ? e.message : e));
});

// Text as people type it: a hidden textarea takes the focus while ImGui edits text, so an IME's
// composition (Hangul is composed syllable by syllable), a phone's soft keyboard and a dictation
// insert whole strings, which reach ImGui as UTF-8 (nabla_text_input). Keys that edit (Backspace,
// arrows, Enter) still reach ImGui through GLFW; GLFW's own characters are ignored while the field
// has the focus, so nothing is typed twice. Paste keeps its own path (js_install_clipboard).
EM_JS(void, js_install_text_input, (), {
    const t = document.createElement('textarea');
    t.id = 'nabla-text';
    t.setAttribute('aria-label', 'text input');
    t.autocapitalize = 'off';
    t.autocomplete = 'off';
    t.spellcheck = false;
    // On screen but invisible, at the edited field (an IME places its candidate window there);
    // 16 px, so a phone does not zoom in when it takes the focus.
    t.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:24px;opacity:0;border:0;padding:0;margin:0;resize:none;font-size:16px;z-index:-1;';
    document.body.appendChild(t);
    const send = (text) => { if (text) Module.ccall('nabla_text_input', null, ['string'], [text]); };
    // While a syllable is being composed it shows in the field itself, over ImGui's caret (ImGui has
    // no preedit text): the student sees ㅎ, 하, 한 as they type, then the committed syllable in the box.
    let composing = false;
    const show = (on) => {
        t.style.opacity = on ? '1' : '0';
        t.style.width = on ? '4em' : '2px';
        t.style.background = on ? '#fffbe6' : 'transparent';
        t.style.zIndex = on ? '1' : '-1';
    };
    t.addEventListener('compositionstart', () => { composing = true; show(true); });
    t.addEventListener('compositionend', (e) => { composing = false; show(false); send(e.data); t.value = ""; });
    t.addEventListener('beforeinput', (e) => {
        if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText') {
            if (!e.isComposing && !composing) { send(e.data); e.preventDefault(); }
        } else if (e.inputType === 'insertFromPaste' || e.inputType === 'insertLineBreak') {
            e.preventDefault();  // paste: the clipboard path; Enter: a key ImGui already has
        }
    });
    Module.nablaText = t;
});
EM_JS(void, js_text_field, (int wanted, float x, float y, float h), {
    const t = Module.nablaText;
    if (!t) return;
    const r = Module.canvas.getBoundingClientRect();
    t.style.left = (r.left + x) + 'px';
    t.style.top = (r.top + y) + 'px';
    t.style.height = Math.max(16, h) + 'px';
    if (wanted && document.activeElement !== t) t.focus({preventScroll: true});
    if (!wanted && document.activeElement === t) { t.blur(); t.value = ""; }
});
EM_JS(int, js_text_field_focused, (), { return Module.nablaText && document.activeElement === Module.nablaText ? 1 : 0; });
// The larger Hangul font, fetched beside the page once (ui/fonts.h); the next frame loads it.
EM_JS(void, js_fetch_more_hangul, (), {
    fetch('hangul-more.ttf').then((r) => {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
    }).then((b) => {
        // Into a buffer the module allocates, then handed over (the page has no file system).
        const bytes = new Uint8Array(b);
        const at = Module.ccall('nabla_more_hangul_buffer', 'number', ['number'], [bytes.length]);
        HEAPU8.set(bytes, at);
        Module.ccall('nabla_more_hangul_arrived', null, [], []);
    })
      .catch((e) => Module.ccall('nabla_more_hangul_failed', null, ['string'], [String(e && e.message ? e.message : e)]));
});

// The course's text, fetched beside the page when the Lessons tab or a lesson link first wants it.
EM_JS(void, js_fetch_course, (), {
    fetch('course.txt').then((r) => {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.text();
    }).then((t) => Module.ccall('nabla_course_arrived', null, ['string'], [t]))
      .catch((e) => Module.ccall('nabla_course_failed', null, ['string'], [String(e && e.message ? e.message : e)]));
});

// A lost WebGL context (a GPU reset, a driver update, a laptop waking up) is not the end: the
// default is prevented so the browser may restore it, and then everything is made again.
EM_JS(void, js_install_context_loss, (), {
    // While it is gone nothing can be drawn with GL, so the page's own status box says what happened.
    const box = document.getElementById('status');
    Module.canvas.addEventListener('webglcontextlost', (e) => {
        e.preventDefault();
        _nabla_gl_lost();
        box.textContent = 'The graphics context was lost (the GPU was reset or is busy). Everything is kept; it is drawn again when the browser gives the context back.';
        box.style.display = 'flex';
    });
    Module.canvas.addEventListener('webglcontextrestored', () => {
        // Emscripten's tables still map the old ids to objects of the lost context; emptied, the
        // deletes of those ids that follow (ImGui's, ours) do nothing instead of WebGL warnings.
        for (const table of [GL.buffers, GL.programs, GL.framebuffers, GL.renderbuffers, GL.textures, GL.shaders, GL.vaos])
            if (table) table.fill(null);
        _nabla_gl_restored();
        box.style.display = 'none';
    });
});

EM_JS(void, js_install_input, (), {
    const c = Module.canvas;
    c.style.touchAction = 'none';
    const on_canvas = (e) => e.target === c;
    for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
        window.addEventListener(type, (e) => { if (on_canvas(e)) { e.preventDefault(); e.stopPropagation(); } },
                                {capture: true, passive: false});
    const at = (e) => { const r = c.getBoundingClientRect(); return {x: e.clientX - r.left, y: e.clientY - r.top}; };
    window.addEventListener('wheel', (e) => {
        if (!on_canvas(e)) return;
        e.preventDefault();
        e.stopPropagation();
        // Notches as Emscripten's GLFW counts them: 100 px (or 3 lines) a notch, at least one.
        const per = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 80 : 1 / 100;
        const notches = (d) => { const v = -d * per; return v === 0 ? 0 : v > 0 ? Math.max(v, 1) : Math.min(v, -1); };
        const p = at(e);
        _nabla_input_wheel(p.x, p.y, notches(e.deltaX), notches(e.deltaY));
    }, {capture: true, passive: false});
    const fingers = new Map();  // pointerId -> where it is
    let pressing = false;       // one finger down and still a press (not turned into a pinch)
    let spread = 0;             // the two fingers' distance at the last move
    const two = () => { const [a, b] = [...fingers.values()]; return {d: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}; };
    const pen = (e) => e.pointerType === 'pen' ? 1 : 0;
    c.addEventListener('pointerdown', (e) => {
        if (e.pointerType === 'mouse') return;
        e.preventDefault();
        if (c.setPointerCapture) c.setPointerCapture(e.pointerId);
        fingers.set(e.pointerId, at(e));
        if (fingers.size === 1) {
            pressing = true;
            _nabla_input_pointer(0, fingers.get(e.pointerId).x, fingers.get(e.pointerId).y, pen(e));
        } else if (fingers.size === 2) {
            if (pressing) _nabla_input_pointer(3, 0, 0, pen(e));  // the first finger's press becomes a pinch
            pressing = false;
            spread = two().d;
        }
    });
    c.addEventListener('pointermove', (e) => {
        if (e.pointerType === 'mouse' || !fingers.has(e.pointerId)) return;
        fingers.set(e.pointerId, at(e));
        if (fingers.size === 1 && pressing) {
            _nabla_input_pointer(1, fingers.get(e.pointerId).x, fingers.get(e.pointerId).y, pen(e));
        } else if (fingers.size === 2) {
            const t = two();
            if (spread > 0 && t.d > 0) _nabla_input_pinch(t.x, t.y, Math.log(t.d / spread));
            spread = t.d;
        }
    });
    const lift = (e, phase) => {
        if (e.pointerType === 'mouse' || !fingers.has(e.pointerId)) return;
        const p = at(e);
        fingers.delete(e.pointerId);
        if (pressing && fingers.size === 0) _nabla_input_pointer(phase, p.x, p.y, pen(e));
        if (fingers.size === 0) pressing = false;
        spread = 0;
    };
    c.addEventListener('pointerup', (e) => lift(e, 2));
    c.addEventListener('pointercancel', (e) => lift(e, 3));
});

// The link without its training progress ("&steps=1250"): what decides whether a change is more
// than training going on.
std::string without_progress(const std::string& link) {
    std::string out;
    for (const std::string& part : nabla::split_list(link, '&'))
        if (part.rfind("steps=", 0) != 0) out += (out.empty() ? "" : "&") + part;
    return out;
}

// After each frame: a deliberate change pushes one history entry (a drag: one, at its start), and
// training's progress rewrites the link at most once a second (browsers throttle history calls).
void write_link() {
    const bool deliberate = nabla::app_take_deliberate();
    const bool held = ImGui::IsAnyMouseDown();
    if (!held) g_in_gesture = false;
    const std::string link = nabla::app_link();
    if (link == g_link) return;
    const double now = emscripten_get_now();
    const bool progress_only = without_progress(link) == without_progress(g_link);
    if (progress_only && !deliberate && now - g_link_written_ms < 1000) return;
    const bool push = deliberate && !progress_only && !g_in_gesture;
    if (push && held) g_in_gesture = true;
    g_link = link;
    g_link_written_ms = now;
    js_set_hash(link.c_str(), push ? 1 : 0);
}

}  // namespace

namespace nabla {

void bridge_install_input() {
    js_install_input();
    js_install_clipboard();
    js_install_drop();
    js_save_blob();
    js_install_context_loss();
    js_install_text_input();
    js_install_navigation();
    ImGuiIO& io = ImGui::GetIO();
    // Where ImGui edits text: the hidden field follows it, and takes the focus only then.
    io.SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* d) {
        js_text_field(d->WantVisible ? 1 : 0, d->InputPos.x, d->InputPos.y, d->InputLineHeight);
    };
    io.GetClipboardTextFn = [](void*) { return g_clipboard.c_str(); };
    io.SetClipboardTextFn = [](void*, const char* text) {
        g_clipboard = text;
        js_copy(text);
    };
}

void bridge_open_initial_link(const char* link) {
    if (link && *link) app_open_link(link);
    g_link = app_link();
    js_set_hash(g_link.c_str(), 0);  // the first history entry holds the state too, so Back can return to it
}

void bridge_after_frame(int vertices, int indices, int draw_calls, int redrawn, double redrawn_share, double frame_ms) {
    g_drawn = "{\"vertices\":" + std::to_string(vertices) + ",\"indices\":" + std::to_string(indices) +
              ",\"draw_calls\":" + std::to_string(draw_calls) + ",\"redrawn\":" + std::to_string(redrawn) +
              ",\"redrawn_share\":" + std::to_string(redrawn_share) + ",\"frame_ms\":" + std::to_string(frame_ms) + "}";
    // Ready once the layout has settled: the first frame loads the fonts at the window's size and
    // ImGui sizes its windows over the next ones (WebKit showed no tab bar at the first frame).
    if (++g_frames == kSettledFrames) js_mark_ready();
    write_link();
    if (app_take_copy_link()) js_copy_link(app_link().c_str());
    for (Download d; app_take_download(d);) {
        if (d.picture) js_download_picture(d.name.c_str(), d.x, d.y, d.w, d.h);
        else js_download_text(d.name.c_str(), d.mime.c_str(), d.text.c_str());
    }
    if (app_take_pick_file()) js_pick_file();
}

void bridge_fail(const char* message) { js_fail(message); }

bool bridge_text_field_focused() { return js_text_field_focused() != 0; }

void bridge_fetch_course() { js_fetch_course(); }

void bridge_fetch_more_hangul() {
    static bool asked = false;
    if (!std::exchange(asked, true)) js_fetch_more_hangul();
}

bool bridge_gl_lost() { return g_gl_lost; }

bool bridge_take_gl_restored() { return std::exchange(g_gl_restored, false); }

void bridge_fit_canvas() { js_fit_canvas(); }

void bridge_canvas_buffer_size(int& width, int& height) {
    width = js_canvas_buffer_width();
    height = js_canvas_buffer_height();
}

}  // namespace nabla

namespace {
std::vector<unsigned char> g_more_hangul_bytes;  // the fetched hangul-more.ttf, written by the page, then taken by the fonts
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* nabla_state_json() {
    g_returned = nabla::app_state_json();
    return g_returned.c_str();
}

EMSCRIPTEN_KEEPALIVE int nabla_command(const char* lab, const char* kind, const char* text, double value) {
    return nabla::app_command(lab, kind, text, value) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* nabla_widgets_json() {
    g_returned = nabla::app_widgets_json();
    return g_returned.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* nabla_overflows_json() {
    g_returned = nabla::app_overflows_json();
    return g_returned.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* nabla_last_error() { return nabla::app_last_error().c_str(); }

EMSCRIPTEN_KEEPALIVE int nabla_frame_count() { return g_frames; }

// For the tests (Module.ccall): "[v0,v1,v2,v3]", or "null" when the output is not drawn per pixel.
EMSCRIPTEN_KEEPALIVE const char* nabla_output_pixel(int x, int y) {
    float v[4];
    if (!nabla::app_output_pixel(x, y, v)) return "null";
    g_returned = "[";
    for (int k = 0; k < 4; ++k) {  // JSON: a value that is not finite is null
        char number[24] = "null";
        if (std::isfinite(v[k])) std::snprintf(number, sizeof number, "%.9g", v[k]);
        g_returned += std::string(k ? "," : "") + number;
    }
    g_returned += "]";
    return g_returned.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* nabla_drawn_json() { return g_drawn.c_str(); }

EMSCRIPTEN_KEEPALIVE void nabla_gl_lost() {
    g_gl_lost = true;
    nabla::app_gl_lost();
}

EMSCRIPTEN_KEEPALIVE void nabla_gl_restored() {
    g_gl_lost = false;
    g_gl_restored = true;
}

EMSCRIPTEN_KEEPALIVE void nabla_text_input(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    nabla::ui::want_glyphs(utf8);
}

EMSCRIPTEN_KEEPALIVE unsigned char* nabla_more_hangul_buffer(int size) {
    g_more_hangul_bytes.assign(static_cast<size_t>(size > 0 ? size : 0), 0);
    return g_more_hangul_bytes.data();
}
EMSCRIPTEN_KEEPALIVE void nabla_more_hangul_arrived() { nabla::ui::add_more_hangul(std::move(g_more_hangul_bytes)); }

EMSCRIPTEN_KEEPALIVE void nabla_more_hangul_failed(const char* why) {
    nabla::app_notice(nabla::trf("the larger Hangul font could not be loaded (%s): some typed syllables show as boxes", why));
}

EMSCRIPTEN_KEEPALIVE void nabla_course_arrived(const char* text) { nabla::app_course_arrived(text); }

EMSCRIPTEN_KEEPALIVE void nabla_course_failed(const char* why) {
    nabla::app_course_failed(nabla::trf("the lessons could not be loaded (%s): the labs work without them", why));
}

EMSCRIPTEN_KEEPALIVE void nabla_open_hash(const char* link) {
    if (link == g_link) return;  // the page's own writing
    nabla::app_open_link(link);
    g_link = nabla::app_link();  // followed, not a change of ours: no new history entry
    nabla::app_take_deliberate();
}

EMSCRIPTEN_KEEPALIVE void nabla_link_copied(const char* url) {
    nabla::app_notice(nabla::trf("Link copied (%d characters): paste it for the class", static_cast<int>(std::string(url).size())));
}

EMSCRIPTEN_KEEPALIVE void nabla_clipboard_pasted(const char* text) { g_clipboard = text; }

EMSCRIPTEN_KEEPALIVE void nabla_dropped_file(const char* name, const char* text, double size) {
    if (size > (1 << 20)) nabla::app_notice(nabla::trf("%s is %.1f MB: a CSV of your data is at most a few kilobytes", name, size / (1 << 20)));
    else nabla::app_open_file(name, text);
}

EMSCRIPTEN_KEEPALIVE void nabla_clipboard_refused(const char* why) {
    nabla::app_notice(nabla::trf("the browser did not let Nabla copy to the clipboard: %s", why));
}

EMSCRIPTEN_KEEPALIVE void nabla_input_pointer(int phase, float x, float y, int pen) {
    nabla::input::pointer(static_cast<nabla::input::Phase>(phase), x, y, pen != 0);
}

EMSCRIPTEN_KEEPALIVE void nabla_input_pinch(float x, float y, float log_ratio) { nabla::input::pinch(x, y, log_ratio); }

EMSCRIPTEN_KEEPALIVE void nabla_input_wheel(float x, float y, float dx, float dy) { nabla::input::wheel(x, y, dx, dy); }

}
