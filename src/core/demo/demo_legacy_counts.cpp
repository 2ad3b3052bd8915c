// The legacy ticket-form counts of the demo (R533/R313: 接種券付き予診票), drawn per site from a
// seed so natively and in wasm they are the same; apart from the demo's history (demo_history.cpp).
#include "core/demo/demo_history.hpp"

#include <cstdint>

namespace vsys {

namespace {
// A 64-bit mix (splitmix64's finaliser): the same counts natively and in wasm.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
}  // namespace

std::vector<LegacyTicketFormCount> demo_legacy_counts_for_site(const Site& site, std::uint64_t seed) {
    std::uint64_t h = mix(seed);
    for (char c : site.code) h = mix(h ^ static_cast<unsigned char>(c));
    std::vector<LegacyTicketFormCount> out;
    // The ticket-printed forms were used in the first months of the programme, up to the
    // change of the claim forms in December 2021.
    for (int m = 5; m <= 11; ++m) {
        h = mix(h + static_cast<std::uint64_t>(m));
        out.push_back({site.code, site.municipality, YearMonth{2021, m}, static_cast<std::int64_t>(h % 400)});
    }
    return out;
}

}  // namespace vsys
