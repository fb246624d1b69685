// `nabla --lang ko|en`: the messages in the lecture's language or in English, the JSON, flags and
// numbers the same in both, an unknown language refused, and the default from the environment.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "cli/cli.h"
#include "cli_run.h"
#include "engine/i18n.h"

namespace nabla {
namespace {

bool has_hangul(const std::string& s) {  // a syllable U+AC00..U+D7A3 is 0xEA..0xED then two continuation bytes
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0xEA && static_cast<unsigned char>(c) <= 0xED) return true;
    return false;
}

TEST(CliLang, KoreanAndEnglishParseErrors) {
    // An argument the CLI cannot read, before or after the command.
    const CliRun ko = run({"--lang", "ko", "grad", "x * y", "x=1", "y=abc"});
    EXPECT_EQ(ko.code, 2);
    EXPECT_EQ(ko.err, "nabla grad: \xEC\x9D\xB4\xEB\xA6\x84=\xEC\x88\xAB\xEC\x9E\x90 \xED\x98\x95\xEC\x8B\x9D\xEC\x9D\xB4\xEC\x96\xB4\xEC\x95\xBC "
                      "\xED\x95\xA9\xEB\x8B\x88\xEB\x8B\xA4 (\xEC\x9E\x85\xEB\xA0\xA5: 'y=abc')\n");  // 이름=숫자 형식이어야 합니다 (입력: 'y=abc')
    const CliRun en = run({"grad", "x * y", "x=1", "y=abc", "--lang", "en"});
    EXPECT_EQ(en.code, 2);
    EXPECT_EQ(en.err, "nabla grad: expected name=number, got 'y=abc'\n");

    // The expression parser's message: Korean words, the same caret under the same place.
    const CliRun pko = run({"grad", "f = (x + y", "x=1", "y=2", "--lang", "ko"});
    const CliRun pen = run({"--lang", "en", "grad", "f = (x + y", "x=1", "y=2"});
    EXPECT_EQ(pko.code, 1);
    EXPECT_EQ(pen.code, 1);
    EXPECT_NE(pen.err.find("expected ')' at 11: the '(' at 5 is not closed"), std::string::npos) << pen.err;
    EXPECT_EQ(pko.err.find("is not closed"), std::string::npos) << pko.err;
    EXPECT_TRUE(has_hangul(pko.err)) << pko.err;
    EXPECT_EQ(pko.err.substr(pko.err.find('\n')), pen.err.substr(pen.err.find('\n'))) << pko.err;  // the caret block
    EXPECT_FALSE(has_hangul(pen.err)) << pen.err;
}

// Whatever bytes a student pastes, in either language the CLI prints valid UTF-8 with no control
// character: a terminal shows the message, not garbage (checked by Python's strict decoder's rules:
// no stray continuation, overlong form, surrogate or byte above U+10FFFF).
bool valid_utf8_without_controls(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b < 0x20 && b != '\n' && b != '\t') return false;
            ++i;
            continue;
        }
        const int n = b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
        if (n == 0 || i + static_cast<size_t>(n) > s.size()) return false;
        for (int k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0xC0) != 0x80) return false;
        const auto c = static_cast<unsigned char>(s[i + 1]);
        if ((b == 0xE0 && c < 0xA0) || (b == 0xED && c >= 0xA0) || (b == 0xF0 && c < 0x90) || (b == 0xF4 && c >= 0x90)) return false;
        i += static_cast<size_t>(n);
    }
    return true;
}

TEST(CliLang, RandomBytesGiveValidUtf8InBothLanguages) {
    std::srand(7);
    const std::string likely = "xy+*()=1 \n\t";
    for (int k = 0; k < 3000; ++k) {
        std::string expr;
        for (int n = 1 + std::rand() % 12; n > 0; --n)
            expr += std::rand() % 2 ? static_cast<char>(1 + std::rand() % 255) : likely[static_cast<size_t>(std::rand()) % likely.size()];
        for (const char* lang : {"en", "ko"}) {
            const CliRun r = run({"grad", expr, "x=1", "--lang", lang});
            EXPECT_TRUE(valid_utf8_without_controls(r.out + r.err)) << lang << " for input bytes of length " << expr.size() << ": " << r.err;
        }
    }
}

TEST(CliLang, AnUnknownOrMissingLanguageIsRefused) {
    const CliRun fr = run({"--lang", "fr", "grad", "x", "x=1"});
    EXPECT_EQ(fr.code, 2);
    EXPECT_EQ(fr.err, "nabla: unknown language 'fr' (one of en, ko)\n");
    EXPECT_TRUE(fr.out.empty());
    const CliRun missing = run({"grad", "x", "x=1", "--lang"});
    EXPECT_EQ(missing.code, 2);
    EXPECT_EQ(missing.err, "nabla: --lang needs a language (one of en, ko)\n");
    EXPECT_EQ(run({"--lang", "KO", "grad", "x", "x=1"}).code, 2);  // keys, not locales
}

