// An account as the public record says it (sync/identity.hpp's Account): the one conversion
// from the directory's demo account, for the commands that certify, enrol, switch to or unlock
// it (enrolment, kiosk, session). Session owns accounts.
#pragma once

#include "core/demo/demo_data.hpp"
#include "sync/identity.hpp"

namespace vsys {

// The account of a demo account, active (a lock or restriction is a record of its own).
sync::Account account_of(const DemoAccount& a);

}  // namespace vsys
