#include "engine/i18n.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>

namespace nabla {

extern const Translation kKorean[];
extern const size_t kKoreanCount;

namespace {

Language g_language = Language::English;
std::vector<std::string> g_untranslated;

const std::unordered_map<std::string_view, const char*>& korean() {
    static const auto table = [] {
        std::unordered_map<std::string_view, const char*> t;
        for (size_t i = 0; i < kKoreanCount; ++i) t.emplace(kKorean[i].english, kKorean[i].text);
        return t;
    }();
    return table;
}

}  // namespace

void set_language(Language lang) { g_language = lang; }
Language language() { return g_language; }

Language language_from_locale(std::string_view locale) {
    if (locale.size() >= 2 && std::tolower(static_cast<unsigned char>(locale[0])) == 'k' &&
        std::tolower(static_cast<unsigned char>(locale[1])) == 'o' && (locale.size() == 2 || !std::isalpha(static_cast<unsigned char>(locale[2]))))
        return Language::Korean;
    return Language::English;
}

const char* tr(const char* english) {
    if (g_language == Language::English || !english || !*english) return english;
    const auto& t = korean();
    if (auto it = t.find(english); it != t.end()) return it->second;
    if (std::find(g_untranslated.begin(), g_untranslated.end(), english) == g_untranslated.end() && g_untranslated.size() < 1000)
        g_untranslated.emplace_back(english);
    return english;
}

std::vector<Translation> translations(Language lang) {
    if (lang != Language::Korean) return {};
    return std::vector<Translation>(kKorean, kKorean + kKoreanCount);
}

bool has_translation(Language lang, const char* english) {
    return lang == Language::English || korean().count(english) > 0;
}

const std::vector<std::string>& untranslated() { return g_untranslated; }

namespace detail {
// One trf's string arguments live until its snprintf is done; nested trf calls (a message inside a
// message) take further slots. Sixteen outlast any message we compose.
const char* message_arg(const char* s) {
    static std::string ring[16];
    static unsigned next = 0;
    std::string& slot = ring[next++ % 16];
    slot = message_safe(s);
    return slot.c_str();
}
}  // namespace detail

}  // namespace nabla
