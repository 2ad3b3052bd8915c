#include "core/base/input.hpp"

#include <cstdint>
#include <vector>

#include "core/base/text.hpp"

namespace vsys::input {
namespace {

using json = nlohmann::json;

// Builds the value from nlohmann's SAX events, as its own DOM parser does, but checks each
// limit as it goes and stops at the first refusal (returning false ends sax_parse at once).
class StrictBuilder {
public:
    explicit StrictBuilder(const JsonLimits& limits) : limits_(limits) {}

    json root;
    Error error;  // code empty unless refused

    bool null() { return value(json(nullptr)); }
    bool boolean(bool b) { return value(json(b)); }
    bool number_integer(json::number_integer_t n) { return value(json(n)); }
    bool number_unsigned(json::number_unsigned_t n) { return value(json(n)); }
    bool number_float(json::number_float_t x, const json::string_t&) {
        if (!limits_.allow_float) return fail(Error{"json.float", "floating point numbers are not allowed; use integers"});
        return value(json(x));
    }
    bool string(json::string_t& s) { return value(json(std::move(s))); }
    bool binary(json::binary_t&) { return fail(Error{"json.invalid", "the text is not valid JSON"}); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(json::string_t& k) {
        auto& members = *stack_.back()->get_ptr<json::object_t*>();
        auto [it, inserted] = members.try_emplace(std::move(k));  // k is left as it was when not inserted
        if (!inserted)
            return fail(Error{"json.duplicate_key", "an object has the same key twice: " + excerpt(k),
                              {{"key", excerpt(k)}}});
        slot_ = &it->second;
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const json::exception&) {
        return fail(Error{"json.invalid", "the text is not valid JSON", {{"offset", std::to_string(position)}}});
    }

private:
    bool fail(Error e) {
        if (error.code.empty()) error = std::move(e);
        return false;
    }
    bool counted() {
        if (++values_ <= limits_.max_values) return true;
        return fail(Error{"json.too_many_values", "the JSON holds more values than the limit",
                          {{"max", std::to_string(limits_.max_values)}}});
    }
    json* place(json&& v) {
        if (stack_.empty()) {
            root = std::move(v);
            return &root;
        }
        json* top = stack_.back();
        if (auto* items = top->get_ptr<json::array_t*>()) {
            items->push_back(std::move(v));
            return &items->back();
        }
        *slot_ = std::move(v);
        return slot_;
    }
    bool value(json&& v) {
        if (!counted()) return false;
        place(std::move(v));
        return true;
    }
    bool open(json&& v) {
        if (!counted()) return false;
        if (stack_.size() >= static_cast<std::size_t>(limits_.max_depth))
            return fail(Error{"json.too_deep", "the JSON nests too deeply", {{"max", std::to_string(limits_.max_depth)}}});
        // A container's address is stable while it is open: only its own children are added.
        stack_.push_back(place(std::move(v)));
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }

    const JsonLimits& limits_;
    std::vector<json*> stack_;
    json* slot_ = nullptr;  // the member a key just named
    std::size_t values_ = 0;
};

char hex_digit(unsigned v) { return "0123456789abcdef"[v & 15]; }

// Characters a message must never carry raw: they move the cursor, end a line or reorder text.
bool shown_escaped(std::uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0x200E ||
           cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

}  // namespace

Result<json> parse_json(std::string_view text, const JsonLimits& limits) {
    if (text.size() > limits.max_bytes)
        return Error{"json.too_large", "the input is over the size limit",
                     {{"size", std::to_string(text.size())}, {"max", std::to_string(limits.max_bytes)}}};
    if (!text::valid_utf8(text)) return Error{"json.utf8", "the text is not valid UTF-8"};
    StrictBuilder builder(limits);
    const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
    if (!builder.error.code.empty()) return builder.error;
    if (!ok) return Error{"json.invalid", "the text is not valid JSON"};
    return std::move(builder.root);
}

std::string excerpt(std::string_view s, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0, i = 0;
    while (i < s.size()) {
        if (chars++ == max_chars) {
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || n > s.size() - i || !text::valid_utf8(s.substr(i, n))) {
            out += "\\x";
            out.push_back(hex_digit(c >> 4));
            out.push_back(hex_digit(c));
            ++i;
            continue;
        }
        std::uint32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (std::size_t k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        if (cp == '\n') out += "\\n";
        else if (cp == '\r') out += "\\r";
        else if (cp == '\t') out += "\\t";
        else if (shown_escaped(cp)) {
            out += "\\u{";
            bool started = false;
            for (int shift = 20; shift >= 0; shift -= 4) {
                const unsigned d = (cp >> shift) & 15;
                if (d || started || shift == 0) {
                    out.push_back(hex_digit(d));
                    started = true;
                }
            }
            out += "}";
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

Error for_display(Error e) {
    for (auto& [name, value] : e.args) value = excerpt(value);
    // The detail is a sentence of ours, which may embed input: bounded like any input.
    e.detail = excerpt(e.detail, 4 * k_excerpt_chars);
    return e;
}

}  // namespace vsys::input
