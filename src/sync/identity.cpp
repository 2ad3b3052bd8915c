// Index:
// [SECTION] sealed device keys
// [SECTION] accounts
// [SECTION] enrolment codes
// [SECTION] unlock documents
#include "sync/identity.hpp"

#include <sodium.h>

#include "core/base/text.hpp"
#include "sync/canonical.hpp"
#include "sync/crypto.hpp"

namespace vsys::sync {
namespace {

constexpr const char* k_base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: no I L O U
constexpr std::size_t k_code_chars = 28;

std::string hex_of(const unsigned char* p, std::size_t n) { return crypto::to_hex(p, n); }

std::string str_member(const nlohmann::json& j, const char* name, bool& ok) {
    auto it = j.find(name);
    if (it == j.end() || !it->is_string()) {
        ok = false;
        return {};
    }
    return it->get<std::string>();
}

bool field_ok(std::string_view s, std::size_t max) {
    return !s.empty() && text::valid_utf8(s) && text::length(s) <= max && !text::has_control(s);
}

std::array<std::uint8_t, 2> code_check(const CodeSecret& s) {
    std::string data = "vsys-enrolment-check\n" + std::string(s.begin(), s.end());
    std::string h = crypto::blake2b_256_hex(data);
    std::uint8_t out[2];
    crypto::from_hex(h.substr(0, 4), out, 2);
    return {out[0], out[1]};
}

}  // namespace

// [SECTION] sealed device keys
nlohmann::json to_json(const SealedKey& k) {
    return {{"public", k.public_hex}, {"salt", k.salt},
            {"nonce", k.nonce},       {"box", k.box},
            {"opslimit", k.limits.opslimit}, {"memlimit", k.limits.memlimit}};
}

Result<SealedKey> sealed_key_from_json(const nlohmann::json& j) {
    Error bad{"identity.malformed", "the stored device key is damaged"};
    if (!j.is_object()) return bad;
    SealedKey k;
    bool ok = true;
    k.public_hex = str_member(j, "public", ok);
    k.salt = str_member(j, "salt", ok);
    k.nonce = str_member(j, "nonce", ok);
    k.box = str_member(j, "box", ok);
    auto o = j.find("opslimit"), m = j.find("memlimit");
    if (!ok || o == j.end() || m == j.end() || !o->is_number_unsigned() || !m->is_number_unsigned()) return bad;
    k.limits = {o->get<std::uint64_t>(), m->get<std::uint64_t>()};
    return k;
}

namespace {
Status derive(std::string_view password, const unsigned char* salt, const PasswordLimits& limits,
              unsigned char* key) {
    if (limits.opslimit < crypto_pwhash_OPSLIMIT_MIN || limits.memlimit < crypto_pwhash_MEMLIMIT_MIN ||
        limits.memlimit > (1ull << 30))
        return Error{"identity.kdf", "password hashing limits are out of range"};
    if (crypto_pwhash(key, crypto_secretbox_KEYBYTES, password.data(), password.size(), salt, limits.opslimit,
                      static_cast<std::size_t>(limits.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error{"identity.kdf", "not enough memory to hash the password"};
    return ok_status();
}
}  // namespace

Result<SealedKey> seal_device_key(const KeyPair& key, std::string_view password, const PasswordLimits& limits) {
    crypto::init();
    if (password.empty()) return Error{"identity.password_empty", "the password is empty"};
    unsigned char salt[crypto_pwhash_SALTBYTES], nonce[crypto_secretbox_NONCEBYTES], k[crypto_secretbox_KEYBYTES];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    if (auto s = derive(password, salt, limits, k); !s) return s.error();
    unsigned char box[crypto_secretbox_MACBYTES + 32];
    crypto_secretbox_easy(box, key.seed.data(), 32, nonce, k);
    sodium_memzero(k, sizeof k);
    return SealedKey{key.public_hex, hex_of(salt, sizeof salt), hex_of(nonce, sizeof nonce), hex_of(box, sizeof box),
                     limits};
}

Result<KeyPair> open_device_key(const SealedKey& sealed, std::string_view password) {
    crypto::init();
    unsigned char salt[crypto_pwhash_SALTBYTES], nonce[crypto_secretbox_NONCEBYTES], k[crypto_secretbox_KEYBYTES];
    unsigned char box[crypto_secretbox_MACBYTES + 32];
    if (!crypto::from_hex(sealed.salt, salt, sizeof salt) || !crypto::from_hex(sealed.nonce, nonce, sizeof nonce) ||
        !crypto::from_hex(sealed.box, box, sizeof box))
        return Error{"identity.malformed", "the stored device key is damaged"};
    if (auto s = derive(password, salt, sealed.limits, k); !s) return s.error();
    Seed seed;
    int rc = crypto_secretbox_open_easy(seed.data(), box, sizeof box, nonce, k);
    sodium_memzero(k, sizeof k);
    if (rc != 0) return Error{"identity.password", "the password is wrong"};
    KeyPair kp = key_pair_from_seed(seed);
    if (kp.public_hex != sealed.public_hex) return Error{"identity.malformed", "the stored device key is damaged"};
    return kp;
}

// [SECTION] accounts
Status validate_account(const Account& a) {
    auto bad = [](const char* f) { return Error{"account.invalid", "an account field is invalid", {{"field", f}}}; };
    if (a.vsys_id.empty() || a.vsys_id.size() > 32) return bad("vsys_id");
    for (char c : a.vsys_id)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_'))
            return bad("vsys_id");
    if (!field_ok(a.name, 100)) return bad("name");
    Role role, org_role;
    if (!parse_role(a.role, role)) return bad("role");
    if (!role_of_org(a.org, org_role) || org_role != role) return bad("org");
    if (a.state != "active" && a.state != "locked" && a.state != "restricted") return bad("state");
    return ok_status();
}

Result<Account> account_from_document(const DocumentVersion& d) {
    Account a;
    bool ok = true;
    a.vsys_id = str_member(d.body, "vsys_id", ok);
    a.name = str_member(d.body, "name", ok);
    a.role = str_member(d.body, "role", ok);
    a.org = str_member(d.body, "org", ok);
    a.state = str_member(d.body, "state", ok);
    if (!ok || d.kind != "account" || d.id != a.vsys_id || d.body.size() != 5)
        return Error{"account.invalid", "an account field is invalid", {{"field", "body"}}};
    if (auto s = validate_account(a); !s) return s.error();
    return a;
}

Status validate_account_document(const DocumentVersion& d) {
    auto a = account_from_document(d);
    if (!a) return a.error();
    return ok_status();
}

Result<DocumentVersion> account_document(const OrgRelations& rel, const Account& a, const std::string& author,
                                         UtcTime now) {
    if (auto s = validate_account(a); !s) return s.error();
    DocumentVersion d;
    d.owner = managing_org(rel, a.org);
    if (d.owner.empty()) return Error{"account.invalid", "the account's organisation is unknown", {{"field", "org"}}};
    d.kind = "account";
    d.id = a.vsys_id;
    d.author = author;
    d.time = format_utc(now);
    d.body = {{"vsys_id", a.vsys_id}, {"name", a.name}, {"role", a.role}, {"org", a.org}, {"state", a.state}};
    return d;
}

// [SECTION] enrolment codes
std::string encode_enrolment_code(const CodeSecret& secret) {
    auto check = code_check(secret);
    // 128 data bits + 2 zero bits = 26 characters, then the top 10 check bits = 2 characters.
    std::string chars;
    unsigned acc = 0;
    int bits = 0;
    for (auto b : secret) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 5) {
            chars.push_back(k_base32[(acc >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    chars.push_back(k_base32[(acc << (5 - bits)) & 31]);
    unsigned c = (unsigned(check[0]) << 2) | (check[1] >> 6);
    chars.push_back(k_base32[(c >> 5) & 31]);
    chars.push_back(k_base32[c & 31]);
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (i && i % 4 == 0) out.push_back('-');
        out.push_back(chars[i]);
    }
    return out;
}

Result<CodeSecret> decode_enrolment_code(std::string_view code) {
    Error bad{"enrolment.code_format", "the enrolment code must be 28 letters and digits"};
    std::vector<int> vals;
    for (char ch : code) {
        if (ch == '-' || ch == ' ') continue;
        char c = (ch >= 'a' && ch <= 'z') ? char(ch - 'a' + 'A') : ch;
        if (c == 'I' || c == 'L') c = '1';
        if (c == 'O') c = '0';
        const char* p = nullptr;
        for (const char* q = k_base32; *q; ++q)
            if (*q == c) p = q;
        if (!p) return bad;
        vals.push_back(int(p - k_base32));
    }
    if (vals.size() != k_code_chars) return bad;
    CodeSecret s{};
    unsigned acc = 0;
    int bits = 0;
    std::size_t out = 0;
    for (std::size_t i = 0; i < 26; ++i) {
        acc = (acc << 5) | unsigned(vals[i]);
        bits += 5;
        if (bits >= 8 && out < s.size()) {
            s[out++] = std::uint8_t(acc >> (bits - 8));
            bits -= 8;
        }
    }
    if ((acc & ((1u << bits) - 1)) != 0) return bad;
    auto check = code_check(s);
    unsigned c = (unsigned(check[0]) << 2) | (check[1] >> 6);
    if (unsigned(vals[26]) != ((c >> 5) & 31) || unsigned(vals[27]) != (c & 31))
        return Error{"enrolment.code_checksum", "the enrolment code has a typing error"};
    return s;
}

KeyPair enrolment_key(const CodeSecret& secret) {
    crypto::init();
    Seed seed;
    std::string data = "vsys-enrolment-key\n" + std::string(secret.begin(), secret.end());
    crypto::from_hex(crypto::blake2b_256_hex(data), seed.data(), seed.size());
    return key_pair_from_seed(seed);
}

namespace {
Result<IssuedEnrolment> make_enrolment(const KeyPair& issuer, const std::string& issuer_org, const std::string& author,
                                       const Account& account, UtcTime now, UtcTime valid_until, UtcTime device_until,
                                       const CodeSecret* secret) {
    if (auto s = validate_account(account); !s) return s.error();
    CodeSecret sec{};
    if (secret) sec = *secret;
    else {
        crypto::init();
        randombytes_buf(sec.data(), sec.size());
    }
    KeyPair code_key = enrolment_key(sec);
    IssuedEnrolment out;
    out.code = encode_enrolment_code(sec);
    out.cert = Certificate{"enrolment", code_key.public_hex, account.vsys_id, account.org, account.role, "",
                           format_utc(now), format_utc(valid_until), format_utc(device_until), "", ""};
    if (auto s = sign_certificate(out.cert, issuer); !s) return s.error();
    out.document.owner = issuer_org;
    out.document.kind = "enrolment";
    out.document.id = code_key.public_hex;
    out.document.author = author;
    out.document.time = format_utc(now);
    out.document.body = to_json(out.cert);
    if (auto s = seal(out.document); !s) return s.error();
    return out;
}
}  // namespace

Result<IssuedEnrolment> issue_enrolment(const OrgRelations& rel, const KeyPair& issuer_device,
                                        const std::string& issuer_org, const std::string& author,
                                        const Account& account, UtcTime now, UtcTime valid_until,
                                        UtcTime device_until, const CodeSecret* secret) {
    if (managing_org(rel, account.org) != issuer_org)
        return Error{"authority.managing", "only the managing organisation may issue codes for this account",
                     {{"key", account.vsys_id}}};
    return make_enrolment(issuer_device, issuer_org, author, account, now, valid_until, device_until, secret);
}

Result<Deployment> init_deployment(const KeyPair& root, const Account& nation_account, UtcTime now,
                                   UtcTime valid_until, UtcTime device_until, const CodeSecret* secret) {
    if (nation_account.org != "nation")
        return Error{"account.invalid", "the first account must be the nation's", {{"field", "org"}}};
    // The root is not an organisation's device; its enrolment document is owned by the nation,
    // which manages itself.
    auto e = make_enrolment(root, "nation", nation_account.vsys_id, nation_account, now, valid_until, device_until,
                            secret);
    if (!e) return e.error();
    return Deployment{root, std::move(*e)};
}

Result<Enrolled> claim_enrolment(std::string_view code, const Certificate& enrolment,
                                 const std::vector<Certificate>& issuer_chain, const SpentCodes& spent,
                                 const KeyPair& new_device, UtcTime now) {
    auto secret = decode_enrolment_code(code);
    if (!secret) return secret.error();
    KeyPair code_key = enrolment_key(*secret);
    if (enrolment.type != "enrolment" || code_key.public_hex != enrolment.key)
        return Error{"enrolment.code_wrong", "this code does not belong to that account"};
    auto from = parse_utc(enrolment.valid_from), until = parse_utc(enrolment.valid_until),
         dev_until = parse_utc(enrolment.device_until);
    if (!from || !until || !dev_until) return Error{"cert.malformed", "bad validity dates", {{"field", "valid_until"}}};
    // The claimer's clock against the issuer's: off by up to the protocol's skew is not refused.
    if (!within_validity(now, *from, *until)) return Error{"enrolment.expired", "the enrolment code has expired"};
    if (auto s = spent.find(enrolment.key); s != spent.end() && s->second != new_device.public_hex)
        return Error{"enrolment.spent", "the enrolment code was already used by another device"};
    Enrolled out;
    out.device = new_device;
    out.device_cert = Certificate{"device", new_device.public_hex, enrolment.account, enrolment.org, enrolment.role,
                                  device_id_of(new_device.public_hex), format_utc(now), enrolment.device_until, "", "", ""};
    if (auto s = sign_certificate(out.device_cert, code_key); !s) return s.error();
    out.chain = {out.device_cert, enrolment};
    out.chain.insert(out.chain.end(), issuer_chain.begin(), issuer_chain.end());
    out.document.owner = enrolment.org;
    out.document.kind = "device";
    out.document.id = new_device.public_hex;
    out.document.author = enrolment.account;
    out.document.time = format_utc(now);
    out.document.body = to_json(out.device_cert);
    if (auto s = seal(out.document); !s) return s.error();
    return out;
}

// ---- Lockout and restriction

AccessState access_state(const Account& account, const LoginRecord& record, UtcTime last_activity,
                         UtcTime last_unlock, UtcTime now, const LockoutLimits& limits) {
    if (account.state == "locked") return AccessState::locked;
    if (account.state == "restricted") return AccessState::restricted;
    if (record.locked_at != 0 && last_unlock < record.locked_at) return AccessState::locked;
    UtcTime since = std::max(last_activity, last_unlock);
    if (now - since > limits.inactive_days * k_seconds_per_day) return AccessState::restricted;
    return AccessState::active;
}

Result<KeyPair> attempt_login(const SealedKey& sealed, std::string_view password, LoginRecord& record,
                              UtcTime last_unlock, UtcTime now, const LockoutLimits& limits) {
    if (record.locked_at != 0) {
        if (last_unlock < record.locked_at)
            return Error{"account.locked", "the account is locked on this device after too many wrong passwords"};
        record = LoginRecord{};
    }
    auto key = open_device_key(sealed, password);
    if (key) {
        record.failures = 0;
        return key;
    }
    if (key.error().code != "identity.password") return key.error();
    if (++record.failures >= limits.max_failures) {
        record.locked_at = now;
        return Error{"account.locked", "the account is locked on this device after too many wrong passwords"};
    }
    return Error{"identity.password", "the password is wrong",
                 {{"remaining", std::to_string(limits.max_failures - record.failures)}}};
}

Result<DocumentVersion> unlock_request_document(const UnlockRequest& r, const std::string& org,
                                                const std::string& author, UtcTime now) {
    auto bad = [](const char* f) { return Error{"unlock.invalid", "an unlock request field is invalid", {{"field", f}}}; };
    if (!field_ok(r.vsys_id, 32)) return bad("vsys_id");
    if (!field_ok(r.institution, k_unlock_institution_max)) return bad("institution");
    if (!field_ok(r.institution_code, k_unlock_code_max)) return bad("institution_code");
    if (!field_ok(r.name, k_unlock_name_max)) return bad("name");
    if (!field_ok(r.mail, k_unlock_mail_max) || r.mail.find('@') == std::string::npos) return bad("mail");
    if (!valid_org_id(org)) return bad("org");
    DocumentVersion d;
    d.owner = org;
    d.kind = "unlock_request";
    d.id = r.vsys_id;
    d.author = author;
    d.time = format_utc(now);
    d.body = {{"vsys_id", r.vsys_id}, {"institution", r.institution}, {"institution_code", r.institution_code},
              {"name", r.name},       {"mail", r.mail},               {"org", org}};
    return d;
}

DocumentVersion unlock_document(const std::string& owner, const Account& account, const std::string& author,
                                UtcTime now) {
    DocumentVersion d;
    d.owner = owner;
    d.kind = "unlock";
    d.id = account.vsys_id;
    d.author = author;
    d.time = format_utc(now);
    d.body = {{"account", account.vsys_id}, {"org", account.org}, {"time", format_utc(now)}};
    return d;
}

// [SECTION] unlock documents
UtcTime unlock_time(const DocumentVersion& d) {
    auto it = d.body.find("time");
    if (d.kind != "unlock" || it == d.body.end() || !it->is_string()) return 0;
    auto t = parse_utc(it->get<std::string>());
    return t ? *t : 0;
}

}  // namespace vsys::sync
