// Fee claims, the site's side (DOMAIN.md §6, docs/CLAIMS.md): a site enters a vaccination
// month of claims for the municipalities of residence of the people it vaccinated, saves it
// as often as it likes, then submits it once; its municipality may do the same on its behalf
// (代行入力: the versions are marked proxy); a municipality sets whether it has commissioned
// the federation. Documents: see claims_app.hpp. Every rule is the core's (compute_claim); the
// app adds the month's state (submitted claims are final) and "today" from the device clock.
#include <algorithm>
#include <memory>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/claims/claims_app.hpp"
#include "app/claims/number_rules.hpp"
#include "core/claims/claims_csv.hpp"
#include "core/claims/claims_json.hpp"
#include "core/claims/claims_print.hpp"
#include "core/claims/claims_routing.hpp"
#include "core/claims/claims_rules.hpp"

namespace vsys {

namespace {

using nlohmann::json;

const char* const k_line_fields[] = {"municipality", "form",    "category",      "normal",
                                     "outside_hours", "holiday", "pre_exam_only", "under_6"};

// Lines are read by the core (types, forms, categories); here only their shape is strict: an
// array of objects without unknown fields, so a typo never silently drops a count.
std::optional<Error> check_line_fields(const json& j) {
    const auto it = j.find("lines");
    if (it == j.end()) return Error{"arg.missing", "field 'lines' is missing", {{"name", "lines"}}};
    if (!it->is_array()) return Error{"arg.type", "lines must be an array", {{"name", "lines"}, {"expected", "array"}}};
    for (const auto& line : *it) {
        if (!line.is_object())
            return Error{"arg.type", "a line must be an object", {{"name", "lines"}, {"expected", "object"}}};
        for (auto f = line.begin(); f != line.end(); ++f)
            if (std::none_of(std::begin(k_line_fields), std::end(k_line_fields),
                             [&](const char* k) { return f.key() == k; }))
                return Error{"arg.unknown", "unknown field '" + f.key() + "'", {{"name", f.key()}}};
    }
    return std::nullopt;
}

// The counts of the lines as the claims screen reads them (app/claims/number_rules.hpp): a
// count may come as the text typed (「１２」), and one out of range is refused with the
// screen's message naming the column, before the core's own checks.
Result<json> counts_read(json lines) {
    static const std::pair<const char*, const char*> k_counts[] = {{"normal", "claims.col.normal"},
                                                                   {"outside_hours", "claims.col.outside_hours"},
                                                                   {"holiday", "claims.col.holiday"},
                                                                   {"pre_exam_only", "claims.col.pre_exam_only"},
                                                                   {"under_6", "claims.col.under_6"}};
    for (auto& line : lines)
        for (const auto& [key, label] : k_counts) {
            auto it = line.find(key);
            if (it == line.end() || !(it->is_string() || it->is_number_integer())) continue;  // the codec names it
            const json field = {{key, *it}};  // ArgReader keeps a reference: not a temporary
            ArgReader r(field, {});
            const std::int64_t n = r.number(key, claim_count_rule(label));
            if (auto e = r.finish()) return *e;
            *it = n;
        }
    return lines;
}

Result<YearMonth> month_arg(const std::string& text) { return parse_year_month(text); }

// The site's claim document of a month, if any.
const DocumentVersion* claim_document(App& app, const Site& site, const YearMonth& month) {
    return app.current(site_org_id(site), k_claim_kind, to_iso(month));
}

// {type: "save_claim", site, month: "YYYY-MM", lines: [{municipality, form, category, normal,
//  outside_hours, holiday, pre_exam_only, under_6?}]}
Result<PreparedCommand> prepare_save_claim(App& app, const json& j) {
    ArgReader r(j, {"type", "lines"});
    std::string code = r.string("site");
    std::string month = r.string("month");
    if (auto e = r.finish()) return *e;
    if (auto e = check_line_fields(j)) return *e;
    auto site = claims_site(app, code);
    if (!site) return site.error();
    if (auto e = claims_entry_refusal(app, *site)) return *e;
    auto lines = counts_read(j["lines"]);
    if (!lines) return lines.error();
    auto entry = site_claim_from_json(
        {{"site", code}, {"site_municipality", site->municipality}, {"month", month}, {"lines", *lines}});
    if (!entry) return entry.error();
    auto computed = std::make_shared<ComputedClaim>();
    PreparedCommand p;
    p.target_org = site_org_id(*site);
    p.apply = [&app, site = *site, entry = *entry, computed]() -> Result<Versions> {
        if (const auto* cur = claim_document(app, site, entry.month))
            if (auto stored = stored_claim_from_body(cur->body); stored && stored->submitted)
                return Error{"claims.already_submitted", "this month is already submitted", {{"month", to_iso(entry.month)}}};
        auto c = compute_claim(entry, claims_routing(app), claims_today(app));
        if (!c) return c.error();
        *computed = std::move(*c);
        json body = to_json(entry);
        body["submitted"] = false;
        auto v = app.successor(site_org_id(site), k_claim_kind, to_iso(entry.month), std::move(body));
        if (!v) return v.error();
        return Versions{*v};
    };
    p.answer = [computed]() { return json{{"claim", to_json(*computed)}}; };
    return p;
}

// {type: "submit_claim", site, month}: the saved month becomes final (a new version with
// "submitted": true, addressed to its payers). The UI asks for confirmation first.
Result<PreparedCommand> prepare_submit_claim(App& app, const json& j) {
    ArgReader r(j);
    std::string code = r.string("site");
    std::string month_text = r.string("month");
    if (auto e = r.finish()) return *e;
    auto month = month_arg(month_text);
    if (!month) return month.error();
    auto site = claims_site(app, code);
    if (!site) return site.error();
    if (auto e = claims_entry_refusal(app, *site)) return *e;
    auto computed = std::make_shared<ComputedClaim>();
    PreparedCommand p;
    p.target_org = site_org_id(*site);
    p.apply = [&app, site = *site, month = *month, computed]() -> Result<Versions> {
        const auto* cur = claim_document(app, site, month);
        if (!cur) return Error{"claims.not_saved", "no saved claim for this month", {{"month", to_iso(month)}}};
        auto stored = stored_claim_from_body(cur->body);
        if (!stored) return stored.error();
        if (stored->submitted)
            return Error{"claims.already_submitted", "this month is already submitted", {{"month", to_iso(month)}}};
        auto c = compute_claim(stored->entry, claims_routing(app), claims_today(app));
        if (!c) return c.error();
        *computed = std::move(*c);
        std::vector<std::string> to;
        for (const auto& m : municipality_claims(*computed))
            for (auto& o : m.addressed_to()) to.push_back(std::move(o));
        std::sort(to.begin(), to.end());
        to.erase(std::unique(to.begin(), to.end()), to.end());
        json body = cur->body;
        body["submitted"] = true;
        body["addressed_to"] = to;
        auto v = app.successor(site_org_id(site), k_claim_kind, to_iso(month), std::move(body));
        if (!v) return v.error();
        return Versions{*v};
    };
    p.answer = [computed]() { return json{{"claim", to_json(*computed)}}; };
    return p;
}

// {type: "set_claim_routing", municipality, commissioned: bool}
Result<PreparedCommand> prepare_set_claim_routing(App& app, const json& j) {
    ArgReader r(j);
    std::string code = r.string("municipality");
    auto commissioned = r.optional_bool("commissioned");
    if (auto e = r.finish()) return *e;
    if (!commissioned) return Error{"arg.missing", "commissioned is missing", {{"name", "commissioned"}}};
    if (auto st = check_municipality(code, "municipality"); !st) return st.error();
    PreparedCommand p;
    p.target_org = "muni:" + code;
    p.apply = [&app, code, on = *commissioned]() -> Result<Versions> {
        auto v = app.successor("muni:" + code, k_claim_routing_kind, "main", {{"commissioned", on}});
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

json payer_json(const Payer& p) { return {{"id", p.str()}, {"name", payer_name(p)}}; }

// {site, month}: the saved entry, and, when it keeps the rules, its priced lines and totals.
Result<PreparedView> prepare_claim_view(App& app, const json& j) {
    ArgReader r(j, {});
    std::string code = r.string("site");
    std::string month_text = r.string("month");
    if (auto e = r.finish()) return *e;
    auto month = month_arg(month_text);
    if (!month) return month.error();
    auto site = claims_site(app, code);
    if (!site) return site.error();
    return PreparedView{site_org_id(*site), [&app, site = *site, month = *month]() -> Result<json> {
                            json out = {{"site", site.code},
                                        {"site_name", site.name},
                                        {"site_municipality", site.municipality},
                                        {"site_municipality_name", municipality_name(site.municipality)},
                                        {"month", to_iso(month)},
                                        {"today", to_iso(claims_today(app))},
                                        {"saved", false},
                                        {"submitted", false},
                                        {"lines", json::array()}};
                            if (auto d = claim_deadline(month)) {
                                out["deadline"] = to_iso(*d);
                                if (auto w = format_reiwa(*d)) out["deadline_reiwa"] = *w;
                            }
                            const DocumentVersion* doc = claim_document(app, site, month);
                            if (!doc) return out;
                            auto stored = stored_claim_from_body(doc->body);
                            if (!stored) return stored.error();
                            out["saved"] = true;
                            out["submitted"] = stored->submitted;
                            out["version"] = doc->version;
                            out["time"] = doc->time;
                            out["author"] = doc->author;
                            out["proxy"] = doc->proxy;
                            out["lines"] = to_json(stored->entry)["lines"];
                            auto c = compute_claim(stored->entry, claims_routing(app), claims_today(app));
                            if (!c) {
                                out["valid"] = false;
                                out["error"] = app.error_json(c.error())["error"];
                                return out;
                            }
                            out["valid"] = true;
                            json priced = to_json(*c);
                            for (std::size_t i = 0; i < c->lines.size(); ++i) {
                                priced["lines"][i]["municipality_name"] = municipality_name(c->lines[i].line.municipality);
                                priced["lines"][i]["payer_name"] = payer_name(c->lines[i].payer);
                            }
                            out["lines"] = priced["lines"];
                            out["fees"] = priced["fees"];
                            out["total"] = priced["total"];
                            json payers = json::array();
                            for (const auto& m : municipality_claims(*c)) {
                                json pj = payer_json(m.payer);
                                if (std::find(payers.begin(), payers.end(), pj) == payers.end()) payers.push_back(pj);
                            }
                            out["payers"] = payers;
                            return out;
                        }};
}

// {site, month}: the print views (HTML) and CSV of every 市区町村別請求書 of the month and of its
// 請求総括書 (null when nothing goes through the federation).
Result<PreparedView> prepare_claim_print_view(App& app, const json& j) {
    ArgReader r(j, {});
    std::string code = r.string("site");
    std::string month_text = r.string("month");
    if (auto e = r.finish()) return *e;
    auto month = month_arg(month_text);
    if (!month) return month.error();
    auto site = claims_site(app, code);
    if (!site) return site.error();
    return PreparedView{site_org_id(*site), [&app, site = *site, month = *month]() -> Result<json> {
                            const DocumentVersion* doc = claim_document(app, site, month);
                            if (!doc) return Error{"claims.not_saved", "no saved claim", {{"month", to_iso(month)}}};
                            auto stored = stored_claim_from_body(doc->body);
                            if (!stored) return stored.error();
                            auto c = compute_claim(stored->entry, claims_routing(app), claims_today(app));
                            if (!c) return c.error();
                            const ClaimParty party = claims_party(site);
                            const std::string stem = "claim_" + site.code + "_" + to_iso(month);
                            json docs = json::array();
                            for (const auto& m : municipality_claims(*c))
                                docs.push_back({{"municipality", m.municipality},
                                                {"name", municipality_name(m.municipality)},
                                                {"payer", payer_json(m.payer)},
                                                {"total", to_json(m.total)},
                                                {"html", municipality_claim_html(m, party)},
                                                {"csv", municipality_claim_csv(m, party)},
                                                {"filename", stem + "_" + m.municipality + ".csv"}});
                            json summary = nullptr;
                            const ClaimSummary s = claim_summary(*c);
                            if (!s.rows.empty())
                                summary = {{"federation", payer_json({Payer::Kind::federation, s.prefecture})},
                                           {"total", to_json(s.total)},
                                           {"html", claim_summary_html(s, party)},
                                           {"csv", claim_summary_csv(s, party)},
                                           {"filename", stem + "_summary.csv"}};
                            return json{{"site", site.code}, {"month", to_iso(month)}, {"submitted", stored->submitted},
                                        {"municipalities", docs}, {"summary", summary}};
                        }};
}

const CommandEntry k_commands[] = {{"save_claim", prepare_save_claim},
                                   {"submit_claim", prepare_submit_claim},
                                   {"set_claim_routing", prepare_set_claim_routing}};

}  // namespace

std::span<const CommandEntry> claims_commands() { return k_commands; }

std::span<const ViewEntry> claims_views() {
    static const std::vector<ViewEntry> table = [] {
        std::vector<ViewEntry> v = {{"claim", prepare_claim_view}, {"claim_print", prepare_claim_print_view}};
        for (const auto& e : claims_upper_views()) v.push_back(e);
        for (const auto& e : claims_entry_views()) v.push_back(e);
        return v;
    }();
    return table;
}

}  // namespace vsys
