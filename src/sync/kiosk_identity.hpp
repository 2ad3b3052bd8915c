// The training kiosk's identity (ARCHITECTURE.md "Kiosk mode never publishes"). A kiosk lets
// trainees switch between demo accounts without passwords; it signs what it must (enrolment
// certificates a trainee issues, the chain a trainee's enrolled device claims) with keys held
// in the browser, under a kiosk root made from a random secret on first use. No deployment
// trusts that root, so even a file carried out of a kiosk is refused by every real reader
// (cert.issuer at the top of the chain), on top of the kiosk never syncing at all.
//
// Every key is derived from the kiosk secret, so only the secret is stored: the root, and one
// device per account, enrolled through the managing organisations exactly as real devices are
// (nation ← root; a prefecture ← the nation's device; a site ← its municipality's device).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "sync/authority.hpp"
#include "sync/certificate.hpp"
#include "sync/identity.hpp"
#include "sync/keys.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

struct KioskDevice {
    KeyPair device;
    std::vector<Certificate> chain;  // device first, up to the enrolment the kiosk root signed
};

// The account that speaks for an organisation in the kiosk (its first demo account), or none.
using AccountOfOrg = std::function<std::optional<Account>(std::string_view org)>;

KeyPair kiosk_root_key(const Seed& kiosk_secret);
KeyPair kiosk_device_key(const Seed& kiosk_secret, std::string_view vsys_id);

// The kiosk device of `account` with its chain to the kiosk root, valid from `now` for a year.
// Errors: kiosk.no_manager {org} (an organisation on the way up has no account), and those of
// issue_enrolment / claim_enrolment.
Result<KioskDevice> kiosk_device(const OrgRelations& rel, const AccountOfOrg& account_of_org, const Seed& kiosk_secret,
                                 const Account& account, UtcTime now);

}  // namespace vsys::sync
