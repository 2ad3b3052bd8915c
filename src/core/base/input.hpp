// Untrusted input (docs/PROTOCOL.md "Input limits"): every JSON text that arrives from outside
// the program (bundles, lookup files, command and view arguments, CLI input) is parsed here,
// within stated limits, and every message that quotes input quotes only an excerpt of it.
//
// parse_json() refuses, before the text could cost more than it is worth:
//   json.too_large {size} {max}     more bytes than the caller allows (refused unread);
//   json.utf8                       not UTF-8;
//   json.too_deep {max}             arrays/objects nested deeper than max_depth;
//   json.too_many_values {max}      more values (scalars, arrays and objects) than max_values;
//   json.duplicate_key {key}        an object with the same key twice (never "last one wins");
//   json.float                      a floating point number, unless the caller reads floats
//                                   itself to name the field (allow_float);
//   json.invalid {offset}           anything else that is not one JSON value.
// It builds the value as it reads (nlohmann's SAX interface) and stops at the first refusal,
// so a hostile text costs at most its size in time and a bounded amount of memory.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"

namespace vsys::input {

// No document, bundle or command of ours nests more than a handful of levels; deep nesting is
// refused before it could exhaust a small wasm stack anywhere downstream.
inline constexpr int k_max_depth = 64;
// How much of an input a message may quote (in characters).
inline constexpr std::size_t k_excerpt_chars = 100;

struct JsonLimits {
    std::size_t max_bytes = 16u << 20;
    int max_depth = k_max_depth;
    std::size_t max_values = 1'000'000;
    bool allow_float = false;
};

Result<nlohmann::json> parse_json(std::string_view text, const JsonLimits& limits = {});

// At most max_chars characters of `text`, for a message: control characters (C0, DEL, C1),
// line and paragraph separators, bidirectional overrides and bytes that are not UTF-8 are
// written as escapes (\n, \u{202e}, \xff), and a cut is marked with "…".
std::string excerpt(std::string_view text, std::size_t max_chars = k_excerpt_chars);

// The error with every argument cut to an excerpt and its English detail bounded, for showing
// or returning to a caller. Codes are untouched.
Error for_display(Error e);

}  // namespace vsys::input
