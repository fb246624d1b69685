// The translation layer: English passes through, Korean comes from the table, and every label
// that a table (enum, feature, setting) holds has its Korean row. Literals passed to tr() in the
// code are checked by tests/i18n/check_translations.py.
#include <gtest/gtest.h>

#include <string>

#include "engine/i18n.h"
#include "engine/tensor_ops.h"
#include "lab/loss_surface.h"
#include "lab/playground_state.h"
#include "lab/trajectory_state.h"
#include "nn/datasets.h"
#include "nn/mlp.h"
#include "nn/optimizer.h"

using namespace nabla;

namespace {

struct KoreanScope {  // the language is process-wide: every test leaves it English
    KoreanScope() { set_language(Language::Korean); }
    ~KoreanScope() { set_language(Language::English); }
};

template <class E>
void expect_enum_translated(const char* name) {
    for (const EnumRow<E>& r : EnumTable<E>::rows)
        for (const char* text : {r.label, r.short_label, r.help})
            EXPECT_TRUE(!*text || has_translation(Language::Korean, text)) << name << " '" << r.key << "': no Korean for \"" << text << "\"";
}

template <class S>
void expect_settings_translated(const SettingTable<S>& table) {
    for (const Setting<S>& s : table)
        EXPECT_TRUE(!*s.label || has_translation(Language::Korean, s.label)) << s.key << ": no Korean for \"" << s.label << "\"";
}

}  // namespace

TEST(I18n, EnglishIsTheSourceText) {
    EXPECT_EQ(language(), Language::English);
    EXPECT_STREQ(tr("learning rate"), "learning rate");
    EXPECT_EQ(trf("step %d of %d", 3, 7), "step 3 of 7");
}

TEST(I18n, KoreanComesFromTheTable) {
    KoreanScope ko;
    EXPECT_STREQ(tr("English"), "English");  // the language's own name stays as written
    EXPECT_STREQ(enum_label(Language::Korean), "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4");
    const std::vector<Translation> rows = translations(Language::Korean);
    ASSERT_GT(rows.size(), 100u);
    for (const Translation& t : rows) EXPECT_STREQ(tr(t.english), t.text);
    EXPECT_STREQ(tr("a sentence nobody translated"), "a sentence nobody translated");  // falls back to English
    bool remembered = false;
    for (const std::string& s : untranslated()) remembered |= s == "a sentence nobody translated";
    EXPECT_TRUE(remembered);
}

TEST(I18n, LanguageFromTheLocale) {
    EXPECT_EQ(language_from_locale("ko"), Language::Korean);
    EXPECT_EQ(language_from_locale("ko-KR"), Language::Korean);
    EXPECT_EQ(language_from_locale("ko_KR.UTF-8"), Language::Korean);
    EXPECT_EQ(language_from_locale("KO"), Language::Korean);
    EXPECT_EQ(language_from_locale("kok"), Language::English);  // Konkani is not Korean
    EXPECT_EQ(language_from_locale("en_US.UTF-8"), Language::English);
    EXPECT_EQ(language_from_locale("C"), Language::English);
    EXPECT_EQ(language_from_locale(""), Language::English);
}

TEST(I18n, EveryTableLabelHasItsKorean) {
    expect_enum_translated<OptimizerKind>("optimizer");
    expect_enum_translated<Activation>("activation");
    expect_enum_translated<Head>("head");
    expect_enum_translated<Init>("init");
    expect_enum_translated<DatasetKind>("dataset");
    expect_enum_translated<SurfaceKind>("surface");
    expect_enum_translated<Regularization>("penalty");
    expect_settings_translated(playground_settings());
    expect_settings_translated(trajectory_settings());
    expect_settings_translated(run_settings());
}

// What libFuzzer found: a link or CSV value echoed in a refusal carried its raw bytes (a vertical
// tab, a stray 0x92) into the status line. Every string argument of trf is now shown escaped.
TEST(I18n, EchoedValuesAreEscapedInMessages) {
    EXPECT_EQ(message_safe("a\tb\nc\rd\x01" "e\x7F"), "a\\tb\\nc\\rd\\x01e\\x7F");
    EXPECT_EQ(message_safe("1\x92\x92" "0"), "1\\x92\\x920");
    EXPECT_EQ(message_safe("\xED\xA0\x80"), "\\xED\\xA0\\x80");  // a UTF-16 surrogate is not UTF-8
    EXPECT_EQ(message_safe("\xCF\x83(w*x) \xEA\xB0\x80"), "\xCF\x83(w*x) \xEA\xB0\x80");  // σ and 가 stay
    EXPECT_EQ(message_safe(message_safe("x\n\xC3")), message_safe("x\n\xC3"));  // escaping twice changes nothing
    EXPECT_EQ(trf("lr must be a number, not '%s'", "\x0B"), "lr must be a number, not '\\x0B'");
    PlaygroundState s;
    std::string error;
    EXPECT_FALSE(PlaygroundState::from_string("data=xor&batch=1\x92\x92" "0", s, error));
    EXPECT_NE(error.find("'1\\x92\\x920'"), std::string::npos) << error;
}
