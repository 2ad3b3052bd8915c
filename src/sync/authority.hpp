// Who may write which document (ARCHITECTURE.md principle 3), as a pure function of the signer,
// the document and the organisation hierarchy, which is passed in through OrgRelations so this
// file does not depend on how the hierarchy is stored.
//
// Rules, in order (docs/PROTOCOL.md "Authority"):
// 1. A proxy version (proxy == true) is allowed only to a municipality signing for a site or
//    venue whose parent it is, and only for kinds the rules mark as proxyable.
// 2. Otherwise the signer's organisation must own the document.
// 3. The signer's role must be allowed to own the document's kind (a site may not own an
//    allocation).
// 4. Documents about an account ("account", "enrolment", "unlock") must be owned by the managing
//    organisation of the account's organisation (body member "org"); an unlock may also be
//    owned by support.
// The table of rule 3 is data (AuthorityRules); default_authority_rules() is the deployment's.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/documents/document.hpp"
#include "core/base/result.hpp"

namespace vsys::sync {

enum class Role { nation, prefecture, municipality, site, venue, federation, support };

const char* role_name(Role r);
bool parse_role(std::string_view name, Role& out);
// The role an organisation id implies: "pref:130001" → prefecture. False for a malformed id.
bool role_of_org(std::string_view org, Role& out);
// "nation", "support", or "<prefix>:<code>" with prefix pref/muni/site/venue/federation and a
// code of ASCII letters and digits.
bool valid_org_id(std::string_view org);

// The hierarchy as this module needs it. parent_of returns "" for the nation and for an
// unknown organisation.
struct OrgRelations {
    virtual ~OrgRelations() = default;
    virtual std::string parent_of(std::string_view org) const = 0;
};

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
    void allow(Role role, std::string kind) { own_[role].insert(std::move(kind)); }
    void allow_proxy(std::string kind) { proxy_.insert(std::move(kind)); }
    bool may_own(Role role, std::string_view kind) const;
    bool proxyable(std::string_view kind) const { return proxy_.count(std::string(kind)) != 0; }

private:
    std::map<Role, std::set<std::string>> own_;
    std::set<std::string> proxy_;
};

const AuthorityRules& default_authority_rules();

// Errors: authority.owner, authority.kind {role} {kind}, authority.proxy, authority.managing.
// Each names the document key as {key}.
Status check_authority(const AuthorityRules& rules, const OrgRelations& rel, const Signer& signer,
                       const DocumentVersion& doc);

}  // namespace vsys::sync
