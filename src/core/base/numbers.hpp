// Numbers as people read them on screen and on paper: boxes, counts and yen with thousands
// separators. Plain integers in, text out; exact for every int64 (no floating point).
#pragma once

#include <cstdint>
#include <string>

namespace vsys {

// 1234567 → "1,234,567"; negative numbers keep their sign ("-1,234").
std::string format_grouped(std::int64_t v);

// An exact non-negative fraction whole + num/den (0 <= num < den) rounded half up to `places`
// decimal digits, as an integer in 10^-places: 2070 + 6043260/7064182 → 207086 (2,070.86).
std::int64_t scaled_decimal(std::int64_t whole, std::int64_t num, std::int64_t den, int places = 2);

// A size on the wire as people read it, to one decimal (rounded half up): 3,277 → "3.2 KB",
// 12,986,000 → "12.4 MB", past 1,024 MB in GB. KB at the least, so a run's first bytes read
// "0.0 KB" rather than a unit of their own.
std::string format_data_size(std::int64_t bytes);

}  // namespace vsys
