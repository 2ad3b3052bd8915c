// Who may write which document (ARCHITECTURE.md principle 3), as a pure function of the signer,
// the document and the organisation hierarchy, which is passed in through OrgRelations so this
// file does not depend on how the hierarchy is stored.
//
// Rules, in order (docs/PROTOCOL.md "Authority"):
// 1. A proxy version (proxy == true) is allowed only to a municipality signing for a site or
//    venue whose parent it is, and only for kinds the rules mark as proxyable.
// 2. Otherwise the signer's organisation must own the document.
// 3. The signer's role must be allowed to own the document's kind (a site may not own an
//    allocation): the kind's registered owners (core/documents/kind_registry.hpp).
// 4. Documents about an account ("account", "enrolment", "unlock") must be owned by the managing
//    organisation of the account's organisation (body member "org"); an unlock may also be
//    owned by support.
// 5. The body must keep its kind's registered shape (the kind's validate, naming the member).
// Rules 1 and 3 are data (AuthorityRules); default_authority_rules() derives them from the
// registry of document kinds (sync/kinds.hpp), so no list of kinds is kept here.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/base/org_role.hpp"
#include "core/documents/document.hpp"
#include "core/documents/kind_registry.hpp"
#include "core/base/result.hpp"

namespace vsys::sync {

// Roles, organisation ids and the hierarchy interface live in core (core/base/org_role.hpp,
// where the role is OrgRole: the app has a Role of its own); these are the names the sync
// layer has always used.
using vsys::OrgRelations;
using vsys::parse_role;
using Role = vsys::OrgRole;
using vsys::role_name;
using vsys::role_of_org;
using vsys::valid_org_id;

// The organisation that manages accounts of `org`: its parent; the nation for the nation,
// federations and support.
std::string managing_org(const OrgRelations& rel, std::string_view org);
// True when org is root or below it.
bool in_subtree(const OrgRelations& rel, std::string_view org, std::string_view root);

struct Signer {
    std::string key;      // public key hex
    std::string account;  // V-SYS ID
    std::string org;
    Role role = Role::site;
    std::string device;   // device id
};

class AuthorityRules {
public:
    AuthorityRules() = default;
    // Owners and proxy flags of every registered kind; received bodies are checked by its
    // validate functions (check_document).
    explicit AuthorityRules(const KindRegistry& kinds);
    void allow(Role role, std::string kind) { own_[role].insert(std::move(kind)); }
    void allow_proxy(std::string kind) { proxy_.insert(std::move(kind)); }
    bool may_own(Role role, std::string_view kind) const;
    bool proxyable(std::string_view kind) const { return proxy_.count(std::string(kind)) != 0; }
    // The kinds whose validate runs on received versions; null for rules built by hand.
    const KindRegistry* kinds() const { return kinds_; }

private:
    std::map<Role, std::set<std::string>> own_;
    std::set<std::string> proxy_;
    const KindRegistry* kinds_ = nullptr;
};

const AuthorityRules& default_authority_rules();

// Errors: authority.owner, authority.kind {role} {kind}, authority.proxy, authority.managing.
// Each names the document key as {key}.
Status check_authority(const AuthorityRules& rules, const OrgRelations& rel, const Signer& signer,
                       const DocumentVersion& doc);
// Rule 5: the body against its kind's validate (document.invalid_body {key} {kind} {member});
// ok when the rules carry no registry.
Status check_document(const AuthorityRules& rules, const DocumentVersion& doc);

}  // namespace vsys::sync
