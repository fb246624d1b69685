// A small JSON reader: the whole document as a tree of JsonValues, or the line and column where it
// stops being JSON. The lessons read the labs' own JSON with it (lab/course.cpp); it is a few
// hundred bytes of the page where a general library's DOM parser costs kilobytes.
// Depth is limited (kMaxJsonDepth), so a hostile document cannot exhaust the stack.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nabla {

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    std::string text;                                     // a string's UTF-8
    std::vector<JsonValue> items;                         // an array's
    std::vector<std::pair<std::string, JsonValue>> fields;  // an object's, in order

    const JsonValue* find(const std::string& key) const;  // an object's field, or nullptr
};

constexpr int kMaxJsonDepth = 256;

// False with "line 1, column 29: expected ':'" when `text` is not one JSON value.
bool read_json(const std::string& text, JsonValue& out, std::string& error);

}  // namespace nabla
