// The training kiosk (DOMAIN.md §11, UX.md "Kiosk and training"): a role switcher instead of
// passwords, and a reset to the clean demo state. Only in kiosk mode (AppInfo::kiosk); the
// kiosk never syncs (SyncAgent refuses), and its keys chain to a kiosk root that no deployment
// trusts (sync/kiosk_identity.hpp). Device documents:
//   device/kiosk/secret   the random secret every kiosk key is derived from
//   device/chain/<ID>     the kiosk device's certificate chain, as an enrolled device keeps it
#include <set>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/kiosk/kiosk_contract.hpp"
#include "app/session/accounts.hpp"
#include "sync/crypto.hpp"
#include "sync/kiosk_identity.hpp"

namespace vsys {
namespace {

using nlohmann::json;

Status require_kiosk(const App& app) {
    if (!app.kiosk()) return Error{"kiosk.off", "only in the training kiosk"};
    return ok_status();
}

// How many versions trainees made: the kiosk never publishes, so every version of its own not
// yet pushed (this device's records excepted); the demo history arrived as received versions.
std::size_t trainee_documents(const App& app) {
    std::set<std::string> keys;
    for (const auto* v : app.store().pending())
        if (v->owner != "device") keys.insert(v->key());
    return keys.size();
}

}  // namespace

Result<KioskSwitch> KioskSwitch::read(const json& args) {
    ArgReader r(args);
    KioskSwitch c;
    c.vsys_id = r.string("vsys_id");
    if (auto e = r.finish()) return *e;
    return c;
}

// Signs in as a demo account with the kiosk's key for it.
Result<PreparedCommand> prepare(App& app, const KioskSwitch& c) {
    const std::string& id = c.vsys_id;
    if (auto k = require_kiosk(app); !k) return k.error();
    const DemoAccount* account = app.directory().account(id);
    if (!account) return Error{"unlock.unknown_account", "unknown V-SYS ID", {{"vsys_id", id}}};
    auto session = std::make_shared<Session>();
    PreparedCommand p;
    p.apply = [&app, account, session]() -> Result<Versions> {
        Versions out;
        sync::Seed secret{};
        const auto* stored = app.current("device", "kiosk", "secret");
        const bool new_secret =
            !stored || !crypto::from_hex(stored->body.value("secret", ""), secret.data(), secret.size());
        if (new_secret) {
            secret = sync::generate_key_pair().seed;  // fresh randomness, first use or after a reset
            auto v = app.successor("device", "kiosk", "secret",
                                   {{"secret", crypto::to_hex(secret.data(), secret.size())}});
            if (!v) return v.error();
            out.push_back(*v);
        }
        const sync::KeyPair key = sync::kiosk_device_key(secret, account->vsys_id);
        const auto* chain = app.current("device", "chain", account->vsys_id);
        if (new_secret || !chain || chain->body.value("device", "") != key.public_hex) {
            // The chain goes where an enrolled device keeps its own, so codes this account
            // issues in the kiosk can be claimed in the kiosk (cmd_enrolment.cpp).
            const Directory& dir = app.directory();
            auto of_org = [&dir](std::string_view org) -> std::optional<sync::Account> {
                const DemoAccount* a = dir.account_of_org(org);
                if (!a) return std::nullopt;
                return account_of(*a);
            };
            auto device = sync::kiosk_device(dir, of_org, secret, account_of(*account), app.now());
            if (!device) return device.error();
            json certs = json::array();
            for (const auto& c : device->chain) certs.push_back(sync::to_json(c));
            auto v = app.successor("device", "chain", account->vsys_id,
                                   {{"org", account->org}, {"device", key.public_hex}, {"chain", certs}, {"kiosk", true}});
            if (!v) return v.error();
            out.push_back(*v);
        }
        *session = session_for(*account, key);
        return out;
    };
    p.after = [&app, session]() -> std::optional<Error> {
        app.set_session(*session);
        return std::nullopt;
    };
    p.answer = [&app]() { return json{{"session", session_json(app)}}; };
    return p;
}

Result<KioskReset> KioskReset::read(const json& args) {
    ArgReader r(args);
    if (auto e = r.finish()) return *e;
    return KioskReset{};
}

// The device's settings stay (language, name, idle time belong to the kiosk, not to the trainee).
Result<PreparedCommand> prepare(App& app, const KioskReset&) {
    if (auto k = require_kiosk(app); !k) return k.error();
    PreparedCommand p;
    p.apply = [&app]() -> Result<Versions> {
        const bool had_settings = app.current("device", "settings", "main") != nullptr;
        const Settings keep = app.settings();
        if (auto st = app.wipe_local_data(); !st) return st.error();
        if (!had_settings) return Versions{};
        auto v = app.successor("device", "settings", "main", settings_body(keep));
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

Result<KioskQuery> KioskQuery::read(const json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return KioskQuery{};
}

Result<Prepared<KioskView>> prepare(App& app, const KioskQuery&) {
    return Prepared<KioskView>{"", [&app]() -> Result<KioskView> {
                                   KioskView v;
                                   v.kiosk = app.kiosk();
                                   if (!v.kiosk) return v;
                                   v.accounts = sample_accounts(app);
                                   v.trainee_documents = static_cast<std::int64_t>(trainee_documents(app));
                                   return v;
                               }};
}

json to_json(const KioskView& v) {
    json out = {{"kiosk", v.kiosk}};
    if (!v.kiosk) return out;
    out["accounts"] = to_json(v.accounts);
    out["trainee_documents"] = v.trainee_documents;
    return out;
}

namespace {
const CommandEntry k_commands[] = {command_entry<KioskSwitch>(), command_entry<KioskReset>()};
const ViewEntry k_views[] = {view_entry<KioskQuery>()};

}  // namespace

std::span<const CommandEntry> kiosk_commands() { return k_commands; }
std::span<const ViewEntry> kiosk_views() { return k_views; }

}  // namespace vsys
