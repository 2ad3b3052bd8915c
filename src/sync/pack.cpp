#include "sync/pack.hpp"

#include "sync/pack_twin.hpp"

#include <zlib.h>

#include "sync/archive.hpp"
#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/exchange.hpp"
#include "sync/keys.hpp"

namespace vsys::sync {
namespace {

using nlohmann::json;

Error fault(const char* code, const char* detail, std::vector<std::pair<std::string, std::string>> args = {}) {
    return Error{code, detail, std::move(args)};
}

}  // namespace

std::string pack_gzip(std::string_view bytes) {
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END || out.size() >= bytes.size()) return {};
    return out;
}

Result<std::string> gunzip_pack_twin(std::string_view gz, std::size_t max_bytes) {
    const Error bad{"pack.gzip", "the pack's gzip twin is not the pack"};
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return bad;
    std::string out;
    char buf[65536];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    z.avail_in = static_cast<uInt>(gz.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
        if (out.size() > max_bytes) rc = Z_BUF_ERROR;
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) rc = Z_DATA_ERROR;  // ended early
    }
    const bool whole = rc == Z_STREAM_END && z.avail_in == 0;
    inflateEnd(&z);
    if (!whole) return bad;
    return out;
}

bool is_pack_path(std::string_view path) {
    constexpr std::string_view ext = ".pack";
    return path.rfind("packs/", 0) == 0 && path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext;
}

namespace {

// A bundle entry's path: feeds/<org>/<device>/<seq>-<hash>.json; its hash, or "".
std::string bundle_hash_of(std::string_view path) {
    if (path.substr(0, 6) != "feeds/") return {};
    const auto slash = path.rfind('/');
    std::uint64_t seq = 0;
    std::string hash;
    if (slash == std::string_view::npos || !parse_bundle_name(path.substr(slash + 1), seq, hash)) return {};
    return hash;
}

}  // namespace

std::string packs_folder(std::string_view reader) { return "packs/" + org_segment(reader); }

std::string pack_file_name(std::string_view org, std::string_view device, std::string_view hash) {
    return org_segment(org) + "." + std::string(device) + "." + std::string(hash) + ".pack";
}

bool parse_pack_name(std::string_view name, PackName& out) {
    constexpr std::string_view ext = ".pack";
    if (name.size() <= ext.size() || name.substr(name.size() - ext.size()) != ext) return false;
    name.remove_suffix(ext.size());
    const auto a = name.find('.');
    if (a == std::string_view::npos) return false;
    const auto b = name.find('.', a + 1);
    if (b == std::string_view::npos || name.find('.', b + 1) != std::string_view::npos) return false;
    out.org = org_from_segment(name.substr(0, a));
    out.device = std::string(name.substr(a + 1, b - a - 1));
    out.hash = std::string(name.substr(b + 1));
    std::uint8_t raw[32];
    return valid_org_id(out.org) && out.device.size() == 16 && out.hash.size() == 64 &&
           crypto::from_hex(out.hash, raw, sizeof raw);
}

// BLAKE2b-256 over the paths in map order (sorted), each followed by "\n" (pack.hpp).
template <class Map>
std::string paths_digest(const Map& by_path) {
    std::string all;
    for (const auto& entry : by_path) {
        all += entry.first;
        all.push_back('\n');
    }
    return crypto::blake2b_256_hex(all);
}

Result<PackFile> make_pack(const FeedWriter& feed, std::string_view day, UtcTime cutoff,
                           const std::map<std::string, std::string>& bundles) {
    if (feed.chain.empty()) return Error{"cert.chain_empty", "the device has no certificate"};
    const std::string device = device_id_of(feed.key.public_hex);
    json chain = json::array();
    std::vector<ArchiveFile> files;
    files.reserve(bundles.size() + 1);
    for (const auto& [path, bytes] : bundles) files.push_back({path, bytes});
    for (const auto& c : feed.chain) chain.push_back(to_json(c));
    json m = {{"bundles", bundles.size()}, {"chain", std::move(chain)}, {"cutoff", format_utc(cutoff)},
              {"day", std::string(day)},   {"device", device},           {"digest", paths_digest(bundles)},
              {"org", feed.org},           {"schema", k_pack_schema}};
    auto unsigned_bytes = canonical(m);
    if (!unsigned_bytes) return unsigned_bytes.error();
    m["sig"] = sign(feed.key, std::string(k_sign_pack) + *unsigned_bytes);
    auto manifest = canonical(m);
    if (!manifest) return manifest.error();
    files.push_back({std::string(k_pack_manifest_entry), std::move(*manifest)});
    auto bytes = encode_archive(files);
    if (!bytes) return bytes.error();
    PackFile p;
    p.name = pack_file_name(feed.org, device, crypto::blake2b_256_hex(*bytes));
    p.bytes = std::move(*bytes);
    return p;
}

