#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "app/base/glyph_ranges.hpp"
#include "app/base/i18n.hpp"

TEST_SUITE_BEGIN("session");

namespace vsys::assets {
std::string_view strings_tsv();
std::string_view local_gov_tsv();
}  // namespace vsys::assets

namespace {
// Decodes UTF-8; returns false on malformed input.
bool for_each_code_point(std::string_view s, auto&& fn) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp;
        int n;
        if (c < 0x80) { cp = c; n = 1; }
        else if ((c >> 5) == 6) { cp = c & 0x1f; n = 2; }
        else if ((c >> 4) == 14) { cp = c & 0x0f; n = 3; }
        else if ((c >> 3) == 30) { cp = c & 0x07; n = 4; }
        else return false;
        if (i + n > s.size()) return false;
        for (int k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        fn(cp);
        i += n;
    }
    return true;
}
}  // namespace

TEST_CASE("every character of the UI strings and the master data is covered by the font ranges") {
    for (auto text : {vsys::assets::strings_tsv(), vsys::assets::local_gov_tsv()}) {
        std::string missing;
        bool utf8 = for_each_code_point(text, [&](std::uint32_t cp) {
            if (cp >= 0x20 && !vsys::glyph_covered(cp)) missing += std::to_string(cp) + " ";
        });
        CHECK(utf8);
        CHECK_MESSAGE(missing.empty(), "code points missing from the glyph ranges: " << missing);
    }
}

TEST_CASE("the glyph ranges include the JIS kanji that ImGui's own Japanese ranges miss") {
    for (std::uint32_t cp : {0x6AAEu /*檮*/, 0x5B2Cu /*嬬*/, 0x5B8Du /*宍*/, 0x531Du /*匝*/})
        CHECK(vsys::glyph_covered(cp));
    CHECK_FALSE(vsys::glyph_covered(0x1F600u));  // an emoji is not in the subset
}

TEST_CASE("every UI string has a Japanese and an English text") {
    const auto& s = vsys::Strings::builtin();
    CHECK(s.entries().size() > 10);
    for (const auto& entry : s.entries()) {
        CHECK_MESSAGE(!entry.second.first.empty(), entry.first);
        CHECK_MESSAGE(!entry.second.second.empty(), entry.first);
    }
    CHECK(s.get("nav.home", vsys::Language::ja) == "ホーム");
    CHECK(s.get("nav.home", vsys::Language::en) == "Home");
}

TEST_CASE("error messages are translated with their placeholders filled") {
    const auto& s = vsys::Strings::builtin();
    vsys::Error e{"arg.missing", "missing", {{"name", "language"}}};
    CHECK(s.error_message(e, vsys::Language::ja) == "項目「language」がありません");
    CHECK(s.error_message(e, vsys::Language::en) == "The field \"language\" is missing");
    vsys::Error unknown{"no.such.code", "fallback text"};
    CHECK(s.error_message(unknown, vsys::Language::en) == "fallback text");
}

TEST_SUITE_END();
