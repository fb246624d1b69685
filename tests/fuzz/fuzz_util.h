// Shared by the libFuzzer targets: an oracle failure aborts, so libFuzzer saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

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

// Messages end up on the page's status line and the terminal: valid UTF-8, no control characters.
inline bool clean_message(const std::string& s) {
    fuzz_last_message() = s;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        if (c < 0x20 || c == 0x7F) return false;
        const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (int k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += len;
    }
    return true;
}
