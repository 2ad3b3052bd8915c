// Thin, value-based wrappers over libsodium: content hashes (BLAKE2b-256) and Ed25519.
// libsodium is initialised once on first use; every function is deterministic except key
// generation, which takes randomness from the platform (getrandom natively,
// crypto.getRandomValues in the browser).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vsys::crypto {

bool init();  // sodium_init(); safe to call repeatedly

// Lower-case hex of BLAKE2b with a 32-byte digest.
std::string blake2b_256_hex(std::string_view data);

std::string to_hex(const std::uint8_t* data, std::size_t size);
// False when the text is not hex of the expected size.
bool from_hex(std::string_view hex, std::uint8_t* out, std::size_t size);
// Standard base64 with padding (libsodium's encoder): binary files through the JSON of window.vsys.
std::string to_base64(std::string_view data);

}  // namespace vsys::crypto
