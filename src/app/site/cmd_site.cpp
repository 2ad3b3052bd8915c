// Site master data (DOMAIN.md §2): site information, doctors, and changes of the handled
// vaccines, which count only once the municipality approves them (市町村承認). Documents:
//   site:<code>/site_info/main          the site's information (owner: the site; a municipality
//                                       may write it as proxy, 代行入力)
//   site:<code>/vaccine_change/main     a requested set of handled vaccines (pending until decided)
//   muni:<code>/vaccine_decision/<site> the municipality's decision on a request version
// The effective handled vaccines are those of the newest approved request, else the master's.
#include <algorithm>
#include <map>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/site/site_app.hpp"
#include "app/site/site_fields.hpp"
#include "core/base/codes.hpp"
#include "core/directory/kinds.hpp"
#include "core/directory/site.hpp"
#include "core/directory/site_search.hpp"
#include "core/base/text.hpp"

namespace vsys {

namespace {

std::string org_of_code(App& app, const std::string& code) {
    const Site* s = app.directory().generated_site(code);
    if (!s) return {};
    return site_org_id(*s);
}

// Why a code that names no site cannot be a site's code at all: a wrong length, prefecture or,
// for a code shaped like an insurance code (fee-table digit 1, 3 or 4), its check digit. A
// similar code (類似コード) has no check digit, so a code of another shape is merely not found.
Status impossible_code(std::string_view code) {
    auto st = check_institution_code(code, InstitutionCodeKind::insurance);
    if (!st && st.error().code == "code.fee_table") return ok_status();
    return st;
}

// The site as it stands: the newest site_info document, else the generated master.
// No site has this code: a code that cannot exist says which check it fails (its check digit,
// its length), else it is merely not found.
Error site_not_found(const std::string& code) {
    if (auto st = impossible_code(code); !st) return st.error();
    return Error{"site.not_found", "no such site", {{"code", code}}};
}

Result<Site> effective_site(App& app, const std::string& code) {
    const Site* generated = app.directory().generated_site(code);
    if (!generated) return site_not_found(code);
    Site site = *generated;
    if (const auto* d = app.current(site_org_id(site), k_site_info_kind, "main")) {
        auto s = site_from_json(d->body);
        if (s) site = *s;
    }
    return site;
}

struct VaccineStatus {
    const DocumentVersion* request = nullptr;   // newest request
    const DocumentVersion* decision = nullptr;  // decision on the newest request, if any
};

VaccineStatus vaccine_status(App& app, const Site& site) {
    VaccineStatus st;
    st.request = app.current(site_org_id(site), k_vaccine_change_kind, "main");
    if (st.request)
        if (const auto* d = app.current("muni:" + site.municipality, k_vaccine_decision_kind, site.code))
            if (d->body.value("request", "") == st.request->hash) st.decision = d;
    return st;
}

// Applies the newest approved vaccine change to a site.
Site with_approved_vaccines(App& app, Site site) {
    const auto* decision = app.current("muni:" + site.municipality, k_vaccine_decision_kind, site.code);
    if (!decision || !decision->body.value("approved", false)) return site;
    const auto* request = app.store().find(decision->body.value("request", ""));
    if (!request) return site;
    VaccineCategories v;
    if (const auto it = request->body.find("vaccines"); it != request->body.end() && it->is_array())
        for (const auto& c : *it)
            if (c.is_string())
                if (auto cat = parse_vaccine_category(c.get<std::string>())) v.add(*cat);
    site.vaccines = v;
    site.hub = request->body.value("hub", "");
    return site;
}

nlohmann::json categories_json(const VaccineCategories& v) {
    nlohmann::json a = nlohmann::json::array();
    for (int i = 0; i < 5; ++i)
        if (v.has(static_cast<VaccineCategory>(i))) a.push_back(vaccine_category_id(static_cast<VaccineCategory>(i)));
    return a;
}

nlohmann::json site_view_json(App& app, const Site& master) {
    Site site = with_approved_vaccines(app, master);
    nlohmann::json j = site_to_json(site);
    j["org"] = site_org_id(site);
    j["municipality_name"] = app.directory().org_name("muni:" + site.municipality);
    // What the claim forms print: "representative" itself is absent on older site information.
    j["printed_representative"] = site_representative(site);
    const auto st = vaccine_status(app, site);
    nlohmann::json change = nullptr;
    if (st.request) {
        change = {{"hash", st.request->hash}, {"vaccines", st.request->body.value("vaccines", nlohmann::json::array())},
                  {"hub", st.request->body.value("hub", "")}, {"time", st.request->time},
                  {"status", st.decision ? (st.decision->body.value("approved", false) ? "approved" : "rejected") : "pending"}};
        if (st.decision) change["reason"] = st.decision->body.value("reason", "");
    }
    j["vaccine_change"] = change;
    if (const auto* d = app.current(site_org_id(site), k_site_info_kind, "main")) {
        j["updated"] = d->time;
        j["updated_by"] = d->author;
        j["proxy"] = d->proxy;
    }
    return j;
}

// {type: "update_site_info", site, name?, reading?, address?, phone?, mail?, representative?}
Result<PreparedCommand> prepare_update_site_info(App& app, const nlohmann::json& j) {
    ArgReader r(j);
    std::string code = r.string("site");
    auto name = r.optional_string("name");
    auto reading = r.optional_string("reading");
    auto address = r.optional_string("address");
    auto phone = r.optional_string("phone");
    auto mail = r.optional_string("mail");
    auto representative = r.optional_string("representative");
    if (auto e = r.finish()) return *e;
    auto site = effective_site(app, code);
    if (!site) return site.error();
    Site next = *site;
    for (const auto* s : {&name, &reading, &address, &phone, &mail, &representative})
        if (*s && !text::valid_utf8(**s)) return Error{"text.utf8", "not UTF-8"};
    if (name) next.name = *name;
    if (reading) next.reading = *reading;
    if (address) next.address = *address;
    if (phone) next.contact.phone = *phone;
    if (mail) next.contact.mail = *mail;
    if (representative) next.representative = *representative;
    if (auto st = validate_site(next); !st) return st.error();
    PreparedCommand p;
    p.target_org = site_org_id(next);
    p.apply = [&app, next]() -> Result<Versions> {
        auto v = app.successor(site_org_id(next), k_site_info_kind, "main", site_to_json(next));
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

// {type: "set_doctors", site, doctors: [{name, vaccines: ["pfizer_12", ...]}]}
Result<PreparedCommand> prepare_set_doctors(App& app, const nlohmann::json& j) {
    ArgReader r(j, {"type", "doctors"});
    std::string code = r.string("site");
    if (auto e = r.finish()) return *e;
    auto site = effective_site(app, code);
    if (!site) return site.error();
    Site next = *site;
    auto body = site_to_json(next);
    body["doctors"] = j.contains("doctors") ? j["doctors"] : nlohmann::json();
    auto parsed = site_from_json(body);
    if (!parsed) return parsed.error();
    PreparedCommand p;
    p.target_org = site_org_id(*parsed);
    p.apply = [&app, next = *parsed]() -> Result<Versions> {
        auto v = app.successor(site_org_id(next), k_site_info_kind, "main", site_to_json(next));
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

// {type: "request_vaccine_change", site, vaccines: ["pfizer_hub", ...], hub?}
Result<PreparedCommand> prepare_request_vaccine_change(App& app, const nlohmann::json& j) {
    ArgReader r(j, {"type", "vaccines"});
    std::string code = r.string("site");
    std::string hub = r.optional_string("hub").value_or("");
    if (auto e = r.finish()) return *e;
    auto site = effective_site(app, code);
    if (!site) return site.error();
    auto vs = j.find("vaccines");
    if (vs == j.end() || !vs->is_array())
        return Error{"arg.type", "vaccines must be an array", {{"name", "vaccines"}, {"expected", "array"}}};
    Site next = with_approved_vaccines(app, *site);
    VaccineCategories wanted;
    for (const auto& c : *vs) {
        auto cat = c.is_string() ? parse_vaccine_category(c.get<std::string>()) : std::nullopt;
        if (!cat) return Error{"site.vaccines.unknown", "unknown vaccine category", {{"value", c.dump()}}};
        wanted.add(*cat);
    }
    if (wanted == next.vaccines && hub == next.hub) return Error{"site.vaccines.unchanged", "nothing to change"};
    next.vaccines = wanted;
    next.hub = hub;
    if (auto st = validate_site(next); !st) return st.error();
    if (!hub.empty() && !app.directory().generated_site(hub))
        return Error{"site.hub.not_found", "the hub is not a known site", {{"code", hub}}};
    PreparedCommand p;
    p.target_org = site_org_id(next);
    p.apply = [&app, next]() -> Result<Versions> {
        auto v = app.successor(site_org_id(next), k_vaccine_change_kind, "main",
                               {{"vaccines", categories_json(next.vaccines)}, {"hub", next.hub}});
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

// {type: "decide_vaccine_change", site, approve: bool, reason?}: the municipality decides the
// site's newest pending request; a rejection needs a reason the site will read.
Result<PreparedCommand> prepare_decide_vaccine_change(App& app, const nlohmann::json& j) {
    ArgReader r(j);
    std::string code = r.string("site");
    auto approve = r.optional_bool("approve");
    std::string reason = r.optional_string("reason").value_or("");
    if (!approve && !r.finish()) return Error{"arg.missing", "approve is missing", {{"name", "approve"}}};
    if (auto e = r.finish()) return *e;
    auto site = effective_site(app, code);
    if (!site) return site.error();
    const auto st = vaccine_status(app, *site);
    if (!st.request || st.decision) return Error{"site.vaccines.no_pending", "no pending request"};
    if (!*approve && (reason.empty() || !text::valid_utf8(reason)))
        return Error{"site.vaccines.reason_required", "a rejection needs a reason"};
    if (text::length(reason) > site_fields::decision_reason || text::has_control(reason))
        return Error{"site.vaccines.reason_invalid", "the reason is too long or has control characters"};
    PreparedCommand p;
    p.target_org = site_org_id(*site);
    p.apply = [&app, muni = "muni:" + site->municipality, code, hash = st.request->hash, ok = *approve,
               reason]() -> Result<Versions> {
        auto v = app.successor(muni, k_vaccine_decision_kind, code, {{"request", hash}, {"approved", ok}, {"reason", reason}});
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

Result<PreparedView> prepare_site_view(App& app, const nlohmann::json& j) {
    ArgReader r(j, {});
    std::string code = r.string("site");
    if (auto e = r.finish()) return *e;
    std::string org = org_of_code(app, code);
    if (org.empty()) return site_not_found(code);
    return PreparedView{org, [&app, code]() -> Result<nlohmann::json> {
                            auto site = effective_site(app, code);
                            if (!site) return site.error();
                            return site_view_json(app, *site);
                        }};
}

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

// Sites of the user's subtree by name, reading or code: {query, limit?}
Result<PreparedView> prepare_org_search_view(App& app, const nlohmann::json& j) {
    ArgReader r(j, {});
    std::string query = r.optional_string("query").value_or("");
    std::int64_t limit = r.optional_int("limit").value_or(100);
    if (auto e = r.finish()) return *e;
    if (limit < 1 || limit > 100000) return Error{"arg.type", "limit out of range", {{"name", "limit"}, {"expected", "1-100000"}}};
    if (!text::valid_utf8(query)) return Error{"text.utf8", "not UTF-8"};
    return PreparedView{app.session().org, [&app, query, limit]() -> Result<nlohmann::json> {
                            const Directory& dir = app.directory();
                            const OrgIndex root = dir.tree().find(app.session().org);
                            const auto& sites = dir.demo().sites;
                            const auto edits = edited_sites(app);
                            auto hits = dir.search().search(
                                query, static_cast<std::size_t>(limit),
                                [&](std::uint32_t i) {
                                    return dir.tree().in_subtree(dir.tree().find(site_org_id(sites[i])), root);
                                },
                                edits.text);
                            nlohmann::json rows = nlohmann::json::array();
                            for (auto i : hits) {
                                const auto edit = edits.site.find(i);
                                const Site& s = edit != edits.site.end() ? edit->second : sites[i];
                                rows.push_back({{"code", s.code}, {"name", s.name}, {"reading", s.reading},
                                                {"municipality", s.municipality},
                                                {"municipality_name", dir.org_name("muni:" + s.municipality)}});
                            }
                            nlohmann::json out{{"sites", rows}, {"count", rows.size()}};
                            // A typed code that finds nothing says why when it cannot be a code
                            // at all (a wrong check digit), rather than a bare 「0 件」.
                            const std::string q = normalize_for_search(query);
                            if (rows.empty() && q.size() == 10 &&
                                std::all_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; }))
                                if (auto st = impossible_code(q); !st) out["code_problem"] = app.error_text(st.error());
                            return out;
                        }};
}

// The municipality's inbox of pending vaccine changes: requests of its sites not yet decided.
nlohmann::json pending_approvals(App& app) {
    nlohmann::json rows = nlohmann::json::array();
    const std::string muni = app.session().org;
    for (const auto& key : app.store().keys()) {
        const auto* d = app.store().current(key);
        if (!d || d->kind != k_vaccine_change_kind) continue;
        const std::string code = d->owner.substr(d->owner.find(':') + 1);
        auto site = effective_site(app, code);
        if (!site || "muni:" + site->municipality != muni) continue;
        const auto st = vaccine_status(app, *site);
        if (st.decision) continue;
        Site now = with_approved_vaccines(app, *site);
        rows.push_back({{"site", code}, {"name", site->name}, {"requested", d->body["vaccines"]},
                        {"current", categories_json(now.vaccines)}, {"time", d->time},
                        {"by", d->author}, {"proxy", d->proxy}});
    }
    return rows;
}

Result<PreparedView> prepare_approvals_view(App& app, const nlohmann::json& j) {
    ArgReader r(j, {});
    if (auto e = r.finish()) return *e;
    return PreparedView{app.session().org, [&app]() -> Result<nlohmann::json> {
                            return nlohmann::json{{"pending", pending_approvals(app)}};
                        }};
}

const CommandEntry k_commands[] = {{"update_site_info", prepare_update_site_info},
                                   {"set_doctors", prepare_set_doctors},
                                   {"request_vaccine_change", prepare_request_vaccine_change},
                                   {"decide_vaccine_change", prepare_decide_vaccine_change}};
const ViewEntry k_views[] = {{"site", prepare_site_view},
                             {"org_search", prepare_org_search_view},
                             {"approvals", prepare_approvals_view}};

}  // namespace

Result<Site> site_as_it_stands(App& app, const std::string& code) {
    auto site = effective_site(app, code);
    if (!site) return site.error();
    return with_approved_vaccines(app, *site);
}

std::int64_t waiting_approvals(App& app) { return static_cast<std::int64_t>(pending_approvals(app).size()); }

std::span<const CommandEntry> site_commands() { return k_commands; }
std::span<const ViewEntry> site_views() { return k_views; }

}  // namespace vsys
