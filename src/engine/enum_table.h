// One table per enum, declared beside it: for each enumerator the key that links, the CLI and the
// test hook say, the label people read (the string a translation replaces), a short label for
// tight places and an optional line of help. Everything else (to and from text, combo items, CLI
// help, validation of an index) is derived here, so a new enumerator is one row of its table.
//
// Beside an enum `enum class E { A, B, Last = B };`:
//   template <> struct EnumTable<E> { static constexpr EnumRow<E> rows[] = {{E::A, "a", "A", "A", ""}, ...}; };
//   static_assert(enum_table_complete<E>(), "...");   // row i is enumerator i, and every enumerator has a row
#pragma once

#include <cstddef>
#include <iterator>
#include <string>

#include "engine/tr.h"

namespace nabla {

template <class E>
struct EnumRow {
    E value;
    const char* key;          // links, CLI flags, the hook: stable, ASCII, never translated
    const char* label;        // for people
    const char* short_label;  // under a thumbnail, in a narrow column
    const char* help;         // a tooltip or the CLI's description; may be ""
};

template <class E>
struct EnumTable;  // specialised beside each enum with `static constexpr EnumRow<E> rows[]`

template <class E>
constexpr int enum_count() {
    return static_cast<int>(std::size(EnumTable<E>::rows));
}

// Row i holds enumerator i, and the last enumerator (E::Last) is the last row: a new enumerator
// without its row, or rows out of order, fail to compile.
template <class E>
constexpr bool enum_table_complete() {
    const auto& rows = EnumTable<E>::rows;
    for (std::size_t i = 0; i < std::size(rows); ++i)
        if (static_cast<std::size_t>(rows[i].value) != i) return false;
    return static_cast<std::size_t>(E::Last) + 1 == std::size(rows);
}

template <class E>
const EnumRow<E>& enum_row(E v) {
    return EnumTable<E>::rows[static_cast<std::size_t>(v)];
}
template <class E>
const char* enum_key(E v) {
    return enum_row(v).key;
}
// Labels and help are read by people: in the current language.
template <class E>
const char* enum_label(E v) {
    return tr(enum_row(v).label);
}
template <class E>
const char* enum_short_label(E v) {
    return tr(enum_row(v).short_label);
}
template <class E>
const char* enum_help(E v) {
    return tr(enum_row(v).help);
}

template <class E>
bool enum_from_key(const std::string& key, E& out) {
    for (const EnumRow<E>& r : EnumTable<E>::rows)
        if (key == r.key) {
            out = r.value;
            return true;
        }
    return false;
}

// An index as a combo or the hook gives it; false when there is no such row.
template <class E>
bool enum_from_index(double index, E& out) {
    if (!(index >= 0 && index < enum_count<E>()) || index != static_cast<double>(static_cast<int>(index))) return false;
    out = EnumTable<E>::rows[static_cast<std::size_t>(index)].value;
    return true;
}

// "sgd|momentum|nesterov|rmsprop|adam": for usage lines and refusal messages.
template <class E>
std::string enum_keys(const char* separator = "|") {
    std::string out;
    for (const EnumRow<E>& r : EnumTable<E>::rows) out += (out.empty() ? "" : separator) + std::string(r.key);
    return out;
}

// The labels in row order and the current language, for ImGui::Combo(label, &index, items, count).
template <class E>
const char* const* enum_labels() {
    static const char* items[std::size(EnumTable<E>::rows)];
    for (std::size_t i = 0; i < std::size(EnumTable<E>::rows); ++i) items[i] = tr(EnumTable<E>::rows[i].label);
    return items;
}

}  // namespace nabla
