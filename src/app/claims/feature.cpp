// Fee claims: a site's entry, the municipality's and the federation's views (cmd_claims.cpp, view_claims.cpp).
#include "app/base/feature.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    // A municipality opens it to enter claims on behalf of one of its sites (代行入力).
    {"claims", "home.group.claims", "screen.claims", "screen.claims.desc", k_site_roles | k_muni, ""},
    {"federation_claims", "home.group.claims", "screen.federation_claims", "screen.federation_claims.desc",
     role_bit(Role::federation), ""},
    {"municipality_claims", "home.group.claims", "screen.municipality_claims", "screen.municipality_claims.desc", k_muni, ""},
};
}  // namespace

const Feature& claims_feature() {
    static const Feature f{"claims", claims_commands(), claims_views(), k_screens};
    return f;
}

}  // namespace vsys
