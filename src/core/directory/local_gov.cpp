#include "core/directory/local_gov.hpp"

#include "core/base/tsv.hpp"

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

const Table& table() {
    static const Table t = [] {
        Table t;
        tsv::for_each_row(assets::local_gov_tsv(), [&](int, const std::vector<std::string_view>& f) {
            if (f.size() >= 7)
                t.rows.push_back(LocalGov{std::string(f[0]),
                                          f[1] == "prefecture" ? LocalGovKind::prefecture : LocalGovKind::municipality,
                                          std::string(f[2]), std::string(f[3]), std::string(f[4]), f[5] == "active",
                                          std::string(f[6])});
            return true;
        });
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
