// A lab's settings declared once, as rows of a table: the key a link and the hook use, the member
// it sets, its range (or its enum's table) and what a slider spans. The link's text in both
// directions, refusal messages, range checks, slider limits and the hook's setters are derived from
// the rows; a default is the member's initialiser in the state struct. Settings that are not one
// number (feature sets, layer lists, a list of runs) bring a codec of their own in their row.
//
//   const Setting<S> rows[] = {
//       number<S, &S::learning_rate>("lr", "the learning rate", {1e-5, 10}).log().live(),
//       choice<S, &S::optimizer>("opt", "optimizer").alias("optimizer").live(),
//   };
#pragma once

#include <cassert>
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

#include "engine/enum_table.h"
#include "engine/i18n.h"
#include "engine/range.h"
#include "lab/json_writer.h"
#include "lab/url_codec.h"

namespace nabla {

enum class SettingKind {
    Number,  // any finite number in range
    Whole,   // a whole number in range
    Choice,  // one row of an enum's table: its key in links, its index for sliders and combos
    Text,    // its own codec (a list, a bit set)
};

template <class S>
struct Setting {
    const char* key = "";            // in links and the hook, never translated
    const char* hook_name = nullptr;  // the hook's name for it where it differs from the key
    const char* label = "";          // in messages, translated there: "the learning rate" (Choice: "optimizer", as in "unknown optimizer")
    SettingKind kind = SettingKind::Number;
    Range range;                     // valid values (Choice: row indices)
    Range slider_range;              // what a slider spans, inside range; empty: range itself
    bool log_scale = false;          // sliders
    bool is_live = false;            // applied at the next step, keeping the weights (otherwise rebuilds)
    bool is_optional = false;        // left out of links while it has its default (a Text row: "")
    double (*get)(const S&) = nullptr;
    void (*set)(S&, double) = nullptr;
    const char* (*choice_key)(int) = nullptr;                          // Choice
    bool (*choice_index)(const std::string&, double&) = nullptr;        // Choice
    std::string (*write)(const S&) = nullptr;                          // Text
    bool (*read)(const std::string&, S&, std::string& error) = nullptr;  // Text
    std::string (*check)(const S&) = nullptr;                          // Text: "" or what is wrong

    // Chained when declaring a row.
    constexpr Setting slider(Range r) const { Setting s = *this; s.slider_range = r; return s; }
    constexpr Setting log() const { Setting s = *this; s.log_scale = true; return s; }
    constexpr Setting live() const { Setting s = *this; s.is_live = true; return s; }
    constexpr Setting alias(const char* name) const { Setting s = *this; s.hook_name = name; return s; }
    constexpr Setting optional() const { Setting s = *this; s.is_optional = true; return s; }

