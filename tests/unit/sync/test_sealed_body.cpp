// Sealed bodies (sync/sealed_body.hpp, core/documents/sealed_body.hpp): personal data on the
// exchange opens with a recipient's key only; the envelope hides the text, resists alteration
// and copying into another document, and a reader refuses a sealed kind that arrives plain.
#include <doctest/doctest.h>

#include <array>
#include <sodium.h>

#include <nlohmann/json.hpp>

#include "core/documents/document.hpp"
#include "core/documents/sealed_body.hpp"
#include "sync/authority.hpp"
#include "sync/canonical.hpp"
#include "sync/keys.hpp"
#include "sync/kinds.hpp"
#include "sync/sealed_body.hpp"

using namespace vsys;
using namespace vsys::sync;
using nlohmann::json;

namespace {

KeyPair key(std::uint8_t n) {
    Seed seed{};
    seed.fill(n);
    return key_pair_from_seed(seed);
}

Seed entropy(std::uint8_t n) {
    Seed s{};
    s.fill(n);
    return s;
}

const json k_list = {{"schema", 1},
                     {"site", "1310100011"},
                     {"municipality", "131016"},
                     {"ended", "2022-01-31"},
                     {"rows", json::array({{{"name", "山田 太郎"}, {"reading", "ヤマダ タロウ"}, {"birth", "1948-04-12"},
                                            {"date", "2021-07-20"}, {"slot", "10:00"}, {"dose", 1},
                                            {"product", "pfizer_12"}, {"status", "vaccinated"}}})}};

DocumentVersion list_version(json body) {
    DocumentVersion v;
    v.owner = "muni:131016";
    v.kind = "reservations";
    v.id = "1310100011";
    v.version = 1;
    v.author = "VM131016";
    v.time = "2022-02-01T00:00:00Z";
    v.body = std::move(body);
    return v;
}

}  // namespace

TEST_SUITE_BEGIN("sync");

TEST_CASE("a sealed body opens with each recipient's key, and with no other; its text shows no name") {
    const KeyPair muni = key(1), site = key(2), prefecture = key(3);
    auto sealed = seal_body("muni:131016/reservations/1310100011", k_list, {site.public_hex, muni.public_hex, muni.public_hex},
                            entropy(9));
    REQUIRE(sealed);
    CHECK(validate_sealed_body(*sealed).ok());
    CHECK(sealed_recipients(*sealed) == std::vector<std::string>{std::min(muni.public_hex, site.public_hex),
                                                                 std::max(muni.public_hex, site.public_hex)});
    const std::string text = sealed->dump();
    CHECK(text.find("山田") == std::string::npos);
    CHECK(text.find("1948") == std::string::npos);
    const DocumentVersion v = list_version(*sealed);
    for (const KeyPair& k : {muni, site}) {
        const std::array<KeyPair, 1> keys{k};
        auto opened = open_body(v, keys);
        REQUIRE(opened);
        CHECK(*opened == k_list);
    }
    const std::array<KeyPair, 1> other{prefecture};
    auto refused = open_body(v, other);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "sealed.not_recipient");
    // Among several keys, the one it is sealed to opens it (a device key and a claimed code's key).
    const std::array<KeyPair, 2> both{prefecture, site};
    CHECK(open_body(v, both).ok());
}

TEST_CASE("a sealed body is crypto_box_seal's format: libsodium's own opener reads the content key") {
    const KeyPair site = key(2);
    auto sealed = seal_body("muni:131016/reservations/1310100011", k_list, {site.public_hex}, entropy(4));
    REQUIRE(sealed);
    const std::string b64 = (*sealed)["sealed"]["keys"][site.public_hex];
    std::basic_string<unsigned char> box(b64.size(), 0);
    std::size_t size = 0;
    REQUIRE(sodium_base642bin(box.data(), box.size(), b64.data(), b64.size(), nullptr, &size, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) == 0);
    REQUIRE(size == crypto_box_SEALBYTES + crypto_secretbox_KEYBYTES);
    unsigned char ed_pk[crypto_sign_PUBLICKEYBYTES], ed_sk[crypto_sign_SECRETKEYBYTES], pk[32], sk[32];
    crypto_sign_seed_keypair(ed_pk, ed_sk, site.seed.data());
    REQUIRE(crypto_sign_ed25519_pk_to_curve25519(pk, ed_pk) == 0);
    REQUIRE(crypto_sign_ed25519_sk_to_curve25519(sk, ed_sk) == 0);
    unsigned char content_key[crypto_secretbox_KEYBYTES];
    CHECK(crypto_box_seal_open(content_key, box.data(), size, pk, sk) == 0);
}

