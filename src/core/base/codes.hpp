// The two code systems of the master data, checked exactly as published (FACTS.md "Codes"):
//
//   local-government code (JIS X 0402)  6 digits: prefecture 2 + municipality 3 + check digit,
//       check = (11 - (d1*6 + d2*5 + d3*4 + d4*3 + d5*2) mod 11) mod 10   e.g. 131016 千代田区
//   institution code (10 digits)        prefecture 2 + fee table 1 + district 2 + number 4 + check,
//       check over the first 9 digits: from the rightmost, multiply by 2, 1, 2, ... add the digits
//       of each product, check = (10 - sum mod 10) mod 10                e.g. 0110113719
//
// An institution code's kind is declared by whoever enters it, never guessed from its digits:
// an insurance code (保険医療機関コード) must pass the fee-table and check-digit tests; a 類似コード
// (venues with no insurance code, whose layout is not published) only needs 10 ASCII digits and a
// real prefecture prefix (01-47). Every refusal is an Error naming exactly what is wrong.
#pragma once

#include <optional>
#include <string_view>

#include "core/base/result.hpp"

namespace vsys {

enum class InstitutionCodeKind : unsigned char { insurance, similar };

// "insurance" / "similar" (the JSON and CLI spelling).
const char* institution_code_kind_id(InstitutionCodeKind kind);
std::optional<InstitutionCodeKind> parse_institution_code_kind(std::string_view id);

// The check digit ('0'..'9') for 5 leading ASCII digits of a local-government code.
char local_gov_check_digit(std::string_view first5);
// The check digit ('0'..'9') for 9 leading ASCII digits of an institution code.
char institution_check_digit(std::string_view first9);

// Format, prefecture prefix (01-47: the nation's 000000 is not a local-government code) and
// check digit of a 6-digit local-government code. Whether the code names a current local
// government is find_local_gov()'s question, not this one's.
Status check_local_gov_code(std::string_view code);

// A 10-digit institution code of the declared kind.
Status check_institution_code(std::string_view code, InstitutionCodeKind kind);

// Prefecture number 1..47 from the first two digits of a checked code.
int code_prefecture(std::string_view code);

// The fee table (点数表) digit of an insurance code: '1' medical, '3' dental, '4' pharmacy.
const char* fee_table_name(char digit);

}  // namespace vsys
