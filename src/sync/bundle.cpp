#include "sync/bundle.hpp"

#include <charconv>
#include <cstdio>

#include "core/base/input.hpp"
#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/identity.hpp"

namespace vsys::sync {
namespace {

bool lower_hex(std::string_view s, std::size_t size) {
    if (s.size() != size) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// True when the text ends inside a string or an open array/object: it was cut short.
bool ends_open(std::string_view t) {
    long depth = 0;
    bool in_string = false, escaped = false;
    for (char c : t) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') in_string = true;
        else if (c == '[' || c == '{') ++depth;
        else if (c == ']' || c == '}') --depth;
    }
    return in_string || depth > 0;
}

// What the signature covers: the prefix and canonical(bundle without "sig"), cut from the
// file rather than re-encoded (copying and re-encoding the parsed tree took a tenth of the time
// of verifying and applying a history in wasm). Exact because the file is canonical: members
// are sorted, so "sig" is followed only by "time" and "to", which are checked to be strings
// (and a '"' inside a string is always escaped), so the last `,"sig":"` in the file is the
// top-level member's. Empty if not found, which no valid signature matches.
std::string signed_text(std::string_view bytes, std::string_view sig) {
    constexpr std::string_view key = ",\"sig\":\"";
    const auto at = bytes.rfind(key);
    const auto end = at + key.size() + sig.size();
    if (at == std::string_view::npos || end >= bytes.size() || bytes.substr(at + key.size(), sig.size()) != sig ||
        bytes[end] != '"')
        return std::string();
    std::string out(k_sign_bundle);
    out.append(bytes.substr(0, at)).append(bytes.substr(end + 1));
    return out;
}

Verdict reject(Verdict v, Error e, bool advances = false) {
    v.error = std::move(e);
    v.advances_feed = advances;
    return v;
}

constexpr const char* k_bundle_members[] = {"chain", "device", "docs", "org",  "prev",
                                            "schema", "seq",   "sig",  "time", "to"};

Error malformed(const char* field) {
    return Error{"bundle.malformed", "a bundle field is missing or has the wrong type", {{"field", field}}};
}

Status check_special(const DocumentVersion& d, const Signer& signer, const VerifyContext& ctx) {
    if (d.kind == "enrolment" || d.kind == "device") {
        auto c = certificate_from_json(d.body);
        if (!c) return c.error();
        bool ok = c->type == d.kind && d.id == c->key && certificate_signature_ok(*c) &&
                  (d.kind == "enrolment" ? (c->issuer == signer.key || c->issuer == ctx.trust.root_key) && managing_org(ctx.relations, c->org) == d.owner
                                         : c->key == signer.key && c->org == d.owner);
        if (!ok)
            return Error{"bundle.certificate_document", "a certificate document does not match its signer",
                         {{"key", d.key()}}};
    } else if (d.kind == "account") {
        if (auto s = validate_account_document(d); !s) return s;
    } else if (d.kind == k_lock_kind) {
        for (const auto& h : locked_hashes(d))
            if (const auto* target = ctx.store.find(h); target && !in_subtree(ctx.relations, target->owner, d.owner))
                return Error{"authority.lock", "an organisation may lock only its own subtree's documents",
                             {{"key", d.key()}, {"hash", h}}};
    }
    return ok_status();
}

}  // namespace

std::string bundle_file_name(std::uint64_t seq, std::string_view hash) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010llu-", static_cast<unsigned long long>(seq));
    return std::string(buf) + std::string(hash) + ".json";
}

bool parse_bundle_name(std::string_view name, std::uint64_t& seq, std::string& hash) {
    if (name.size() != 10 + 1 + 64 + 5 || name[10] != '-' || name.substr(75) != ".json") return false;
    auto r = std::from_chars(name.data(), name.data() + 10, seq);
    if (r.ec != std::errc{} || r.ptr != name.data() + 10 || seq == 0) return false;
    hash = std::string(name.substr(11, 64));
    return lower_hex(hash, 64);
}

Result<BundleFile> write_bundle(FeedWriter& feed, UtcTime time, const std::vector<DocumentVersion>& docs,
                                const std::vector<std::string>& to) {
    nlohmann::json j = {{"schema", k_bundle_schema},
                        {"org", feed.org},
                        {"device", device_id_of(feed.key.public_hex)},
                        {"seq", feed.seq + 1},
                        {"prev", feed.last_hash},
                        {"time", format_utc(time)}};
    auto chain = nlohmann::json::array();
    if (feed.seq == 0)
        for (const auto& c : feed.chain) chain.push_back(to_json(c));
    j["chain"] = std::move(chain);
    auto arr = nlohmann::json::array();
    for (const auto& d : docs) {
        if (d.hash.empty()) return Error{"store.unsealed", "the version has no hash"};
        arr.push_back(to_json(d));
    }
    j["docs"] = std::move(arr);
    j["to"] = to;
    auto unsigned_bytes = canonical(j);
    if (!unsigned_bytes) return unsigned_bytes.error();
    j["sig"] = sign(feed.key, std::string(k_sign_bundle) + *unsigned_bytes);
    auto bytes = canonical(j);
    if (!bytes) return bytes.error();
    BundleFile f;
    f.bytes = std::move(*bytes);
    f.hash = crypto::blake2b_256_hex(f.bytes);
    f.seq = feed.seq + 1;
    f.name = bundle_file_name(f.seq, f.hash);
    feed.seq = f.seq;
    feed.last_hash = f.hash;
    return f;
}