TEST_CASE("the same entropy gives the same envelope, other entropy another") {
    const KeyPair site = key(2);
    auto a = seal_body("muni:131016/reservations/1310100011", k_list, {site.public_hex}, entropy(5));
    auto b = seal_body("muni:131016/reservations/1310100011", k_list, {site.public_hex}, entropy(5));
    auto c = seal_body("muni:131016/reservations/1310100011", k_list, {site.public_hex}, entropy(6));
    REQUIRE((a && b && c));
    CHECK(*a == *b);
    CHECK((*a)["sealed"]["box"] != (*c)["sealed"]["box"]);
    CHECK((*a)["sealed"]["keys"] != (*c)["sealed"]["keys"]);
    const Seed f1 = fresh_entropy(), f2 = fresh_entropy();
    CHECK(f1 != f2);
}

TEST_CASE("an altered or transplanted envelope does not open, and bad recipients are refused") {
    const KeyPair site = key(2);
    auto sealed = seal_body("muni:131016/reservations/1310100011", k_list, {site.public_hex}, entropy(7));
    REQUIRE(sealed);
    const std::array<KeyPair, 1> keys{site};
    // One character of the box changed.
    json altered = *sealed;
    std::string box = altered["sealed"]["box"];
    box[10] = box[10] == 'A' ? 'B' : 'A';
    altered["sealed"]["box"] = box;
    auto a = open_body(list_version(altered), keys);
    REQUIRE_FALSE(a);
    CHECK(a.error().code == "sealed.open");
    // The content key sealed for another key pair (a recipient entry replaced by another's).
    auto foreign = seal_body("muni:131016/reservations/1310100011", k_list, {key(8).public_hex}, entropy(7));
    REQUIRE(foreign);
    json swapped = *sealed;
    swapped["sealed"]["keys"][site.public_hex] = (*foreign)["sealed"]["keys"][key(8).public_hex];
    CHECK(open_body(list_version(swapped), keys).error().code == "sealed.open");
    // The envelope copied into another site's list: it opens, but as another document.
    DocumentVersion moved = list_version(*sealed);
    moved.id = "1310100029";
    CHECK(open_body(moved, keys).error().code == "sealed.mismatch");
    // No recipients, or a recipient that is no key.
    CHECK(seal_body("k", k_list, {}, entropy(1)).error().code == "sealed.none");
    CHECK(seal_body("k", k_list, {"zz"}, entropy(1)).error().code == "sealed.recipient");
}

TEST_CASE("the envelope's shape is checked without a key, naming the member") {
    auto sealed = seal_body("k", k_list, {key(2).public_hex}, entropy(3));
    REQUIRE(sealed);
    CHECK(is_sealed_body(*sealed));
    CHECK_FALSE(is_sealed_body(k_list));
    auto member_of = [](const json& body) {
        auto s = validate_sealed_body(body);
        return s ? std::string() : s.error().arg("member");
    };
    json extra = *sealed;
    extra["sealed"]["hint"] = "x";
    CHECK(member_of(extra) == "sealed.hint");
    json short_nonce = *sealed;
    short_nonce["sealed"]["nonce"] = "AAAA";
    CHECK(member_of(short_nonce) == "sealed.nonce");
    json no_keys = *sealed;
    no_keys["sealed"]["keys"] = json::object();
    CHECK(member_of(no_keys) == "sealed.keys");
    json upper = *sealed;
    upper["sealed"]["keys"] = {{std::string(64, 'A'), "AAAA"}};
    CHECK(member_of(upper) == "sealed.keys");
    json schema = *sealed;
    schema["sealed"]["schema"] = 2;
    CHECK(member_of(schema) == "sealed.schema");
}

TEST_CASE("a reader takes a reservation list only sealed; the app may hold a plain one of its own") {
    const AuthorityRules& rules = default_authority_rules();
    const KindRegistry& kinds = document_kinds();
    DocumentVersion plain = list_version(k_list);
    auto refused = check_document(rules, plain);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "document.not_sealed");
    CHECK(refused.error().arg("kind") == "reservations");
    // Locally (the training kiosk's demo world, never published) the plain list is valid.
    CHECK(validate_version(kinds, plain).ok());
    auto sealed = seal_body(plain.key(), k_list, {key(2).public_hex}, entropy(2));
    REQUIRE(sealed);
    CHECK(check_document(rules, list_version(*sealed)).ok());
    // A malformed envelope is refused by shape, naming its member.
    json bad = *sealed;
    bad["sealed"]["schema"] = 3;
    auto shape = check_document(rules, list_version(bad));
    REQUIRE_FALSE(shape);
    CHECK(shape.error().code == "document.invalid_body");
    CHECK(shape.error().arg("member") == "sealed.schema");
    // Other kinds are unaffected.
    CHECK_FALSE(kinds.find("claim")->sealed);
}
