// A small chain for the tests: 鳥取県 with three municipalities that have people and sites (鳥取市,
// 米子市, 倉吉市; its other 16 municipalities have neither), ten sites of every kind and a workplace
// venue, the embedded catalog, and a store that seals and applies versions as a device would.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/allocation/chain_commands.hpp"
#include "core/allocation/chain_simulation.hpp"
#include "core/allocation/chain_state.hpp"
#include "sync/canonical.hpp"

namespace vsys::chain_test {

inline Date day(const char* s) { return *parse_iso_date(s); }

inline Site make_site(const char* code, const char* muni, std::initializer_list<VaccineCategory> cats,
                      const char* hub = "") {
    Site s;
    s.code = code;
    s.municipality = muni;
    s.name = std::string("医療機関") + code;
    for (auto c : cats) s.vaccines.add(c);
    s.hub = hub;
    s.kind = s.vaccines.has(VaccineCategory::tm_workplace) ? SiteKind::workplace_venue : SiteKind::site;
    return s;
}

struct SmallChain {
    static constexpr const char* round = "PF12_R10";
    static constexpr const char* pref = "pref:310000";
    static constexpr const char* tottori = "muni:312011";
    static constexpr const char* yonago = "muni:312029";
    static constexpr const char* kurayoshi = "muni:312037";
    Date today = day("2021-07-20");

    std::vector<Site> sites = {
        make_site("3110000011", "312011", {VaccineCategory::pfizer_hub, VaccineCategory::pfizer_child}),
        make_site("3110000029", "312011", {VaccineCategory::pfizer_satellite}, "3110000011"),
        make_site("3110000037", "312011", {VaccineCategory::pfizer_hub}),
        make_site("3110000045", "312011", {VaccineCategory::tm_general}),
        make_site("3110000052", "312029", {VaccineCategory::pfizer_hub}),
        make_site("3110000060", "312029", {VaccineCategory::pfizer_hub}),
        make_site("3110000078", "312029", {VaccineCategory::pfizer_child}),
        make_site("3110000086", "312037", {VaccineCategory::pfizer_hub}),
        make_site("3110000094", "312037", {VaccineCategory::pfizer_satellite}, "3110000086"),
        make_site("3110000102", "312037", {VaccineCategory::tm_general}),
        make_site("3190000001", "312011", {VaccineCategory::tm_workplace}),
    };
    std::vector<MunicipalityPopulation> populations = {
        {"312011", 188000, 170000, 10500}, {"312029", 147000, 133000, 8200}, {"312037", 46000, 41600, 2600}};
    Hierarchy hierarchy = build_hierarchy(sites);
    ChainWorld world{hierarchy, Catalog::builtin(), sites, populations};
    DocumentStore store;

    static Hierarchy build_hierarchy(const std::vector<Site>& sites) {
        std::vector<SiteRef> refs;
        for (const auto& s : sites) refs.push_back({s.kind, s.code, s.municipality});
        auto h = Hierarchy::build(refs);
        REQUIRE(h);
        return std::move(*h);
    }

    // Seals and applies a built version; answers its hash.
    std::string apply(Result<DocumentVersion> v) {
        REQUIRE_MESSAGE(v, (v ? std::string() : v.error().code + " " + v.error().detail));
        REQUIRE(sync::seal(*v));
        auto r = store.apply(*v, Origin::local);
        REQUIRE_MESSAGE(r, (r ? std::string() : r.error().code));
        return v->hash;
    }

    ChainState state(const char* org) {
        auto s = chain_state(world, store, round, org, today);
        REQUIRE(s);
        return *s;
    }
};

// The code of a refusal, or "" when the version was built.
inline std::string refusal(const Result<DocumentVersion>& v) { return v ? std::string() : v.error().code; }

}  // namespace vsys::chain_test
