// Benchmark of the apportionment engine (issue 4 targets): one national round split in three
// levels, nation → 47 prefectures (by population) → 1,741 municipalities (by population) →
// 70,000 sites (by request, capped at the request), with each method; and one flat split of
// 70,000 sites. Real prefecture and municipality codes; populations, site counts and requests
// from a deterministic PRNG. Prints Markdown table rows (median of 9 runs):
// | method | national round, 3 levels (ms) | flat 70,000 sites (ms) | unallocated |
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/allocation/apportion.hpp"
#include "core/directory/local_gov.hpp"

namespace {

using namespace vsys::alloc;
using clock_type = std::chrono::steady_clock;

struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
};

constexpr std::int64_t k_sites = 70'000;
constexpr std::int64_t k_round_total = 2'000'000;  // units for the round (enough for Adams & co.)

// The problems of every level, built once; a run only sets each child problem's total from
// its parent's result.
struct Round {
    Problem nation;
    std::vector<Problem> prefectures;     // by municipality population
    std::vector<std::vector<std::size_t>> pref_municipalities;  // indexes into `municipalities`
    std::vector<Problem> municipalities;  // by site request, capped at it
};

Round build_round() {
    Rng rng{20211001};
    Round r;
    r.nation.total = k_round_total;
    std::map<std::string, std::size_t> pref_index;
    std::vector<std::int64_t> muni_population;
    for (const auto& g : vsys::local_governments()) {
        if (!g.active) continue;
        if (g.kind == vsys::LocalGovKind::prefecture) {
            pref_index[g.code] = r.prefectures.size();
            r.prefectures.emplace_back();
            r.pref_municipalities.emplace_back();
            r.nation.children.push_back({g.code, 0, std::nullopt, std::nullopt});
            continue;
        }
        const std::size_t p = pref_index.at(g.parent);
        // Municipal populations span villages of a few hundred to cities of millions.
        const std::int64_t pop = 200 + static_cast<std::int64_t>(rng.below(1000)) * (1 + rng.below(3000));
        r.prefectures[p].children.push_back({g.code, pop, std::nullopt, std::nullopt});
        r.nation.children[p].weight += pop;
        r.pref_municipalities[p].push_back(r.municipalities.size());
        r.municipalities.emplace_back();
        muni_population.push_back(pop);
    }
    // Sites per municipality in proportion to population (largest remainder, so exactly
    // 70,000; at least one each), requests 1..200 boxes.
    Problem site_counts;
    site_counts.total = k_sites;
    for (std::size_t m = 0; m < muni_population.size(); ++m)
        site_counts.children.push_back({std::to_string(m), muni_population[m], std::nullopt, std::nullopt});
    const auto counts = allocate(site_counts);
    std::int64_t site = 0;
    for (std::size_t m = 0; m < r.municipalities.size(); ++m) {
        const std::int64_t n = std::max<std::int64_t>(1, counts->children[m].units);
        Problem& q = r.municipalities[m];
        q.cap_by_weight = true;
        for (std::int64_t i = 0; i < n; ++i)
            q.children.push_back({"s" + std::to_string(site++), 1 + rng.below(200), std::nullopt, std::nullopt});
    }
    return r;
}

// Runs the three levels; returns the units left unallocated anywhere (caps by request).
std::int64_t run_round(Round& r, Method m) {
    r.nation.method = m;
    auto nation = allocate(r.nation);
    if (!nation) {
        std::fprintf(stderr, "nation: %s\n", nation.error().detail.c_str());
        std::exit(1);
    }
    std::int64_t unallocated = nation->unallocated;
    for (std::size_t p = 0; p < r.prefectures.size(); ++p) {
        Problem& pref = r.prefectures[p];
        pref.total = nation->children[p].units;
        pref.method = m;
        auto split = allocate(pref);
        if (!split) {
            std::fprintf(stderr, "prefecture %s: %s\n", r.nation.children[p].id.c_str(), split.error().detail.c_str());
            std::exit(1);
        }
        unallocated += split->unallocated;
        for (std::size_t k = 0; k < r.pref_municipalities[p].size(); ++k) {
            Problem& muni = r.municipalities[r.pref_municipalities[p][k]];
            muni.total = split->children[k].units;
            muni.method = m;
            auto sites = allocate(muni);
            if (!sites) {
                std::fprintf(stderr, "municipality: %s\n", sites.error().detail.c_str());
                std::exit(1);
            }
            unallocated += sites->unallocated;
        }
    }
    return unallocated;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// One machine-readable line per figure, for tools/bench (which compares native and wasm).
void bench_line(const std::string& id, const std::string& label, double value, const char* unit) {
    std::printf("BENCH {\"id\":\"%s\",\"label\":\"%s\",\"value\":%.10g,\"unit\":\"%s\"}\n", id.c_str(), label.c_str(),
                value, unit);
}

}  // namespace

int main() {
    Round round = build_round();
    Problem flat;
    flat.total = k_round_total;
    for (const auto& m : round.municipalities)
        for (const auto& c : m.children) flat.children.push_back({c.id, c.weight * 1000 + 7, std::nullopt, std::nullopt});

    std::printf("| method | national round, 3 levels: 47 → %zu → %zu (ms) | flat split, %zu sites (ms) | unallocated |\n",
                round.municipalities.size(), flat.children.size(), flat.children.size());
    std::printf("|---|---|---|---|\n");
    for (Method m : {Method::hamilton, Method::dhondt, Method::sainte_lague, Method::adams, Method::dean,
                     Method::huntington_hill}) {
        std::vector<double> three, one;
        std::int64_t unallocated = 0;
        for (int run = 0; run < 9; ++run) {
            auto t0 = clock_type::now();
            unallocated = run_round(round, m);
            three.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
            flat.method = m;
            t0 = clock_type::now();
            auto r = allocate(flat);
            one.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
            if (!r) {
                std::fprintf(stderr, "flat: %s\n", r.error().detail.c_str());
                return 1;
            }
        }
        std::printf("| %s | %.2f | %.2f | %lld |\n", std::string(method_name(m)).c_str(), median(three), median(one),
                    static_cast<long long>(unallocated));
        const std::string name(method_name(m));
        bench_line("round." + name, "national round, 3 levels, " + name, median(three), "ms");
        bench_line("flat." + name, "flat split of " + std::to_string(flat.children.size()) + " sites, " + name, median(one),
                   "ms");
    }
    return 0;
}
