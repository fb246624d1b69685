#include "ui/fonts.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace nabla::ui {

namespace {

#include "glyph_ranges.inc"  // kLatinRanges, kBoldRanges, kHangulRanges: what the embedded subsets hold

constexpr const char* kLatin = "/fonts/latin.ttf";
constexpr const char* kLatinBold = "/fonts/latin-bold.ttf";
constexpr const char* kHangul = "/fonts/hangul.ttf";
constexpr const char* kHangulMore = "/fonts/hangul-more.ttf";  // written by the page once fetched

bool file_exists(const char* path) {
    if (FILE* f = std::fopen(path, "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

bool in_ranges(const ImWchar* ranges, unsigned c) {
    for (; ranges[0]; ranges += 2)
        if (c >= ranges[0] && c <= ranges[1]) return true;
    return false;
}

bool is_hangul(unsigned c) { return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x318E); }

struct Wanted {
    std::set<ImWchar> chars;    // typed or opened, beyond Latin
    std::set<ImWchar> baked;    // of those, what the atlas has now
    bool more_loaded = false;   // hangul-more.ttf was in the atlas at the last load
};
Wanted g_wanted;

}  // namespace

void want_glyphs(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, text.data() + i, text.data() + text.size());
        i += n > 0 ? static_cast<size_t>(n) : 1;
        // The table's Hangul is in the panel fonts already, but not in the canvas's (names drawn large).
        if (c < 0x80 || c > 0xFFFF || in_ranges(kLatinRanges, c)) continue;
        if (g_wanted.chars.size() < 4096) g_wanted.chars.insert(static_cast<ImWchar>(c));
    }
}

bool wants_more_hangul() {
    if (g_wanted.more_loaded) return false;
    return std::any_of(g_wanted.chars.begin(), g_wanted.chars.end(), [](ImWchar c) { return is_hangul(c) && !in_ranges(kHangulRanges, c); });
}

bool fonts_stale() {
    const bool more = file_exists(kHangulMore);
    for (ImWchar c : g_wanted.chars)
        if (!g_wanted.baked.count(c) && (!is_hangul(c) || in_ranges(kHangulRanges, c) || more)) return true;
    return more && !g_wanted.more_loaded && wants_more_hangul();
}

Fonts load_fonts(float body_px, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Rasterised for the screen's device pixels and scaled back to CSS pixels for layout: crisp
    // text on a laptop's HiDPI screen, the same layout everywhere.
    const float ratio = pixel_ratio > 1 ? pixel_ratio : 1.0f;
    body_px *= ratio;
    Fonts f;
    if (!file_exists(kLatin) || !file_exists(kLatinBold) || !file_exists(kHangul)) {
        std::printf("nabla: fonts not found under /fonts; using ImGui's default font\n");
        f.body = f.heading = f.canvas = f.canvas_bold = io.Fonts->AddFontDefault();
        return f;
    }
    const bool more = file_exists(kHangulMore);
    g_wanted.more_loaded = more;
    g_wanted.baked.clear();
    // The typed characters: Hangul from hangul.ttf where the table has it (for the canvas), else from
    // hangul-more.ttf; anything else is tried in latin.ttf (a glyph it lacks stays missing, counted).
    ImFontGlyphRangesBuilder typed_table, typed_more, typed_other;
    for (ImWchar c : g_wanted.chars) {
        const bool table = in_ranges(kHangulRanges, c);
        if (is_hangul(c) && !table && !more) continue;
        (!is_hangul(c) ? typed_other : table ? typed_table : typed_more).AddChar(c);
        g_wanted.baked.insert(c);
    }
    static ImVector<ImWchar> table_ranges, more_ranges, other_ranges;
    table_ranges.clear(), more_ranges.clear(), other_ranges.clear();
    typed_table.BuildRanges(&table_ranges);
    typed_more.BuildRanges(&more_ranges);
    typed_other.BuildRanges(&other_ranges);

    io.FontGlobalScale = 1.0f / ratio;  // only for our fonts: the fallback above is not rasterised at the ratio
    ImFontConfig cfg;
    cfg.OversampleH = ratio > 1 ? 1 : 2;  // device pixels need no oversampling
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    // Hangul is drawn a little larger than its em: Nanum's syllables sit small beside DejaVu's capitals.
    auto add = [&](const char* latin, float px, bool with_table_hangul) {
        // Bold holds ASCII and Greek (scripts/subset_fonts.py); the rest of a heading comes from the
        // regular font, merged under it (a merge never replaces a glyph the font has).
        const bool bold = latin == kLatinBold;
        ImFont* font = io.Fonts->AddFontFromFileTTF(latin, px, &cfg, bold ? kBoldRanges : kLatinRanges);
        if (bold) io.Fonts->AddFontFromFileTTF(kLatin, px, &merge, kLatinRanges);
        if (other_ranges.Size > 1) io.Fonts->AddFontFromFileTTF(kLatin, px, &merge, other_ranges.Data);
        if (with_table_hangul) io.Fonts->AddFontFromFileTTF(kHangul, px * 1.05f, &merge, kHangulRanges);
        else if (table_ranges.Size > 1) io.Fonts->AddFontFromFileTTF(kHangul, px * 1.05f, &merge, table_ranges.Data);
        if (more_ranges.Size > 1) io.Fonts->AddFontFromFileTTF(kHangulMore, px * 1.05f, &merge, more_ranges.Data);
        return font;
    };
    f.body = add(kLatin, body_px, true);
    f.heading = add(kLatinBold, body_px * 1.15f, true);
    // Rasterised at twice the largest size the canvas draws, so zooming out stays crisp. The canvas
    // draws names and numbers: the table's Hangul is not baked at this size, only typed names.
    f.canvas = add(kLatin, 40.0f * ratio, false);
    f.canvas_bold = add(kLatinBold, 40.0f * ratio, false);
    return f;
}

int missing_glyphs() {
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Valid) return 0;
    // Each glyph is a quad whose first vertex carries the glyph's (U0, V0): count the quads of the
    // fallback glyph of every font in the atlas.
    std::vector<ImVec2> fallback;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        if (font->FallbackGlyph && font->FallbackChar == 0xFFFD) fallback.push_back(ImVec2(font->FallbackGlyph->U0, font->FallbackGlyph->V0));
    int count = 0;
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            for (const ImVec2& uv : fallback)
                if (v.uv.x == uv.x && v.uv.y == uv.y) ++count;
    return count;
}

}  // namespace nabla::ui
