// A lesson's link hides controls by key; an unknown key is refused and changes nothing.
#include "lab/hidden_controls.h"

#include <gtest/gtest.h>

namespace nabla {
namespace {

TEST(HiddenControls, ReadWriteAndRefuse) {
    HiddenControls h;
    std::string error;
    ASSERT_TRUE(h.read("opt,act,lr", error)) << error;
    EXPECT_TRUE(h.hidden("lr"));
    EXPECT_FALSE(h.hidden("batch"));
    EXPECT_EQ(h.text(), "act,lr,opt");
    EXPECT_FALSE(h.read("lr,warp", error));
    EXPECT_EQ(error, "no control named 'warp' to hide");
    EXPECT_EQ(h.text(), "act,lr,opt");  // unchanged
    h.set("act", false);
    EXPECT_EQ(h.text(), "lr,opt");
    ASSERT_TRUE(h.read("", error));
    EXPECT_TRUE(h.empty());
}

TEST(HiddenControls, EveryLabListsDistinctKeys) {
    for (const char* lab : {"graph", "playground", "trajectory"}) {
        const auto& list = hideable_controls(lab);
        EXPECT_GE(list.size(), 4u) << lab;
        for (size_t i = 0; i < list.size(); ++i)
            for (size_t j = i + 1; j < list.size(); ++j) EXPECT_STRNE(list[i].key, list[j].key) << lab;
    }
    EXPECT_TRUE(hideable_controls("nothing").empty());
}

}  // namespace
}  // namespace nabla

#include "engine/i18n.h"

namespace nabla {
namespace {

TEST(HiddenControls, EveryLabelHasItsKorean) {
    for (const char* lab : {"graph", "playground", "trajectory"})
        for (const HideableControl& c : hideable_controls(lab)) EXPECT_TRUE(has_translation(Language::Korean, c.label)) << c.label;
}

}  // namespace
}  // namespace nabla
