#include "sync/authority.hpp"

#include "core/documents/document_store.hpp"
#include "core/documents/sealed_body.hpp"

#include "sync/kinds.hpp"

namespace vsys::sync {
namespace {

std::string body_string(const DocumentVersion& d, const char* member) {
    auto it = d.body.find(member);
    return it != d.body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

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

AuthorityRules::AuthorityRules(const KindRegistry& kinds) : kinds_(&kinds) {
    for (const KindSpec* k : kinds.all()) {
        for (Role r : k_all_org_roles)
            if (k->owners.has(r)) allow(r, k->name);
        if (k->proxy) allow_proxy(k->name);
    }
}

const AuthorityRules& default_authority_rules() {
    static const AuthorityRules rules(document_kinds());
    return rules;
}

Status check_document(const AuthorityRules& rules, const DocumentVersion& doc) {
    if (!rules.kinds()) return ok_status();
    if (auto s = validate_version(*rules.kinds(), doc); !s) return s;
    // Personal data travels sealed (core/documents/sealed_body.hpp): a plain body of a sealed
    // kind was readable by anyone on the exchange, and accepting it would hide the leak.
    const KindSpec* spec = rules.kinds()->find(doc.kind);
    if (spec && spec->sealed) {
        nlohmann::json body = doc.body;
        if (body.is_object()) body.erase(k_resolves_member);
        if (!is_sealed_body(body))
            return Error{"document.not_sealed", "a document of this kind must travel sealed to its readers",
                         {{"key", doc.key()}, {"kind", doc.kind}}};
    }
    return ok_status();
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
