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
#include "font_data.inc"     // kLatinTtf, kLatinBoldTtf, kHangulTtf: the subsets' bytes

struct FontBytes {
    const unsigned char* data;
    int size;
};
const FontBytes kLatin{kLatinTtf, static_cast<int>(sizeof kLatinTtf)};
const FontBytes kLatinBold{kLatinBoldTtf, static_cast<int>(sizeof kLatinBoldTtf)};
const FontBytes kHangul{kHangulTtf, static_cast<int>(sizeof kHangulTtf)};
std::vector<unsigned char> g_more_hangul;  // hangul-more.ttf, once the page has fetched it

bool have_more_hangul() { return !g_more_hangul.empty(); }

// The atlas reads the bytes where they are and never frees them (they outlive it).
ImFont* add_font(const FontBytes& font, float px, const ImFontConfig& config, const ImWchar* ranges) {
    ImFontConfig c = config;
    c.FontDataOwnedByAtlas = false;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font.data), font.size, px, &c, ranges);
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

void add_more_hangul(std::vector<unsigned char> ttf) { g_more_hangul = std::move(ttf); }

bool fonts_stale() {
    const bool more = have_more_hangul();
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
    const bool more = have_more_hangul();
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
    const FontBytes more_hangul{g_more_hangul.data(), static_cast<int>(g_more_hangul.size())};
    auto add = [&](bool bold, float px, bool with_table_hangul) {
        // Bold holds ASCII and Greek (scripts/subset_fonts.py); the rest of a heading comes from the
        // regular font, merged under it (a merge never replaces a glyph the font has).
        ImFont* font = add_font(bold ? kLatinBold : kLatin, px, cfg, bold ? kBoldRanges : kLatinRanges);
        if (bold) add_font(kLatin, px, merge, kLatinRanges);
        if (other_ranges.Size > 1) add_font(kLatin, px, merge, other_ranges.Data);
        if (with_table_hangul) add_font(kHangul, px * 1.05f, merge, kHangulRanges);
        else if (table_ranges.Size > 1) add_font(kHangul, px * 1.05f, merge, table_ranges.Data);
        if (more_ranges.Size > 1) add_font(more_hangul, px * 1.05f, merge, more_ranges.Data);
        return font;
    };
    f.body = add(false, body_px, true);
    f.heading = add(true, body_px * 1.15f, true);
    // Rasterised at twice the largest size the canvas draws, so zooming out stays crisp. The canvas
    // draws names and numbers: the table's Hangul is not baked at this size, only typed names.
    f.canvas = add(false, 40.0f * ratio, false);
    f.canvas_bold = add(true, 40.0f * ratio, false);
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
