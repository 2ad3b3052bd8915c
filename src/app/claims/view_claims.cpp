// Fee claims seen from above (DOMAIN.md §6, upper_claims_views.hpp): the federation's (国保連)
// totals for its prefecture and a month, per municipality and per site, over the submitted
// claims routed through it; a municipality's claims about its residents, direct and via the
// federation; and the legacy 接種券付き予診票 counts (reports R533 per site, R313 per
// municipality). Totals come from the core (federation_totals, municipality_view) over the claim
// documents in the store, so they equal the sum of the sites' routed lines to the yen.
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/claims/claim_check_view.hpp"
#include "app/claims/claims_app.hpp"
#include "app/claims/upper_claims_views.hpp"
#include "core/claims/claims_csv.hpp"
#include "core/claims/claims_json.hpp"
#include "core/claims/claims_rules.hpp"

namespace vsys {

using nlohmann::json;

namespace {

// The code after "<prefix>:" in the user's own organisation id, or "".
std::string own_code(const App& app, std::string_view prefix) {
    const std::string& org = app.session().org;
    return org.rfind(std::string(prefix) + ":", 0) == 0 ? org.substr(prefix.size() + 1) : std::string();
}

std::string site_name(App& app, const std::string& code) {
    const Site* s = app.directory().generated_site(code);
    return s ? s->name : std::string();
}

ClaimTotalsRow totals_row(const TotalsRow& r, std::string name) { return {r.code, std::move(name), r.counts, r.amounts}; }

json to_json(const ClaimTotalsRow& r) {
    json j = {{"code", r.code}, {"name", r.name}};
    j.update(counts_json(r.counts));
    j.update(to_json(r.amounts));
    return j;
}

json to_json(const ResidentsClaim& m) {
    json row = to_json(m.claim);
    row["site_name"] = m.site_name;
    row["payer_name"] = m.payer_name;
    return row;
}

}  // namespace

Result<FederationTotalsQuery> FederationTotalsQuery::read(const json& j) {
    ArgReader r(j, {});
    std::string month_text = r.string("month");
    FederationTotalsQuery q;
    q.prefecture = r.optional_string("prefecture");
    if (auto e = r.finish()) return *e;
    auto month = parse_year_month(month_text);
    if (!month) return month.error();
    q.month = *month;
    return q;
}

Result<Prepared<FederationTotalsView>> prepare(App& app, const FederationTotalsQuery& q) {
    const std::string pref = q.prefecture.value_or(own_code(app, "federation"));
    if (pref.empty()) return Error{"arg.missing", "prefecture is missing", {{"name", "prefecture"}}};
    return Prepared<FederationTotalsView>{"federation:" + pref, [&app, pref, month = q.month]() -> Result<FederationTotalsView> {
                                              const auto claims = submitted_claims(app, month);
                                              auto t = federation_totals(pref, month, claims);
                                              if (!t) return t.error();
                                              FederationTotalsView v;
                                              v.prefecture = pref;
                                              v.name = payer_name({Payer::Kind::federation, pref});
                                              v.month = t->month;
                                              for (const auto& r : t->by_municipality)
                                                  v.by_municipality.push_back(totals_row(r, municipality_name(r.code)));
                                              for (const auto& r : t->by_site) v.by_site.push_back(totals_row(r, site_name(app, r.code)));
                                              v.counts = t->counts;
                                              v.total = t->total;
                                              v.claims = static_cast<std::int64_t>(t->by_site.size());
                                              v.csv = federation_totals_csv(*t);
                                              v.filename = "federation_" + pref + "_" + to_iso(month) + ".csv";
                                              return v;
                                          }};
}

json to_json(const FederationTotalsView& v) {
    json munis = json::array(), sites = json::array();
    for (const auto& r : v.by_municipality) munis.push_back(to_json(r));
    for (const auto& r : v.by_site) sites.push_back(to_json(r));
    return {{"federation", "federation:" + v.prefecture},
            {"month", to_iso(v.month)},
            {"by_municipality", std::move(munis)},
            {"by_site", std::move(sites)},
            {"counts", counts_json(v.counts)},
            {"total", to_json(v.total)},
            {"prefecture", v.prefecture},
            {"name", v.name},
            {"claims", v.claims},
            {"csv", v.csv},
            {"filename", v.filename}};
}

Result<MunicipalityClaimsQuery> MunicipalityClaimsQuery::read(const json& j) {
    ArgReader r(j, {});
    std::string month_text = r.string("month");
    MunicipalityClaimsQuery q;
    q.municipality = r.optional_string("municipality");
    if (auto e = r.finish()) return *e;
    auto month = parse_year_month(month_text);
    if (!month) return month.error();
    q.month = *month;
    return q;
}

Result<Prepared<MunicipalityClaimsView>> prepare(App& app, const MunicipalityClaimsQuery& q) {
    const std::string code = q.municipality.value_or(own_code(app, "muni"));
    if (code.empty()) return Error{"arg.missing", "municipality is missing", {{"name", "municipality"}}};
    return Prepared<MunicipalityClaimsView>{"muni:" + code, [&app, code, month = q.month]() -> Result<MunicipalityClaimsView> {
                                                const auto claims = submitted_claims(app, month);
                                                auto mv = municipality_view(code, month, claims);
                                                if (!mv) return mv.error();
                                                auto named = [&](const MunicipalityClaim& m) {
                                                    return ResidentsClaim{m, site_name(app, m.site), payer_name(m.payer)};
                                                };
                                                MunicipalityClaimsView v;
                                                v.municipality = code;
                                                v.name = municipality_name(code);
                                                v.commissioned = claims_routing(app).is_commissioned(code);
                                                v.month = month;
                                                for (const auto& m : mv->direct) v.direct.push_back(named(m));
                                                for (const auto& m : mv->via_federation) v.via_federation.push_back(named(m));
                                                v.direct_total = mv->direct_total;
                                                v.federation_total = mv->federation_total;
                                                v.total = mv->total;
                                                return v;
                                            }};
}

json to_json(const MunicipalityClaimsView& v) {
    json direct = json::array(), via = json::array();
    for (const auto& m : v.direct) direct.push_back(to_json(m));
    for (const auto& m : v.via_federation) via.push_back(to_json(m));
    return {{"municipality", v.municipality},
            {"name", v.name},
            {"commissioned", v.commissioned},
            {"month", to_iso(v.month)},
            {"direct", direct},
            {"via_federation", via},
            {"direct_total", to_json(v.direct_total)},
            {"federation_total", to_json(v.federation_total)},
            {"total", to_json(v.total)}};
}

Result<ClaimLegacyQuery> ClaimLegacyQuery::read(const json& j) {
    ArgReader r(j, {});
    ClaimLegacyQuery q;
    q.site = r.optional_string("site");
    q.municipality = r.optional_string("municipality");
    if (auto e = r.finish()) return *e;
    if (q.site.has_value() == q.municipality.has_value())
        return Error{"arg.missing", "give either site or municipality", {{"name", "site"}}};
    return q;
}

namespace {

LegacyCountsView legacy_counts(App& app, const LegacyView& lv, const char* report, std::string name) {
    LegacyCountsView v;
    v.report = report;
    v.code = lv.code;
    v.name = std::move(name);
    for (const auto& c : lv.rows)
        v.rows.push_back({c.site, site_name(app, c.site), c.municipality, municipality_name(c.municipality), c.month, c.count});
    v.total = lv.total;
    v.csv = legacy_view_csv(lv);
    return v;
}

}  // namespace

// The counts of the "ticket_forms" documents this device holds: the site's own (R533), or those
// of the municipality's residents, from its own sites and from sites elsewhere (R313).
Result<Prepared<LegacyCountsView>> prepare(App& app, const ClaimLegacyQuery& q) {
    const auto all_counts = [&app] {
        std::vector<LegacyTicketFormCount> counts;
        for (auto& doc : stored_ticket_forms(app))
            for (auto& c : doc.counts) counts.push_back(std::move(c));
        return counts;
    };
    if (q.site) {
        auto site = claims_site(app, *q.site);
        if (!site) return site.error();
        return Prepared<LegacyCountsView>{site_org_id(*site), [&app, site = *site, all_counts]() -> Result<LegacyCountsView> {
                                              const auto counts = all_counts();
                                              return legacy_counts(app, legacy_view_for_site(counts, site.code), "R533", site.name);
                                          }};
    }
    const std::string code = q.municipality.value_or("");
    if (auto st = check_municipality(code, "municipality"); !st) return st.error();
    return Prepared<LegacyCountsView>{"muni:" + code, [&app, code, all_counts]() -> Result<LegacyCountsView> {
                                          const auto counts = all_counts();
                                          return legacy_counts(app, legacy_view_for_municipality(counts, code), "R313",
                                                               municipality_name(code));
                                      }};
}

json to_json(const LegacyCountsView& v) {
    json rows = json::array();
    for (const auto& c : v.rows)
        rows.push_back({{"site", c.site},
                        {"site_name", c.site_name},
                        {"municipality", c.municipality},
                        {"municipality_name", c.municipality_name},
                        {"month", to_iso(c.month)},
                        {"count", c.count}});
    return {{"report", v.report}, {"code", v.code},   {"rows", rows},
            {"total", v.total},   {"csv", v.csv},     {"name", v.name}};
}

}  // namespace vsys
