// Canonical JSON and content hashes (docs/PROTOCOL.md "Canonical encoding").
//
// The canonical encoding of a JSON value is: objects with members sorted by the UTF-8 bytes of
// their keys, no whitespace, integers only (floating point is refused: no float may decide a
// result, and float printing differs between machines), strings as UTF-8 with only `"`, `\` and
// C0 controls escaped (\b \f \n \r \t, other controls as \u00xx in lower-case hex). Two machines
// that agree on a value produce the same bytes, so hashes and signatures are over those bytes.
//
// parse_canonical() accepts only text that is already canonical: re-encoding must give back the
// very same bytes, which also refuses duplicate keys, whitespace, escapes of printable
// characters and numbers such as 1e2 or -0. parse_strict() accepts any well-formed JSON without
// duplicate keys or floats (for hand-written input) within the default limits of
// core/base/input.hpp, which both use.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/documents/document.hpp"
#include "core/base/result.hpp"

namespace vsys::sync {

// Errors: json.float (floating point number), json.utf8 (string not valid UTF-8).
Result<std::string> canonical(const nlohmann::json& value);

// Errors: those of input::parse_json (json.too_large, json.utf8, json.invalid, json.duplicate_key,
// json.float, json.too_deep, json.too_many_values).
Result<nlohmann::json> parse_strict(std::string_view text);
// Any size (the caller bounds it); json.not_canonical when the bytes are not the canonical
// encoding (a duplicate key included), else json.utf8, json.invalid, json.float, json.too_deep.
Result<nlohmann::json> parse_canonical(std::string_view text);

// BLAKE2b-256 (lower-case hex) of the canonical encoding of the version without its "hash".
Result<std::string> version_hash(const DocumentVersion& d);
// Computes and stores d.hash. Fails (json.float, json.utf8) when the body cannot be encoded.
Status seal(DocumentVersion& d);
// True when d.hash is the hash of its content.
bool hash_matches(const DocumentVersion& d);

}  // namespace vsys::sync
