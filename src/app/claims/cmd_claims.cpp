// Fee claims, the site's side (DOMAIN.md §6, docs/CLAIMS.md): a site enters a vaccination
// month of claims for the municipalities of residence of the people it vaccinated, saves it
// as often as it likes, then submits it once; its municipality may do the same on its behalf
// (代行入力: the versions are marked proxy); a municipality sets whether it has commissioned
// the federation. The commands are typed (claim_commands.hpp); documents: see claims_app.hpp.
// Every rule is the core's (compute_claim); the app adds the month's state (submitted claims
// are final) and "today" from the device clock. The claims' tables of commands and views end
// this file.
#include <algorithm>
#include <memory>
#include <set>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/claims/claim_check_view.hpp"
#include "app/claims/claim_commands.hpp"
#include "app/claims/claim_view.hpp"
#include "app/claims/claims_app.hpp"
#include "app/claims/number_rules.hpp"
#include "app/claims/upper_claims_views.hpp"
#include "core/claims/claims_json.hpp"
#include "core/claims/claims_routing.hpp"
#include "core/claims/claims_rules.hpp"

namespace vsys {

namespace {

using nlohmann::json;

const char* const k_line_fields[] = {"municipality", "form",    "category",      "normal",
                                     "outside_hours", "holiday", "pre_exam_only", "under_6"};

// The counts of a line with the label of their column (app/claims/number_rules.hpp).
struct CountColumn {
    const char* key;
    const char* label;
    std::int64_t ClaimCounts::*member;
};
constexpr CountColumn k_counts[] = {{"normal", "claims.col.normal", &ClaimCounts::normal},
                                    {"outside_hours", "claims.col.outside_hours", &ClaimCounts::outside_hours},
                                    {"holiday", "claims.col.holiday", &ClaimCounts::holiday},
                                    {"pre_exam_only", "claims.col.pre_exam_only", &ClaimCounts::pre_exam_only},
                                    {"under_6", "claims.col.under_6", &ClaimCounts::under_6}};

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

// The counts of the lines as the claims screen reads them: a count may come as the text typed
// (「１２」), and one out of range is refused with the screen's message naming the column,
// before the core's own checks.
Result<json> counts_read(json lines) {
    for (auto& line : lines)
        for (const auto& c : k_counts) {
            auto it = line.find(c.key);
            if (it == line.end() || !(it->is_string() || it->is_number_integer())) continue;  // the codec names it
            const json field = {{c.key, *it}};  // ArgReader keeps a reference: not a temporary
            ArgReader r(field, {});
            const std::int64_t n = r.number(c.key, claim_count_rule(c.label));
            if (auto e = r.finish()) return *e;
            *it = n;
        }
    return lines;
}

// The same rule for lines that arrive typed (the screen's buffer): each count in its range.
std::optional<Error> counts_check(const std::vector<ClaimLine>& lines) {
    for (const auto& l : lines)
        for (const auto& c : k_counts)
            if (auto n = check_number(l.counts.*c.member, claim_count_rule(c.label)); !n) return n.error();
    return std::nullopt;
}

// The site's claim document of a month, if any.
const DocumentVersion* claim_document(App& app, const Site& site, const YearMonth& month) {
    return app.current(site_org_id(site), k_claim_kind, to_iso(month));
}

// The order of refusals window.vsys has always met: a request well formed so far (its
// arguments, and for save_claim the shape of its lines) for a site that does not exist, or that
// this municipality may not enter, is refused for that before its lines are read. The typed
// prepare checks the site again (screens never send another municipality's site).
std::optional<Error> site_refusal_first(App& app, const json& j, std::set<std::string> ignored, bool line_fields) {
    ArgReader r(j, std::move(ignored));
    const std::string code = r.string("site");
    r.string("month");
    if (r.finish()) return std::nullopt;  // the codec names it
    if (line_fields && check_line_fields(j)) return std::nullopt;
    auto site = claims_site(app, code);
    if (!site) return site.error();
    return claims_entry_refusal(app, *site);
}

}  // namespace

Result<SaveClaim> SaveClaim::read(const json& j) {
    ArgReader r(j, {"type", "lines"});
    SaveClaim c;
    c.site = r.string("site");
    std::string month = r.string("month");
    if (auto e = r.finish()) return *e;
    if (auto e = check_line_fields(j)) return *e;
    auto lines = counts_read(j["lines"]);
    if (!lines) return lines.error();
    // Through the core's reader of a claim, the only reader of lines (the site is the rules').
    auto entry = site_claim_from_json({{"site", c.site}, {"site_municipality", ""}, {"month", month}, {"lines", *lines}});
    if (!entry) return entry.error();
    c.month = entry->month;
    c.lines = std::move(entry->lines);
    return c;
}

Result<PreparedCommand> prepare(App& app, const SaveClaim& c) {
    auto site = claims_site(app, c.site);
    if (!site) return site.error();
    if (auto e = claims_entry_refusal(app, *site)) return *e;
    if (auto e = counts_check(c.lines)) return *e;
    const SiteClaim entry{c.site, site->municipality, c.month, c.lines};
    auto computed = std::make_shared<ComputedClaim>();
    PreparedCommand p;
    p.target_org = site_org_id(*site);
    p.apply = [&app, site = *site, entry, computed]() -> Result<Versions> {
        if (const auto* cur = claim_document(app, site, entry.month))
            if (auto stored = stored_claim_from_body(cur->body); stored && stored->submitted)
                return Error{"claims.already_submitted", "this month is already submitted", {{"month", to_iso(entry.month)}}};
        auto cc = compute_claim(entry, claims_routing(app), claims_today(app));
        if (!cc) return cc.error();
        *computed = std::move(*cc);
        json body = to_json(entry);
        body["submitted"] = false;
        auto v = app.successor(site_org_id(site), k_claim_kind, to_iso(entry.month), std::move(body));
        if (!v) return v.error();
        return Versions{*v};
    };
    p.answer = [computed]() { return json{{"claim", to_json(*computed)}}; };
    return p;
}

Result<SubmitClaim> SubmitClaim::read(const json& j) {
    ArgReader r(j);
    SubmitClaim c;
    c.site = r.string("site");
    std::string month = r.string("month");
    if (auto e = r.finish()) return *e;
    auto m = parse_year_month(month);
    if (!m) return m.error();
    c.month = *m;
    return c;
}

// The saved month becomes final: a new version with "submitted": true, addressed to its payers.
Result<PreparedCommand> prepare(App& app, const SubmitClaim& c) {
    auto site = claims_site(app, c.site);
    if (!site) return site.error();
    if (auto e = claims_entry_refusal(app, *site)) return *e;
    auto computed = std::make_shared<ComputedClaim>();
    PreparedCommand p;
    p.target_org = site_org_id(*site);
    p.apply = [&app, site = *site, month = c.month, computed]() -> Result<Versions> {
        const auto* cur = claim_document(app, site, month);
        if (!cur) return Error{"claims.not_saved", "no saved claim for this month", {{"month", to_iso(month)}}};
        auto stored = stored_claim_from_body(cur->body);
        if (!stored) return stored.error();
        if (stored->submitted)
            return Error{"claims.already_submitted", "this month is already submitted", {{"month", to_iso(month)}}};
        auto cc = compute_claim(stored->entry, claims_routing(app), claims_today(app));
        if (!cc) return cc.error();
        *computed = std::move(*cc);
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

Result<SetClaimRouting> SetClaimRouting::read(const json& j) {
    ArgReader r(j);
    SetClaimRouting c;
    c.municipality = r.string("municipality");
    auto commissioned = r.optional_bool("commissioned");
    if (auto e = r.finish()) return *e;
    if (!commissioned) return Error{"arg.missing", "commissioned is missing", {{"name", "commissioned"}}};
    c.commissioned = *commissioned;
    return c;
}

Result<PreparedCommand> prepare(App& app, const SetClaimRouting& c) {
    if (auto st = check_municipality(c.municipality, "municipality"); !st) return st.error();
    PreparedCommand p;
    p.target_org = "muni:" + c.municipality;
    p.apply = [&app, code = c.municipality, on = c.commissioned]() -> Result<Versions> {
        auto v = app.successor("muni:" + code, k_claim_routing_kind, "main", {{"commissioned", on}});
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

std::span<const CommandEntry> claims_commands() {
    static const CommandEntry table[] = {
        {SaveClaim::type,
         [](App& app, const json& j) -> Result<PreparedCommand> {
             if (auto e = site_refusal_first(app, j, {"type", "lines"}, true)) return *e;
             return command_entry<SaveClaim>().prepare(app, j);
         }},
        command_entry<SubmitClaim>(), command_entry<SetClaimRouting>()};
    return table;
}

std::span<const ViewEntry> claims_views() {
    static const ViewEntry table[] = {view_entry<ClaimQuery>(),
                                      view_entry<ClaimPrintQuery>(),
                                      view_entry<FederationTotalsQuery>(),
                                      view_entry<MunicipalityClaimsQuery>(),
                                      view_entry<ClaimLegacyQuery>(),
                                      {ClaimCheckQuery::name, [](App& app, const json& j) -> Result<PreparedView> {
                                           if (auto e = site_refusal_first(app, j, {"lines"}, false)) return *e;
                                           return view_entry<ClaimCheckQuery>().prepare(app, j);
                                       }}};
    return table;
}

}  // namespace vsys
