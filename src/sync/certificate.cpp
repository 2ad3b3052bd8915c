#include "sync/certificate.hpp"

#include <tuple>

#include "core/base/input.hpp"
#include "sync/canonical.hpp"

namespace vsys::sync {
namespace {

bool lower_hex(std::string_view s, std::size_t size) {
    if (s.size() != size) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string signed_text(const Certificate& c) {
    auto j = to_json(c);
    j.erase("sig");
    auto bytes = canonical(j);
    return std::string(k_sign_certificate) + (bytes ? *bytes : std::string());
}

Error cert_error(const char* code, const char* detail, const Certificate& c) {
    return Error{code, detail, {{"account", c.account}, {"org", c.org}, {"key", c.key.substr(0, 16)}}};
}

}  // namespace

nlohmann::json to_json(const Certificate& c) {
    nlohmann::json j = {{"type", c.type},       {"key", c.key},           {"account", c.account},
                        {"org", c.org},         {"role", c.role},         {"valid_from", c.valid_from},
                        {"valid_until", c.valid_until}, {"issuer", c.issuer}};
    if (c.type == "device") j["device"] = c.device;
    if (c.type == "enrolment") j["device_until"] = c.device_until;
    if (!c.sig.empty()) j["sig"] = c.sig;
    return j;
}

Result<Certificate> certificate_from_json(const nlohmann::json& j) {
    if (!j.is_object()) return Error{"cert.malformed", "a certificate must be an object", {{"field", "certificate"}}};
    Certificate c;
    auto str = [&](const char* name, std::string& out) {
        auto it = j.find(name);
        if (it == j.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    for (auto [name, out] : {std::pair{"type", &c.type}, {"key", &c.key}, {"account", &c.account}, {"org", &c.org},
                             {"role", &c.role}, {"valid_from", &c.valid_from}, {"valid_until", &c.valid_until},
                             {"issuer", &c.issuer}, {"sig", &c.sig}})
        if (!str(name, *out)) return Error{"cert.malformed", "a certificate field is missing", {{"field", name}}};
    if (c.type == "device" && !str("device", c.device))
        return Error{"cert.malformed", "a certificate field is missing", {{"field", "device"}}};
    if (c.type == "enrolment" && !str("device_until", c.device_until))
        return Error{"cert.malformed", "a certificate field is missing", {{"field", "device_until"}}};
    if (c.type != "device" && c.type != "enrolment")
        return Error{"cert.malformed", "unknown certificate type", {{"field", "type"}}};
    for (auto it = j.begin(); it != j.end(); ++it) {
        const auto& k = it.key();
        const bool known = k == "type" || k == "key" || k == "account" || k == "org" || k == "role" ||
                           k == "valid_from" || k == "valid_until" || k == "issuer" || k == "sig" ||
                           k == (c.type == "device" ? "device" : "device_until");
        if (!known)
            return Error{"cert.unknown_member", "the certificate has an unknown member", {{"member", input::excerpt(k)}}};
    }
    for (auto [name, hex, size] : {std::tuple{"key", &c.key, 64}, {"issuer", &c.issuer, 64}, {"sig", &c.sig, 128}})
        if (!lower_hex(*hex, size))
            return Error{"cert.malformed", "keys and signatures must be lower-case hex", {{"field", name}}};
    for (auto [name, time] : {std::pair{"valid_from", &c.valid_from}, {"valid_until", &c.valid_until}})
        if (!parse_utc(*time)) return Error{"cert.malformed", "not an ISO 8601 UTC time", {{"field", name}}};
    if (c.type == "enrolment" && !parse_utc(c.device_until))
        return Error{"cert.malformed", "not an ISO 8601 UTC time", {{"field", "device_until"}}};
    return c;
}

Status sign_certificate(Certificate& c, const KeyPair& issuer) {
    c.issuer = issuer.public_hex;
    c.sig.clear();
    auto bytes = canonical(to_json(c));
    if (!bytes) return bytes.error();
    c.sig = sign(issuer, std::string(k_sign_certificate) + *bytes);
    return ok_status();
}

bool certificate_signature_ok(const Certificate& c) { return verify_signature(c.issuer, signed_text(c), c.sig); }

Result<Signer> verify_chain(const std::vector<Certificate>& chain, std::string_view root_key, const OrgRelations& rel,
                            UtcTime at, const SpentCodes& spent, std::unordered_set<std::string>* cache) {
    if (chain.empty()) return Error{"cert.chain_empty", "the signer's key has no certificate"};
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const Certificate& c = chain[i];
        const bool last = i + 1 == chain.size();
        const bool expect_device = i % 2 == 0;  // device, enrolment, device, enrolment, ...
        if (c.type != (expect_device ? "device" : "enrolment"))
            return cert_error("cert.malformed", "the chain must alternate device and enrolment certificates", c);
        Role role, org_role;
        if (!parse_role(c.role, role) || !role_of_org(c.org, org_role) || role != org_role)
            return cert_error("cert.role", "the certificate's role does not match its organisation", c);
        auto from = parse_utc(c.valid_from), until = parse_utc(c.valid_until);
        if (!from || !until || *until < *from) return cert_error("cert.malformed", "bad validity dates", c);
        // Signature: cached by the full text, so any altered field misses the cache.
        std::string text = signed_text(c);
        std::string cache_key = text + c.sig;
        if (!cache || !cache->count(cache_key)) {
            if (!verify_signature(c.issuer, text, c.sig))
                return cert_error("cert.signature", "a certificate's signature is not valid", c);
            if (cache) cache->insert(std::move(cache_key));
        }
        if (expect_device) {
            if (last) return cert_error("cert.issuer", "a device certificate must be issued by an enrolment key", c);
            const Certificate& e = chain[i + 1];
            if (c.issuer != e.key || c.account != e.account || c.org != e.org || c.role != e.role ||
                c.device != device_id_of(c.key))
                return cert_error("cert.issuer", "the device key is not certified by its enrolment key", c);
            auto e_from = parse_utc(e.valid_from), e_until = parse_utc(e.valid_until), d_until = parse_utc(e.device_until);
            if (!e_from || !e_until || !d_until) return cert_error("cert.malformed", "bad validity dates", e);
            // Each comparison between two clocks tolerates the protocol's skew (utc_time.hpp).
            if (!within_validity(*from, *e_from, *e_until))
                return cert_error("enrolment.expired", "the enrolment code was used outside its validity", e);
            if (*until > *d_until) return cert_error("cert.issuer", "the device outlives its enrolment", c);
            if (auto s = spent.find(e.key); s != spent.end() && s->second != c.key)
                return cert_error("enrolment.spent", "the enrolment code was already used by another device", e);
            if (i == 0 && !within_validity(at, *from, *until))
                return cert_error("cert.expired", "the signing key is not valid at the bundle's time", c);
        } else if (last) {
            if (c.issuer != root_key || c.org != "nation")
                return cert_error("cert.issuer", "only nation accounts are enrolled by the deployment root", c);
        } else {
            const Certificate& p = chain[i + 1];
            auto p_from = parse_utc(p.valid_from), p_until = parse_utc(p.valid_until);
            if (c.issuer != p.key || p.org != managing_org(rel, c.org) || p.org.empty())
                return cert_error("cert.issuer", "the key is not certified by its parent organisation", c);
            if (!p_from || !p_until || !within_validity(*from, *p_from, *p_until))
                return cert_error("cert.expired", "the issuing device was not valid when it issued the code", c);
        }
    }
    const Certificate& d = chain.front();
    Role role;
    parse_role(d.role, role);
    return Signer{d.key, d.account, d.org, role, d.device};
}

std::vector<std::pair<std::string, std::string>> claims_in(const std::vector<Certificate>& chain) {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i + 1 < chain.size(); i += 2) out.emplace_back(chain[i + 1].key, chain[i].key);
    return out;
}

}  // namespace vsys::sync
