// The small JSON reader the lessons use: every value kind, escapes and surrogate pairs, our own
// writer's output read back, and a malformed document refused with its line and column.
#include <gtest/gtest.h>

#include "lab/json_reader.h"
#include "lab/json_writer.h"

namespace nabla {
namespace {

TEST(JsonReader, ReadsEveryKind) {
    JsonValue v;
    std::string e;
    ASSERT_TRUE(read_json(R"( {"a": [1, -2.5e3, 0], "b": {"c": true, "d": false, "e": null}, "s": "x\"\\\/\n\u00e9\ud83d\ude00"} )", v, e)) << e;
    ASSERT_EQ(v.kind, JsonValue::Kind::Object);
    const JsonValue* a = v.find("a");
    ASSERT_TRUE(a && a->kind == JsonValue::Kind::Array && a->items.size() == 3);
    EXPECT_EQ(a->items[1].number, -2500);
    EXPECT_TRUE(v.find("b")->find("c")->boolean);
    EXPECT_EQ(v.find("b")->find("e")->kind, JsonValue::Kind::Null);
    EXPECT_EQ(v.find("s")->text, "x\"\\/\n\xC3\xA9\xF0\x9F\x98\x80");
    EXPECT_EQ(v.find("zz"), nullptr);
}

TEST(JsonReader, ReadsWhatOurWriterWrites) {
    JsonWriter w;
    w.begin_object().key("name").value("\xEA\xB0\x80 \"q\"\t").key("x").value(0.1).key("list").begin_array().value(1).value(true).null().end_array().end_object();
    JsonValue v;
    std::string e;
    ASSERT_TRUE(read_json(w.str(), v, e)) << e << "\n" << w.str();
    EXPECT_EQ(v.find("name")->text, "\xEA\xB0\x80 \"q\"\t");
    EXPECT_EQ(v.find("x")->number, 0.1);  // the shortest form reads back as the same double
    EXPECT_EQ(v.find("list")->items.size(), 3u);
}

TEST(JsonReader, RefusesWithLineAndColumn) {
    JsonValue v;
    std::string e;
    EXPECT_FALSE(read_json("{\"a\": 1,\n \"b\" 2}", v, e));
    EXPECT_EQ(e, "line 2, column 6: expected ':'");
    for (const char* bad : {"", "[1,]", "{\"a\":}", "[01]", "\"open", "\"\\x\"", "tru", "1 2", "[1.]", "\"\\ud800\"", "{1:2}", "\"a\x01\""}) {
        EXPECT_FALSE(read_json(bad, v, e)) << bad;
        EXPECT_EQ(e.rfind("line ", 0), 0u) << bad << ": " << e;
    }
    EXPECT_FALSE(read_json(std::string(100000, '['), v, e));  // no stack overflow
    EXPECT_NE(e.find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace nabla
