// UTF-8 as messages need it: whole characters, never half a sequence, nothing a terminal or the
// page's status line would choke on.
#pragma once

#include <string>

namespace nabla {

// The length of the whole UTF-8 character starting at byte `i` (1 for ASCII), 0 if the bytes there
// do not form one (a stray continuation byte, a sequence cut short, an overlong form, a surrogate).
int utf8_sequence_at(const std::string& s, size_t i);

// `s` as a message may show it: valid characters as they are; tab, newline and CR as \t \n \r;
// other control characters and bytes that are not UTF-8 as \xNN. Clean text comes back unchanged.
std::string message_safe(const std::string& s);

}  // namespace nabla
