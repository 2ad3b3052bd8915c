// Ed25519 device and enrolment keys (libsodium). Public keys and signatures travel as lower-case
// hex; a secret key stays in memory as its 32-byte seed, from which libsodium derives the key
// pair, so a stored or encrypted secret is exactly 32 bytes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace vsys::sync {

using Seed = std::array<std::uint8_t, 32>;

struct KeyPair {
    Seed seed{};             // the secret
    std::string public_hex;  // 64 hex characters
};

// Fresh randomness from the platform.
KeyPair generate_key_pair();
// Deterministic: the same seed gives the same pair (demo data, enrolment codes, tests).
KeyPair key_pair_from_seed(const Seed& seed);

// Detached signature, 128 hex characters.
std::string sign(const KeyPair& key, std::string_view message);
// False for a malformed key or signature as well as for a wrong one.
bool verify_signature(std::string_view public_hex, std::string_view message, std::string_view signature_hex);

// Device ids name a feed folder: the first 16 hex characters of the device's public key.
std::string device_id_of(std::string_view public_hex);

// Domain separation prefixes, so a signature made for one purpose is never valid for another.
inline constexpr std::string_view k_sign_bundle = "vsys-bundle-v1\n";
inline constexpr std::string_view k_sign_certificate = "vsys-certificate-v1\n";

}  // namespace vsys::sync
