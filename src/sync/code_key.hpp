// An enrolment code's key kept by the device that claimed the code (docs/PROTOCOL.md §2
// "Sealed bodies"). Personal data may be sealed to a code before anyone claimed it (the
// municipality did not know the site's device yet); the claiming device keeps the code's key
// pair, encrypted under its own device key, to open those documents later. The record is a
// device-local document (kind "code_key", id the code's public key), never published:
//   {"account": V-SYS ID, "nonce": BASE64 (24 bytes), "box": BASE64 (crypto_secretbox of the
//    code key's 32-byte seed under BLAKE2b-256("vsys-code-key\n" ‖ device seed))}
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"
#include "sync/keys.hpp"

namespace vsys::sync {

inline constexpr const char* k_code_key_kind = "code_key";

nlohmann::json wrap_code_key(const KeyPair& code, const KeyPair& device, const std::string& vsys_id);
// Errors: code_key.open (another device's record, or altered), code_key.format.
Result<KeyPair> unwrap_code_key(const nlohmann::json& record, const KeyPair& device);

}  // namespace vsys::sync
