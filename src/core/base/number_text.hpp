// Integers as people read them: "1,234,567" (boxes, vials, doses, yen). One formatting for the
// screens, CSV files and print pages, so a number reads the same everywhere.
#pragma once

#include <cstdint>
#include <string>

namespace vsys {

// Thousands separated by commas; negative numbers keep their sign ("-1,000").
std::string format_grouped(std::int64_t v);

}  // namespace vsys
