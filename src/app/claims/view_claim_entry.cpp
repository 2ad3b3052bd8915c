// The claim screen's questions to the core while a site (or its municipality, 代行入力) types a
// month of claims: view claim_check (claim_check_view.hpp) answers, per line, the first rule it
// breaks or its amount and payer, the month's own refusal and the totals of the lines that keep
// the rules (core/claims/claims_entry.hpp). It reads the lines with the core's codec, as
// save_claim does, so the screen prices exactly what it would save, and it refuses a site of
// another municipality before the access check, with the reason
// (claims.proxy_other_municipality) rather than only "no access".
#include <algorithm>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/claims/claim_check_view.hpp"
#include "app/claims/claims_app.hpp"
#include "core/claims/claims_entry.hpp"
#include "core/claims/claims_json.hpp"
#include "core/directory/local_gov.hpp"

namespace vsys {

using nlohmann::json;

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

json claim_lines_json(const std::vector<ClaimLine>& lines) {
    SiteClaim claim;
    claim.lines = lines;
    return to_json(claim)["lines"];
}

json counts_json(const ClaimCounts& c) {
    return {{"normal", c.normal}, {"outside_hours", c.outside_hours}, {"holiday", c.holiday},
            {"pre_exam_only", c.pre_exam_only}, {"under_6", c.under_6}};
}

bool same_lines(const std::vector<ClaimLine>& a, const std::vector<ClaimLine>& b) {
    auto same = [](const ClaimLine& x, const ClaimLine& y) {
        const ClaimCounts &c = x.counts, &d = y.counts;
        return x.municipality == y.municipality && x.form == y.form && x.category == y.category && c.normal == d.normal &&
               c.outside_hours == d.outside_hours && c.holiday == d.holiday && c.pre_exam_only == d.pre_exam_only &&
               c.under_6 == d.under_6;
    };
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), same);
}

bool ClaimCheckQuery::operator==(const ClaimCheckQuery& o) const {
    return site == o.site && month == o.month && same_lines(lines, o.lines);
}

Result<ClaimCheckQuery> ClaimCheckQuery::read(const json& j) {
    ArgReader r(j, {"lines"});
    ClaimCheckQuery q;
    q.site = r.string("site");
    std::string month = r.string("month");
    if (auto e = r.finish()) return *e;
    // The core's reader of a claim, the only reader of lines (the site is the rules').
    auto entry = site_claim_from_json(
        {{"site", q.site}, {"site_municipality", ""}, {"month", month}, {"lines", j.value("lines", json::array())}});
    if (!entry) return entry.error();
    q.month = entry->month;
    q.lines = std::move(entry->lines);
    return q;
}

Result<Prepared<ClaimCheckView>> prepare(App& app, const ClaimCheckQuery& q) {
    auto site = claims_site(app, q.site);
    if (!site) return site.error();
    if (auto e = claims_entry_refusal(app, *site)) return *e;
    const SiteClaim entry{q.site, site->municipality, q.month, q.lines};
    return Prepared<ClaimCheckView>{site_org_id(*site), [&app, entry]() -> Result<ClaimCheckView> {
                                        const EntryCheck c = check_entry(entry, claims_routing(app), claims_today(app));
                                        ClaimCheckView v;
                                        for (std::size_t i = 0; i < c.lines.size(); ++i) {
                                            const EntryLine& l = c.lines[i];
                                            const std::string& muni = entry.lines[i].municipality;
                                            CheckedClaimLine row;
                                            row.amounts = l.amounts;
                                            row.municipality_name = find_local_gov(muni) ? municipality_name(muni) : "";
                                            if (l.error) row.error = shown_error(app, *l.error);
                                            if (l.payer)
                                                row.payer_name = l.payer->kind == Payer::Kind::federation
                                                                     ? app.tr("claims.payer.federation")
                                                                     : municipality_name(l.payer->code);
                                            v.lines.push_back(std::move(row));
                                        }
                                        v.counts = c.counts;
                                        v.total = c.total;
                                        if (c.claim_error) v.claim_error = shown_error(app, *c.claim_error);
                                        return v;
                                    }};
}

json to_json(const ClaimCheckView& v) {
    json lines = json::array();
    for (const auto& l : v.lines) {
        json row = {{"ok", l.ok()},
                    {"amounts", to_json(l.amounts)},
                    {"municipality_name", l.municipality_name},
                    {"payer_name", l.payer_name}};
        if (l.error) row["error"] = to_json(*l.error);
        lines.push_back(std::move(row));
    }
    return {{"lines", lines},
            {"counts", counts_json(v.counts)},
            {"total", to_json(v.total)},
            {"claim_error", v.claim_error ? to_json(*v.claim_error) : json()}};
}

}  // namespace vsys
