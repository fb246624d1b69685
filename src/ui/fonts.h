// The fonts, subset at build time (scripts/subset_fonts.py) and embedded in the module as bytes:
//   latin.ttf / latin-bold.ttf  DejaVu Sans: Latin, Greek, the lecture's maths (× − ∂ σ ŷ ←), U+FFFD
//   hangul.ttf                  NanumBarunGothic: the syllables of the Korean table
// and one fetched beside the page when first needed:
//   hangul-more.ttf             the 2,350 syllables of KS X 1001, for Hangul a student types
// The atlas bakes what the subsets hold plus the characters typed or opened since (want_glyphs),
// so an atlas stays small and a name like 가중치 still draws.
#pragma once

#include <string_view>
#include <vector>

#include "ui/theme.h"

namespace nabla::ui {

// Clears the atlas and loads the fonts for a body size and device pixel ratio.
Fonts load_fonts(float body_px, float pixel_ratio = 1);

// Text that will be drawn and was not written by us (typed, pasted, from a link): any character the
// atlas lacks is noted, and fonts_stale() turns true once a font that has it can be loaded.
void want_glyphs(std::string_view utf8);
// True when load_fonts should run again: wanted characters can now be baked.
bool fonts_stale();
// Whether the page should fetch hangul-more.ttf (a wanted Hangul syllable is in no loaded font).
bool wants_more_hangul();
// hangul-more.ttf's bytes, once the page has fetched them: fonts_stale() then says so.
void add_more_hangul(std::vector<unsigned char> ttf);

// Characters drawn in the last frame that had no glyph: ImGui drew its fallback (U+FFFD) for them.
int missing_glyphs();

}  // namespace nabla::ui
