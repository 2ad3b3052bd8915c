// Benchmark: a federation's month of claims for a large prefecture (issue 6 target: under
// 200 ms in wasm). 9,000 sites in Tokyo, each claiming for 40 municipalities of residence.
// Prints Markdown table rows (median of several runs) for docs/BENCHMARKS.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/claims/claims_documents.hpp"
#include "core/directory/local_gov.hpp"

using namespace vsys;

namespace {

constexpr int k_sites = 9000;
constexpr int k_residences = 40;
constexpr int k_runs = 7;
const Date k_today{2022, 2, 1};
const YearMonth k_month{2022, 1};

std::vector<SiteClaim> make_month(const std::vector<std::string>& munis) {
    std::vector<SiteClaim> out;
    out.reserve(k_sites);
    std::uint64_t s = 1;
    auto next = [&](std::uint64_t bound) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>((s >> 33) % bound);
    };
    for (int i = 0; i < k_sites; ++i) {
        SiteClaim c;
        c.site = "131" + std::to_string(1000000 + i);
        c.site_municipality = munis[static_cast<std::size_t>(i) % munis.size()];
        c.month = k_month;
        c.lines.reserve(k_residences);
        for (int r = 0; r < k_residences; ++r) {
            ClaimLine l;
            l.municipality = munis[(static_cast<std::size_t>(i) + static_cast<std::size_t>(r)) % munis.size()];
            l.form = r % 3 == 0 ? ClaimForm::additional : ClaimForm::new_form;
            l.category = r % 5 == 0 ? RecipientCategory::no_coupon : RecipientCategory::with_coupon;
            l.counts = {next(300), next(30), next(20), next(3), 0};
            c.lines.push_back(std::move(l));
        }
        out.push_back(std::move(c));
    }
    return out;
}

template <class F>
double median_ms(F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < k_runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        f();
        auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// One machine-readable line per figure, for tools/bench (which compares native and wasm).
void bench_line(const char* id, const char* label, double value, const char* unit) {
    std::printf("BENCH {\"id\":\"%s\",\"label\":\"%s\",\"value\":%.10g,\"unit\":\"%s\"}\n", id, label, value, unit);
}

}  // namespace

int main() {
    std::vector<std::string> tokyo;
    for (const auto& g : local_governments())
        if (g.kind == LocalGovKind::municipality && g.parent == "130001" && g.active) tokyo.push_back(g.code);
    if (tokyo.size() < k_residences) {
        std::fprintf(stderr, "bench_claims: expected at least %d municipalities in Tokyo\n", k_residences);
        return 1;
    }
    tokyo.resize(k_residences);
    const auto entered = make_month(tokyo);
    RoutingSettings routing{{tokyo[0], tokyo[1]}};

    // Two generations of results, used in turn: the previous run's claims stay allocated while
    // the next run computes. Natively this keeps glibc from returning the freed heap to the
    // system after each run and faulting ~50 MB back in on the next, which made the native
    // figure mostly page faults; wasm memory never shrinks, so there it changes nothing.
    std::vector<ComputedClaim> generations[2];
    int run = 0;
    std::int64_t checksum = 0;
    bool ok = true;
    auto recompute = [&] {
        auto& computed = generations[run++ % 2];
        computed.clear();
        computed.reserve(entered.size());
        for (const auto& c : entered) {
            auto r = compute_claim(c, routing, k_today);
            if (!r) {
                ok = false;
                return;
            }
            computed.push_back(std::move(*r));
        }
        auto t = federation_totals("130001", k_month, computed);
        if (!t) {
            ok = false;
            return;
        }
        checksum = t->total.amount;
    };
    double full = median_ms(recompute);
    if (!ok) {
        std::fprintf(stderr, "bench_claims: a generated claim was refused\n");
        return 1;
    }
    const auto& computed = generations[(run - 1) % 2];
    double totals_only = median_ms([&] {
        auto t = federation_totals("130001", k_month, computed);
        if (t) checksum = t->total.amount;
    });
#ifdef __EMSCRIPTEN__
    const char* platform = "wasm";
#else
    const char* platform = "native";
#endif
    std::printf("| claims: a federation's month, %d sites x %d municipalities of residence (%d lines): validate, "
                "price, route and total | %.1f ms | median of %d, %s; target < 200 ms in wasm |\n",
                k_sites, k_residences, k_sites * k_residences, full, k_runs, platform);
    std::printf("| claims: federation totals per municipality and per site from the priced claims above | %.1f ms | "
                "median of %d, %s |\n",
                totals_only, k_runs, platform);
    bench_line("month", "federation month: validate, price, route and total 9,000 sites x 40 residences", full, "ms");
    bench_line("totals", "federation totals from the priced claims", totals_only, "ms");
    std::fprintf(stderr, "bench_claims: federation total %lld yen\n", static_cast<long long>(checksum));
    return 0;
}
