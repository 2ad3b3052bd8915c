// Fee claims seen from above (DOMAIN.md §6): the federation's (国保連) totals for its prefecture
// and a month, per municipality and per site, over the submitted claims routed through it; a
// municipality's claims about its residents, direct and via the federation; and the legacy
// 接種券付き予診票 counts (reports R533 per site, R313 per municipality). Totals come from the
// core (federation_totals, municipality_view) over the claim documents in the store, so they
// equal the sum of the sites' routed lines to the yen.
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/claims/claims_app.hpp"
#include "core/claims/claims_csv.hpp"
#include "core/claims/claims_json.hpp"
#include "core/claims/claims_rules.hpp"

namespace vsys {

namespace {

using nlohmann::json;

// The code after "<prefix>:" in the user's own organisation id, or "".
std::string own_code(const App& app, std::string_view prefix) {
    const std::string& org = app.session().org;
    return org.rfind(std::string(prefix) + ":", 0) == 0 ? org.substr(prefix.size() + 1) : std::string();
}

std::string site_name(App& app, const std::string& code) {
    const Site* s = app.directory().generated_site(code);
    return s ? s->name : std::string();
}

// {month, prefecture?}: prefecture defaults to the signed-in federation's.
Result<PreparedView> prepare_federation_totals(App& app, const json& j) {
    ArgReader r(j, {});
    std::string month_text = r.string("month");
    std::string pref = r.optional_string("prefecture").value_or(own_code(app, "federation"));
    if (auto e = r.finish()) return *e;
    auto month = parse_year_month(month_text);
    if (!month) return month.error();
    if (pref.empty()) return Error{"arg.missing", "prefecture is missing", {{"name", "prefecture"}}};
    return PreparedView{"federation:" + pref, [&app, pref, month = *month]() -> Result<json> {
                            const auto claims = submitted_claims(app, month);
                            auto t = federation_totals(pref, month, claims);
                            if (!t) return t.error();
                            json out = to_json(*t);
                            for (auto& row : out["by_municipality"])
                                row["name"] = municipality_name(row["code"].get<std::string>());
                            for (auto& row : out["by_site"]) row["name"] = site_name(app, row["code"].get<std::string>());
                            out["prefecture"] = pref;
                            out["name"] = payer_name({Payer::Kind::federation, pref});
                            out["claims"] = t->by_site.size();
                            out["csv"] = federation_totals_csv(*t);
                            out["filename"] = "federation_" + pref + "_" + to_iso(month) + ".csv";
                            return out;
                        }};
}

json municipality_claim_row(App& app, const MunicipalityClaim& m) {
    json row = to_json(m);
    row["site_name"] = site_name(app, m.site);
    row["payer_name"] = payer_name(m.payer);
    return row;
}

// {month, municipality?}: municipality defaults to the signed-in municipality.
Result<PreparedView> prepare_municipality_claims(App& app, const json& j) {
    ArgReader r(j, {});
    std::string month_text = r.string("month");
    std::string code = r.optional_string("municipality").value_or(own_code(app, "muni"));
    if (auto e = r.finish()) return *e;
    auto month = parse_year_month(month_text);
    if (!month) return month.error();
    if (code.empty()) return Error{"arg.missing", "municipality is missing", {{"name", "municipality"}}};
    return PreparedView{"muni:" + code, [&app, code, month = *month]() -> Result<json> {
                            const auto claims = submitted_claims(app, month);
                            auto v = municipality_view(code, month, claims);
                            if (!v) return v.error();
                            json direct = json::array(), via = json::array();
                            for (const auto& m : v->direct) direct.push_back(municipality_claim_row(app, m));
                            for (const auto& m : v->via_federation) via.push_back(municipality_claim_row(app, m));
                            return json{{"municipality", code},
                                        {"name", municipality_name(code)},
                                        {"commissioned", claims_routing(app).is_commissioned(code)},
                                        {"month", to_iso(month)},
                                        {"direct", direct},
                                        {"via_federation", via},
                                        {"direct_total", to_json(v->direct_total)},
                                        {"federation_total", to_json(v->federation_total)},
                                        {"total", to_json(v->total)}};
                        }};
}

json legacy_json(App& app, const LegacyView& v, const char* report) {
    json rows = json::array();
    for (const auto& c : v.rows)
        rows.push_back({{"site", c.site},
                        {"site_name", site_name(app, c.site)},
                        {"municipality", c.municipality},
                        {"municipality_name", municipality_name(c.municipality)},
                        {"month", to_iso(c.month)},
                        {"count", c.count}});
    return {{"report", report}, {"code", v.code}, {"demo", true}, {"rows", rows},
            {"total", v.total}, {"csv", legacy_view_csv(v)}};
}

// {site} (R533) or {municipality} (R313): the historical counts, generated for the demo sites.
Result<PreparedView> prepare_claim_legacy(App& app, const json& j) {
    ArgReader r(j, {});
    auto site_code = r.optional_string("site");
    auto muni = r.optional_string("municipality");
    if (auto e = r.finish()) return *e;
    if (site_code.has_value() == muni.has_value())
        return Error{"arg.missing", "give either site or municipality", {{"name", "site"}}};
    const std::uint64_t seed = app.directory().demo().seed;
    if (site_code) {
        auto site = claims_site(app, *site_code);
        if (!site) return site.error();
        return PreparedView{site_org_id(*site), [&app, site = *site, seed]() -> Result<json> {
                                const auto counts = demo_legacy_counts_for_site(site, seed);
                                json out = legacy_json(app, legacy_view_for_site(counts, site.code), "R533");
                                out["name"] = site.name;
                                return out;
                            }};
    }
    if (auto st = check_municipality(*muni, "municipality"); !st) return st.error();
    return PreparedView{"muni:" + *muni, [&app, code = *muni, seed]() -> Result<json> {
                            std::vector<LegacyTicketFormCount> counts;
                            for (const auto& s : app.directory().demo().sites)
                                if (s.municipality == code)
                                    for (auto& c : demo_legacy_counts_for_site(s, seed)) counts.push_back(std::move(c));
                            json out = legacy_json(app, legacy_view_for_municipality(counts, code), "R313");
                            out["name"] = municipality_name(code);
                            return out;
                        }};
}

const ViewEntry k_views[] = {{"federation_totals", prepare_federation_totals},
                             {"municipality_claims", prepare_municipality_claims},
                             {"claim_legacy", prepare_claim_legacy}};

}  // namespace

std::span<const ViewEntry> claims_upper_views() { return k_views; }

}  // namespace vsys
