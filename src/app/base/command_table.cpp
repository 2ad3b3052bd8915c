#include "app/base/command_table.hpp"

namespace vsys {

namespace {
template <class T, class F>
std::vector<T> concat(std::initializer_list<F> parts) {
    std::vector<T> out;
    for (auto part : parts)
        for (const auto& e : part()) out.push_back(e);
    return out;
}
}  // namespace

std::span<const CommandEntry> command_table() {
    static const auto table = concat<CommandEntry, std::span<const CommandEntry> (*)()>(
        {settings_commands, session_commands, enrolment_commands, site_commands, claims_commands, allocation_commands, sync_commands,
         kiosk_commands});
    return table;
}

std::span<const ViewEntry> view_table() {
    static const auto table =
        concat<ViewEntry, std::span<const ViewEntry> (*)()>({settings_views, session_views, site_views, claims_views, allocation_views, sync_views,
                                                              kiosk_views});
    return table;
}

}  // namespace vsys
