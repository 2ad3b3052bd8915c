// CSV as spreadsheets read it (RFC 4180): a field is quoted when it holds a comma, a quote or a
// line break, quotes doubled; lines end with CRLF. One writer for every CSV the app offers (the
// claim forms, the legacy report, the shared Table's export).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vsys {

std::string csv_field(std::string_view field);
std::string csv_line(const std::vector<std::string>& fields);  // ends with "\r\n"

}  // namespace vsys