OpenedPack open_pack(std::string_view bytes, const PackName& name, std::string_view root_key, const OrgRelations& rel,
                     const SpentCodes& spent, std::unordered_set<std::string>* cert_cache) {
    OpenedPack out;
    auto files = decode_archive(bytes, k_max_pack_bytes);
    if (!files) {
        out.faults.push_back(fault("pack.archive", "the pack cannot be read", {{"detail", files.error().code}}));
        return out;
    }
    const std::string* manifest_bytes = nullptr;
    std::map<std::string, const std::string*> entries;
    for (const auto& f : *files) {
        if (f.path == k_pack_manifest_entry) manifest_bytes = &f.bytes;
        else entries[f.path] = &f.bytes;
    }
    // The bundles first: each one is what its name says or it is nothing, whatever the manifest.
    for (const auto& [path, b] : entries) {
        const std::string hash = bundle_hash_of(path);
        if (hash.empty()) continue;  // not a bundle: an entry the digest below does not cover
        if (crypto::blake2b_256_hex(*b) == hash) out.bundles[path] = *b;
        else out.faults.push_back(fault("pack.altered", "a bundle in the pack is not what its name says", {{"path", path}}));
    }
    if (!manifest_bytes) {
        out.faults.push_back(fault("pack.manifest", "the pack has no valid manifest", {{"field", "pack.json"}}));
        return out;
    }
    auto m = parse_canonical(*manifest_bytes);
    auto bad = [&](const char* field) {
        out.faults.push_back(fault("pack.manifest", "the pack has no valid manifest", {{"field", field}}));
        return out;
    };
    if (!m || !m->is_object()) return bad("pack.json");
    for (const char* k : {"bundles", "chain", "cutoff", "day", "device", "digest", "org", "schema", "sig"})
        if (!m->contains(k)) return bad(k);
    if (m->size() != 9) return bad("pack.json");
    const json& jm = *m;
    if (!jm["schema"].is_number_unsigned() || jm["schema"].get<int>() != k_pack_schema) return bad("schema");
    for (const char* k : {"cutoff", "day", "device", "digest", "org", "sig"})
        if (!jm[k].is_string()) return bad(k);
    auto cutoff = parse_utc(jm["cutoff"].get<std::string>());
    if (!cutoff) return bad("cutoff");
    if (jm["org"].get<std::string>() != name.org || jm["device"].get<std::string>() != name.device) {
        out.faults.push_back(fault("pack.name", "the manifest names another packer than the file"));
        return out;
    }
    if (!jm["bundles"].is_number_unsigned()) return bad("bundles");
    if (!jm["chain"].is_array()) return bad("chain");
    std::vector<Certificate> chain;
    for (const auto& c : jm["chain"]) {
        auto cert = certificate_from_json(c);
        if (!cert) return bad("chain");
        chain.push_back(std::move(*cert));
    }
    auto signer = verify_chain(chain, root_key, rel, *cutoff, spent, cert_cache);
    if (!signer || signer->org != name.org || device_id_of(signer->key) != name.device) {
        out.faults.push_back(fault("pack.chain", "the packer's certificates do not hold",
                                   {{"detail", signer ? std::string("cert.org") : signer.error().code}}));
        return out;
    }
    json unsigned_m = jm;
    unsigned_m.erase("sig");
    auto unsigned_bytes = canonical(unsigned_m);
    if (!unsigned_bytes ||
        !verify_signature(signer->key, std::string(k_sign_pack) + *unsigned_bytes, jm["sig"].get<std::string>())) {
        out.faults.push_back(fault("pack.signature", "the pack's signature is not its packer's"));
        return out;
    }
    // Manifest against content: what the packer signed is what it shipped.
    const auto listed = jm["bundles"].get<std::uint64_t>();
    if (entries.size() != listed || paths_digest(entries) != jm["digest"].get<std::string>()) {
        const bool fewer = entries.size() < listed;
        out.faults.push_back(fault(fewer ? "pack.missing" : "pack.extra",
                                   fewer ? "bundles the pack lists are not in it"
                                         : "the pack holds bundles it does not list",
                                   {{"listed", std::to_string(listed)}, {"found", std::to_string(entries.size())}}));
    }
    return out;
}

}  // namespace vsys::sync
