// Views claim and claim_print (claim_view.hpp): a site's month as saved, priced by the core
// when it keeps the rules, and its documents; each answer's one JSON codec for window.vsys.
#include <algorithm>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/claims/claim_view.hpp"
#include "app/claims/claims_app.hpp"
#include "core/base/input.hpp"
#include "core/claims/claims_csv.hpp"
#include "core/claims/claims_json.hpp"
#include "core/claims/claims_print.hpp"
#include "core/claims/claims_routing.hpp"
#include "core/claims/claims_rules.hpp"

namespace vsys {

using nlohmann::json;

ShownError shown_error(const App& app, const Error& e) {
    ShownError s{input::for_display(e), {}};
    s.message = app.error_text(s.error);
    return s;
}

json to_json(const ShownError& e) {
    json err = {{"code", e.error.code}, {"message", e.message}};
    if (!e.error.args.empty()) {
        json args = json::object();
        for (const auto& [k, v] : e.error.args) args[k] = v;
        err["args"] = args;
    }
    return err;
}

namespace {

// {site, month}, month "YYYY-MM".
Result<std::pair<std::string, YearMonth>> site_month(const json& j) {
    ArgReader r(j, {});
    std::string code = r.string("site");
    std::string month_text = r.string("month");
    if (auto e = r.finish()) return *e;
    auto month = parse_year_month(month_text);
    if (!month) return month.error();
    return std::pair{code, *month};
}

const DocumentVersion* claim_document(App& app, const Site& site, const YearMonth& month) {
    return app.current(site_org_id(site), k_claim_kind, to_iso(month));
}

PayerRef payer_ref(const Payer& p) { return {p, payer_name(p)}; }

json to_json(const PayerRef& p) { return {{"id", p.payer.str()}, {"name", p.name}}; }

PricedClaim priced_claim(ComputedClaim c) {
    PricedClaim p;
    for (const auto& l : c.lines) p.names.push_back({municipality_name(l.line.municipality), payer_name(l.payer)});
    for (const auto& m : municipality_claims(c))
        if (std::none_of(p.payers.begin(), p.payers.end(), [&](const PayerRef& r) { return r.payer == m.payer; }))
            p.payers.push_back(payer_ref(m.payer));
    p.claim = std::move(c);
    return p;
}

json document_json(const ClaimDocument& d, const char* payer_key) {
    return {{payer_key, to_json(d.payer)}, {"total", to_json(d.total)}, {"html", d.html}, {"csv", d.csv}, {"filename", d.filename}};
}

}  // namespace

Result<ClaimQuery> ClaimQuery::read(const json& args) {
    auto sm = site_month(args);
    if (!sm) return sm.error();
    return ClaimQuery{sm->first, sm->second};
}

Result<Prepared<ClaimView>> prepare(App& app, const ClaimQuery& q) {
    auto site = claims_site(app, q.site);
    if (!site) return site.error();
    return Prepared<ClaimView>{site_org_id(*site), [&app, site = *site, month = q.month]() -> Result<ClaimView> {
                                   ClaimView v;
                                   v.site = site.code;
                                   v.site_name = site.name;
                                   v.site_municipality = site.municipality;
                                   v.site_municipality_name = municipality_name(site.municipality);
                                   v.month = month;
                                   v.today = claims_today(app);
                                   if (auto d = claim_deadline(month)) {
                                       v.deadline = *d;
                                       if (auto w = format_reiwa(*d)) v.deadline_reiwa = *w;
                                   }
                                   const DocumentVersion* doc = claim_document(app, site, month);
                                   if (!doc) return v;
                                   auto stored = stored_claim_from_body(doc->body);
                                   if (!stored) return stored.error();
                                   v.saved = true;
                                   v.submitted = stored->submitted;
                                   v.version = doc->version;
                                   v.time = doc->time;
                                   v.author = doc->author;
                                   v.proxy = doc->proxy;
                                   v.lines = stored->entry.lines;
                                   auto c = compute_claim(stored->entry, claims_routing(app), claims_today(app));
                                   if (c) v.priced = priced_claim(std::move(*c));
                                   else v.error = shown_error(app, c.error());
                                   return v;
                               }};
}

json to_json(const ClaimView& v) {
    json out = {{"site", v.site},
                {"site_name", v.site_name},
                {"site_municipality", v.site_municipality},
                {"site_municipality_name", v.site_municipality_name},
                {"month", to_iso(v.month)},
                {"today", to_iso(v.today)},
                {"saved", v.saved},
                {"submitted", v.submitted},
                {"lines", claim_lines_json(v.lines)}};
    if (v.deadline) out["deadline"] = to_iso(*v.deadline);
    if (v.deadline_reiwa) out["deadline_reiwa"] = *v.deadline_reiwa;
    if (!v.saved) return out;
    out["version"] = v.version;
    out["time"] = v.time;
    out["author"] = v.author;
    out["proxy"] = v.proxy;
    out["valid"] = v.priced.has_value();
    if (v.error) out["error"] = to_json(*v.error);
    if (!v.priced) return out;
    json priced = to_json(v.priced->claim);
    for (std::size_t i = 0; i < v.priced->names.size(); ++i) {
        priced["lines"][i]["municipality_name"] = v.priced->names[i].municipality_name;
        priced["lines"][i]["payer_name"] = v.priced->names[i].payer_name;
    }
    out["lines"] = priced["lines"];
    out["fees"] = priced["fees"];
    out["total"] = priced["total"];
    json payers = json::array();
    for (const auto& p : v.priced->payers) payers.push_back(to_json(p));
    out["payers"] = payers;
    return out;
}

Result<ClaimPrintQuery> ClaimPrintQuery::read(const json& args) {
    auto sm = site_month(args);
    if (!sm) return sm.error();
    return ClaimPrintQuery{sm->first, sm->second};
}

// The print views (HTML) and CSV of every 市区町村別請求書 of the month and of its 請求総括書.
Result<Prepared<ClaimPrintView>> prepare(App& app, const ClaimPrintQuery& q) {
    auto site = claims_site(app, q.site);
    if (!site) return site.error();
    return Prepared<ClaimPrintView>{
        site_org_id(*site), [&app, site = *site, month = q.month]() -> Result<ClaimPrintView> {
            const DocumentVersion* doc = claim_document(app, site, month);
            if (!doc) return Error{"claims.not_saved", "no saved claim", {{"month", to_iso(month)}}};
            auto stored = stored_claim_from_body(doc->body);
            if (!stored) return stored.error();
            auto c = compute_claim(stored->entry, claims_routing(app), claims_today(app));
            if (!c) return c.error();
            const ClaimParty party = claims_party(site);
            const std::string stem = "claim_" + site.code + "_" + to_iso(month);
            ClaimPrintView v;
            v.site = site.code;
            v.month = month;
            v.submitted = stored->submitted;
            for (const auto& m : municipality_claims(*c)) {
                MunicipalityClaimDocument d;
                d.payer = payer_ref(m.payer);
                d.total = m.total;
                d.html = municipality_claim_html(m, party);
                d.csv = municipality_claim_csv(m, party);
                d.filename = stem + "_" + m.municipality + ".csv";
                d.municipality = m.municipality;
                d.name = municipality_name(m.municipality);
                v.municipalities.push_back(std::move(d));
            }
            const ClaimSummary s = claim_summary(*c);
            if (!s.rows.empty())
                v.summary = ClaimDocument{payer_ref({Payer::Kind::federation, s.prefecture}), s.total,
                                          claim_summary_html(s, party), claim_summary_csv(s, party), stem + "_summary.csv"};
            return v;
        }};
}

json to_json(const ClaimPrintView& v) {
    json docs = json::array();
    for (const auto& d : v.municipalities) {
        json j = document_json(d, "payer");
        j["municipality"] = d.municipality;
        j["name"] = d.name;
        docs.push_back(std::move(j));
    }
    return {{"site", v.site},
            {"month", to_iso(v.month)},
            {"submitted", v.submitted},
            {"municipalities", docs},
            {"summary", v.summary ? document_json(*v.summary, "federation") : json(nullptr)}};
}

}  // namespace vsys
