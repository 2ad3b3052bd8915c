#include "sync/store_credential.hpp"

#include <sodium.h>

#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/x25519.hpp"
#include "sync/exchange.hpp"

namespace vsys::sync {

namespace {

constexpr int k_schema = 1;

Error format(std::string detail) { return Error{"credential.format", "not a sealed store key", {{"detail", std::move(detail)}}}; }

bool text_member(const nlohmann::json& j, const char* name) {
    return j.contains(name) && j[name].is_string() && !j[name].get<std::string>().empty();
}

bool version_member(const nlohmann::json& j) {
    return j.contains("version") && j["version"].is_number_integer() && j["version"].get<long long>() >= 1 &&
           j["version"].get<long long>() < (1LL << 31);
}

nlohmann::json inner_json(const StoreCredential& c) {
    return {{"access_key", c.access_key}, {"key_id", c.access_key}, {"org", c.org}, {"secret_key", c.secret_key},
            {"version", c.version}};
}


}  // namespace

std::string credential_folder(std::string_view org, std::string_view recipient_public_hex) {
    return "credentials/" + org_segment(org) + "/" + std::string(recipient_public_hex);
}

std::string credential_path(std::string_view org, std::string_view recipient_public_hex, int version) {
    if (version <= 1) return credential_folder(org, recipient_public_hex) + ".sealed";
    return credential_folder(org, recipient_public_hex) + "/" + std::to_string(version) + ".sealed";
}

int credential_version_of(std::string_view name) {
    constexpr std::string_view suffix = ".sealed";
    if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix) return 0;
    const std::string_view digits = name.substr(0, name.size() - suffix.size());
    if (digits.size() > 9 || digits[0] == '0') return 0;
    int v = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    return v >= 2 ? v : 0;
}

Result<std::string> seal_store_credential(const StoreCredential& c, std::string_view recipient_public_hex) {
    crypto::init();
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    if (!x25519_public(recipient_public_hex, pk))
        return Error{"credential.recipient", "not a device or code key", {{"key", std::string(recipient_public_hex)}}};
    auto plain = canonical(inner_json(c));
    if (!plain) return plain.error();
    std::string box(plain->size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char*>(box.data()), reinterpret_cast<const unsigned char*>(plain->data()),
                    plain->size(), pk);
    sodium_memzero(plain->data(), plain->size());
    return canonical({{"key_id", c.access_key},
                      {"org", c.org},
                      {"recipient", std::string(recipient_public_hex)},
                      {"schema", k_schema},
                      {"sealed", crypto::to_base64(box)},
                      {"version", c.version}});
}

namespace {

Result<nlohmann::json> outer_json(std::string_view file) {
    auto outer = parse_strict(file);
    if (!outer) return format(outer.error().code);
    const nlohmann::json& o = *outer;
    if (!o.is_object() || o.size() != 6 || !text_member(o, "key_id") || !text_member(o, "org") ||
        !text_member(o, "recipient") || !text_member(o, "sealed") || !version_member(o) || !o.contains("schema") ||
        o["schema"] != k_schema)
        return format("members");
    return outer;
}

}  // namespace

Status check_credential_file(std::string_view path, std::string_view file) {
    auto o = outer_json(file);
    if (!o) return o.error();
    if (credential_path((*o)["org"].get<std::string>(), (*o)["recipient"].get<std::string>(),
                        (*o)["version"].get<int>()) != path)
        return format("name");
    return ok_status();
}

Result<StoreCredential> open_store_credential(std::string_view file, const KeyPair& recipient, std::string_view org) {
    crypto::init();
    auto outer = outer_json(file);
    if (!outer) return outer.error();
    const nlohmann::json& o = *outer;
    if (o["recipient"].get<std::string>() != recipient.public_hex)
        return Error{"credential.recipient", "the store key is sealed for another device"};
    const std::string b64 = o["sealed"].get<std::string>();
    std::string box(b64.size(), '\0');
    std::size_t box_size = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), b64.data(), b64.size(), nullptr,
                          &box_size, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        box_size < crypto_box_SEALBYTES)
        return format("sealed");
    box.resize(box_size);
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    const bool converted = x25519_pair(recipient, pk, sk);
    std::string plain(box.size() - crypto_box_SEALBYTES, '\0');
    const bool opened = converted && crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                                                          reinterpret_cast<const unsigned char*>(box.data()),
                                                          box.size(), pk, sk) == 0;
    sodium_memzero(sk, sizeof sk);
    if (!opened) return Error{"credential.open", "the sealed store key does not open with this device's key"};
    auto inner = parse_canonical(plain);
    sodium_memzero(plain.data(), plain.size());
    if (!inner || !inner->is_object() || !text_member(*inner, "access_key") || !text_member(*inner, "key_id") ||
        !text_member(*inner, "org") || !text_member(*inner, "secret_key") || !version_member(*inner))
        return format("sealed content");
    const nlohmann::json& i = *inner;
    for (const char* field : {"key_id", "org", "version"})
        if (i[field] != o[field]) return Error{"credential.mismatch", "the sealed store key disagrees with its file", {{"field", field}}};
    if (i["access_key"] != i["key_id"])
        return Error{"credential.mismatch", "the sealed store key disagrees with its file", {{"field", "access_key"}}};
    if (i["org"].get<std::string>() != org)
        return Error{"credential.mismatch", "the sealed store key is another organisation's", {{"field", "org"}}};
    return StoreCredential{i["org"].get<std::string>(), i["access_key"].get<std::string>(),
                           i["secret_key"].get<std::string>(), i["version"].get<int>()};
}

Result<StoreCredential> decode_clear_store_credential(std::string_view text) {
    auto j = parse_strict(text);
    if (!j) return format(j.error().code);
    if (!j->is_object() || !text_member(*j, "access_key") || !text_member(*j, "org") || !text_member(*j, "secret_key") ||
        !version_member(*j))
        return format("members");
    return StoreCredential{(*j)["org"].get<std::string>(), (*j)["access_key"].get<std::string>(),
                           (*j)["secret_key"].get<std::string>(), (*j)["version"].get<int>()};
}

}  // namespace vsys::sync
