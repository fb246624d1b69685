// Shared by the libFuzzer targets: an oracle failure aborts, so libFuzzer saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/utf8.h"

#define FUZZ_CHECK(cond, what)                                                   \
    do {                                                                         \
        if (!(cond)) {                                                           \
            std::fprintf(stderr, "fuzz oracle failed: %s (%s)\n", what, #cond);  \
            fuzz_detail();                                                       \
            std::abort();                                                        \
        }                                                                        \
    } while (0)

// The message an oracle was judging, printed with its bytes escaped when it fails.
inline std::string& fuzz_last_message() {
    static std::string m;
    return m;
}
inline void fuzz_detail() {
    for (const unsigned char c : fuzz_last_message())
        if (c < 0x20 || c >= 0x7F) std::fprintf(stderr, "\\x%02X", c);
        else std::fputc(c, stderr);
    std::fputc('\n', stderr);
}

// Messages end up on the page's status line and the terminal: valid UTF-8, no control characters,
// which is what message_safe (engine/utf8.h) leaves unchanged.
inline bool clean_message(const std::string& s) {
    fuzz_last_message() = s;
    return nabla::message_safe(s) == s;
}
