#!/usr/bin/python3
"""Every string the code translates has a Korean row, and every row fits its English.

    check_translations.py SRC_DIR

Reads the literals passed to tr(), trf() and id_label() under SRC_DIR and the Korean table
(engine/i18n_ko*.{cpp,inc}); fails on a string without a Korean row, a row whose printf
conversions differ from its English (a %g read as %s would be undefined behaviour), a row given
twice with two translations, or a row that is empty or still English. Rows no code asks for are
listed, not failed (enum and setting labels are checked by tests/engine/i18n_test.cpp).
"""
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts"))
from subset_fonts import decode  # noqa: E402  (one C++ literal decoder for both scripts)

LIT = r'"((?:[^"\\\n]|\\.)*)"'
CALL = re.compile(r'\b(?:tr|trf|id_label)\(\s*' + LIT)
ROW = re.compile(r'\{\s*' + LIT + r'\s*,\s*' + LIT + r'\s*\}')
CONVERSION = re.compile(r'%(?:(\d+)\$)?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?([diouxXeEfgGaAcsp%])')


MATH_WORDS = {"sin", "cos", "tanh", "exp", "log", "sqrt", "max", "min", "abs", "pow", "relu", "leaky", "sigmoid"}


def conversions(fmt):
    found = [(int(n) if n else None, kind) for n, kind in CONVERSION.findall(fmt) if kind != "%"]
    if found and all(n is not None for n, _ in found):
        found.sort()
    return [kind.replace("i", "d") for _, kind in found]


def main():
    src = pathlib.Path(sys.argv[1])
    asked, table, problems = {}, {}, []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".cpp", ".h", ".inc"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.name.startswith("i18n_ko"):
            for en, ko in ROW.findall(text):
                en, ko = decode(en), decode(ko)
                if en in table and table[en] != ko:
                    problems.append(f"{path.name}: \"{en}\" is translated twice: \"{table[en]}\" and \"{ko}\"")
                table[en] = ko
        else:
            for m in CALL.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                asked.setdefault(decode(m.group(1)), f"{path.relative_to(src)}:{line}")
    for en, where in sorted(asked.items(), key=lambda kv: kv[1]):
        if en and en not in table:
            problems.append(f"{where}: no Korean for \"{en}\"")
    for en, ko in table.items():
        if conversions(en) != conversions(ko):
            problems.append(f"Korean row \"{en}\": conversions {conversions(en)} but the Korean has {conversions(ko)}")
        # The same text is right for names and formulas (Adam, leaky ReLU, h(s) = tanh(s)), not for a sentence.
        words = set(re.findall(r"\b[a-z]{3,}\b", en)) - MATH_WORDS
        if not ko.strip() or (ko == en and words):
            problems.append(f"Korean row \"{en}\" is empty or untranslated")
    unused = [en for en in table if en not in asked]
    print(f"check_translations: {len(asked)} strings asked for in the code, {len(table)} Korean rows, "
          f"{len(unused)} rows for tables (enums, settings) or unused")
    for p in problems:
        print("  " + p)
    if problems:
        print(f"{len(problems)} problems")
        sys.exit(1)


if __name__ == "__main__":
    main()
