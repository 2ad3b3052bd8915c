// Widgets the claim screens share: the vaccination-month picker (never past today's month in
// Japan), yen right-aligned with separators, and the hand-off of a print view (HTML in a new
// browser window, printed with the browser's dialog) and of a CSV download (UTF-8 with a BOM,
// so Excel reads the Japanese).
#pragma once

#include <cstdint>
#include <string>

#include "app/claims/upper_claims_views.hpp"
#include "core/base/calendar.hpp"
#include "imgui.h"
#include "ui/shell/kept_view.hpp"
#include "ui/widgets/table.hpp"

namespace vsys::ui {

class Shell;

// The shared month field (ui/widgets/date_fields.hpp) from February 2021 to `latest`, anchored
// <prefix>.month (.prev, .next); true when the month changed.
bool month_picker(Shell& shell, const std::string& prefix, YearMonth& month, const YearMonth& latest);
// The form line of the vaccination month: its label, and the picker beside it when it fits on
// the line, else under it (a phone); true when the month changed.
bool month_line(Shell& shell, const std::string& prefix, YearMonth& month, const YearMonth& latest);
// A muted or coloured paragraph wrapped at the window's right edge (help lines, notes, names):
// never past the edge of a phone.
void wrapped_text(const std::string& text, const ImVec4& colour);
// The month before today's in Japan: the month a claim is usually made for.
YearMonth default_claim_month(Shell& shell);
YearMonth today_month(Shell& shell);

// Right-aligns text in the current table cell.
void yen_right(std::int64_t yen);  // "1,234,567"

// The legacy 接種券付き予診票 counts (view claim_legacy) under a collapsed heading (`title_key`),
// in the shared Table with their total: per municipality on a site's claim screen (R533), per
// site on the municipality's claims screen (R313, `per_site`). One table for both screens.
void legacy_counts_table(Shell& shell, const char* anchor, const char* title_key,
                         const KeptView<ClaimLegacyQuery>& legacy, KeptTable& t, bool per_site);


}  // namespace vsys::ui
