// Vocabulary of the synthetic demo data: Japanese surnames, given names, town words, clinic
// departments and company trades, each with its katakana reading, and the helpers that turn a
// municipality into a name stem. All of it is invented for the demo: no real institution.
// Every character is in JIS X 0208, so the UI font covers it (tests check this).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/directory/local_gov.hpp"

namespace vsys::demo_names {

struct Part {
    std::string_view text;
    std::string_view reading;  // katakana
};

std::span<const Part> surnames();
std::span<const Part> given_names();
std::span<const Part> town_words();   // 本町, 駅前, ...
std::span<const Part> departments();  // クリニック, 内科医院, ...
std::span<const Part> child_departments();
std::span<const Part> hospitals();    // 中央病院, ...
std::span<const Part> trades();       // 電機, 運輸, ... (workplace venues)

// Hiragana to katakana; anything else is copied.
std::string to_katakana(std::string_view hiragana);

struct Stem {
    std::string text;     // 千代田
    std::string reading;  // チヨダ
};
// The municipality's name without its 市/区/町/村 and the matching reading; the whole name when
// the reading does not end with the suffix's reading.
Stem municipality_stem(const LocalGov& g);

}  // namespace vsys::demo_names
