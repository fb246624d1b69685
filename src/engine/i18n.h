// The app in the lecture's language: every string a person reads goes through tr(), whose argument
// is the English text; the Korean table (engine/i18n_ko.cpp) maps it to the lecture notes' own
// words. English is the source and needs no table. Keys, links and the hook's names are never
// translated.
//
// The language is one setting of the whole process (the page's header switch, the CLI's --lang):
// the engine's parser messages, the labs' refusals and the UI's labels all follow it.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "engine/enum_table.h"
#include "engine/tr.h"
#include "engine/utf8.h"

namespace nabla {

enum class Language { English, Korean, Last = Korean };

template <>
struct EnumTable<Language> {
    static constexpr EnumRow<Language> rows[] = {
        {Language::English, "en", "English", "EN", ""},
        {Language::Korean, "ko", "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4", "\xED\x95\x9C", ""},  // 한국어, 한
    };
};
static_assert(enum_table_complete<Language>(), "one row per language, in order");

void set_language(Language lang);
Language language();
// "ko-KR", "ko_KR.UTF-8", "ko" -> Korean; anything else -> English.
Language language_from_locale(std::string_view locale);

// tr(english) (engine/tr.h): its translation in the current language, or itself where there is
// none (and it is then remembered in untranslated(), which the tests read).
// printf with a translated format: translations keep the English conversions (a test checks), and
// may reorder them with %1$s. Every string argument is shown message_safe (engine/utf8.h): a value
// echoed from a link, a file or the command line cannot put a NUL, a newline or broken UTF-8 into
// the status line or the terminal.
namespace detail {
template <class T>
T message_arg(T v) { return v; }
// An escaped copy, kept in a small ring until the calls in flight are done (engine/i18n.cpp).
const char* message_arg(const char* s);
}  // namespace detail

template <class... Args>
std::string format_text(const char* format, Args... args) {
    const int n = std::snprintf(nullptr, 0, format, args...);
    if (n <= 0) return format;
    std::string out(static_cast<size_t>(n) + 1, '\0');
    std::snprintf(out.data(), out.size(), format, args...);
    out.resize(static_cast<size_t>(n));
    return out;
}

template <class... Args>
std::string trf(const char* english_format, Args... args) {
    return format_text(tr(english_format), detail::message_arg(args)...);
}

struct Translation {
    const char* english;
    const char* text;
};
// Every row of a language's table (empty for English), for the tests and the font subsetter.
std::vector<Translation> translations(Language lang);
bool has_translation(Language lang, const char* english);
const std::vector<std::string>& untranslated();

}  // namespace nabla
