// Reading the small tab-separated data files in assets/ (UI strings aside): lines starting with
// '#' are comments, the first other line names the columns, every following non-empty line is
// a row. Fields are views into the text, which must outlive the call.
#pragma once

#include <string_view>
#include <vector>

namespace vsys::tsv {

std::vector<std::string_view> split_tabs(std::string_view line);

// Calls row(line_no, fields) for every data row (line_no is 1-based in the file); stops at and
// returns the first false.
template <class RowFn>
bool for_each_row(std::string_view tsv, RowFn&& row) {
    int line_no = 0;
    bool header = true;
    std::size_t pos = 0;
    while (pos < tsv.size()) {
        std::size_t end = tsv.find('\n', pos);
        if (end == std::string_view::npos) end = tsv.size();
        std::string_view line = tsv.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        if (!row(line_no, split_tabs(line))) return false;
    }
    return true;
}

}  // namespace vsys::tsv
