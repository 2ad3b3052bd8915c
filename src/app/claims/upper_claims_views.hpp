// The claims seen from above as typed views (app/base/contract.hpp): the federation's (国保連)
// totals of a month (federation_totals), a municipality's claims about its residents
// (municipality_claims) and the legacy 接種券付き予診票 counts (claim_legacy: R533 per site,
// R313 per municipality). Their screens read these structs; window.vsys the same answers
// through to_json (view_claims.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "core/base/calendar.hpp"
#include "core/claims/claims_documents.hpp"

namespace vsys {

class App;

// A row of the federation's totals: a municipality of residence or a site, with its name.
struct ClaimTotalsRow {
    std::string code, name;
    ClaimCounts counts;
    Amounts amounts;
};

struct FederationTotalsView {
    std::string prefecture, name;  // the federation's prefecture and name
    YearMonth month;
    std::vector<ClaimTotalsRow> by_municipality, by_site;  // sorted by code
    ClaimCounts counts;
    Amounts total;
    std::int64_t claims = 0;  // the sites' submitted claims counted
    std::string csv, filename;
};

// {month, prefecture?}: prefecture defaults to the signed-in federation's.
struct FederationTotalsQuery {
    static constexpr const char* name = "federation_totals";
    using View = FederationTotalsView;
    YearMonth month;
    std::optional<std::string> prefecture;
    static Result<FederationTotalsQuery> read(const nlohmann::json& args);
    bool operator==(const FederationTotalsQuery&) const = default;
};
Result<Prepared<FederationTotalsView>> prepare(App& app, const FederationTotalsQuery& q);
nlohmann::json to_json(const FederationTotalsView& v);

// A site's claim about the municipality's residents (the core's), with the names users read.
struct ResidentsClaim {
    MunicipalityClaim claim;
    std::string site_name, payer_name;
};

struct MunicipalityClaimsView {
    std::string municipality, name;
    bool commissioned = false;  // its own sites' claims go through the federation
    YearMonth month;
    std::vector<ResidentsClaim> direct, via_federation;
    Amounts direct_total, federation_total, total;
};

// {month, municipality?}: municipality defaults to the signed-in municipality.
struct MunicipalityClaimsQuery {
    static constexpr const char* name = "municipality_claims";
    using View = MunicipalityClaimsView;
    YearMonth month;
    std::optional<std::string> municipality;
    static Result<MunicipalityClaimsQuery> read(const nlohmann::json& args);
    bool operator==(const MunicipalityClaimsQuery&) const = default;
};
Result<Prepared<MunicipalityClaimsView>> prepare(App& app, const MunicipalityClaimsQuery& q);
nlohmann::json to_json(const MunicipalityClaimsView& v);

struct LegacyCountRow {
    std::string site, site_name, municipality, municipality_name;
    YearMonth month;
    std::int64_t count = 0;
};

struct LegacyCountsView {
    std::string report;  // "R533" (a site's) or "R313" (a municipality's)
    std::string code, name;  // the site or municipality viewed
    std::vector<LegacyCountRow> rows;
    std::int64_t total = 0;
    std::string csv;
};

// {site} (R533) or {municipality} (R313): the historical counts, generated for the demo sites.
struct ClaimLegacyQuery {
    static constexpr const char* name = "claim_legacy";
    using View = LegacyCountsView;
    std::optional<std::string> site, municipality;
    static Result<ClaimLegacyQuery> read(const nlohmann::json& args);
    bool operator==(const ClaimLegacyQuery&) const = default;
};
Result<Prepared<LegacyCountsView>> prepare(App& app, const ClaimLegacyQuery& q);
nlohmann::json to_json(const LegacyCountsView& v);

}  // namespace vsys
