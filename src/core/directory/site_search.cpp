#include "core/directory/site_search.hpp"

#include <algorithm>

namespace vsys {

namespace {

// Half-width katakana U+FF66..U+FF9D as hiragana (ｰ stays the prolonged sound mark).
constexpr char16_t k_half_width_kana[] = {
    u'を', u'ぁ', u'ぃ', u'ぅ', u'ぇ', u'ぉ', u'ゃ', u'ゅ', u'ょ', u'っ', u'ー', u'あ', u'い', u'う',
    u'え', u'お', u'か', u'き', u'く', u'け', u'こ', u'さ', u'し', u'す', u'せ', u'そ', u'た', u'ち',
    u'つ', u'て', u'と', u'な', u'に', u'ぬ', u'ね', u'の', u'は', u'ひ', u'ふ', u'へ', u'ほ', u'ま',
    u'み', u'む', u'め', u'も', u'や', u'ゆ', u'よ', u'ら', u'り', u'る', u'れ', u'ろ', u'わ', u'ん',
};

bool takes_dakuten(char32_t c) {
    return (c >= u'か' && c <= u'ぢ' && (c - u'か') % 2 == 0) || c == u'つ' || c == u'て' || c == u'と' ||
           c == u'は' || c == u'ひ' || c == u'ふ' || c == u'へ' || c == u'ほ';
}
bool takes_handakuten(char32_t c) { return c == u'は' || c == u'ひ' || c == u'ふ' || c == u'へ' || c == u'ほ'; }

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | c >> 6);
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | c >> 12);
        out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | c >> 18);
        out += static_cast<char>(0x80 | (c >> 12 & 0x3F));
        out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The next code point, or 0xFFFFFFFF for a malformed byte (which is then skipped).
char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0 || (n > 0 && i + static_cast<std::size_t>(n) >= s.size())) {
        ++i;
        return 0xFFFFFFFF;
    }
    char32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
        auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFFFFFF;
        }
        cp = cp << 6 | (b & 0x3F);
    }
    i += static_cast<std::size_t>(n) + 1;
    return cp;
}

void append_utf16(std::u16string& out, char32_t c) {
    if (c < 0x10000) {
        out += static_cast<char16_t>(c);
    } else {
        out += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
        out += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    }
}

// Normalises `text` onto the end of `out` (UTF-8 or UTF-16, by the `append` given): one pass,
// no temporaries, so that indexing 200,000 texts stays cheap.
template <class Out, class Append>
void normalize_into(std::string_view text, Out& out, Append append) {
    char32_t last = 0;  // the last code point written, for combining ﾞ and ﾟ
    std::size_t last_at = out.size();
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = next_code_point(text, i);
        if (c == 0xFFFFFFFF || c == u' ' || c == u'\u3000' || c == u'・' || c == u'･' || c < 0x20) continue;
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;                  // full-width ASCII
        if (c >= u'A' && c <= u'Z') c += u'a' - u'A';
        if (c >= u'ァ' && c <= u'ヶ') c -= 0x60;                      // katakana → hiragana
        else if (c == u'ヽ' || c == u'ヾ') c -= 0x60;
        else if (c >= 0xFF66 && c <= 0xFF9D) c = k_half_width_kana[c - 0xFF66];
        else if (c == 0xFF9E || c == 0xFF9F || c == 0x3099 || c == 0x309A) {
            bool voiced = c == 0xFF9E || c == 0x3099;
            char32_t combined = 0;
            if (voiced && takes_dakuten(last)) combined = last + 1;
            else if (voiced && last == u'う') combined = u'ゔ';
            else if (!voiced && takes_handakuten(last)) combined = last + 2;
            if (combined) {
                out.resize(last_at);
                append(out, combined);
                last = combined;
            }
            continue;
        }
        last_at = out.size();
        append(out, c);
        last = c;
    }
}

void normalize_utf16(std::string_view text, std::u16string& out) { normalize_into(text, out, append_utf16); }

}  // namespace

std::string normalize_for_search(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    normalize_into(text, out, append_utf8);
    return out;
}

SiteSearchIndex::Text SiteSearchIndex::make_text(std::span<const Site> sites, std::string Site::*field) {
    Text t;
    t.start.reserve(sites.size() + 1);
    for (const auto& s : sites) {
        t.start.push_back(static_cast<std::uint32_t>(t.buffer.size()));
        normalize_utf16(s.*field, t.buffer);
        t.buffer += u'\n';
    }
    t.start.push_back(static_cast<std::uint32_t>(t.buffer.size()));
    t.order.resize(sites.size());
    for (std::uint32_t i = 0; i < t.order.size(); ++i) t.order[i] = i;
    // Sorting compares the first four code units packed into one integer first (0 pads a short
    // entry, and every real unit is above 0, so the order is the entries' order); ties fall back
    // to the entries and then the index, which makes the order total and deterministic.
    std::vector<std::uint64_t> key(sites.size());
    for (std::uint32_t i = 0; i < key.size(); ++i) {
        auto e = t.entry(i);
        std::uint64_t k = 0;
        for (std::size_t j = 0; j < 4; ++j) k = k << 16 | (j < e.size() ? e[j] : 0);
        key[i] = k;
    }
    std::sort(t.order.begin(), t.order.end(), [&t, &key](std::uint32_t a, std::uint32_t b) {
        if (key[a] != key[b]) return key[a] < key[b];
        auto ea = t.entry(a), eb = t.entry(b);
        return ea != eb ? ea < eb : a < b;
    });
    return t;
}

