// Site master data (DOMAIN.md §2): site information, doctors, and changes of the handled
// vaccines, which count only once the municipality approves them (市町村承認). Documents:
//   site:<code>/site_info/main          the site's information (owner: the site; a municipality
//                                       may write it as proxy, 代行入力)
//   site:<code>/vaccine_change/main     a requested set of handled vaccines (pending until decided)
//   muni:<code>/vaccine_decision/<site> the municipality's decision on a request version
// The effective handled vaccines are those of the newest approved request, else the master's.
// The commands are typed (site_contract.hpp); here are their codecs and rules. The views are
// view_site.cpp.
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/site/site_contract.hpp"
#include "app/site/site_fields.hpp"
#include "app/site/site_state.hpp"
#include "core/base/text.hpp"
#include "core/directory/kinds.hpp"

namespace vsys {

namespace {

// A version of the site's information (its owner's, or its municipality's as proxy).
PreparedCommand write_site_info(App& app, Site next) {
    PreparedCommand p;
    p.target_org = site_org_id(next);
    p.apply = [&app, next = std::move(next)]() -> Result<Versions> {
        auto v = app.successor(site_org_id(next), k_site_info_kind, "main", site_to_json(next));
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

}  // namespace

Result<UpdateSiteInfo> UpdateSiteInfo::read(const nlohmann::json& args) {
    ArgReader r(args);
    UpdateSiteInfo c;
    c.site = r.string("site");
    c.name = r.optional_string("name");
    c.reading = r.optional_string("reading");
    c.address = r.optional_string("address");
    c.phone = r.optional_string("phone");
    c.mail = r.optional_string("mail");
    c.representative = r.optional_string("representative");
    if (auto e = r.finish()) return *e;
    return c;
}

Result<PreparedCommand> prepare(App& app, const UpdateSiteInfo& c) {
    auto site = effective_site(app, c.site);
    if (!site) return site.error();
    Site next = *site;
    for (const auto* s : {&c.name, &c.reading, &c.address, &c.phone, &c.mail, &c.representative})
        if (*s && !text::valid_utf8(**s)) return Error{"text.utf8", "not UTF-8"};
    if (c.name) next.name = *c.name;
    if (c.reading) next.reading = *c.reading;
    if (c.address) next.address = *c.address;
    if (c.phone) next.contact.phone = *c.phone;
    if (c.mail) next.contact.mail = *c.mail;
    if (c.representative) next.representative = *c.representative;
    if (auto st = validate_site(next); !st) return st.error();
    return write_site_info(app, std::move(next));
}

Result<SetDoctors> SetDoctors::read(const nlohmann::json& args) {
    ArgReader r(args, {"type", "doctors"});
    SetDoctors c;
    c.site = r.string("site");
    if (auto e = r.finish()) return *e;
    const auto d = args.find("doctors");
    if (d == args.end() || d->is_null()) return Error{"arg.missing", "doctors is missing", {{"name", "doctors"}}};
    auto doctors = doctors_from_json(*d);
    if (!doctors) return doctors.error();
    c.doctors = std::move(*doctors);
    return c;
}

Result<PreparedCommand> prepare(App& app, const SetDoctors& c) {
    auto site = effective_site(app, c.site);
    if (!site) return site.error();
    Site next = *site;
    next.doctors = c.doctors;
    if (auto st = validate_site(next); !st) return st.error();
    return write_site_info(app, std::move(next));
}

Result<RequestVaccineChange> RequestVaccineChange::read(const nlohmann::json& args) {
    ArgReader r(args, {"type", "vaccines"});
    RequestVaccineChange c;
    c.site = r.string("site");
    c.hub = r.optional_string("hub").value_or("");
    if (auto e = r.finish()) return *e;
    const auto vs = args.find("vaccines");
    if (vs == args.end() || !vs->is_array())
        return Error{"arg.type", "vaccines must be an array", {{"name", "vaccines"}, {"expected", "array"}}};
    for (const auto& v : *vs) {
        if (!v.is_string()) return Error{"site.vaccines.unknown", "unknown vaccine category", {{"value", v.dump()}}};
        c.vaccines.push_back(v.get<std::string>());
    }
    return c;
}

Result<PreparedCommand> prepare(App& app, const RequestVaccineChange& c) {
    auto site = effective_site(app, c.site);
    if (!site) return site.error();
    Site next = with_approved_vaccines(app, *site);
    VaccineCategories wanted;
    for (const auto& id : c.vaccines) {
        auto cat = parse_vaccine_category(id);
        if (!cat) return Error{"site.vaccines.unknown", "unknown vaccine category", {{"value", nlohmann::json(id).dump()}}};
        wanted.add(*cat);
    }
    if (wanted == next.vaccines && c.hub == next.hub) return Error{"site.vaccines.unchanged", "nothing to change"};
    next.vaccines = wanted;
    next.hub = c.hub;
    if (auto st = validate_site(next); !st) return st.error();
    if (!c.hub.empty() && !app.directory().generated_site(c.hub))
        return Error{"site.hub.not_found", "the hub is not a known site", {{"code", c.hub}}};
    PreparedCommand p;
    p.target_org = site_org_id(next);
    p.apply = [&app, next]() -> Result<Versions> {
        auto v = app.successor(site_org_id(next), k_vaccine_change_kind, "main",
                               {{"vaccines", category_ids(next.vaccines)}, {"hub", next.hub}});
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

Result<DecideVaccineChange> DecideVaccineChange::read(const nlohmann::json& args) {
    ArgReader r(args);
    DecideVaccineChange c;
    c.site = r.string("site");
    auto approve = r.optional_bool("approve");
    c.reason = r.optional_string("reason").value_or("");
    if (!approve && !r.finish()) return Error{"arg.missing", "approve is missing", {{"name", "approve"}}};
    if (auto e = r.finish()) return *e;
    c.approve = *approve;
    return c;
}

// The municipality decides the site's newest pending request; a rejection needs a reason the
// site will read.
Result<PreparedCommand> prepare(App& app, const DecideVaccineChange& c) {
    auto site = effective_site(app, c.site);
    if (!site) return site.error();
    const auto st = vaccine_status(app, *site);
    if (!st.request || st.decision) return Error{"site.vaccines.no_pending", "no pending request"};
    if (!c.approve && (c.reason.empty() || !text::valid_utf8(c.reason)))
        return Error{"site.vaccines.reason_required", "a rejection needs a reason"};
    if (text::length(c.reason) > site_fields::decision_reason || text::has_control(c.reason))
        return Error{"site.vaccines.reason_invalid", "the reason is too long or has control characters"};
    PreparedCommand p;
    p.target_org = site_org_id(*site);
    p.apply = [&app, muni = "muni:" + site->municipality, code = c.site, hash = st.request->hash, ok = c.approve,
               reason = c.reason]() -> Result<Versions> {
        auto v = app.successor(muni, k_vaccine_decision_kind, code, {{"request", hash}, {"approved", ok}, {"reason", reason}});
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

namespace {
const CommandEntry k_commands[] = {command_entry<UpdateSiteInfo>(), command_entry<SetDoctors>(),
                                   command_entry<RequestVaccineChange>(), command_entry<DecideVaccineChange>()};
}  // namespace

std::span<const CommandEntry> site_commands() { return k_commands; }

}  // namespace vsys
