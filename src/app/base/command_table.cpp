#include "app/base/command_table.hpp"

#include <vector>

#include "app/base/feature.hpp"

namespace vsys {

std::span<const CommandEntry> command_table() {
    static const auto table = [] {
        std::vector<CommandEntry> out;
        for (const Feature& f : features()) out.insert(out.end(), f.commands.begin(), f.commands.end());
        return out;
    }();
    return table;
}

std::span<const ViewEntry> view_table() {
    static const auto table = [] {
        std::vector<ViewEntry> out;
        for (const Feature& f : features()) out.insert(out.end(), f.views.begin(), f.views.end());
        return out;
    }();
    return table;
}

}  // namespace vsys
