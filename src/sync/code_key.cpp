#include "sync/code_key.hpp"

#include <sodium.h>

#include "sync/crypto.hpp"

namespace vsys::sync {
namespace {

void wrapping_key(const KeyPair& device, unsigned char out[crypto_secretbox_KEYBYTES]) {
    static constexpr char label[] = "vsys-code-key\n";
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, crypto_secretbox_KEYBYTES);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(label), sizeof label - 1);
    crypto_generichash_update(&st, device.seed.data(), device.seed.size());
    crypto_generichash_final(&st, out, crypto_secretbox_KEYBYTES);
}

bool from_b64(const nlohmann::json& j, const char* member, unsigned char* out, std::size_t size) {
    if (!j.contains(member) || !j[member].is_string()) return false;
    const std::string& text = j[member].get_ref<const std::string&>();
    std::size_t got = 0;
    return sodium_base642bin(out, size, text.data(), text.size(), nullptr, &got, nullptr,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           got == size;
}

}  // namespace

nlohmann::json wrap_code_key(const KeyPair& code, const KeyPair& device, const std::string& vsys_id) {
    crypto::init();
    unsigned char key[crypto_secretbox_KEYBYTES], nonce[crypto_secretbox_NONCEBYTES];
    unsigned char box[crypto_secretbox_MACBYTES + sizeof(Seed)];
    wrapping_key(device, key);
    randombytes_buf(nonce, sizeof nonce);
    crypto_secretbox_easy(box, code.seed.data(), code.seed.size(), nonce, key);
    sodium_memzero(key, sizeof key);
    auto b64 = [](const unsigned char* p, std::size_t n) {
        return crypto::to_base64(std::string_view(reinterpret_cast<const char*>(p), n));
    };
    return {{"account", vsys_id}, {"box", b64(box, sizeof box)}, {"nonce", b64(nonce, sizeof nonce)}};
}

Result<KeyPair> unwrap_code_key(const nlohmann::json& record, const KeyPair& device) {
    crypto::init();
    unsigned char nonce[crypto_secretbox_NONCEBYTES], box[crypto_secretbox_MACBYTES + sizeof(Seed)];
    if (!record.is_object() || !from_b64(record, "nonce", nonce, sizeof nonce) || !from_b64(record, "box", box, sizeof box))
        return Error{"code_key.format", "not a kept code key"};
    unsigned char key[crypto_secretbox_KEYBYTES];
    wrapping_key(device, key);
    Seed seed{};
    const bool opened = crypto_secretbox_open_easy(seed.data(), box, sizeof box, nonce, key) == 0;
    sodium_memzero(key, sizeof key);
    if (!opened) return Error{"code_key.open", "the kept code key does not open with this device's key"};
    KeyPair pair = key_pair_from_seed(seed);
    sodium_memzero(seed.data(), seed.size());
    return pair;
}

}  // namespace vsys::sync
