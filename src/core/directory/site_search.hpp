// Search over all sites and venues (about 71,000) by name, reading or code, fast enough for
// every keystroke in wasm (one frame). Text is normalised once at build time and per query:
// katakana and half-width katakana fold to hiragana (with ﾞ/ﾟ combined), full-width ASCII to
// ASCII, Latin letters to lower case, and spaces and ・ are dropped, so "ｻﾄｳ", "サトウ" and "さとう"
// find the same sites, and "０１１０" finds codes starting with 0110.
//
// Ranking: code prefix (digit queries) first, then name prefix, reading prefix (each in sorted
// order of the normalised text), then name substring and reading substring (in site order).
// Each site appears once, at its best rank. Prefix ranks use binary search over precomputed
// sorted orders; only substring ranks scan, and only while the limit is not yet reached.
//
// The index is built once from the master data; a site its owner has since edited (a new name
// or reading in a site_info document) is passed as an EditedSite, so the search finds it by
// what it is called now and never by its old text. Edits are few (a municipality's sites
// changing their details), so they are matched by a scan at each rank.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/directory/site.hpp"

namespace vsys {

// The normalised form used for both index and queries (invalid UTF-8 bytes are skipped).
std::string normalize_for_search(std::string_view text);

// A site's text as its newest site_info document has it; `index` is its position in the
// sites the index was built from.
struct EditedSite {
    std::uint32_t index = 0;
    std::string name, reading, code;
};

class SiteSearchIndex {
public:
    // Indexes sites by position: search results are indices into `sites`.
    static SiteSearchIndex build(std::span<const Site> sites);

    // At most `limit` site indices, best first. An empty query lists sites in order. `allow`,
    // when set, restricts results (e.g. to an organisation's subtree) before the limit applies.
    // `edited` replaces the indexed text of those sites.
    std::vector<std::uint32_t> search(std::string_view query, std::size_t limit,
                                      const std::function<bool(std::uint32_t)>& allow = {},
                                      std::span<const EditedSite> edited = {}) const;

    std::size_t size() const { return count_; }
    // Bytes held by the index (for the memory budget).
    std::size_t memory_bytes() const;

private:
    // Normalised entries in UTF-16, each followed by '\n': a kana is one code unit, so a scan
    // looks for the query's first character rather than for a UTF-8 lead byte that nearly every
    // Japanese character shares.
    struct Text {
        std::u16string buffer;
        std::vector<std::uint32_t> start;  // size() + 1 offsets into buffer
        std::vector<std::uint32_t> order;  // site indices sorted by entry
        std::u16string_view entry(std::uint32_t i) const {
            return std::u16string_view(buffer).substr(start[i], start[i + 1] - start[i] - 1);
        }
    };
    static Text make_text(std::span<const Site> sites, std::string Site::*field);

    std::size_t count_ = 0;
    Text names_;
    Text readings_;
    Text codes_;
};

}  // namespace vsys