SiteSearchIndex SiteSearchIndex::build(std::span<const Site> sites) {
    SiteSearchIndex idx;
    idx.count_ = sites.size();
    idx.names_ = make_text(sites, &Site::name);
    idx.readings_ = make_text(sites, &Site::reading);
    idx.codes_ = make_text(sites, &Site::code);
    return idx;
}

std::vector<std::uint32_t> SiteSearchIndex::search(std::string_view query, std::size_t limit,
                                                   const std::function<bool(std::uint32_t)>& allow,
                                                   std::span<const EditedSite> edited) const {
    std::vector<std::uint32_t> out;
    if (limit == 0) return out;
    std::vector<std::uint64_t> seen((count_ + 63) / 64, 0);
    auto mark = [&](std::uint32_t i) {
        const std::uint64_t bit = std::uint64_t{1} << (i % 64);
        const bool was = seen[i / 64] & bit;
        seen[i / 64] |= bit;
        return was;
    };
    auto offer_at = [&](std::uint32_t i) {
        if (allow && !allow(i)) return;
        out.push_back(i);
    };
    // An edited site's indexed text is stale: the index never offers it; its current text does.
    std::vector<bool> edited_offered(edited.size(), false);
    for (const auto& e : edited)
        if (e.index < count_) mark(e.index);
    auto offer = [&](std::uint32_t i) {
        if (!mark(i)) offer_at(i);
    };
    std::u16string q;
    normalize_utf16(query, q);
    if (q.empty()) {
        // In site order, edited or not.
        std::vector<std::uint64_t> is_edited((count_ + 63) / 64, 0);
        for (const auto& e : edited)
            if (e.index < count_) is_edited[e.index / 64] |= std::uint64_t{1} << (e.index % 64);
        for (std::uint32_t i = 0; i < count_ && out.size() < limit; ++i)
            if (is_edited[i / 64] & (std::uint64_t{1} << (i % 64)) || !mark(i)) offer_at(i);
        return out;
    }
    // Edited sites whose current `field` matches at this rank, after the indexed ones.
    std::u16string text;
    auto edited_rank = [&](std::string EditedSite::*field, bool prefix_only) {
        for (std::size_t k = 0; k < edited.size() && out.size() < limit; ++k) {
            if (edited_offered[k] || edited[k].index >= count_) continue;
            text.clear();
            normalize_utf16(edited[k].*field, text);
            const bool hit = prefix_only ? text.starts_with(q) : text.find(q) != std::u16string::npos;
            if (!hit) continue;
            edited_offered[k] = true;
            offer_at(edited[k].index);
        }
    };
    auto prefix = [&](const Text& t) {
        auto it = std::lower_bound(t.order.begin(), t.order.end(), q,
                                   [&t](std::uint32_t i, const std::u16string& key) { return t.entry(i) < key; });
        for (; it != t.order.end() && out.size() < limit && t.entry(*it).starts_with(q); ++it) offer(*it);
    };
    auto substring = [&](const Text& t) {
        std::u16string_view buf = t.buffer;
        for (std::size_t pos = buf.find(q); pos != std::u16string_view::npos && out.size() < limit; pos = buf.find(q, pos)) {
            auto entry = std::upper_bound(t.start.begin(), t.start.end(), static_cast<std::uint32_t>(pos)) - 1;
            offer(static_cast<std::uint32_t>(entry - t.start.begin()));
            pos = *(entry + 1);  // continue at the next entry
        }
    };
    if (std::all_of(q.begin(), q.end(), [](char16_t c) { return c >= u'0' && c <= u'9'; })) {
        prefix(codes_);
        edited_rank(&EditedSite::code, true);
    }
    if (out.size() < limit) prefix(names_), edited_rank(&EditedSite::name, true);
    if (out.size() < limit) prefix(readings_), edited_rank(&EditedSite::reading, true);
    if (out.size() < limit) substring(names_), edited_rank(&EditedSite::name, false);
    if (out.size() < limit) substring(readings_), edited_rank(&EditedSite::reading, false);
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::size_t SiteSearchIndex::memory_bytes() const {
    std::size_t n = sizeof(*this);
    for (const Text* t : {&names_, &readings_, &codes_})
        n += t->buffer.capacity() * sizeof(char16_t) + (t->start.capacity() + t->order.capacity()) * sizeof(std::uint32_t);
    return n;
}

}  // namespace vsys
