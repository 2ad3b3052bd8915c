// Sealing a document body to devices, and opening it (docs/PROTOCOL.md §2 "Sealed bodies"; the
// envelope's shape is core/documents/sealed_body.hpp). Personal data (R505's reservation lists)
// must not be readable by whoever lists the exchange, which anyone can; so its body is
// encrypted once with a fresh 32-byte content key (crypto_secretbox, XSalsa20-Poly1305), and
// the content key is sealed to each recipient: libsodium's sealed box to the X25519 key
// converted from the recipient's Ed25519 key (a device key, or the key of an enrolment code not
// yet claimed, so the device that claims it can read what was sealed before it existed).
//
// Every random value (content key, nonce, the sealed boxes' ephemeral keys) is derived from
// one 32-byte `entropy` by BLAKE2b with distinct labels: the app passes fresh randomness, the
// demo deployment a seed-derived value so the same seed gives the same bytes. A sealed box made
// from a given ephemeral key is the very construction of crypto_box_seal (ephemeral public key,
// then crypto_box_easy under nonce = BLAKE2b-192(ephemeral pk ‖ recipient pk)), so
// crypto_box_seal_open opens it; libsodium 1.0.18 draws that ephemeral key itself, hence the
// few lines here.
//
// The plain text inside names the document's key (owner/kind/id), so an envelope copied into
// another document does not open as that document.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"
#include "core/documents/document.hpp"
#include "core/documents/sealed_body.hpp"
#include "sync/keys.hpp"

namespace vsys::sync {

// The envelope for the version's key (owner/kind/id) and body, sealed to `recipients` (Ed25519
// public keys, hex; duplicates ignored). Errors: sealed.recipient {key} (not a key), sealed.none.
Result<nlohmann::json> seal_body(const std::string& document_key, const nlohmann::json& body,
                                 const std::vector<std::string>& recipients, const Seed& entropy);

// The plain body of a sealed version, opened with the first of `keys` it is sealed to.
// Errors: sealed.not_recipient (none of the keys), sealed.open (altered, or a wrong key),
// sealed.mismatch (sealed for another document), document.invalid_body (no envelope).
Result<nlohmann::json> open_body(const DocumentVersion& v, std::span<const KeyPair> keys);

// Fresh randomness for seal_body.
Seed fresh_entropy();

}  // namespace vsys::sync
