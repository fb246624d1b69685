// The only source of randomness in nn/ and lab/: PCG32 (O'Neill, pcg-random.org) with our own
// uniform and normal draws. std:: distributions differ between libstdc++ (native) and libc++
// (Emscripten); these do not, so the same seed gives the same run natively and in the browser.
#pragma once

#include <cmath>
#include <cstdint>

namespace nabla {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 1) { reseed(seed); }

    void reseed(std::uint64_t seed) {
        state_ = 0;
        next_u32();
        state_ += seed + 0x853c49e6748fea9bULL;
        next_u32();
    }

    std::uint32_t next_u32() {
        const std::uint64_t old = state_;
        state_ = old * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
        const auto rot = static_cast<std::uint32_t>(old >> 59u);
        return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() {
        const std::uint64_t hi = next_u32() >> 5, lo = next_u32() >> 6;
        return static_cast<double>(hi * 67108864ULL + lo) / 9007199254740992.0;
    }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // An integer in [0, n), without modulo bias.
    std::uint32_t below(std::uint32_t n) {
        const std::uint32_t limit = -n % n;
        for (;;) {
            const std::uint32_t r = next_u32();
            if (r >= limit) return r % n;
        }
    }
    // Standard normal (Box-Muller; one of the pair is discarded to keep the state simple).
    double normal() {
        double u1 = uniform();
        while (u1 <= 0) u1 = uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double normal(double mean, double stddev) { return mean + stddev * normal(); }

private:
    std::uint64_t state_ = 0;
};

}  // namespace nabla
