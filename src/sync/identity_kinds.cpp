// Identity's document kinds (docs/PROTOCOL.md "Identity"). Their bodies are also checked
// against the signer by bundle.cpp's certificate and account rules; the validate functions
// here are the shape alone, the same for what a device writes and what it receives.
#include "sync/certificate.hpp"
#include "sync/identity.hpp"
#include "sync/kinds.hpp"

namespace vsys::sync {
namespace {

Status certificate_body(const DocumentVersion& v) {
    auto c = certificate_from_json(v.body);
    if (!c) return c.error();
    return ok_status();
}

}  // namespace

void register_identity_kinds(KindRegistry& kinds) {
    const RoleSet managers{Role::nation, Role::prefecture, Role::municipality};
    kinds.add({"account", managers, false, false, {}, 1, validate_account_document});
    kinds.add({"enrolment", managers, false, false, {}, 1, certificate_body});
    // Support may also unlock any account (authority rule 4).
    kinds.add({"unlock", {Role::nation, Role::prefecture, Role::municipality, Role::support}, false, false, {}, 1, {}});
    kinds.add({"unlock_request", RoleSet::all(), false, false, {}, 1, {}});
    kinds.add({"device", RoleSet::all(), false, false, {}, 1, certificate_body});
    // This device's own records: sealed keys, certificate chains, sign-in counters, codes typed
    // or claimed here, the kiosk's secret, claimed codes' keys (code_key.hpp). Never published.
    for (const char* k : {"credential", "chain", "login", "enrolment_code", "enrolment_claim", "kiosk", "code_key"})
        kinds.add({k, {}, false, true, {}, 1, {}});
}

}  // namespace vsys::sync
