#!/usr/bin/python3
"""Subsets the UI fonts to the glyphs Nabla draws, at build time (Debian's python3-fonttools).

    subset_fonts.py SRC_DIR OUT_DIR

Reads every string literal under SRC_DIR (the English the code writes and the Korean table,
engine/i18n_ko*.{cpp,inc}) and the course's text (lessons/*.txt), and writes to OUT_DIR:
  latin.ttf                  DejaVu Sans: Latin, Greek, the maths and arrows the app writes, U+FFFD
  latin-bold.ttf             DejaVu Sans Bold: ASCII, Greek and a few signs (BOLD); headings take
                             any other character from latin.ttf (ui/fonts.cpp merges it under)
  hangul.ttf                 NanumBarunGothic: the Hangul syllables of the Korean table
  hangul-more.ttf            NanumBarunGothic: the 2,350 syllables of KS X 1001, the jamo and the
                             course's syllables, fetched by the page only when someone types or opens
                             Hangul the table lacks (a Korean lesson)
Fails, naming the string, when a translated string uses a character neither subset has: a Korean
label that would draw as a box never reaches a build.
Debian's fonttools lives under /usr/bin/python3 (python3 on PATH may be another build).
"""
import logging
import pathlib
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
NANUM = "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"

# Always drawn or typed, whatever the strings say: ASCII, Latin-1 (×, ², ·), basic Greek for names
# (θ, σ, η, μ), ImGui's ellipsis, and U+FFFD, the glyph ImGui draws for a character it lacks (the
# page counts those: nabla.state().missing_glyphs).
BASE = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x391, 0x3CA)) | {0x2026, 0xFFFD}


# Bold is for headings and names: ASCII, Greek and the signs of a formula; the rest of a heading is
# drawn from the regular font (5 KB gzip-compressed less page than a bold copy of every glyph).
BOLD = set(range(0x20, 0x7F)) | set(range(0x391, 0x3CA)) | {0xB2, 0xB7, 0xD7, 0x2026, 0xFFFD}


def is_hangul(c):
    return 0xAC00 <= c <= 0xD7A3 or 0x3130 <= c <= 0x318F or 0x1100 <= c <= 0x11FF


def decode(raw):
    """A C++ string literal's body as text (\\x escapes are UTF-8 bytes)."""
    out = bytearray()
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt == "x":
                h = re.match(r"[0-9A-Fa-f]{1,2}", raw[i + 2:])
                out.append(int(h.group(0), 16))
                i += 2 + len(h.group(0))
                continue
            out += {"n": b"\n", "t": b"\t", "0": b"\0"}.get(nxt, nxt.encode())
            i += 2
            continue
        out += ch.encode("utf-8")
        i += 1
    return out.decode("utf-8", errors="replace")


def literals(text):
    """The C++ string literals of a source file, decoded."""
    for m in re.finditer(r'(?<![A-Za-z0-9_\'])"((?:[^"\\\n]|\\.)*)"', text):
        yield decode(m.group(1))


def subset_font(source, codepoints, out):
    options = subset.Options()
    options.hinting = False        # stb_truetype ignores hinting; it is most of a TTF's size
    options.desubroutinize = True
    options.layout_features = []   # ImGui does no shaping
    options.name_IDs = [1, 2]
    options.notdef_outline = False
    font = TTFont(source)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)
    font.save(out)
    return set(TTFont(out).getBestCmap())


def main():
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "FFTM NOT subset": a timestamp table, dropped
    src, out_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    written, translated = set(), []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".cpp", ".h", ".inc"):
            continue
        for s in literals(path.read_text(encoding="utf-8")):
            written.update(ord(c) for c in s if ord(c) >= 0x20)
            if path.name.startswith("i18n_ko"):
                translated.append(s)
    course = set()
    for path in sorted(src.glob("lessons/*.txt")):
        course.update(ord(c) for c in path.read_text(encoding="utf-8") if ord(c) >= 0x20)
    hangul = {c for c in written if is_hangul(c)}
    latin_wanted = BASE | {c for c in written | course if not is_hangul(c)}
    latin = subset_font(DEJAVU, latin_wanted, out_dir / "latin.ttf")
    bold = subset_font(DEJAVU_BOLD, BOLD, out_dir / "latin-bold.ttf")
    korean = subset_font(NANUM, hangul, out_dir / "hangul.ttf")
    ks_x_1001 = {ord(c) for c in map(chr, range(0xAC00, 0xD7A4)) if len(c.encode("euc-kr", errors="ignore")) == 2}
    more = subset_font(NANUM, ks_x_1001 | set(range(0x3131, 0x318F)) | hangul | {c for c in course if is_hangul(c)},
                       out_dir / "hangul-more.ttf")

    have = latin | korean
    failures = [(s, ch) for s in translated for ch in s if ord(ch) >= 0x20 and ord(ch) not in have]
    failures += [("lessons/*.txt", chr(c)) for c in sorted(course) if c not in latin and c not in more]
    for s, ch in failures[:20]:
        print(f"subset_fonts.py: U+{ord(ch):04X} '{ch}' in the translated string \"{s}\" has no glyph in the fonts", file=sys.stderr)
    if failures:
        sys.exit(1)
    # The ranges the atlas bakes: exactly what the subsets hold (ui/fonts.cpp).
    with open(out_dir / "glyph_ranges.inc", "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/subset_fonts.py: the code points of fonts/latin.ttf, latin-bold.ttf and hangul.ttf.\n")
        for name, cps in (("kLatinRanges", latin), ("kBoldRanges", bold), ("kHangulRanges", korean)):
            runs, start, prev = [], None, None
            for c in sorted(cps) + [None]:
                if start is not None and (c is None or c != prev + 1):
                    runs.append((start, prev))
                    start = None
                if c is not None and start is None:
                    start = c
                prev = c
            body = ", ".join(f"0x{a:04X}, 0x{b:04X}" for a, b in runs if a <= 0xFFFF)
            f.write(f"inline constexpr ImWchar {name}[] = {{{body}, 0}};\n")
    # The three subsets the module carries, as bytes the atlas reads from memory (ui/fonts.cpp): the
    # page then needs no file system (-sFILESYSTEM=0 keeps Emscripten's FS out of nabla.js).
    with open(out_dir / "font_data.inc", "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/subset_fonts.py: fonts/latin.ttf, latin-bold.ttf and hangul.ttf as bytes.\n")
        for name, file in (("kLatinTtf", "latin.ttf"), ("kLatinBoldTtf", "latin-bold.ttf"), ("kHangulTtf", "hangul.ttf")):
            data = (out_dir / file).read_bytes()
            f.write(f"alignas(4) const unsigned char {name}[{len(data)}] = {{\n")
            for i in range(0, len(data), 32):
                f.write(",".join(str(b) for b in data[i:i + 32]) + ",\n")
            f.write("};\n")
    print(f"subset_fonts.py: latin {len(latin)} glyphs, hangul {len(korean)} glyphs ({len(translated)} translated strings)")


if __name__ == "__main__":
    main()
