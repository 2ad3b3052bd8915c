// Ed25519 device and code keys as X25519 keys for libsodium's sealed boxes: one conversion for
// the store keys sealed to devices (store_credential.cpp) and sealed document bodies
// (sealed_body.cpp).
#pragma once

#include <sodium.h>

#include <string_view>

#include "sync/keys.hpp"

namespace vsys::sync {

// False when the text is not an Ed25519 public key (hex) that converts.
bool x25519_public(std::string_view ed_hex, unsigned char out[crypto_box_PUBLICKEYBYTES]);
// The X25519 pair of an Ed25519 key pair; false when it does not convert. The caller wipes `sk`.
bool x25519_pair(const KeyPair& key, unsigned char pk[crypto_box_PUBLICKEYBYTES],
                 unsigned char sk[crypto_box_SECRETKEYBYTES]);

}  // namespace vsys::sync
