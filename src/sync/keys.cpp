#include "sync/keys.hpp"

#include <sodium.h>

#include "sync/crypto.hpp"

namespace vsys::sync {

KeyPair key_pair_from_seed(const Seed& seed) {
    crypto::init();
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, seed.data());
    sodium_memzero(sk, sizeof sk);
    return KeyPair{seed, crypto::to_hex(pk, sizeof pk)};
}

KeyPair generate_key_pair() {
    crypto::init();
    Seed seed;
    randombytes_buf(seed.data(), seed.size());
    return key_pair_from_seed(seed);
}

std::string sign(const KeyPair& key, std::string_view message) {
    crypto::init();
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
    crypto_sign_seed_keypair(pk, sk, key.seed.data());
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(), sk);
    sodium_memzero(sk, sizeof sk);
    return crypto::to_hex(sig, sizeof sig);
}

bool verify_signature(std::string_view public_hex, std::string_view message, std::string_view signature_hex) {
    crypto::init();
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
    if (!crypto::from_hex(public_hex, pk, sizeof pk) || !crypto::from_hex(signature_hex, sig, sizeof sig)) return false;
    return crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       pk) == 0;
}

std::string device_id_of(std::string_view public_hex) { return std::string(public_hex.substr(0, 16)); }

}  // namespace vsys::sync
