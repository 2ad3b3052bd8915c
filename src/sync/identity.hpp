// Accounts, passwords, device keys, enrolment codes and lockout (ARCHITECTURE.md "Identity",
// docs/PROTOCOL.md "Enrolment codes"). Time is always passed in.
//
// - An account is a document of its managing organisation: kind "account", id = V-SYS ID, body
//   {"vsys_id","name","role","org","state"} with state active / locked / restricted.
// - The password never leaves the device: Argon2id (k_password_limits) derives the key that
//   encrypts the device's signing seed (secretbox); a wrong password fails to decrypt.
// - An enrolment code is 16 random bytes written as 28 Crockford base32 characters in groups of
//   four (26 data + 2 check). The code's Ed25519 key pair is derived from it; its public half
//   is certified in an "enrolment" document, and the new device signs its key with it.
// - Lockout is per device (LoginRecord); restriction after inactivity is computed from the last
//   signed activity; both limits are data (LockoutLimits). An "unlock" document (managing
//   organisation or support) clears both; an "unlock_request" asks for one.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document.hpp"
#include "core/base/result.hpp"
#include "sync/authority.hpp"
#include "sync/certificate.hpp"
#include "sync/keys.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

// Argon2id limits, in one place. The browser runs this in a wasm heap and on clinic PCs:
// 3 passes over 32 MiB take about 0.1 s natively and well under 2 s in wasm, while making an
// offline guess cost the same. Stored with each sealed key, so they can be raised later.
struct PasswordLimits {
    std::uint64_t opslimit;
    std::uint64_t memlimit;  // bytes
};
inline constexpr PasswordLimits k_password_limits{3, 32u << 20};

struct SealedKey {
    std::string public_hex;
    std::string salt;   // hex, 16 bytes
    std::string nonce;  // hex, 24 bytes
    std::string box;    // hex, secretbox of the 32-byte seed
    PasswordLimits limits{};
};
nlohmann::json to_json(const SealedKey& k);
Result<SealedKey> sealed_key_from_json(const nlohmann::json& j);  // identity.malformed

// Errors: identity.password_empty, identity.kdf (out of memory).
Result<SealedKey> seal_device_key(const KeyPair& key, std::string_view password,
                                  const PasswordLimits& limits = k_password_limits);
// Errors: identity.password (wrong password), identity.kdf.
Result<KeyPair> open_device_key(const SealedKey& sealed, std::string_view password);

// ---- Accounts

struct Account {
    std::string vsys_id;
    std::string name;
    std::string role;
    std::string org;
    std::string state = "active";  // active / locked / restricted
};
// Errors: account.invalid {field}.
Status validate_account(const Account& a);
Status validate_account_document(const DocumentVersion& d);
Result<Account> account_from_document(const DocumentVersion& d);
// Version 1 of the account document, owned by the managing organisation; unsealed.
Result<DocumentVersion> account_document(const OrgRelations& rel, const Account& a, const std::string& author,
                                         UtcTime now);

// ---- Enrolment codes

using CodeSecret = std::array<std::uint8_t, 16>;

std::string encode_enrolment_code(const CodeSecret& secret);  // "ABCD-EFGH-...-XY12"
// Accepts lower case, spaces and hyphens anywhere, and I/L as 1, O as 0.
// Errors: enrolment.code_format, enrolment.code_checksum.
Result<CodeSecret> decode_enrolment_code(std::string_view code);
KeyPair enrolment_key(const CodeSecret& secret);

struct IssuedEnrolment {
    std::string code;      // give to the user, on paper or by phone
    Certificate cert;      // the enrolment certificate
    DocumentVersion document;  // kind "enrolment", owned by the issuer's org, sealed
};

// The managing organisation's device issues a code for `account`, claimable until
// `valid_until`, for a device valid until `device_until`. `issuer_org` must manage the
// account's organisation (authority.managing). The secret is random unless given.
Result<IssuedEnrolment> issue_enrolment(const OrgRelations& rel, const KeyPair& issuer_device,
                                        const std::string& issuer_org, const std::string& author,
                                        const Account& account, UtcTime now, UtcTime valid_until,
                                        UtcTime device_until, const CodeSecret* secret = nullptr);

struct Enrolled {
    KeyPair device;
    Certificate device_cert;
    std::vector<Certificate> chain;  // device, enrolment, then the issuer's chain
    DocumentVersion document;        // kind "device", owned by the account's org, sealed
};

// A new device claims a code. `enrolment` and `issuer_chain` come from the exchange (the
// enrolment document and the chain of the device that issued it; empty when the root issued
// it). Errors: enrolment.code_wrong, enrolment.expired, enrolment.spent, and decode errors.
Result<Enrolled> claim_enrolment(std::string_view code, const Certificate& enrolment,
                                 const std::vector<Certificate>& issuer_chain, const SpentCodes& spent,
                                 const KeyPair& new_device, UtcTime now);

// A new deployment: the root key and the nation's first enrolment code.
struct Deployment {
    KeyPair root;
    IssuedEnrolment nation_enrolment;
};
Result<Deployment> init_deployment(const KeyPair& root, const Account& nation_account, UtcTime now,
                                   UtcTime valid_until, UtcTime device_until, const CodeSecret* secret = nullptr);

// ---- Lockout and restriction

struct LockoutLimits {
    int max_failures = 5;           // wrong passwords in a row that lock the account here
    std::int64_t inactive_days = 90;  // days without signed activity that restrict it
};
inline constexpr LockoutLimits k_lockout_limits{};

struct LoginRecord {  // per account, per device; stored on the device only
    int failures = 0;
    UtcTime locked_at = 0;  // 0 when not locked
};

enum class AccessState { active, locked, restricted };

// The account's state as this device sees it. `last_activity` is its latest signed bundle
// time (or its enrolment), `last_unlock` the time of its latest unlock document (0 if none).
AccessState access_state(const Account& account, const LoginRecord& record, UtcTime last_activity,
                         UtcTime last_unlock, UtcTime now, const LockoutLimits& limits = k_lockout_limits);

// Password check with lockout: a locked account is refused without trying (account.locked);
// a wrong password counts (identity.password {remaining}); the fifth locks; success resets.
Result<KeyPair> attempt_login(const SealedKey& sealed, std::string_view password, LoginRecord& record,
                              UtcTime last_unlock, UtcTime now, const LockoutLimits& limits = k_lockout_limits);

// Limits of an unlock request's fields, in characters (the sign-in screen's form counts them).
inline constexpr std::size_t k_unlock_institution_max = 100;
inline constexpr std::size_t k_unlock_code_max = 10;
inline constexpr std::size_t k_unlock_name_max = 100;
inline constexpr std::size_t k_unlock_mail_max = 254;

struct UnlockRequest {
    std::string vsys_id;
    std::string institution;       // name of the institution
    std::string institution_code;  // its code
    std::string name;              // the person's name
    std::string mail;
};
// Errors: unlock.invalid {field}. Owned by the account's own organisation.
Result<DocumentVersion> unlock_request_document(const UnlockRequest& r, const std::string& org,
                                                const std::string& author, UtcTime now);
// Kind "unlock", id = V-SYS ID, body {"account","org","time"}; owner is the managing
// organisation or "support".
DocumentVersion unlock_document(const std::string& owner, const Account& account, const std::string& author,
                                UtcTime now);
// Time named in an unlock document (0 when malformed).
UtcTime unlock_time(const DocumentVersion& d);

}  // namespace vsys::sync
