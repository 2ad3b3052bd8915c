#include "sync/authority.hpp"

namespace vsys::sync {
namespace {

struct RoleName {
    Role role;
    const char* name;
    const char* org_prefix;  // "" for organisations without a code
};

constexpr RoleName k_roles[] = {
    {Role::nation, "nation", ""},         {Role::prefecture, "prefecture", "pref"},
    {Role::municipality, "municipality", "muni"}, {Role::site, "site", "site"},
    {Role::venue, "venue", "venue"},      {Role::federation, "federation", "federation"},
    {Role::support, "support", ""},
};

// Rule 3's table: the kinds each role may own for its own organisation. Kinds owned by
// several domain features are listed here once, so adding a document kind is one line.
struct KindRow {
    Role role;
    const char* kinds;  // space separated
};
constexpr const char* k_common = "device unlock_request";
constexpr const char* k_site_kinds =
    "site_info doctors vaccine_change request stock transfer receipt claim report settings";
constexpr KindRow k_kind_table[] = {
    {Role::nation, "round allocation lock account enrolment unlock catalog notice settings"},
    {Role::prefecture, "allocation lock account enrolment unlock notice settings"},
    {Role::municipality,
     "allocation lock approval account enrolment unlock notice settings population web_application"},
    {Role::site, k_site_kinds},
    {Role::venue, k_site_kinds},
    {Role::federation, "claim_review payment notice"},
    {Role::support, "unlock notice"},
};

template <class F>
void for_each_word(const char* text, F f) {
    std::string_view s(text);
    while (!s.empty()) {
        auto sp = s.find(' ');
        auto word = s.substr(0, sp);
        if (!word.empty()) f(std::string(word));
        if (sp == std::string_view::npos) break;
        s.remove_prefix(sp + 1);
    }
}

std::string body_string(const DocumentVersion& d, const char* member) {
    auto it = d.body.find(member);
    return it != d.body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

const char* role_name(Role r) {
    for (const auto& e : k_roles)
        if (e.role == r) return e.name;
    return "";
}

bool parse_role(std::string_view name, Role& out) {
    for (const auto& e : k_roles)
        if (name == e.name) {
            out = e.role;
            return true;
        }
    return false;
}

bool valid_org_id(std::string_view org) {
    Role r;
    return role_of_org(org, r);
}

bool role_of_org(std::string_view org, Role& out) {
    if (org == "nation") return out = Role::nation, true;
    if (org == "support") return out = Role::support, true;
    auto colon = org.find(':');
    if (colon == std::string_view::npos || colon + 1 >= org.size() || org.size() > 40) return false;
    auto prefix = org.substr(0, colon), code = org.substr(colon + 1);
    for (char c : code)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    for (const auto& e : k_roles)
        if (*e.org_prefix && prefix == e.org_prefix) return out = e.role, true;
    return false;
}

std::string managing_org(const OrgRelations& rel, std::string_view org) {
    Role r;
    if (!role_of_org(org, r)) return {};
    if (r == Role::nation || r == Role::federation || r == Role::support) return "nation";
    return rel.parent_of(org);
}

bool in_subtree(const OrgRelations& rel, std::string_view org, std::string_view root) {
    std::string cur(org);
    // The hierarchy is at most nation > prefecture > municipality > site; the bound only
    // guards against a cyclic OrgRelations.
    for (int i = 0; i < 8 && !cur.empty(); ++i) {
        if (cur == root) return true;
        cur = rel.parent_of(cur);
    }
    return false;
}

bool AuthorityRules::may_own(Role role, std::string_view kind) const {
    auto it = own_.find(role);
    return it != own_.end() && it->second.count(std::string(kind)) != 0;
}

const AuthorityRules& default_authority_rules() {
    static const AuthorityRules rules = [] {
        AuthorityRules r;
        for (const auto& row : k_kind_table) {
            for_each_word(row.kinds, [&](std::string k) { r.allow(row.role, std::move(k)); });
            for_each_word(k_common, [&](std::string k) { r.allow(row.role, std::move(k)); });
        }
        for_each_word(k_site_kinds, [&](std::string k) { r.allow_proxy(std::move(k)); });
        return r;
    }();
    return rules;
}

Status check_authority(const AuthorityRules& rules, const OrgRelations& rel, const Signer& signer,
                       const DocumentVersion& doc) {
    const std::vector<std::pair<std::string, std::string>> args = {
        {"key", doc.key()}, {"role", role_name(signer.role)}, {"kind", doc.kind}, {"org", signer.org}};
    Role owner_role;
    if (!role_of_org(doc.owner, owner_role))
        return Error{"authority.owner", "the document's owner is not a valid organisation", args};
    if (doc.proxy) {
        bool ok = signer.role == Role::municipality && (owner_role == Role::site || owner_role == Role::venue) &&
                  rel.parent_of(doc.owner) == signer.org && rules.proxyable(doc.kind) &&
                  rules.may_own(owner_role, doc.kind);
        if (!ok) return Error{"authority.proxy", "only a site's own municipality may write proxy versions", args};
        return ok_status();
    }
    if (doc.owner != signer.org)
        return Error{"authority.owner", "the signer's organisation does not own this document", args};
    if (!rules.may_own(signer.role, doc.kind))
        return Error{"authority.kind", "this role may not own documents of this kind", args};
    if (doc.kind == "account" || doc.kind == "enrolment" || doc.kind == "unlock") {
        std::string org = body_string(doc, "org");
        bool ok = !org.empty() && valid_org_id(org) &&
                  (managing_org(rel, org) == doc.owner || (doc.kind == "unlock" && doc.owner == "support"));
        if (!ok)
            return Error{"authority.managing", "only the managing organisation may write this account's documents",
                         args};
    }
    return ok_status();
}

}  // namespace vsys::sync
