// Key certificates and their delegation chain to the deployment root (ARCHITECTURE.md
// "Identity", docs/PROTOCOL.md "Key directory").
//
// Two types:
// - enrolment: the managing organisation's device (or, for the nation, the root key) certifies
//   a one-time key that "may enrol one device for account X of org O in role R between
//   valid_from and valid_until"; devices it enrols are valid until device_until at the latest.
// - device: signed by an enrolment key, certifies a device key for the same account.
// A chain lists certificates from the signing device up to the one the root issued:
//   device ← enrolment ← device of the managing org ← enrolment ← … ← root.
// Each enrolment certificate must come from a device of the managing organisation of the
// account's organisation, so a key is trusted only if its parent certified it. The first
// device to claim an enrolment key wins; a second claim is refused (enrolment.spent).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"
#include "sync/authority.hpp"
#include "sync/keys.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

struct Certificate {
    std::string type;     // "enrolment" or "device"
    std::string key;      // certified public key, hex
    std::string account;  // V-SYS ID
    std::string org;
    std::string role;
    std::string device;       // device id ("" for enrolment)
    std::string valid_from;   // ISO 8601 UTC
    std::string valid_until;  // ISO 8601 UTC
    std::string device_until; // enrolment only: latest valid_until of the device it enrols
    std::string issuer;       // public key hex of the signer
    std::string sig;          // Ed25519 over k_sign_certificate + canonical(cert without "sig")
};

nlohmann::json to_json(const Certificate& c);
// Refuses cert.malformed {field} (missing, mistyped, not hex, a time not YYYY-MM-DDTHH:MM:SSZ),
// cert.unknown_member {member}.
Result<Certificate> certificate_from_json(const nlohmann::json& j);
// Fills issuer and sig.
Status sign_certificate(Certificate& c, const KeyPair& issuer);
bool certificate_signature_ok(const Certificate& c);

// enrolment key → device key that claimed it first.
using SpentCodes = std::map<std::string, std::string>;

// Verifies a chain (signer first) as valid at time `at`. Errors: cert.chain_empty,
// cert.malformed, cert.signature, cert.issuer (a key not certified by its parent),
// cert.role, cert.expired, enrolment.expired, enrolment.spent. `cache` remembers certificates
// whose signature was already checked (a pure speed-up; may be null).
Result<Signer> verify_chain(const std::vector<Certificate>& chain, std::string_view root_key,
                            const OrgRelations& rel, UtcTime at, const SpentCodes& spent,
                            std::unordered_set<std::string>* cache);

// The enrolment key → device key pairs a verified chain claims.
std::vector<std::pair<std::string, std::string>> claims_in(const std::vector<Certificate>& chain);

}  // namespace vsys::sync
