// Percent-encoding and key=value&key=value splitting for state strings (URL hash, test hook).
// Every decoder refuses malformed input with false instead of guessing: links get tampered with.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nabla {

std::string url_encode(const std::string& s);
// As url_encode, but ',' ':' ';' stay as they are: a link's lists read "4,2" and "sgd:0.05:1".
std::string link_encode(const std::string& s);
bool url_decode(const std::string& s, std::string& out);
std::vector<std::pair<std::string, std::string>> split_query(const std::string& s);
// "a,b,,c" split at `separator`: {"a", "b", "", "c"}; "" gives {""}.
std::vector<std::string> split_list(const std::string& s, char separator);
// The whole string must be one finite number: "1e-3" yes, "1e999", "nan", "3x", "" no.
bool parse_finite(const std::string& s, double& out);

}  // namespace nabla
