#include "core/local_gov.hpp"

#include <unordered_map>
#include <vector>

namespace vsys {

namespace assets {
std::string_view local_gov_tsv();
}

namespace {

struct Table {
    std::vector<LocalGov> rows;
    std::unordered_map<std::string_view, size_t> by_code;
};

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (true) {
        size_t t = line.find('\t', pos);
        out.push_back(line.substr(pos, t == std::string_view::npos ? std::string_view::npos : t - pos));
        if (t == std::string_view::npos) break;
        pos = t + 1;
    }
    return out;
}

const Table& table() {
    static const Table t = [] {
        Table t;
        std::string_view tsv = assets::local_gov_tsv();
        size_t pos = 0;
        bool header = true;
        while (pos < tsv.size()) {
            size_t end = tsv.find('\n', pos);
            if (end == std::string_view::npos) end = tsv.size();
            std::string_view line = tsv.substr(pos, end - pos);
            pos = end + 1;
            if (line.empty() || line[0] == '#') continue;
            if (header) {  // column names
                header = false;
                continue;
            }
            auto f = split_tabs(line);
            if (f.size() < 7) continue;
            t.rows.push_back(LocalGov{std::string(f[0]),
                                      f[1] == "prefecture" ? LocalGovKind::prefecture : LocalGovKind::municipality,
                                      std::string(f[2]), std::string(f[3]), std::string(f[4]), f[5] == "active",
                                      std::string(f[6])});
        }
        for (size_t i = 0; i < t.rows.size(); ++i) t.by_code.emplace(t.rows[i].code, i);
        return t;
    }();
    return t;
}

}  // namespace

std::span<const LocalGov> local_governments() { return table().rows; }

const LocalGov* find_local_gov(std::string_view code) {
    const auto& t = table();
    auto it = t.by_code.find(code);
    return it == t.by_code.end() ? nullptr : &t.rows[it->second];
}

}  // namespace vsys
