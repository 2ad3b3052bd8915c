#include "sync/kiosk_identity.hpp"

#include <algorithm>

#include "sync/crypto.hpp"

namespace vsys::sync {
namespace {

constexpr UtcTime k_kiosk_valid = 365 * k_seconds_per_day;

Seed derive(const Seed& secret, std::string_view purpose, std::string_view name) {
    const std::string text = std::string("vsys-kiosk-") + std::string(purpose) + "\n" +
                             crypto::to_hex(secret.data(), secret.size()) + "\n" + std::string(name);
    Seed s{};
    crypto::from_hex(crypto::blake2b_256_hex(text), s.data(), s.size());
    return s;
}

}  // namespace

KeyPair kiosk_root_key(const Seed& kiosk_secret) { return key_pair_from_seed(derive(kiosk_secret, "root", "")); }

KeyPair kiosk_device_key(const Seed& kiosk_secret, std::string_view vsys_id) {
    return key_pair_from_seed(derive(kiosk_secret, "device", vsys_id));
}

Result<KioskDevice> kiosk_device(const OrgRelations& rel, const AccountOfOrg& account_of_org, const Seed& kiosk_secret,
                                 const Account& account, UtcTime now) {
    const UtcTime until = now + k_kiosk_valid;
    const Seed code_seed = derive(kiosk_secret, "code", account.vsys_id);
    CodeSecret code{};
    std::copy(code_seed.begin(), code_seed.begin() + code.size(), code.begin());

    Result<IssuedEnrolment> issued = Error{};
    std::vector<Certificate> issuer_chain;
    if (account.org == "nation") {
        auto d = init_deployment(kiosk_root_key(kiosk_secret), account, now, until, until, &code);
        if (!d) return d.error();
        issued = std::move(d->nation_enrolment);
    } else {
        // The managing organisation's kiosk device certifies this one, as in a real deployment.
        const std::string manager = managing_org(rel, account.org);
        auto manager_account = account_of_org(manager);
        if (manager.empty() || !manager_account)
            return Error{"kiosk.no_manager", "no account speaks for the managing organisation", {{"org", manager}}};
        auto parent = kiosk_device(rel, account_of_org, kiosk_secret, *manager_account, now);
        if (!parent) return parent.error();
        issued = issue_enrolment(rel, parent->device, manager, manager_account->vsys_id, account, now, until, until, &code);
        issuer_chain = std::move(parent->chain);
    }
    if (!issued) return issued.error();
    const KeyPair device = kiosk_device_key(kiosk_secret, account.vsys_id);
    auto claimed = claim_enrolment(issued->code, issued->cert, issuer_chain, {}, device, now);
    if (!claimed) return claimed.error();
    return KioskDevice{device, std::move(claimed->chain)};
}

}  // namespace vsys::sync
