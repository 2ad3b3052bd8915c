// The sealed envelope of a document body (docs/PROTOCOL.md §2 "Sealed bodies"): the shape a
// reader checks without any key. Kinds that carry personal data (KindSpec::sealed, e.g. R505's
// reservation lists) travel with their body encrypted to the devices of their owner and their
// audience, since anyone can read the exchange; the cryptography is in sync/sealed_body.hpp.
//
//   {"sealed": {"schema": 1,
//               "nonce": BASE64 (24 bytes),
//               "box":   BASE64 (crypto_secretbox of canonical {"body": plain body, "key": owner/kind/id}),
//               "keys":  {RECIPIENT ED25519 HEX: BASE64 (sealed box of the 32-byte content key), ...}}}
//
// The owner's signature covers the envelope (it is the body), so a reader verifies a sealed
// version like any other; only a recipient learns what is inside.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"

namespace vsys {

inline constexpr const char* k_sealed_member = "sealed";
inline constexpr int k_sealed_schema = 1;
inline constexpr std::size_t k_max_sealed_recipients = 4096;

// True when the body is an envelope (its only member is "sealed"), whatever its inside.
bool is_sealed_body(const nlohmann::json& body);
// The envelope's shape: exactly the members above, base64 texts, 1..4096 recipients named by
// 64 lower-case hex characters. Errors: document.invalid_body {member} ("sealed.keys", ...).
Status validate_sealed_body(const nlohmann::json& body);
// The recipients' public keys (hex), sorted; empty when the body is no valid envelope.
std::vector<std::string> sealed_recipients(const nlohmann::json& body);

}  // namespace vsys
