// A minimal JSON writer for the CLI and the test hook: objects, arrays, strings and numbers,
// with non-finite numbers written as null (JSON has no NaN) and doubles that read back exactly.
#pragma once

#include <string>

namespace nabla {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(const std::string& k);
    JsonWriter& value(const std::string& s);
    JsonWriter& value(const char* s);
    JsonWriter& value(double v);
    JsonWriter& value(int v);
    JsonWriter& value(bool v);
    JsonWriter& null();
    const std::string& str() const { return out_; }

private:
    std::string out_;
    bool need_comma_ = false;
    void separate();
};

std::string json_escape(const std::string& s);

// "1", "-0.5", "400", "1e-05": the shortest form that reads back as the same double, plain digits
// where they are not much longer (labels, links and JSON).
std::string format_number(double v);

}  // namespace nabla
