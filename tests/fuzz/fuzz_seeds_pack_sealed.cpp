// Seeds and names for the pack and sealed-body fuzz targets (fuzz_support.hpp), kept apart from
// the bundle seeds: both are made by the product's own writers (make_pack, seal_body) from the
// test deployment, so a mutation starts from what a real packer or owner publishes.
#include <array>
#include <cstdio>
#include <cstdlib>

#include "fuzz_support.hpp"
#include "sync/canonical.hpp"
#include "sync/exchange.hpp"
#include "sync/sealed_body.hpp"

namespace vsys::fuzz {

using namespace vsys::sync;
using sync::testing::request_body;
using sync::testing::t0;

namespace {

constexpr const char* k_site = "site:0110113719";
constexpr const char* k_ward = "muni:131016";

void need(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz seeds: %s failed\n", what);
        std::abort();
    }
}

// `n` more bundles of the site, each one request, as the exchange holds them: path → bytes.
std::map<std::string, std::string> site_bundles(int n) {
    const FuzzWorld& w = world();
    FeedWriter f = w.dev.at(k_site);
    std::map<std::string, std::string> out;
    for (int i = 0; i < n; ++i) {
        const std::string id = "p" + std::to_string(i);
        auto b = write_bundle(f, t0() + 7200 + i, {w.doc(k_site, "request", id, request_body(id, i + 1))}, {});
        need(b.ok(), "write_bundle");
        out[feed_folder(k_site, device_id_of(f.key.public_hex)) + "/" + b->name] = b->bytes;
    }
    return out;
}

}  // namespace

std::map<std::string, std::string> seed_packs() {
    const FuzzWorld& w = world();
    std::map<std::string, std::string> out;
    for (int n : {0, 1, 3}) {
        auto p = make_pack(w.dev.at(k_ward), "2021-06-01", t0() + 86400, site_bundles(n));
        need(p.ok(), "make_pack");
        out["ward-" + std::to_string(n) + "-bundles"] = p->bytes;
    }
    return out;
}

PackName seed_pack_name(std::string_view hash) {
    return PackName{k_ward, device_id_of(world().dev.at(k_ward).key.public_hex), std::string(hash)};
}

DocumentVersion sealed_seed_version(nlohmann::json body) {
    DocumentVersion v;
    v.owner = k_ward;
    v.kind = "reservations";
    v.id = "0110113719";
    v.version = 1;
    v.author = "VM131016";
    v.time = "2021-06-02T00:00:00Z";
    v.body = std::move(body);
    return v;
}

std::vector<KeyPair> sealed_recipient_keys() {
    const FuzzWorld& w = world();
    return {w.dev.at(k_ward).key, w.dev.at(k_site).key};
}

std::map<std::string, std::string> seed_sealed_bodies() {
    const nlohmann::json list = {{"schema", 1}, {"site", "0110113719"}, {"municipality", "131016"}, {"ended", "2021-06-30"},
                                 {"rows", nlohmann::json::array({{{"name", "山田 太郎"}, {"birth", "1948-04-12"},
                                                                  {"date", "2021-06-20"}, {"dose", 1}}})}};
    const auto keys = sealed_recipient_keys();
    std::map<std::string, std::string> out;
    const std::vector<std::vector<std::string>> recipients{{keys[0].public_hex, keys[1].public_hex}, {keys[1].public_hex}};
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        Seed entropy{};
        entropy.fill(static_cast<std::uint8_t>(i + 7));
        auto sealed = seal_body(sealed_seed_version(list).key(), list, recipients[i], entropy);
        need(sealed.ok(), "seal_body");
        auto text = canonical(*sealed);
        need(text.ok(), "canonical");
        out["list-" + std::to_string(recipients[i].size()) + "-recipients"] = *text;
    }
    return out;
}

}  // namespace vsys::fuzz
