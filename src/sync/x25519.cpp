#include "sync/x25519.hpp"

#include "sync/crypto.hpp"

namespace vsys::sync {

bool x25519_public(std::string_view ed_hex, unsigned char out[crypto_box_PUBLICKEYBYTES]) {
    unsigned char ed[crypto_sign_PUBLICKEYBYTES];
    return crypto::from_hex(ed_hex, ed, sizeof ed) && crypto_sign_ed25519_pk_to_curve25519(out, ed) == 0;
}

bool x25519_pair(const KeyPair& key, unsigned char pk[crypto_box_PUBLICKEYBYTES],
                 unsigned char sk[crypto_box_SECRETKEYBYTES]) {
    unsigned char ed_pk[crypto_sign_PUBLICKEYBYTES], ed_sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(ed_pk, ed_sk, key.seed.data());
    const bool converted = crypto_sign_ed25519_pk_to_curve25519(pk, ed_pk) == 0 &&
                           crypto_sign_ed25519_sk_to_curve25519(sk, ed_sk) == 0;
    sodium_memzero(ed_sk, sizeof ed_sk);
    return converted;
}

}  // namespace vsys::sync
