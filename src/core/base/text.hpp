// Text checks shared by every form: UTF-8 validity, length in characters (code points, which is
// what a user counts on screen), and control characters. Inputs arrive from browsers, files and
// bundles, so nothing is assumed valid.
#pragma once

#include <cstddef>
#include <string_view>

namespace vsys::text {

bool valid_utf8(std::string_view s);
// Number of code points; only meaningful for valid UTF-8.
std::size_t length(std::string_view s);
// C0 controls (including tab and newline) and DEL.
bool has_control(std::string_view s);

}  // namespace vsys::text
