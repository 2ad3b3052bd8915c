// The demo data's own pseudo-random generator (SplitMix64). std::random distributions differ
// between standard libraries, so the demo data set would differ between the native build and the
// wasm build; this one is a few integer operations, identical everywhere.
#pragma once

#include <cstdint>

namespace vsys {

class DemoRng {
public:
    explicit DemoRng(std::uint64_t seed) : state_(seed) {}
    // An independent stream for item `index` of a seed, so items do not depend on each other's draws.
    DemoRng(std::uint64_t seed, std::uint64_t index) : state_(seed ^ (index + 1) * 0xD1B54A32D192ED03ull) { next(); }

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n) for n > 0 (multiply-shift; the bias is below 2^-32).
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
    // True with probability percent / 100.
    bool chance(std::uint32_t percent) { return below(100) < percent; }
    template <class Span>
    const auto& pick(const Span& items) { return items[below(static_cast<std::uint32_t>(items.size()))]; }

private:
    std::uint64_t state_;
};

}  // namespace vsys
