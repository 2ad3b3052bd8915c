#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "app/base/glyph_ranges.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "core/directory/local_gov.hpp"

TEST_SUITE_BEGIN("demo");

namespace {

const vsys::DemoData& national() {
    static const vsys::DemoData d = vsys::generate_demo_data({});
    return d;
}

std::uint64_t fingerprint(const vsys::DemoData& d) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xFF) * 1099511628211ull;
    };
    for (const auto& p : d.populations) mix(std::to_string(p.total) + "/" + std::to_string(p.eligible));
    for (const auto& s : d.sites) {
        mix(s.code);
        mix(s.name);
        mix(s.reading);
        mix(s.address);
        mix(s.contact.phone);
        mix(s.hub);
        mix(std::to_string(s.vaccines.bits));
        for (const auto& doc : s.doctors) mix(doc.name);
    }
    for (const auto& a : d.accounts) mix(a.vsys_id + a.name);
    return h;
}

bool all_covered(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        std::uint32_t cp = n == 0 ? c : c & (0x3F >> n);
        for (int k = 1; k <= n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += n + 1;
        if (cp >= 0x20 && !vsys::glyph_covered(cp)) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("the census table holds the 47 prefectures and the official 2020 total") {
    auto census = vsys::census_2020();
    REQUIRE(census.size() == 47);
    std::int64_t total = 0;
    for (const auto& c : census) {
        total += c.total;
        const auto* g = vsys::find_local_gov(c.code);
        REQUIRE(g);
        CHECK(g->name == c.name);
    }
    CHECK(total == 126146099);
    CHECK(census[12].name == "東京都");
    CHECK(census[12].total == 14047594);
}

TEST_CASE("municipal populations add up to each prefecture's census total exactly, with the stated shares") {
    const auto& d = national();
    CHECK(d.populations.size() == 1741);
    std::map<std::string, std::int64_t> total, eligible, child;
    for (const auto& p : d.populations) {
        const auto* g = vsys::find_local_gov(p.code);
        REQUIRE(g);
        CHECK(g->active);
        CHECK(p.total > 0);
        CHECK(p.eligible > 0);
        CHECK(p.child > 0);
        CHECK(p.eligible + p.child <= p.total);
        total[g->parent] += p.total;
        eligible[g->parent] += p.eligible;
        child[g->parent] += p.child;
    }
    for (const auto& c : vsys::census_2020()) {
        CHECK_MESSAGE(total[c.code] == c.total, c.name);
        CHECK(eligible[c.code] == (c.total * d.shares.eligible_per_10000 + 5000) / 10000);
        CHECK(child[c.code] == (c.total * d.shares.child_per_10000 + 5000) / 10000);
    }
}

TEST_CASE("the demo data is the same for the same seed and differs for another seed") {
    vsys::DemoOptions small{42, 2500, 30};
    auto a = vsys::generate_demo_data(small);
    auto b = vsys::generate_demo_data(small);
    CHECK(a.sites == b.sites);
    CHECK(fingerprint(a) == fingerprint(b));
    small.seed = 43;
    CHECK(fingerprint(vsys::generate_demo_data(small)) != fingerprint(a));
}

TEST_CASE("the national demo set is byte-identical on every platform (golden fingerprint of seed 1)") {
    CHECK(fingerprint(national()) == 16169128011473799166ull);
}

TEST_CASE("about 70,000 valid sites with unique codes, at least one per municipality, spread by population") {
    const auto& d = national();
    CHECK(d.sites.size() == 70000 + 1000);
    std::unordered_set<std::string> codes;
    std::unordered_map<std::string, int> per_muni;
    std::size_t invalid = 0, similar = 0, venues = 0;
    int category_count[5] = {};
    for (const auto& s : d.sites) {
        auto st = vsys::validate_site(s);
        if (!st) {
            ++invalid;
            MESSAGE(s.code << " " << st.error().code);
        }
        CHECK(codes.insert(s.code).second);
        ++per_muni[s.municipality];
        similar += s.code_kind == vsys::InstitutionCodeKind::similar;
        venues += s.kind == vsys::SiteKind::workplace_venue;
        for (int c = 0; c < 5; ++c) category_count[c] += s.vaccines.has(static_cast<vsys::VaccineCategory>(c));
        CHECK(s.doctors.size() >= 1);
        CHECK(s.doctors.size() <= 3);
    }
    CHECK(invalid == 0);
    CHECK(venues == 1000);
    CHECK(per_muni.size() == 1741);
    for (int c = 0; c < 5; ++c) CHECK(category_count[c] > 500);
    // 類似コード: every municipality's mass venue, ~3 % of clinics' places, ~90 % of venues.
    CHECK(similar > d.sites.size() * 3 / 100);
    CHECK(similar < d.sites.size() * 8 / 100);
    CHECK(per_muni["141003"] > 300);  // 横浜市
    CHECK(per_muni["131016"] > 20);    // 千代田区
    CHECK(per_muni["133647"] < 10);    // 御蔵島村
}

TEST_CASE("each satellite's hub is a Pfizer hub of the same municipality") {
    const auto& d = national();
    std::unordered_map<std::string, const vsys::Site*> by_code;
    for (const auto& s : d.sites) by_code[s.code] = &s;
    std::size_t bad = 0;
    for (const auto& s : d.sites) {
        if (!s.vaccines.has(vsys::VaccineCategory::pfizer_satellite)) continue;
        auto it = by_code.find(s.hub);
        bad += it == by_code.end() || it->second->municipality != s.municipality ||
               !it->second->vaccines.has(vsys::VaccineCategory::pfizer_hub);
    }
    CHECK(bad == 0);
}

TEST_CASE("one demo account per organisation of the tree, with unique V-SYS IDs") {
    const auto& d = national();
    auto refs = d.site_refs();
    auto tree = vsys::Hierarchy::build(refs);
    REQUIRE(tree);
    CHECK(d.accounts.size() == tree->size() - 6);  // no accounts for the six inactive villages
    std::set<std::string> ids, orgs;
    for (const auto& a : d.accounts) {
        CHECK(ids.insert(a.vsys_id).second);
        CHECK(orgs.insert(a.org).second);
        auto i = tree->find(a.org);
        REQUIRE(i != vsys::k_no_org);
        CHECK(tree->active(i));
        CHECK(std::string(vsys::org_level_id(tree->level(i))) ==
              (a.role == "workplace_venue" ? std::string("venue") : a.role));
        CHECK(a.vsys_id.size() >= 8);
        CHECK(a.vsys_id[0] == 'V');
        CHECK_FALSE(a.name.empty());
    }
    CHECK(ids.count("VM131016") == 1);
    CHECK(ids.count("VN000000") == 1);
}

TEST_CASE("every character of the demo names, readings and addresses is covered by the UI font") {
    const auto& d = national();
    std::size_t uncovered = 0;
    for (const auto& s : d.sites) {
        uncovered += !all_covered(s.name) + !all_covered(s.reading) + !all_covered(s.address);
        for (const auto& doc : s.doctors) uncovered += !all_covered(doc.name);
    }
    for (const auto& a : d.accounts) uncovered += !all_covered(a.name);
    CHECK(uncovered == 0);
}

TEST_SUITE_END();
