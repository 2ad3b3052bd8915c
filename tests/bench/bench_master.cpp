// Benchmark of the master data (issue 3 targets): national demo generation (median of 5), name
// and reading prefix search over the ~71,000 sites, and the memory the data set and its indexes
// hold. Prints Markdown table rows: | metric | value | note |.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "core/directory/site_search.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point t0) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// One machine-readable line per figure, for tools/bench (which compares native and wasm).
void bench_line(const char* id, const char* label, double value, const char* unit) {
    std::printf("BENCH {\"id\":\"%s\",\"label\":\"%s\",\"value\":%.10g,\"unit\":\"%s\"}\n", id, label, value, unit);
}

std::size_t string_bytes(const std::string& s) { return sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0); }

// Heap and object bytes of the generated data (strings beyond the small-string buffer counted).
std::size_t data_bytes(const vsys::DemoData& d) {
    std::size_t n = d.sites.capacity() * sizeof(vsys::Site) + d.accounts.capacity() * sizeof(vsys::DemoAccount) +
                    d.populations.capacity() * sizeof(vsys::MunicipalityPopulation);
    for (const auto& s : d.sites) {
        for (const auto* str : {&s.code, &s.name, &s.reading, &s.address, &s.municipality, &s.hub, &s.contact.phone,
                                &s.contact.mail})
            n += string_bytes(*str) - sizeof(std::string);
        n += s.doctors.capacity() * sizeof(vsys::Doctor);
        for (const auto& doc : s.doctors) n += string_bytes(doc.name) - sizeof(std::string);
    }
    for (const auto& a : d.accounts)
        for (const auto* str : {&a.vsys_id, &a.name, &a.role, &a.org}) n += string_bytes(*str) - sizeof(std::string);
    return n;
}

}  // namespace

int main() {
    std::vector<double> gen;
    vsys::DemoData d;
    for (int run = 0; run < 5; ++run) {
        auto t0 = clock_type::now();
        d = vsys::generate_demo_data({});
        gen.push_back(ms_since(t0));
    }
    auto refs = d.site_refs();
    auto t0 = clock_type::now();
    auto tree = vsys::Hierarchy::build(refs);
    double tree_ms = ms_since(t0);
    t0 = clock_type::now();
    auto index = vsys::SiteSearchIndex::build(d.sites);
    double index_ms = ms_since(t0);

    const char* queries[] = {"佐藤", "サトウ", "さ", "千代田", "ちよだ", "横浜", "クリニック", "0110", "13", "集団接種"};
    std::vector<double> per_query;
    double worst = 0;
    std::size_t hits = 0;
    for (const char* q : queries) {
        std::vector<double> runs;
        for (int r = 0; r < 21; ++r) {
            auto q0 = clock_type::now();
            hits += index.search(q, 100).size();
            runs.push_back(ms_since(q0));
        }
        double m = median(runs);
        per_query.push_back(m);
        worst = std::max(worst, m);
    }

    std::printf("| demo data generation, national (%zu sites and venues, seed 1) | %.1f ms | median of 5, native -O3; target <= 2000 ms |\n",
                d.sites.size(), median(gen));
    std::printf("| organisation tree build (%zu nodes) | %.1f ms | once per load |\n", tree ? tree->size() : 0, tree_ms);
    std::printf("| site search index build | %.1f ms | once per load |\n", index_ms);
    std::printf("| site search, name/reading/code prefix, limit 100 | %.1f us median query, %.1f us worst query | %zu queries, median of 21 runs each (%zu hits); target < 16 ms in wasm |\n",
                median(per_query) * 1000, worst * 1000, per_query.size(), hits);
    std::printf("| memory: demo data set | %.1f MB | sites, doctors, accounts (estimate from sizes and capacities) |\n",
                static_cast<double>(data_bytes(d)) / 1e6);
    std::printf("| memory: site search index | %.1f MB | normalised texts and sorted orders |\n",
                static_cast<double>(index.memory_bytes()) / 1e6);
    bench_line("generate", "demo data generation, national", median(gen), "ms");
    bench_line("tree", "organisation tree build", tree_ms, "ms");
    bench_line("index", "site search index build", index_ms, "ms");
    bench_line("search.median", "site search, median query", median(per_query) * 1000, "us");
    bench_line("search.worst", "site search, worst query", worst * 1000, "us");
    bench_line("memory.data", "memory: demo data set (estimate)", static_cast<double>(data_bytes(d)) / 1e6, "MB");
    bench_line("memory.index", "memory: site search index", static_cast<double>(index.memory_bytes()) / 1e6, "MB");
    return 0;
}
