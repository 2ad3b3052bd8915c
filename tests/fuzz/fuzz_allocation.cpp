// libFuzzer target: an allocation problem, as `vsys allocate` reads it (src/cli/cmd_allocate.cpp:
// one problem or a tranche problem; with several lines also as --jsonl), and the invariants of
// apportion.hpp on every problem it solves: units add up to the total with what is left
// unallocated, nobody below zero or above its cap, a fixed child gets exactly its amount.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "cli/cli.hpp"
#include "core/allocation/allocation_problem.hpp"
#include "fuzz_support.hpp"

using namespace vsys;

namespace {

void check_allocation(const alloc::Problem& p, const alloc::Allocation& a) {
    VSYS_FUZZ_CHECK(a.children.size() == p.children.size());
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        const auto& c = a.children[i];
        const auto& k = p.children[i];
        VSYS_FUZZ_CHECK(c.units >= 0);
        if (k.fixed) VSYS_FUZZ_CHECK(c.units == *k.fixed);
        else if (k.cap) VSYS_FUZZ_CHECK(c.units <= *k.cap);
        if (!k.fixed && p.cap_by_weight) VSYS_FUZZ_CHECK(c.units <= k.weight);
        if (!k.fixed && k.weight == 0) VSYS_FUZZ_CHECK(c.units == 0);
        sum += c.units;
    }
    VSYS_FUZZ_CHECK(a.unallocated >= 0);
    VSYS_FUZZ_CHECK(sum + a.unallocated == p.total);
}

void run_cli(const std::string& text, bool jsonl) {
    std::istringstream in(text);
    std::ostringstream out, err;
    const int rc = jsonl ? cli::cmd_allocate({"--jsonl"}, in, out, err) : cli::cmd_allocate({}, in, out, err);
    VSYS_FUZZ_CHECK(rc == 0 || rc == 1);
    if (!jsonl) VSYS_FUZZ_CHECK((rc == 0) == err.str().empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    run_cli(text, false);
    if (text.find('\n') != std::string::npos) run_cli(text, true);

    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return 0;
    if (j.is_object() && j.contains("tranches")) {
        auto tp = alloc::tranche_problem_from_json(j);
        if (!tp) return 0;
        auto r = alloc::allocate_tranches(*tp);
        if (!r) return 0;
        VSYS_FUZZ_CHECK(r->tranches.size() == tp->tranches.size());
        for (std::size_t t = 0; t < tp->tranches.size(); ++t) {
            VSYS_FUZZ_CHECK(r->tranches[t].children.size() == tp->tranches[t].children.size());
            std::int64_t sum = 0;
            for (const auto& c : r->tranches[t].children) sum += c.units;
            VSYS_FUZZ_CHECK(sum + r->tranches[t].unallocated == tp->tranches[t].total);
        }
        for (std::size_t i = 0; i < r->units.size(); ++i)
            if (!tp->combined_caps.empty() && tp->combined_caps[i]) VSYS_FUZZ_CHECK(r->units[i] <= *tp->combined_caps[i]);
        return 0;
    }
    auto p = alloc::problem_from_json(j);
    if (!p) return 0;
    if (auto a = alloc::allocate(*p)) check_allocation(*p, *a);
    return 0;
}
