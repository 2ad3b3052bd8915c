// Enrolment codes (ARCHITECTURE.md "Identity"): the managing organisation issues a one-time code
// for an account, handed over on paper or by phone; a device claims it with a password of the
// user's choosing, which from then on opens the account's key on that device. Documents:
//   <managing org>/enrolment/<code key>   the certified public half of the code (kind "enrolment";
//                                         id the code's public key, as every reader checks it)
//   <account org>/device/<public key>     the new device's certificate, signed with the code
//   device/enrolment_claim/<code key>     this device's record that the code is spent
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/enrolment/enrolment_contract.hpp"
#include "app/session/accounts.hpp"
#include "core/base/text.hpp"
#include "sync/code_key.hpp"
#include "sync/identity.hpp"

namespace vsys {

namespace {

constexpr sync::UtcTime k_code_valid = 14 * sync::k_seconds_per_day;     // a code can be claimed for two weeks
constexpr sync::UtcTime k_device_valid = 365 * sync::k_seconds_per_day;  // a device is certified for a year
constexpr std::size_t k_password_min = 8;

}  // namespace

Result<IssueEnrolmentCode> IssueEnrolmentCode::read(const nlohmann::json& args) {
    ArgReader r(args);
    IssueEnrolmentCode c;
    c.vsys_id = r.string("vsys_id");
    if (auto e = r.finish()) return *e;
    return c;
}

nlohmann::json to_json(const IssuedCode& c) { return {{"code", c.code}, {"vsys_id", c.vsys_id}, {"valid_until", c.valid_until}}; }

Result<PreparedAnswer<IssuedCode>> prepare(App& app, const IssueEnrolmentCode& c) {
    const DemoAccount* account = app.directory().account(c.vsys_id);
    if (!account) return Error{"unlock.unknown_account", "unknown V-SYS ID", {{"vsys_id", c.vsys_id}}};
    auto issued = std::make_shared<sync::IssuedEnrolment>();
    PreparedAnswer<IssuedCode> out;
    PreparedCommand& p = out.command;
    p.target_org = account->org;
    p.apply = [&app, account, issued]() -> Result<Versions> {
        const sync::UtcTime now = app.now();
        auto e = sync::issue_enrolment(app.directory(), app.session().device_key, app.session().org,
                                       app.session().vsys_id, account_of(*account), now, now + k_code_valid,
                                       now + k_device_valid);
        if (!e) return e.error();
        *issued = *e;
        auto v = app.successor(e->document.owner, "enrolment", e->document.id, e->document.body);
        if (!v) return v.error();
        return Versions{*v};
    };
    out.answer = [issued, account]() { return IssuedCode{issued->code, account->vsys_id, issued->cert.valid_until}; };
    return out;
}

namespace {

// The certificate chain of a device of this browser (device/chain/<ID>, written when it
// enrolled), or empty when the key is not one of them (e.g. the root).
std::vector<sync::Certificate> chain_of_device(App& app, const std::string& device_key) {
    for (const auto& key : app.store().keys()) {
        if (key.rfind("device/chain/", 0) != 0) continue;
        const auto* d = app.store().current(key);
        if (!d || d->body.value("device", "") != device_key) continue;
        std::vector<sync::Certificate> out;
        if (auto c = d->body.find("chain"); c != d->body.end() && c->is_array())
            for (const auto& j : *c)
                if (auto cert = sync::certificate_from_json(j)) out.push_back(*cert);
        return out;
    }
    return {};
}

// A code issued on another device: its certificate is on the exchange, not here. The code's
// form is checked now; the device key is made and sealed with the chosen password, and the
// first sync claims the code through the exchange (sync_app.hpp, PROTOCOL.md section 13).
Result<PreparedCommand> prepare_enrol_through_exchange(App& app, const DemoAccount& account, const std::string& code,
                                                       const std::string& password) {
    if (auto secret = sync::decode_enrolment_code(code); !secret) return secret.error();
    PreparedCommand p;
    p.apply = [&app, id = account.vsys_id, code, password]() -> Result<Versions> {
        const sync::KeyPair device = sync::generate_key_pair();
        auto sealed = sync::seal_device_key(device, password);
        if (!sealed) return sealed.error();
        Versions out;
        for (auto v : {app.successor("device", "credential", id, sync::to_json(*sealed)),
                       app.successor("device", "enrolment_code", id, {{"code", code}}),
                       app.successor("device", "login", id, {{"failures", 0}, {"locked_at", 0}, {"last_activity", app.now()}})}) {
            if (!v) return v.error();
            out.push_back(*v);
        }
        return out;
    };
    p.answer = []() { return nlohmann::json{{"claim_at_sync", true}}; };
    return p;
}

}  // namespace

Result<Enrol> Enrol::read(const nlohmann::json& args) {
    ArgReader r(args);
    Enrol c;
    c.vsys_id = r.string("vsys_id");
    c.code = r.string("code");
    c.password = r.string("password");
    if (auto e = r.finish()) return *e;
    return c;
}

// A device claims a code and sets its own password.
Result<PreparedCommand> prepare(App& app, const Enrol& c) {
    const std::string& id = c.vsys_id;
    const std::string& code = c.code;
    const std::string& password = c.password;
    if (text::length(password) < k_password_min || !text::valid_utf8(password))
        return Error{"enrolment.password_short", "password too short", {{"min", std::to_string(k_password_min)}}};
    const DemoAccount* account = app.directory().account(id);
    if (!account) return Error{"login.failed", "unknown V-SYS ID"};
    const auto secret = sync::decode_enrolment_code(code);
    if (!secret) return secret.error();
    const sync::KeyPair code_key = sync::enrolment_key(*secret);
    // Issued in this browser: its certificate is here (id = the code's key); else on the exchange.
    const auto* doc = app.current(sync::managing_org(app.directory(), account->org), "enrolment", code_key.public_hex);
    if (!doc) return prepare_enrol_through_exchange(app, *account, code, password);
    auto cert = sync::certificate_from_json(doc->body);
    if (!cert) return cert.error();
    if (cert->account != id) return Error{"enrolment.code_wrong", "the code belongs to another account"};
    sync::SpentCodes spent;
    if (const auto* claim = app.current("device", "enrolment_claim", cert->key))
        spent[cert->key] = claim->body.value("device", "");
    const sync::KeyPair device = sync::generate_key_pair();
    const auto issuer_chain = chain_of_device(app, cert->issuer);
    auto enrolled = sync::claim_enrolment(code, *cert, issuer_chain, spent, device, app.now());
    if (!enrolled) return enrolled.error();
    nlohmann::json chain = nlohmann::json::array();
    for (const auto& c : enrolled->chain) chain.push_back(sync::to_json(c));
    PreparedCommand p;
    p.apply = [&app, enrolled = *enrolled, password, id, chain, org = account->org, enrolment_key = cert->key,
               code_key]() -> Result<Versions> {
        auto sealed = sync::seal_device_key(enrolled.device, password);
        if (!sealed) return sealed.error();
        Versions out;
        for (auto v : {app.successor("device", "credential", id, sync::to_json(*sealed)),
                       app.successor("device", "chain", id,
                                     {{"org", org}, {"device", enrolled.device.public_hex}, {"chain", chain}}),
                       app.successor(enrolled.document.owner, "device", enrolled.document.id, enrolled.document.body),
                       app.successor("device", "enrolment_claim", enrolment_key, {{"device", enrolled.device.public_hex}}),
                       // kept to open what was sealed to the code before this device existed
                       app.successor("device", sync::k_code_key_kind, enrolment_key,
                                     sync::wrap_code_key(code_key, enrolled.device, id)),
                       app.successor("device", "login", id, {{"failures", 0}, {"locked_at", 0}, {"last_activity", app.now()}})}) {
            if (!v) return v.error();
            out.push_back(*v);
        }
        return out;
    };
    return p;
}

namespace {
const CommandEntry k_commands[] = {command_entry<IssueEnrolmentCode>(), command_entry<Enrol>()};

}  // namespace

std::span<const CommandEntry> enrolment_commands() { return k_commands; }

}  // namespace vsys
