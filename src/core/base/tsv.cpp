#include "core/base/tsv.hpp"

namespace vsys::tsv {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (true) {
        std::size_t t = line.find('\t', pos);
        out.push_back(line.substr(pos, t == std::string_view::npos ? std::string_view::npos : t - pos));
        if (t == std::string_view::npos) break;
        pos = t + 1;
    }
    return out;
}

}  // namespace vsys::tsv