TEST(CliLang, JsonFlagsAndNumbersAreTheSameInBothLanguages) {
    const std::vector<std::string> e1 = {"grad", "f = (x + y) * z", "x=-2", "y=5", "z=-4", "--nodes", "--check"};
    std::vector<std::string> ko = e1;
    ko.insert(ko.begin(), {"--lang", "ko"});
    const CliRun a = run(e1), b = run(ko);
    EXPECT_EQ(a.code, 0);
    EXPECT_EQ(b.code, 0) << b.err;
    EXPECT_EQ(a.out, b.out);

    const CliRun help = run({"--lang", "ko", "--help"});
    EXPECT_EQ(help.code, 0);
    EXPECT_EQ(help.out.rfind("\xEC\x82\xAC\xEC\x9A\xA9\xEB\xB2\x95: nabla train --help  (", 0), 0u) << help.out;  // 사용법:
    for (const char* kept : {"  --nodes  ", "  --check  ", "  --lang en|ko  ", " nabla grad \"f = (x + y) * z\" x=-2 y=5 z=-4\n"})
        EXPECT_NE(help.out.find(kept), std::string::npos) << kept;
    EXPECT_NE(run({"--help"}).out.find("  --lang en|ko  the language of messages"), std::string::npos);

    // `nabla train`: the epoch line in Korean, --lang after the command's own flags.
    const CliRun train = run({"train", "--points", "50", "--epochs", "1", "--lang", "ko"});
    EXPECT_EQ(train.code, 0) << train.err;
    EXPECT_EQ(train.out.rfind("\xEC\x97\x90\xED\x8F\xAD    1  ", 0), 0u) << train.out;  // 에폭
    const CliRun bad = run({"train", "--optimizer", "lbfgs", "--lang", "ko"});
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("'lbfgs'"), std::string::npos) << bad.err;
    EXPECT_TRUE(has_hangul(bad.err)) << bad.err;
}

TEST(CliLang, ARunLeavesTheLanguageAsItFoundIt) {
    const Language before = language();
    set_language(Language::English);
    run({"--lang", "ko", "grad", "x", "x=1"});
    EXPECT_EQ(language(), Language::English);
    EXPECT_EQ(run({"frobnicate"}).err.rfind("nabla: unknown command 'frobnicate'\n", 0), 0u);
    set_language(Language::Korean);  // main() chose Korean from the environment; --lang en is for this run
    EXPECT_EQ(run({"frobnicate", "--lang", "en"}).err.rfind("nabla: unknown command 'frobnicate'\n", 0), 0u);
    EXPECT_EQ(language(), Language::Korean);
    EXPECT_TRUE(has_hangul(run({"frobnicate"}).err));
    set_language(before);
}

// LC_ALL, then LC_MESSAGES, then LANG: the first one set and not empty decides.
TEST(CliLang, TheDefaultComesFromTheEnvironment) {
    const char* names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    std::vector<std::pair<std::string, bool>> saved;
    for (const char* n : names) {
        const char* v = std::getenv(n);
        saved.emplace_back(v ? v : "", v != nullptr);
    }
    auto set = [&](const char* all, const char* messages, const char* lang) {
        const char* values[] = {all, messages, lang};
        for (int i = 0; i < 3; ++i) values[i] ? setenv(names[i], values[i], 1) : unsetenv(names[i]);
    };
    set(nullptr, nullptr, nullptr);
    EXPECT_EQ(language_from_environment(), Language::English);
    set(nullptr, nullptr, "ko_KR.UTF-8");
    EXPECT_EQ(language_from_environment(), Language::Korean);
    set("", "", "ko_KR.UTF-8");
    EXPECT_EQ(language_from_environment(), Language::Korean);
    set("C", nullptr, "ko_KR.UTF-8");
    EXPECT_EQ(language_from_environment(), Language::English);
    set(nullptr, "ko", "en_US.UTF-8");
    EXPECT_EQ(language_from_environment(), Language::Korean);
    set("ko_KR", "en_US", "en_US");
    EXPECT_EQ(language_from_environment(), Language::Korean);
    for (int i = 0; i < 3; ++i) saved[i].second ? setenv(names[i], saved[i].first.c_str(), 1) : unsetenv(names[i]);
}

}  // namespace
}  // namespace nabla
