// Signing in and out, lockout and unlock requests (cmd_session.cpp).
#include "app/base/feature.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    {"login", "home.group.system", "screen.login", "screen.login.desc", role_bit(Role::none), ""},
    {"unlock_inbox", "home.group.accounts", "screen.unlock_inbox", "screen.unlock_inbox.desc", k_managers, "", "",
     waiting_unlock_requests},
};
}  // namespace

const Feature& session_feature() {
    static const Feature f{"session", session_commands(), session_views(), k_screens};
    return f;
}

}  // namespace vsys
