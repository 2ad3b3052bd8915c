// The national demo data set, generated deterministically from a seed (the same bytes natively
// and in wasm: integer arithmetic and DemoRng only). What is real and what is synthetic:
//   real       the 47 prefectures and 1,741 active municipalities (local_gov.hpp) and each
//              prefecture's 2020 census total (assets/master/census_2020.tsv)
//   synthetic  the split of each prefecture total over its municipalities (type-based weights),
//              the eligible (12+) and child (5-11) shares (k_demo_shares, an assumption), every
//              site, venue, doctor and account. The UI must label these as synthetic.
// Invariants: each prefecture's municipal totals add up to its census total exactly (largest
// remainder), and likewise its eligible and child populations to the prefecture's shares; every
// active municipality has at least one site, a hub among them; every site is valid (site.hpp),
// codes are unique, a satellite's hub is a hub of the same municipality.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/directory/hierarchy.hpp"
#include "core/directory/site.hpp"

namespace vsys {

struct CensusRow {
    std::string code;  // prefecture code (6 digits)
    std::string name;
    std::int64_t total = 0;
};
// The 47 rows of assets/master/census_2020.tsv, in prefecture order. Parsed once.
std::span<const CensusRow> census_2020();

// Assumed age shares, in units of 1/10,000 of the total population (labelled synthetic). The
// derivation is an assumption, not a statistical table: children under 15 were about 11.9 % of
// the population in the 2020 census; spread evenly over 15 years of age that is ~0.79 % a year,
// so ages 0-11 are ~9.5 % (12+ = 90.50 %) and ages 5-11 are ~5.6 % (5.60 %). Every municipality
// gets the same shares.
struct PopulationShares {
    std::int64_t eligible_per_10000 = 9050;
    std::int64_t child_per_10000 = 560;
};
inline constexpr PopulationShares k_demo_shares{};

struct DemoOptions {
    std::uint64_t seed = 1;
    std::uint32_t sites = 70000;  // 医療機関・接種会場, at least one per active municipality
    std::uint32_t venues = 1000;  // 職域接種会場, in municipalities of 100,000 people or more
};

struct MunicipalityPopulation {
    std::string code;  // municipality code
    std::int64_t total = 0;
    std::int64_t eligible = 0;  // 12+
    std::int64_t child = 0;     // 5-11
};

// Plain account data, one per organisation; credentials are not generated here (demo mode
// shares one demo password). V-SYS ID: "V" + a role letter + the organisation's code, e.g.
// VM131016 (N nation, P prefecture, M municipality, S site, W workplace venue, F federation,
// H support), so a demo user can type it from the organisation's code.
struct DemoAccount {
    std::string vsys_id;
    std::string name;  // a synthetic person's name
    std::string role;  // "nation", "prefecture", "municipality", "site", "workplace_venue", "federation", "support"
    std::string org;   // organisation id (document.hpp)
};

struct DemoData {
    std::uint64_t seed = 0;
    PopulationShares shares;
    std::vector<MunicipalityPopulation> populations;  // every active municipality, local_gov order
    std::vector<Site> sites;                          // sites and venues, grouped by municipality
    std::vector<DemoAccount> accounts;

    // Views for Hierarchy::build; valid while `sites` is unchanged.
    std::vector<SiteRef> site_refs() const;
};

DemoData generate_demo_data(const DemoOptions& options);

}  // namespace vsys
