// Widgets the claim screens share: the vaccination-month picker (never past today's month in
// Japan), yen right-aligned with separators, and the hand-off of a print view (HTML in a new
// browser window, printed with the browser's dialog) and of a CSV download (UTF-8 with a BOM,
// so Excel reads the Japanese).
#pragma once

#include <cstdint>
#include <string>

#include "core/base/calendar.hpp"

namespace vsys::ui {

class Shell;

// "< 2022年1月 >" with anchors <prefix>.month.prev / .next; true when the month changed.
bool month_picker(Shell& shell, const std::string& prefix, YearMonth& month, const YearMonth& latest);
// The month before today's in Japan: the month a claim is usually made for.
YearMonth default_claim_month(Shell& shell);
YearMonth today_month(Shell& shell);

// Right-aligns text in the current table cell.
void yen_right(std::int64_t yen);  // "1,234,567"

// 代行入力: a municipality's sites, searchable by name, reading or code; choosing one opens the
// claim screen for it (#/claims/<site code>).
void proxy_site_picker(Shell& shell);

}  // namespace vsys::ui
