// The document-kind registry (ARCHITECTURE.md "Document kinds are registered, not spelled").
// Every kind of document the app writes or a device may receive is registered once, by the
// feature that defines it (src/core/<feature>/kinds.cpp, src/sync/identity_kinds.cpp), with:
//   name      the "kind" of a version's key (owner/kind/id)
//   owners    the roles whose organisations may own it (authority rule 3, sync/authority.hpp)
//   proxy     a municipality may write it for its own sites (代行入力, authority rule 1)
//   local     it may also be a device-local record (owner "device"), never published
//   audience  organisations outside the writer's ancestors that must see a version (a bundle's
//             "to"); ancestors and the writer's descendants see it by the exchange's layout
//   schema    the version of the body's layout
//   validate  the body's shape, run on the versions the app writes and on every received one
//   sealed    the body carries personal data: it travels encrypted to the devices of its owner
//             and audience (core/documents/sealed_body.hpp); a received version must be sealed,
//             and validate sees a sealed body's envelope only (the plain body is checked by the
//             writer before sealing and by a recipient after opening)
// The one list of feature registrations is sync/kinds.cpp (document_kinds()); it is explicit
// calls, so no registration depends on a static initialiser a static library may drop.
//
// Invariants: a name is registered once (add() refuses a second one); a kind with no owning
// role is device-local only; validate never throws and names the member it refuses.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/org_role.hpp"
#include "core/base/result.hpp"
#include "core/documents/document.hpp"

namespace vsys {

using KindAudience = std::function<std::vector<std::string>(const DocumentVersion&, const OrgRelations&)>;
// ok, or an error naming the member of the body that is wrong (args "member" or "field").
using KindValidate = std::function<Status(const DocumentVersion&)>;

struct KindSpec {
    std::string name;
    RoleSet owners;
    bool proxy = false;
    bool local = false;
    KindAudience audience;  // empty: no one beyond the exchange's layout
    int schema = 1;
    KindValidate validate;  // empty: any JSON object (a kind with no writer yet)
    bool sealed = false;
};

class KindRegistry {
public:
    // A name registered twice keeps its first registration and is listed by duplicates()
    // (a programming error that a unit test catches).
    void add(KindSpec spec);
    const std::vector<std::string>& duplicates() const { return duplicates_; }
    const KindSpec* find(std::string_view name) const;
    std::vector<const KindSpec*> all() const;

private:
    std::map<std::string, KindSpec, std::less<>> kinds_;
    std::vector<std::string> duplicates_;
};

// A version's kind must be registered (document.kind_unregistered {kind} {key}) and, for an
// organisation's document, its body must pass the kind's validate (document.invalid_body {key}
// {kind} {member}); a device-local record needs a kind registered as local.
Status validate_version(const KindRegistry& kinds, const DocumentVersion& v);
// The registered audience of a version (empty for an unregistered kind).
std::vector<std::string> kind_audience(const KindRegistry& kinds, const DocumentVersion& v, const OrgRelations& rel);

// ---- Helpers for the features' validate functions: strict members of a body object.
// Each refuses with document.invalid_body naming the member.
class BodyReader {
public:
    explicit BodyReader(const nlohmann::json& body) : body_(body) {}
    BodyReader& string(const char* member, bool required = true);
    BodyReader& boolean(const char* member, bool required = true);
    BodyReader& integer(const char* member, bool required = true);
    BodyReader& array(const char* member, bool required = true);
    // Refuses any member not named by the calls above.
    Status finish();

private:
    template <class Pred>
    BodyReader& check(const char* member, bool required, Pred is_type);
    const nlohmann::json& body_;
    std::vector<std::string> known_;
    std::string bad_;
};

}  // namespace vsys
