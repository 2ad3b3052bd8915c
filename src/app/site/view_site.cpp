// The site views, typed (site_contract.hpp) with their one JSON codec each: a site's page
// (site), the search of the user's sites (org_search) and the municipality's approvals inbox.
//
// Index:
// [SECTION] site
// [SECTION] org_search
// [SECTION] approvals
#include <algorithm>
#include <map>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/site/site_contract.hpp"
#include "app/site/site_state.hpp"
#include "core/base/text.hpp"
#include "core/directory/kinds.hpp"
#include "core/directory/site_search.hpp"

namespace vsys {

// [SECTION] site
Result<SiteQuery> SiteQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    SiteQuery q;
    q.site = r.string("site");
    if (auto e = r.finish()) return *e;
    return q;
}

static SiteView site_view(App& app, const Site& master) {
    SiteView v;
    v.site = with_approved_vaccines(app, master);
    v.org = site_org_id(v.site);
    v.municipality_name = app.directory().org_name("muni:" + v.site.municipality);
    v.printed_representative = site_representative(v.site);
    const auto st = vaccine_status(app, v.site);
    if (st.request) {
        VaccineChangeState c;
        c.hash = st.request->hash;
        if (const auto it = st.request->body.find("vaccines"); it != st.request->body.end() && it->is_array())
            for (const auto& id : *it)
                if (id.is_string()) c.vaccines.push_back(id.get<std::string>());
        c.hub = st.request->body.value("hub", "");
        c.time = st.request->time;
        c.status = st.decision ? (st.decision->body.value("approved", false) ? "approved" : "rejected") : "pending";
        if (st.decision) c.reason = st.decision->body.value("reason", "");
        v.change = std::move(c);
    }
    if (const auto* d = app.current(v.org, k_site_info_kind, "main")) v.updated = SiteUpdate{d->time, d->author, d->proxy};
    return v;
}

Result<Prepared<SiteView>> prepare(App& app, const SiteQuery& q) {
    std::string org = org_of_code(app, q.site);
    if (org.empty()) return site_not_found(q.site);
    return Prepared<SiteView>{org, [&app, code = q.site]() -> Result<SiteView> {
                                  auto site = effective_site(app, code);
                                  if (!site) return site.error();
                                  return site_view(app, *site);
                              }};
}

nlohmann::json to_json(const SiteView& v) {
    nlohmann::json j = site_to_json(v.site);
    j["org"] = v.org;
    j["municipality_name"] = v.municipality_name;
    j["printed_representative"] = v.printed_representative;
    nlohmann::json change = nullptr;
    if (v.change) {
        change = {{"hash", v.change->hash}, {"vaccines", v.change->vaccines}, {"hub", v.change->hub},
                  {"time", v.change->time}, {"status", v.change->status}};
        if (v.change->reason) change["reason"] = *v.change->reason;
    }
    j["vaccine_change"] = change;
    if (v.updated) {
        j["updated"] = v.updated->time;
        j["updated_by"] = v.updated->by;
        j["proxy"] = v.updated->proxy;
    }
    return j;
}

// [SECTION] org_search
Result<SiteSearchQuery> SiteSearchQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    SiteSearchQuery q;
    q.query = r.optional_string("query").value_or("");
    q.limit = r.optional_int("limit").value_or(100);
    if (auto e = r.finish()) return *e;
    return q;
}

namespace {

// The sites whose owners have edited their details (site_info documents held here), as they
// stand now: the search finds them by their new name and reading and lists them so.
struct EditedSites {
    std::vector<EditedSite> text;
    std::map<std::uint32_t, Site> site;
};

EditedSites edited_sites(App& app) {
    EditedSites out;
    for (const auto& key : app.store().keys()) {
        const auto* d = app.store().current(key);
        if (!d || d->kind != k_site_info_kind) continue;
        auto site = site_from_json(d->body);
        if (!site) continue;
        const auto index = app.directory().site_index(site->code);
        if (!index || site_org_id(*site) != d->owner) continue;  // only its owner's word counts
        const auto i = static_cast<std::uint32_t>(*index);
        out.text.push_back({i, site->name, site->reading, site->code});
        out.site.emplace(i, std::move(*site));
    }
    return out;
}

}  // namespace

