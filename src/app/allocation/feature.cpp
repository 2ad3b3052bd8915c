// The allocation chain ①–⑤: requests, allocations, simulation, deliveries (cmd_allocation.cpp, view_allocation.cpp).
#include "app/base/feature.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    {"requests", "home.group.allocation", "screen.requests", "screen.requests.desc", role_bit(Role::site), ""},
    {"allocation", "home.group.allocation", "screen.allocation", "screen.allocation.desc",
     role_bit(Role::nation) | role_bit(Role::prefecture) | k_muni | k_site_roles, ""},
    {"simulation", "home.group.allocation", "screen.simulation", "screen.simulation.desc",
     role_bit(Role::nation) | role_bit(Role::prefecture) | k_muni, "allocation"},
    {"deliveries", "home.group.allocation", "screen.deliveries", "screen.deliveries.desc",
     role_bit(Role::nation) | role_bit(Role::prefecture) | k_muni | k_site_roles, ""},
};
}  // namespace

const Feature& allocation_feature() {
    static const Feature f{"allocation", allocation_commands(), allocation_views(), k_screens};
    return f;
}

}  // namespace vsys
