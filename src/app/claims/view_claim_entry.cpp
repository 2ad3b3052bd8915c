// The claim screen's questions to the core while a site (or its municipality, 代行入力) types a
// month of claims: view claim_check {site, month, lines} answers, per line, the first rule it
// breaks or its amount and payer, the month's own refusal and the totals of the lines that keep
// the rules (core/claims/claims_entry.hpp). It reads the lines as save_claim does (the core's
// codec), so the screen prices exactly what it would save, and it refuses a site of another
// municipality before the access check, with the reason (claims.proxy_other_municipality)
// rather than only "no access".
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/claims/claims_app.hpp"
#include "core/claims/claims_entry.hpp"
#include "core/claims/claims_json.hpp"
#include "core/directory/local_gov.hpp"

namespace vsys {

// Who may enter a site's claims: the site itself, or as proxy its own municipality. The
// permission table decides (save_claim, submit_claim, claim_check: self_or_proxy; anyone else,
// another site included, gets no_access); this only says why to a municipality that picked a
// site of another municipality.
std::optional<Error> claims_entry_refusal(const App& app, const Site& site) {
    const Session& s = app.session();
    if (s.role == Role::municipality && s.org != "muni:" + site.municipality)
        return Error{"claims.proxy_other_municipality", "a municipality enters claims only for its own sites",
                     {{"site", site.code}, {"name", site.name}, {"municipality", municipality_name(site.municipality)}}};
    return std::nullopt;
}

nlohmann::json claim_lines_json(const std::vector<ClaimLine>& lines) {
    SiteClaim claim;
    claim.lines = lines;
    return to_json(claim)["lines"];
}

std::vector<ClaimLine> claim_lines_from_json(const nlohmann::json& lines) {
    // Through the claim's reader, which is the only reader of lines; the other members are
    // placeholders it needs to see, not read back.
    auto claim = site_claim_from_json({{"site", ""}, {"site_municipality", ""}, {"month", "2021-02"}, {"lines", lines}});
    return claim ? std::move(claim->lines) : std::vector<ClaimLine>{};
}

namespace {

using nlohmann::json;

json counts_json(const ClaimCounts& c) {
    return {{"normal", c.normal}, {"outside_hours", c.outside_hours}, {"holiday", c.holiday},
            {"pre_exam_only", c.pre_exam_only}, {"under_6", c.under_6}};
}

// {site, month, lines}: lines as save_claim takes them.
Result<PreparedView> prepare_claim_check(App& app, const json& j) {
    ArgReader r(j, {"lines"});
    std::string code = r.string("site");
    std::string month = r.string("month");
    if (auto e = r.finish()) return *e;
    auto site = claims_site(app, code);
    if (!site) return site.error();
    if (auto e = claims_entry_refusal(app, *site)) return *e;
    auto entry = site_claim_from_json({{"site", code},
                                       {"site_municipality", site->municipality},
                                       {"month", month},
                                       {"lines", j.value("lines", json::array())}});
    if (!entry) return entry.error();
    return PreparedView{site_org_id(*site), [&app, entry = *entry]() -> Result<json> {
                            const EntryCheck c = check_entry(entry, claims_routing(app), claims_today(app));
                            json lines = json::array();
                            for (std::size_t i = 0; i < c.lines.size(); ++i) {
                                const EntryLine& l = c.lines[i];
                                const std::string& muni = entry.lines[i].municipality;
                                json row = {{"ok", !l.error},
                                            {"amounts", to_json(l.amounts)},
                                            {"municipality_name", find_local_gov(muni) ? municipality_name(muni) : ""},
                                            {"payer_name", ""}};
                                if (l.error) row["error"] = app.error_json(*l.error)["error"];
                                if (l.payer)
                                    row["payer_name"] = l.payer->kind == Payer::Kind::federation
                                                            ? app.tr("claims.payer.federation")
                                                            : municipality_name(l.payer->code);
                                lines.push_back(std::move(row));
                            }
                            return json{{"lines", lines},
                                        {"counts", counts_json(c.counts)},
                                        {"total", to_json(c.total)},
                                        {"claim_error", c.claim_error ? app.error_json(*c.claim_error)["error"] : json()}};
                        }};
}

const ViewEntry k_views[] = {{"claim_check", prepare_claim_check}};

}  // namespace

std::span<const ViewEntry> claims_entry_views() { return k_views; }

}  // namespace vsys
