// Who is signed in on this device. Held in memory only: a reload or an idle timeout asks for the
// password again (shared clinic PCs and kiosks), while documents persist.
#pragma once

#include <string>

#include "app/base/screens.hpp"
#include "core/demo/demo_data.hpp"
#include "sync/keys.hpp"

namespace vsys {

struct Session {
    std::string vsys_id;  // "" when signed out
    std::string name;
    Role role = Role::none;
    std::string org;      // organisation id, e.g. "muni:131016"
    std::string device_public;  // hex of this device's signing key for the account
    sync::KeyPair device_key;   // opened with the password at sign-in; never stored in clear
    bool signed_in() const { return !vsys_id.empty(); }
};

// The session of a demo account with the device key that opened it.
Session session_for(const DemoAccount& a, const sync::KeyPair& key);

const char* role_id(Role r);           // "nation", ..., "" for none
bool parse_role_id(std::string_view s, Role& out);  // also accepts "workplace_venue"

}  // namespace vsys
