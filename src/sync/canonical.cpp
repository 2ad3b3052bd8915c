#include "sync/canonical.hpp"

#include <vector>

#include "core/text.hpp"
#include "sync/crypto.hpp"

namespace vsys::sync {
namespace {

// Deeper nesting than this is refused before nlohmann's recursive parser could exhaust a
// small wasm stack; no document of ours nests more than a handful of levels.
constexpr int k_max_depth = 64;

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

// Nesting depth of the text, counted over brackets outside strings, so that a hostile file is
// refused before the recursive parser sees it.
bool depth_ok(std::string_view t) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : t) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > k_max_depth) return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

bool has_float(const nlohmann::json& v) {
    if (v.is_number_float()) return true;
    if (v.is_structured())
        for (const auto& e : v)
            if (has_float(e)) return true;
    return false;
}

}  // namespace

Result<std::string> canonical(const nlohmann::json& value) {
    std::string out;
    if (const char* err = encode(value, out, 0); *err) return code_error(err);
    return out;
}

Result<nlohmann::json> parse_strict(std::string_view text) {
    if (!text::valid_utf8(text)) return code_error("json.utf8");
    if (!depth_ok(text)) return code_error("json.too_deep");
    // One set of seen keys per open object; a repeated key marks the whole text as refused.
    std::vector<std::vector<std::string>> keys;
    bool duplicate = false;
    auto cb = [&](int, nlohmann::json::parse_event_t ev, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (ev == E::object_start) keys.emplace_back();
        else if (ev == E::object_end) { if (!keys.empty()) keys.pop_back(); }
        else if (ev == E::key && !keys.empty() && parsed.is_string()) {
            auto& seen = keys.back();
            const auto& k = parsed.get_ref<const std::string&>();
            for (const auto& s : seen)
                if (s == k) duplicate = true;
            seen.push_back(k);
        }
        return true;
    };
    auto j = nlohmann::json::parse(text.begin(), text.end(), cb, false);
    if (j.is_discarded()) return code_error("json.invalid");
    if (duplicate) return Error{"json.duplicate_key", "an object has the same key twice"};
    if (has_float(j)) return code_error("json.float");
    return j;
}

Result<nlohmann::json> parse_canonical(std::string_view text) {
    if (!text::valid_utf8(text)) return code_error("json.utf8");
    if (!depth_ok(text)) return code_error("json.too_deep");
    // The fast parser without callbacks: duplicates, whitespace and every other deviation make
    // the re-encoding differ from the input, which is refused below.
    auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return code_error("json.invalid");
    auto again = canonical(j);
    if (!again) return again.error();
    if (*again != text) return Error{"json.not_canonical", "the JSON is not in canonical form"};
    return j;
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
