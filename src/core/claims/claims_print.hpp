// A4 print views of the claim documents as self-contained HTML pages in Japanese, for the
// app to open and hand to the browser's print dialog: form layout, 令和 dates, amounts
// right-aligned with thousands separators, the site's code, name and representative.
//
// Pure text: no I/O, no scripts, no external resources. Every string taken from data is
// HTML-escaped. Amounts are the document's own (nothing is recomputed here).
#pragma once

#include <string>
#include <string_view>

#include "core/claims/claims_documents.hpp"

namespace vsys {

std::string html_escape(std::string_view s);

// 市区町村別請求書 (form 4-5).
std::string municipality_claim_html(const MunicipalityClaim& m, const ClaimParty& party);
// 国保連提出用請求総括書 (form 4-5-3).
std::string claim_summary_html(const ClaimSummary& s, const ClaimParty& party);

}  // namespace vsys
