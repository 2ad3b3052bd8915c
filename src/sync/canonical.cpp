#include "sync/canonical.hpp"

#include <cstdint>

#include "core/base/input.hpp"
#include "core/base/text.hpp"
#include "sync/crypto.hpp"

namespace vsys::sync {
namespace {

// Encoding refuses what parsing refuses (core/base/input.hpp).
constexpr int k_max_depth = input::k_max_depth;

bool encode_string(std::string_view s, std::string& out) {
    if (!text::valid_utf8(s)) return false;
    out.push_back('"');
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    out += "\\u00";
                    out.push_back(hex[c >> 4]);
                    out.push_back(hex[c & 15]);
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
    return true;
}

// Returns an error code, or "" on success.
const char* encode(const nlohmann::json& v, std::string& out, int depth) {
    if (depth > k_max_depth) return "json.too_deep";
    switch (v.type()) {
        case nlohmann::json::value_t::null: out += "null"; return "";
        case nlohmann::json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return "";
        case nlohmann::json::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return "";
        case nlohmann::json::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return "";
        case nlohmann::json::value_t::number_float: return "json.float";
        case nlohmann::json::value_t::string:
            return encode_string(v.get_ref<const std::string&>(), out) ? "" : "json.utf8";
        case nlohmann::json::value_t::array: {
            out.push_back('[');
            bool first = true;
            for (const auto& e : v) {
                if (!first) out.push_back(',');
                first = false;
                if (const char* err = encode(e, out, depth + 1); *err) return err;
            }
            out.push_back(']');
            return "";
        }
        case nlohmann::json::value_t::object: {
            // nlohmann's object is a std::map<std::string, ...>: iteration is in byte order of
            // the keys (char_traits<char>::compare compares as unsigned char).
            out.push_back('{');
            bool first = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!first) out.push_back(',');
                first = false;
                if (!encode_string(it.key(), out)) return "json.utf8";
                out.push_back(':');
                if (const char* err = encode(it.value(), out, depth + 1); *err) return err;
            }
            out.push_back('}');
            return "";
        }
        case nlohmann::json::value_t::binary:
        case nlohmann::json::value_t::discarded: return "json.invalid";
    }
    return "json.invalid";
}

Error code_error(const std::string& code) {
    if (code == "json.float") return Error{code, "floating point numbers are not allowed; use integers"};
    if (code == "json.utf8") return Error{code, "the text is not valid UTF-8"};
    if (code == "json.too_deep") return Error{code, "the JSON nests too deeply"};
    return Error{"json.invalid", "the text is not valid JSON"};
}

}  // namespace

Result<std::string> canonical(const nlohmann::json& value) {
    std::string out;
    if (const char* err = encode(value, out, 0); *err) return code_error(err);
    return out;
}

Result<nlohmann::json> parse_strict(std::string_view text) { return input::parse_json(text); }

Result<nlohmann::json> parse_canonical(std::string_view text) {
    // The caller bounds the size (a bundle is at most 4 MiB), which bounds the values too.
    input::JsonLimits limits;
    limits.max_bytes = SIZE_MAX;
    limits.max_values = SIZE_MAX;
    limits.allow_float = true;  // refused below, by the canonical encoding
    auto j = input::parse_json(text, limits);
    if (!j) {
        if (j.error().code == "json.duplicate_key")
            return Error{"json.not_canonical", "the JSON is not in canonical form", j.error().args};
        return j.error();
    }
    auto again = canonical(*j);
    if (!again) return again.error();
    if (*again != text) return Error{"json.not_canonical", "the JSON is not in canonical form"};
    return std::move(*j);
}

Result<std::string> version_hash(const DocumentVersion& d) {
    auto j = to_json(d);
    j.erase("hash");
    auto bytes = canonical(j);
    if (!bytes) return bytes.error();
    return crypto::blake2b_256_hex(*bytes);
}

Status seal(DocumentVersion& d) {
    auto h = version_hash(d);
    if (!h) return h.error();
    d.hash = *h;
    return ok_status();
}

bool hash_matches(const DocumentVersion& d) {
    auto h = version_hash(d);
    return h && *h == d.hash;
}

}  // namespace vsys::sync
