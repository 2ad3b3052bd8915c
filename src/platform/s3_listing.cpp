#include "platform/s3_listing.hpp"

#include <charconv>
#include <memory>

namespace vsys::s3 {

namespace {

constexpr std::size_t k_max_xml = 16u << 20;  // a page of 1,000 keys of 1 KiB each fits many times
constexpr int k_max_depth = 8;

struct Element {
    std::string name;  // without a namespace prefix
    std::string text;  // the text directly inside, entities resolved
    std::vector<std::unique_ptr<Element>> children;

    const Element* child(std::string_view n) const {
        for (const auto& c : children)
            if (c->name == n) return c.get();
        return nullptr;
    }
};

Error bad(const std::string& detail) { return Error{"s3.xml", "the store's answer is not the XML expected: " + detail, {{"detail", detail}}}; }

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class Reader {
public:
    explicit Reader(std::string_view xml) : s_(xml) {}

    Result<std::unique_ptr<Element>> document() {
        skip_space();
        if (s_.substr(i_, 5) == "<?xml") {
            auto end = s_.find("?>", i_);
            if (end == std::string_view::npos) return bad("unterminated declaration");
            i_ = end + 2;
        }
        skip_space();
        auto root = element(0);
        if (!root) return root;
        skip_space();
        if (i_ != s_.size()) return bad("content after the root element");
        return root;
    }

private:
    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }

    static bool name_char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.' || c == ':';
    }

    std::string name() {
        const std::size_t start = i_;
        while (i_ < s_.size() && name_char(s_[i_])) ++i_;
        std::string n(s_.substr(start, i_ - start));
        auto colon = n.rfind(':');
        return colon == std::string::npos ? n : n.substr(colon + 1);
    }

    // Text up to the next '<', with references resolved.
    Result<std::string> text() {
        std::string out;
        while (i_ < s_.size() && s_[i_] != '<') {
            if (s_[i_] != '&') {
                out += s_[i_++];
                continue;
            }
            auto semi = s_.find(';', i_);
            if (semi == std::string_view::npos || semi - i_ > 10) return bad("unterminated reference");
            const std::string_view ref = s_.substr(i_ + 1, semi - i_ - 1);
            i_ = semi + 1;
            if (ref == "amp") out += '&';
            else if (ref == "lt") out += '<';
            else if (ref == "gt") out += '>';
            else if (ref == "quot") out += '"';
            else if (ref == "apos") out += '\'';
            else if (ref.size() > 1 && ref[0] == '#') {
                const bool hex = ref[1] == 'x';
                std::uint32_t cp = 0;
                auto digits = ref.substr(hex ? 2 : 1);
                auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
                if (ec != std::errc{} || p != digits.data() + digits.size() || digits.empty() || cp == 0 ||
                    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    return bad("bad character reference");
                append_utf8(out, cp);
            } else {
                return bad("unknown entity &" + std::string(ref) + ";");
            }
        }
        return out;
    }

    // Attributes are read and ignored (the root's xmlns); values must be quoted.
    Status attributes() {
        while (true) {
            skip_space();
            if (i_ >= s_.size()) return bad("unterminated tag");
            if (s_[i_] == '>' || s_[i_] == '/') return ok_status();
            if (name().empty()) return bad("bad attribute");
            skip_space();
            if (i_ >= s_.size() || s_[i_] != '=') return bad("attribute without a value");
            ++i_;
            skip_space();
            if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return bad("unquoted attribute");
            auto end = s_.find(s_[i_], i_ + 1);
            if (end == std::string_view::npos) return bad("unterminated attribute");
            i_ = end + 1;
        }
    }

    Result<std::unique_ptr<Element>> element(int depth) {
        if (depth >= k_max_depth) return bad("nested too deep");
        if (i_ >= s_.size() || s_[i_] != '<') return bad("an element expected");
        ++i_;
        auto e = std::make_unique<Element>();
        e->name = name();
        if (e->name.empty()) return bad("an element name expected (comments, CDATA and DTDs are not accepted)");
        if (auto a = attributes(); !a) return a.error();
        if (s_[i_] == '/') {
            if (s_.substr(i_, 2) != "/>") return bad("bad empty element");
            i_ += 2;
            return e;
        }
        ++i_;  // '>'
        while (true) {
            auto t = text();
            if (!t) return t.error();
            e->text += *t;
            if (i_ >= s_.size()) return bad("unterminated element <" + e->name + ">");
            if (s_.substr(i_, 2) == "</") {
                i_ += 2;
                if (name() != e->name) return bad("mismatched closing tag for <" + e->name + ">");
                skip_space();
                if (i_ >= s_.size() || s_[i_] != '>') return bad("bad closing tag");
                ++i_;
                return e;
            }
            auto child = element(depth + 1);
            if (!child) return child.error();
            e->children.push_back(std::move(*child));
        }
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

Result<std::unique_ptr<Element>> parse(std::string_view xml) {
    if (xml.size() > k_max_xml) return bad("the answer is too large");
    return Reader(xml).document();
}

}  // namespace

Result<ListPage> parse_list_page(std::string_view xml) {
    auto root = parse(xml);
    if (!root) return root.error();
    const Element& r = **root;
    if (r.name != "ListBucketResult") return bad("<" + r.name + "> instead of <ListBucketResult>");
    ListPage page;
    for (const auto& c : r.children) {
        if (c->name == "Contents") {
            const Element* key = c->child("Key");
            const Element* size = c->child("Size");
            if (!key || key->text.empty()) return bad("<Contents> without a <Key>");
            ListedObject o{key->text, 0};
            if (size) {
                auto [p, ec] = std::from_chars(size->text.data(), size->text.data() + size->text.size(), o.size);
                if (ec != std::errc{} || p != size->text.data() + size->text.size()) return bad("bad <Size>");
            }
            page.objects.push_back(std::move(o));
        } else if (c->name == "CommonPrefixes") {
            const Element* prefix = c->child("Prefix");
            if (!prefix || prefix->text.empty()) return bad("<CommonPrefixes> without a <Prefix>");
            page.prefixes.push_back(prefix->text);
        } else if (c->name == "IsTruncated") {
            if (c->text != "true" && c->text != "false") return bad("bad <IsTruncated>");
            page.truncated = c->text == "true";
        } else if (c->name == "NextContinuationToken") {
            page.next_token = c->text;
        }
    }
    if (page.truncated && page.next_token.empty()) return bad("a truncated listing without a continuation token");
    return page;
}

std::string error_code(std::string_view xml) {
    auto root = parse(xml);
    if (!root || (*root)->name != "Error") return {};
    const Element* code = (*root)->child("Code");
    return code ? code->text : std::string();
}

}  // namespace vsys::s3
