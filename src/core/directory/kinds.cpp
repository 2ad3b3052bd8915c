#include "core/directory/kinds.hpp"

#include "core/directory/site.hpp"

namespace vsys {
namespace {

Status invalid(const char* member) {
    return Error{"document.invalid_body", "a member of the document's body is missing or malformed", {{"member", member}}};
}

Status validate_site_info(const DocumentVersion& v) {
    auto site = site_from_json(v.body);
    if (!site) return site.error();
    if (site_org_id(*site) != v.owner) return invalid("code");
    return ok_status();
}

Status validate_vaccine_change(const DocumentVersion& v) {
    if (auto s = BodyReader(v.body).array("vaccines").string("hub").finish(); !s) return s;
    for (const auto& c : v.body["vaccines"])
        if (!c.is_string() || !parse_vaccine_category(c.get<std::string>())) return invalid("vaccines");
    return ok_status();
}

Status validate_vaccine_decision(const DocumentVersion& v) {
    return BodyReader(v.body).string("request").boolean("approved").string("reason").finish();
}

Status validate_population(const DocumentVersion& v) {
    if (auto s = BodyReader(v.body).integer("schema").integer("total").integer("eligible").integer("child").finish(); !s)
        return s;
    for (const char* m : {"total", "eligible", "child"})
        if (v.body[m].get<std::int64_t>() < 0) return invalid(m);
    return ok_status();
}

}  // namespace

void register_directory_kinds(KindRegistry& kinds) {
    const RoleSet sites{OrgRole::site, OrgRole::venue};
    kinds.add({k_site_info_kind, sites, true, false, {}, 1, validate_site_info});
    kinds.add({k_vaccine_change_kind, sites, true, false, {}, 1, validate_vaccine_change});
    kinds.add({k_vaccine_decision_kind, {OrgRole::municipality}, false, false, {}, 1, validate_vaccine_decision});
    kinds.add({k_population_kind, {OrgRole::municipality}, false, false, {}, 1, validate_population});
    kinds.add({"doctors", sites, true, false, {}, 1, {}});
    kinds.add({"catalog", {OrgRole::nation}, false, false, {}, 1, {}});
}

}  // namespace vsys
