// An organisation's store key sealed to one device (sync/store_credential.hpp): only that
// device's key opens it, and a file altered or copied under another name is refused.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "sync/keys.hpp"
#include "sync/store_credential.hpp"

using namespace vsys;
using namespace vsys::sync;

namespace {

KeyPair key(std::uint8_t n) {
    Seed seed{};
    seed.fill(n);
    return key_pair_from_seed(seed);
}

const StoreCredential k_muni{"muni:312011", "VSYSAKMUNI312011", "secret-of-the-municipality-0123456789abc", 2};

}  // namespace

TEST_SUITE_BEGIN("sync");

TEST_CASE("a sealed store key opens with its device's key only, and names its organisation, key id and version") {
    const KeyPair device = key(7);
    auto file = seal_store_credential(k_muni, device.public_hex);
    REQUIRE(file);
    CHECK(credential_path("muni:312011", device.public_hex) == "credentials/muni_312011/" + device.public_hex + ".sealed");
    // The file says whose key it is and which, never the secret.
    auto outer = nlohmann::json::parse(*file);
    CHECK(outer["key_id"] == "VSYSAKMUNI312011");
    CHECK(outer["version"] == 2);
    CHECK(outer["recipient"] == device.public_hex);
    CHECK(file->find("secret-of-the") == std::string::npos);
    auto opened = open_store_credential(*file, device, "muni:312011");
    REQUIRE(opened);
    CHECK(opened->access_key == k_muni.access_key);
    CHECK(opened->secret_key == k_muni.secret_key);
    CHECK(opened->version == 2);
    // The clear form earlier builds kept on the device, read to seal it; anything less is refused.
    auto clear = decode_clear_store_credential(R"({"access_key":"VSYSAK1","key_id":"VSYSAK1","org":"muni:312011","secret_key":"s","version":1})");
    REQUIRE(clear);
    CHECK(clear->secret_key == "s");
    CHECK(decode_clear_store_credential("{\"org\":\"muni:312011\"}").error().code == "credential.format");
}

TEST_CASE("a rotated store key is a new file beside the earlier ones, named by its version; verify checks the name") {
    const KeyPair device = key(7);
    CHECK(credential_path("muni:312011", device.public_hex, 1) == "credentials/muni_312011/" + device.public_hex + ".sealed");
    CHECK(credential_path("muni:312011", device.public_hex, 2) == "credentials/muni_312011/" + device.public_hex + "/2.sealed");
    CHECK(credential_folder("muni:312011", device.public_hex) == "credentials/muni_312011/" + device.public_hex);
    CHECK(credential_version_of("2.sealed") == 2);
    CHECK(credential_version_of("123.sealed") == 123);
    for (const char* other : {"1.sealed", "0.sealed", "02.sealed", "x.sealed", ".sealed", "2.json", "2", "9999999999.sealed", "-2.sealed"})
        CHECK_MESSAGE(credential_version_of(other) == 0, other);
    auto file = seal_store_credential(k_muni, device.public_hex);  // version 2
    REQUIRE(file);
    CHECK(check_credential_file(credential_path("muni:312011", device.public_hex, 2), *file).ok());
    CHECK(check_credential_file(credential_path("muni:312011", device.public_hex, 1), *file).error().code == "credential.format");
    CHECK(check_credential_file(credential_path("muni:312011", device.public_hex, 3), *file).error().code == "credential.format");
}

TEST_CASE("a sealed store key is refused with any other key, even one that claims to be its recipient") {
    const KeyPair device = key(7), other = key(8);
    auto file = seal_store_credential(k_muni, device.public_hex);
    REQUIRE(file);
    CHECK(open_store_credential(*file, other, "muni:312011").error().code == "credential.recipient");
    // The same file relabelled for the other key: the box still opens only with the first.
    auto relabelled = nlohmann::json::parse(*file);
    relabelled["recipient"] = other.public_hex;
    CHECK(open_store_credential(relabelled.dump(), other, "muni:312011").error().code == "credential.open");
    CHECK(seal_store_credential(k_muni, "not-hex").error().code == "credential.recipient");
}

TEST_CASE("a tampered sealed store key is refused: altered box, edited key id or version, another organisation's") {
    const KeyPair device = key(7);
    auto j = nlohmann::json::parse(*seal_store_credential(k_muni, device.public_hex));
    auto with = [&](const char* member, nlohmann::json value) {
        auto t = j;
        t[member] = std::move(value);
        return open_store_credential(t.dump(), device, "muni:312011");
    };
    std::string box = j["sealed"].get<std::string>();
    box[box.size() / 2] = box[box.size() / 2] == 'A' ? 'B' : 'A';
    CHECK(with("sealed", box).error().code == "credential.open");
    CHECK(with("sealed", "***").error().code == "credential.format");
    auto id = with("key_id", "VSYSAKOTHER");
    CHECK(id.error().code == "credential.mismatch");
    CHECK(with("version", 3).error().code == "credential.mismatch");
    CHECK(with("org", "muni:312029").error().code == "credential.mismatch");
    // Sealed honestly for another organisation, asked as this one's.
    auto foreign = seal_store_credential({"muni:312029", "VSYSAK2", "s", 1}, device.public_hex);
    CHECK(open_store_credential(*foreign, device, "muni:312011").error().code == "credential.mismatch");
    CHECK(open_store_credential("not json", device, "muni:312011").error().code == "credential.format");
    CHECK(with("schema", 2).error().code == "credential.format");
}

TEST_SUITE_END();