Result<Prepared<SiteSearchView>> prepare(App& app, const SiteSearchQuery& q) {
    if (q.limit < 1 || q.limit > 100000)
        return Error{"arg.type", "limit out of range", {{"name", "limit"}, {"expected", "1-100000"}}};
    if (!text::valid_utf8(q.query)) return Error{"text.utf8", "not UTF-8"};
    return Prepared<SiteSearchView>{
        app.session().org, [&app, query = q.query, limit = q.limit]() -> Result<SiteSearchView> {
            const Directory& dir = app.directory();
            const OrgIndex root = dir.tree().find(app.session().org);
            const auto& sites = dir.demo().sites;
            const auto edits = edited_sites(app);
            auto hits = dir.search().search(
                query, static_cast<std::size_t>(limit),
                [&](std::uint32_t i) { return dir.tree().in_subtree(dir.tree().find(site_org_id(sites[i])), root); },
                edits.text);
            SiteSearchView v;
            for (auto i : hits) {
                const auto edit = edits.site.find(i);
                const Site& s = edit != edits.site.end() ? edit->second : sites[i];
                v.sites.push_back({s.code, s.name, s.reading, s.municipality, dir.org_name("muni:" + s.municipality)});
            }
            // A typed code that finds nothing says why when it cannot be a code at all (a wrong
            // check digit), rather than a bare 「0 件」.
            const std::string typed = normalize_for_search(query);
            if (v.sites.empty() && typed.size() == 10 &&
                std::all_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; }))
                if (auto st = impossible_code(typed); !st) v.code_problem = app.error_text(st.error());
            return v;
        }};
}

nlohmann::json to_json(const SiteSearchView& v) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& s : v.sites)
        rows.push_back({{"code", s.code}, {"name", s.name}, {"reading", s.reading}, {"municipality", s.municipality},
                        {"municipality_name", s.municipality_name}});
    nlohmann::json out{{"sites", rows}, {"count", rows.size()}};
    if (!v.code_problem.empty()) out["code_problem"] = v.code_problem;
    return out;
}

// [SECTION] approvals
namespace {

// The municipality's inbox of pending vaccine changes: requests of its sites not yet decided.
std::vector<PendingApproval> pending_approvals(App& app) {
    std::vector<PendingApproval> rows;
    const std::string muni = app.session().org;
    for (const auto& key : app.store().keys()) {
        const auto* d = app.store().current(key);
        if (!d || d->kind != k_vaccine_change_kind) continue;
        const std::string code = d->owner.substr(d->owner.find(':') + 1);
        auto site = effective_site(app, code);
        if (!site || "muni:" + site->municipality != muni) continue;
        const auto st = vaccine_status(app, *site);
        if (st.decision) continue;
        PendingApproval a;
        a.site = code;
        a.name = site->name;
        if (const auto it = d->body.find("vaccines"); it != d->body.end() && it->is_array())
            for (const auto& id : *it)
                if (id.is_string()) a.requested.push_back(id.get<std::string>());
        a.current = category_ids(with_approved_vaccines(app, *site).vaccines);
        a.time = d->time;
        a.by = d->author;
        a.proxy = d->proxy;
        rows.push_back(std::move(a));
    }
    return rows;
}

}  // namespace

Result<ApprovalsQuery> ApprovalsQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return ApprovalsQuery{};
}

Result<Prepared<ApprovalsView>> prepare(App& app, const ApprovalsQuery&) {
    return Prepared<ApprovalsView>{app.session().org,
                                   [&app]() -> Result<ApprovalsView> { return ApprovalsView{pending_approvals(app)}; }};
}

nlohmann::json to_json(const ApprovalsView& v) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& a : v.pending)
        rows.push_back({{"site", a.site}, {"name", a.name}, {"requested", a.requested}, {"current", a.current},
                        {"time", a.time}, {"by", a.by}, {"proxy", a.proxy}});
    return {{"pending", rows}};
}

std::int64_t waiting_approvals(App& app) { return static_cast<std::int64_t>(pending_approvals(app).size()); }

namespace {
const ViewEntry k_views[] = {view_entry<SiteQuery>(), view_entry<SiteSearchQuery>(), view_entry<ApprovalsQuery>()};
}  // namespace

std::span<const ViewEntry> site_views() { return k_views; }

}  // namespace vsys
