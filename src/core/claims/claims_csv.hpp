// CSV text of the claim documents for download and Excel: UTF-8, CRLF line ends, RFC 4180
// quoting (a field with a comma, quote or line break is quoted, quotes doubled). The platform
// layer adds the BOM or converts to CP932; nothing here does I/O. Amounts are plain integers
// (no separators) so that spreadsheets read them as numbers; the last row of each table is
// its total (合計), equal to the sum of the rows above it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/csv.hpp"      // csv_line
#include "core/base/numbers.hpp"  // format_grouped, for print
#include "core/claims/claims_documents.hpp"

namespace vsys {


// 市区町村別請求書: one row per line (form, category), then the total.
std::string municipality_claim_csv(const MunicipalityClaim& m, const ClaimParty& party);
// 国保連提出用請求総括書: one row per municipality of residence, then the total.
std::string claim_summary_csv(const ClaimSummary& s, const ClaimParty& party);
// The federation's month: rows per municipality (区分 市区町村), then per site (区分 医療機関),
// each group followed by its total.
std::string federation_totals_csv(const FederationTotals& t);

}  // namespace vsys