    Range slider_limits() const { return slider_range.hi > slider_range.lo ? slider_range : range; }
    bool named(const std::string& name) const { return name == key || (hook_name && name == hook_name); }
};

// ---- declaring rows -------------------------------------------------------------------------------

// s.*a.*b...: a member, or a member of a member (TrajectoryState::surface then SurfaceSettings::points).
template <class S, auto... Path>
struct MemberAt {
    static auto& ref(S& s) { return (s.*....*Path); }
    static const auto& ref(const S& s) { return (s.*....*Path); }
    using Type = std::decay_t<decltype(ref(std::declval<S&>()))>;
    static double get(const S& s) {
        if constexpr (std::is_enum_v<Type>) return static_cast<double>(static_cast<int>(ref(s)));
        else return static_cast<double>(ref(s));
    }
    static void set(S& s, double v) {
        if constexpr (std::is_enum_v<Type>) ref(s) = static_cast<Type>(static_cast<int>(v));
        else ref(s) = static_cast<Type>(v);
    }
};

template <class S, auto... Path>
constexpr Setting<S> number(const char* key, const char* label, Range range) {
    Setting<S> s;
    s.key = key, s.label = label, s.kind = SettingKind::Number, s.range = range;
    s.get = &MemberAt<S, Path...>::get;
    s.set = &MemberAt<S, Path...>::set;
    return s;
}

template <class S, auto... Path>
constexpr Setting<S> whole(const char* key, const char* label, Range range) {
    Setting<S> s = number<S, Path...>(key, label, range);
    s.kind = SettingKind::Whole;
    return s;
}

template <class S, auto... Path>
constexpr Setting<S> choice(const char* key, const char* label) {
    using E = typename MemberAt<S, Path...>::Type;
    Setting<S> s = number<S, Path...>(key, label, {0, static_cast<double>(enum_count<E>() - 1)});
    s.kind = SettingKind::Choice;
    s.choice_key = [](int i) { return EnumTable<E>::rows[i].key; };
    s.choice_index = [](const std::string& key, double& index) {
        E e;
        if (!enum_from_key(key, e)) return false;
        index = static_cast<int>(e);
        return true;
    };
    return s;
}

template <class S>
constexpr Setting<S> text(const char* key, const char* label, std::string (*write)(const S&),
                          bool (*read)(const std::string&, S&, std::string&), std::string (*check)(const S&)) {
    Setting<S> s;
    s.key = key, s.label = label, s.kind = SettingKind::Text;
    s.write = write, s.read = read, s.check = check;
    return s;
}

// Seeds in links and the hook: whole numbers that a double holds exactly.
constexpr Range kSeedRange{0, 1 << 30};

// A lab's rows: `for (const Setting<S>& s : table)`.
template <class S>
struct SettingTable {
    const Setting<S>* rows;
    std::size_t count;
    const Setting<S>* begin() const { return rows; }
    const Setting<S>* end() const { return rows + count; }
    const Setting<S>* find(const std::string& name) const {  // by key or hook name
        for (const Setting<S>& s : *this)
            if (s.named(name)) return &s;
        return nullptr;
    }
    const Setting<S>& operator[](const char* key) const;  // a row the code names: must exist
};

template <class S, std::size_t N>
constexpr SettingTable<S> table_of(const Setting<S> (&rows)[N]) {
    return {rows, N};
}

// ---- deriving from rows ---------------------------------------------------------------------------

// The value as a link writes it: a number, an enum's key, or the row's own text.
template <class S>
std::string setting_text(const Setting<S>& row, const S& s) {
    switch (row.kind) {
        case SettingKind::Choice: return row.choice_key(static_cast<int>(row.get(s)));
        case SettingKind::Text: return row.write(s);
        default: return format_number(row.get(s));  // "500", "0.03", "1e-05"
    }
}

// Reads one value into s; false with a message naming the row when it is not one.
template <class S>
bool read_setting(const Setting<S>& row, const std::string& text, S& s, std::string& error) {
    double v = 0;
    switch (row.kind) {
        case SettingKind::Choice:
            if (!row.choice_index(text, v)) return error = trf("unknown %s '%s'", tr(row.label), text.c_str()), false;
            break;
        case SettingKind::Text: return row.read(text, s, error);
        case SettingKind::Whole:
            if (!parse_finite(text, v) || v != std::floor(v) || !row.range.contains(v))
                return error = trf("%s must be a whole number from %s to %s, not '%s'", row.key, plain_number(row.range.lo).c_str(),
                                   plain_number(row.range.hi).c_str(), text.c_str()),
                       false;
            break;
        case SettingKind::Number:
            if (!parse_finite(text, v)) return error = trf("%s must be a number, not '%s'", row.key, text.c_str()), false;
            break;
    }
    row.set(s, v);
    return true;
}

// Sets a number (a Choice by its index) as a slider or the hook gives it; false when out of range.
template <class S>
bool set_setting(const Setting<S>& row, double v, S& s, std::string& error) {
    if (row.kind == SettingKind::Text) return error = trf("%s is not a number", row.key), false;
    if (row.kind == SettingKind::Choice && !(row.range.contains(v) && v == std::floor(v)))
        return error = trf("no such %s", tr(row.label)), false;
    if (row.kind == SettingKind::Whole && !(v == std::floor(v))) return error = trf("%s must be a whole number", tr(row.label)), false;
    if (!row.range.contains(v)) return error = trf("%s must be %s", tr(row.label), between(row.range).c_str()), false;
    row.set(s, v);
    return true;
}

// "" when every row's value is in its range, else the first refusal.
template <class S>
std::string check_settings(const SettingTable<S>& table, const S& s) {
    for (const Setting<S>& row : table) {
        if (row.kind == SettingKind::Text) {
            if (std::string e = row.check ? row.check(s) : ""; !e.empty()) return e;
        } else if (!row.range.contains(row.get(s))) {
            return row.kind == SettingKind::Choice ? trf("no such %s", tr(row.label))
                                                   : trf("%s must be %s", tr(row.label), between(row.range).c_str());
        }
    }
    return "";
}

// "key=value&key=value" in the table's order.
template <class S>
std::string encode_settings(const SettingTable<S>& table, const S& s) {
    std::string out;
    for (const Setting<S>& row : table) {
        const std::string text = setting_text(row, s);
        if (row.is_optional && text == setting_text(row, S{})) continue;
        out += (out.empty() ? "" : "&") + std::string(row.key) + "=" + link_encode(text);
    }
    return out;
}

// Every key=value of `text` over `into` (the defaults, or a state to amend); false with a message
// for an unknown key or a bad value, and then `into` is left as it was.
template <class S>
bool decode_settings(const SettingTable<S>& table, const std::string& text, S& into, std::string& error) {
    S s = into;
    for (const auto& [key, raw] : split_query(text)) {
        std::string v;
        if (!url_decode(raw, v)) return error = trf("bad %%-escape in '%s'", key.c_str()), false;
        const Setting<S>* row = table.find(key);
        if (!row) return error = trf("unknown setting '%s'", key.c_str()), false;
        if (!read_setting(*row, v, s, error)) return false;
    }
    into = std::move(s);
    return true;
}

template <class S>
const Setting<S>& SettingTable<S>::operator[](const char* key) const {
    const Setting<S>* row = find(key);
    assert(row && "the code names a row its table does not have");
    return row ? *row : rows[0];
}

}  // namespace nabla