Verdict verify_bundle(std::string_view bytes, std::string_view file_name, const VerifyContext& ctx,
                      std::unordered_set<std::string>* cert_cache) {
    Verdict v;
    if (bytes.size() > ctx.max_bytes)
        return reject(v, Error{"bundle.too_large", "the file is over the size limit",
                               {{"size", std::to_string(bytes.size())}, {"max", std::to_string(ctx.max_bytes)}}});
    auto parsed = parse_canonical(bytes);
    if (!parsed) {
        const auto& code = parsed.error().code;
        if (code == "json.utf8") return reject(v, Error{"bundle.utf8", "the file is not valid UTF-8"});
        if (code == "json.not_canonical")
            return reject(v, Error{"bundle.not_canonical", "the file is not in canonical form"});
        if (ends_open(bytes)) return reject(v, Error{"bundle.truncated", "the file is cut short"});
        return reject(v, Error{"bundle.json", "the file is not valid JSON"});
    }
    v.hash = crypto::blake2b_256_hex(bytes);
    std::uint64_t name_seq = 0;  // 0: no file name to check against
    if (!file_name.empty()) {
        std::string name_hash;
        if (!parse_bundle_name(file_name, name_seq, name_hash))
            return reject(v, Error{"bundle.name", "the file name is not <seq>-<hash>.json", {{"name", input::excerpt(file_name)}}});
        if (name_hash != v.hash)
            return reject(v, Error{"bundle.hash_mismatch", "the content does not match the hash in its name"});
    }
    const nlohmann::json& j = *parsed;
    if (!j.is_object()) return reject(v, malformed("bundle"));
    if (auto s = j.find("schema"); s == j.end() || !s->is_number_integer() || s->get<std::int64_t>() != k_bundle_schema)
        return reject(v, Error{"bundle.schema", "unsupported bundle schema version"});
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool known = false;
        for (const char* m : k_bundle_members) known = known || it.key() == m;
        if (!known)
            return reject(v, Error{"bundle.unknown_member", "the bundle has an unknown member",
                                   {{"member", input::excerpt(it.key())}}});
    }
    for (const char* f : {"org", "device", "prev", "time", "sig"})
        if (auto it = j.find(f); it == j.end() || !it->is_string()) return reject(v, malformed(f));
    for (const char* f : {"chain", "docs", "to"})
        if (auto it = j.find(f); it == j.end() || !it->is_array()) return reject(v, malformed(f));
    auto seq_it = j.find("seq");
    if (seq_it == j.end() || !seq_it->is_number_unsigned() || seq_it->get<std::uint64_t>() == 0)
        return reject(v, malformed("seq"));
    const std::string org = j["org"].get<std::string>(), device = j["device"].get<std::string>();
    const std::string prev = j["prev"].get<std::string>(), sig = j["sig"].get<std::string>();
    v.seq = seq_it->get<std::uint64_t>();
    // Readers order a feed's files by the number in their names (replay, the exchange): a file
    // named for another place than its own would be applied out of turn (found by fuzz_archive:
    // a feed's second bundle renamed 3 was accepted, and the real 3 refused as a gap).
    if (name_seq != 0 && name_seq != v.seq)
        return reject(v, Error{"bundle.name_seq", "the sequence number in the file name is not the bundle's",
                               {{"name", std::to_string(name_seq)}, {"seq", std::to_string(v.seq)}}});
    v.feed = org + "/" + device;
    // Each member on its own, so the error names the one that is wrong.
    if (!valid_org_id(org)) return reject(v, malformed("org"));
    if (!lower_hex(device, 16)) return reject(v, malformed("device"));
    if (!(prev.empty() || lower_hex(prev, 64))) return reject(v, malformed("prev"));
    if (!lower_hex(sig, 128)) return reject(v, malformed("sig"));
    auto time = parse_utc(j["time"].get<std::string>());
    if (!time) return reject(v, malformed("time"));
    v.time = *time;
    for (const auto& c : j["chain"]) {
        auto cert = certificate_from_json(c);
        if (!cert) return reject(v, cert.error());
        v.chain.push_back(std::move(*cert));
    }
    for (const auto& t : j["to"]) {
        if (!t.is_string() || !valid_org_id(t.get<std::string>())) return reject(v, malformed("to"));
        v.to.push_back(t.get<std::string>());
    }

    // Who signed: the chain of a feed's first bundle, or the key the feed started with.
    const auto feed_it = ctx.trust.feeds.find(v.feed);
    const FeedState* feed = feed_it == ctx.trust.feeds.end() ? nullptr : &feed_it->second;
    if (!feed && v.seq != 1)
        return reject(v, Error{"bundle.gap", "bundles before this one are missing", {{"expected", "1"}}});
    if (!v.chain.empty()) {
        auto signer = verify_chain(v.chain, ctx.trust.root_key, ctx.relations, v.time, ctx.trust.spent, cert_cache);
        if (!signer) return reject(v, signer.error());
        if (feed && signer->key != feed->key)
            return reject(v, Error{"bundle.signature", "the bundle is not signed by the feed's device"});
        v.signer = *signer;
        // verify_chain parsed both dates of the signer's certificate.
        v.valid_from = *parse_utc(v.chain.front().valid_from);
        v.valid_until = *parse_utc(v.chain.front().valid_until);
    } else if (feed) {
        // The key the feed started with, within the validity its certificate gave it
        // (PROTOCOL section 3): a later bundle carries no chain but is held to the same rule.
        v.signer = feed->signer;
        v.valid_from = feed->valid_from;
        v.valid_until = feed->valid_until;
        if (!within_validity(v.time, v.valid_from, v.valid_until))
            return reject(v, Error{"cert.expired", "the signing key is not valid at the bundle's time",
                                   {{"account", v.signer.account}, {"org", v.signer.org},
                                    {"key", v.signer.key.substr(0, 16)}, {"time", format_utc(v.time)}}});
    } else {
        return reject(v, Error{"cert.chain_empty", "the signer's key has no certificate"});
    }
    if (v.signer.org != org || v.signer.device != device)
        return reject(v, Error{"bundle.signature", "the bundle is not signed by the feed's device"});
    if (!verify_signature(v.signer.key, signed_text(bytes, sig), sig))
        return reject(v, Error{"bundle.signature", "the signature is not valid"});

    // The feed chain: each reason separately, so a reader can tell an attack from a delay.
    const std::uint64_t last = feed ? feed->hashes.size() : 0;
    if (feed) {
        const auto& hs = feed->hashes;
        for (std::size_t i = 0; i < hs.size(); ++i) {
            if (hs[i] == v.hash)
                return reject(v, Error{"bundle.replay", "this bundle was already received", {{"seq", std::to_string(v.seq)}}});
        }
        for (std::size_t i = 0; i < hs.size(); ++i)
            if (hs[i] == prev && v.seq != i + 2)
                return reject(v, Error{"bundle.reorder", "the sequence number does not follow the previous bundle",
                                       {{"seq", std::to_string(v.seq)}, {"expected", std::to_string(i + 2)}}});
    }
    if (v.seq <= last)
        return reject(v, Error{"bundle.fork", "another bundle with this sequence number was already received",
                               {{"seq", std::to_string(v.seq)}}});
    if (v.seq > last + 1)
        return reject(v, Error{"bundle.gap", "bundles before this one are missing", {{"expected", std::to_string(last + 1)}}});
    if (prev != (feed ? feed->hashes.back() : std::string()))
        return reject(v, Error{"bundle.prev", "the previous-bundle hash does not match", {{"seq", std::to_string(v.seq)}}});

    // Content: from here on a refusal still moves the feed past this bundle.
    for (const auto& dj : j["docs"]) {
        auto d = document_from_json(dj);
        if (!d) return reject(v, d.error(), true);
        if (!hash_matches(*d))
            return reject(v, Error{"bundle.doc_hash", "a document's hash does not match its content", {{"key", d->key()}}},
                          true);
        if (auto s = check_authority(ctx.rules, ctx.relations, v.signer, *d); !s) return reject(v, s.error(), true);
        if (auto s = check_special(*d, v.signer, ctx); !s) return reject(v, s.error(), true);
        if (auto s = check_document(ctx.rules, *d); !s) return reject(v, s.error(), true);
        v.docs.push_back(std::move(*d));
    }
    if (auto s = ctx.store.check_batch(v.docs); !s) return reject(v, s.error(), true);
    return v;
}

Status commit(const Verdict& v, TrustState& trust, DocumentStore& store) {
    if (!v.accepted() && !v.advances_feed) return ok_status();
    if (v.accepted()) {
        auto applied = store.apply_batch(v.docs, Origin::remote);
        if (!applied) return applied.error();
        auto& t = trust.last_activity[v.signer.account];
        if (v.time > t) t = v.time;
    }
    // The chain was verified even when the content was refused: its enrolment claims stand.
    for (const auto& [code, device] : claims_in(v.chain)) trust.spent.emplace(code, device);
    auto& feed = trust.feeds[v.feed];
    if (feed.hashes.empty()) {
        feed.key = v.signer.key;
        feed.signer = v.signer;
    }
    feed.valid_from = v.valid_from;  // a later chain for the same key may renew it
    feed.valid_until = v.valid_until;
    feed.hashes.push_back(v.hash);
    feed.last_time = v.time;
    return ok_status();
}

}  // namespace vsys::sync
