// Numbers as people read them on screen and on paper: boxes, counts and yen with thousands
// separators. Plain integers in, text out; exact for every int64 (no floating point).
#pragma once

#include <cstdint>
#include <string>

namespace vsys {

// 1234567 → "1,234,567"; negative numbers keep their sign ("-1,234").
std::string format_grouped(std::int64_t v);

}  // namespace vsys
