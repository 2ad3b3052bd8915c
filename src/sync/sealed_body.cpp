#include "sync/sealed_body.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/x25519.hpp"

namespace vsys::sync {
namespace {

using Bytes = std::basic_string<unsigned char>;

// BLAKE2b of label ‖ entropy ‖ extra, `size` bytes.
Bytes derive(const char* label, const Seed& entropy, const std::string& extra, std::size_t size) {
    Bytes out(size, 0);
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, size);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(label), std::char_traits<char>::length(label));
    crypto_generichash_update(&st, entropy.data(), entropy.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(extra.data()), extra.size());
    crypto_generichash_final(&st, out.data(), size);
    return out;
}

std::string b64(const unsigned char* data, std::size_t size) {
    return crypto::to_base64(std::string_view(reinterpret_cast<const char*>(data), size));
}

bool from_b64(const std::string& text, Bytes& out) {
    out.assign(text.size(), 0);
    std::size_t size = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    out.resize(size);
    return true;
}


// crypto_box_seal's construction with a given ephemeral key pair (see the header).
Bytes seal_to(const unsigned char* message, std::size_t size, const unsigned char recipient_pk[crypto_box_PUBLICKEYBYTES],
              const Bytes& ephemeral_seed) {
    unsigned char epk[crypto_box_PUBLICKEYBYTES], esk[crypto_box_SECRETKEYBYTES];
    crypto_box_seed_keypair(epk, esk, ephemeral_seed.data());
    unsigned char nonce[crypto_box_NONCEBYTES];
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, sizeof nonce);
    crypto_generichash_update(&st, epk, sizeof epk);
    crypto_generichash_update(&st, recipient_pk, crypto_box_PUBLICKEYBYTES);
    crypto_generichash_final(&st, nonce, sizeof nonce);
    Bytes out(crypto_box_PUBLICKEYBYTES + crypto_box_MACBYTES + size, 0);
    std::copy(epk, epk + sizeof epk, out.begin());
    const bool boxed = crypto_box_easy(out.data() + crypto_box_PUBLICKEYBYTES, message, size, nonce, recipient_pk, esk) == 0;
    sodium_memzero(esk, sizeof esk);
    if (!boxed) out.clear();  // a recipient key libsodium refuses (a small-order point)
    return out;
}

nlohmann::json inner_json(const std::string& document_key, const nlohmann::json& body) {
    return {{"body", body}, {"key", document_key}};
}

}  // namespace

Seed fresh_entropy() {
    crypto::init();
    Seed s{};
    randombytes_buf(s.data(), s.size());
    return s;
}

Result<nlohmann::json> seal_body(const std::string& document_key, const nlohmann::json& body,
                                 const std::vector<std::string>& recipients, const Seed& entropy) {
    crypto::init();
    const std::set<std::string> unique(recipients.begin(), recipients.end());
    if (unique.empty()) return Error{"sealed.none", "a sealed body needs at least one recipient"};
    if (unique.size() > k_max_sealed_recipients)
        return Error{"sealed.recipient", "too many recipients", {{"key", std::to_string(unique.size())}}};
    auto plain = canonical(inner_json(document_key, body));
    if (!plain) return plain.error();
    const Bytes key = derive("vsys-sealed-key\n", entropy, "", crypto_secretbox_KEYBYTES);
    const Bytes nonce = derive("vsys-sealed-nonce\n", entropy, "", crypto_secretbox_NONCEBYTES);
    Bytes box(plain->size() + crypto_secretbox_MACBYTES, 0);
    crypto_secretbox_easy(box.data(), reinterpret_cast<const unsigned char*>(plain->data()), plain->size(), nonce.data(),
                          key.data());
    sodium_memzero(plain->data(), plain->size());
    nlohmann::json keys = nlohmann::json::object();
    for (const auto& r : unique) {
        unsigned char pk[crypto_box_PUBLICKEYBYTES];
        if (r.size() != 64 || !x25519_public(r, pk))
            return Error{"sealed.recipient", "a recipient is not a device or code key", {{"key", r}}};
        const Bytes sealed = seal_to(key.data(), key.size(), pk, derive("vsys-sealed-ephemeral\n", entropy, r, 32));
        if (sealed.empty()) return Error{"sealed.recipient", "a recipient is not a device or code key", {{"key", r}}};
        keys[r] = b64(sealed.data(), sealed.size());
    }
    nlohmann::json envelope = {{"box", b64(box.data(), box.size())},
                               {"keys", std::move(keys)},
                               {"nonce", b64(nonce.data(), nonce.size())},
                               {"schema", k_sealed_schema}};
    return nlohmann::json{{k_sealed_member, std::move(envelope)}};
}

Result<nlohmann::json> open_body(const DocumentVersion& v, std::span<const KeyPair> keys) {
    crypto::init();
    if (auto s = validate_sealed_body(v.body); !s) return s.error();
    const nlohmann::json& e = v.body[k_sealed_member];
    const KeyPair* mine = nullptr;
    for (const auto& k : keys)
        if (e["keys"].contains(k.public_hex)) {
            mine = &k;
            break;
        }
    if (!mine) return Error{"sealed.not_recipient", "this device is not among the recipients", {{"key", v.key()}}};
    Bytes sealed, box, nonce;
    if (!from_b64(e["keys"][mine->public_hex].get<std::string>(), sealed) ||
        sealed.size() != crypto_box_SEALBYTES + crypto_secretbox_KEYBYTES || !from_b64(e["box"].get<std::string>(), box) ||
        box.size() < crypto_secretbox_MACBYTES || !from_b64(e["nonce"].get<std::string>(), nonce) ||
        nonce.size() != crypto_secretbox_NONCEBYTES)
        return Error{"sealed.open", "the sealed body is altered", {{"key", v.key()}}};
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    const bool converted = x25519_pair(*mine, pk, sk);
    unsigned char key[crypto_secretbox_KEYBYTES];
    const bool have_key = converted && crypto_box_seal_open(key, sealed.data(), sealed.size(), pk, sk) == 0;
    sodium_memzero(sk, sizeof sk);
    if (!have_key) return Error{"sealed.open", "the sealed body does not open with this device's key", {{"key", v.key()}}};
    std::string plain(box.size() - crypto_secretbox_MACBYTES, '\0');
    const bool opened = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), box.data(),
                                                   box.size(), nonce.data(), key) == 0;
    sodium_memzero(key, sizeof key);
    if (!opened) return Error{"sealed.open", "the sealed body is altered", {{"key", v.key()}}};
    auto inner = parse_canonical(plain);
    sodium_memzero(plain.data(), plain.size());
    if (!inner || !inner->is_object() || inner->size() != 2 || !inner->contains("body") || !inner->contains("key") ||
        !(*inner)["key"].is_string())
        return Error{"sealed.open", "the sealed body is altered", {{"key", v.key()}}};
    if ((*inner)["key"].get<std::string>() != v.key())
        return Error{"sealed.mismatch", "the sealed body belongs to another document", {{"key", v.key()}}};
    return std::move((*inner)["body"]);
}

}  // namespace vsys::sync
