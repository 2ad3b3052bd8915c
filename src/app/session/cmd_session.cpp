// Signing in and out, lockout after wrong passwords, restriction after inactivity, and unlock
// requests (DOMAIN.md §1, ARCHITECTURE.md "Identity"). Device documents:
//   device/credential/<V-SYS ID>  the account's signing key on this device, sealed under the
//                                 password (Argon2id); the password itself is never stored
//   device/login/<V-SYS ID>       wrong-password count, lock time, last activity
// In the demo deployment the first sign-in on a device enrols with the shared demo password
// instead of an enrolment code.
//
// Index:
// [SECTION] commands   login, logout, unlock requests and their answer
// [SECTION] views      session, home, accounts_demo, unlock_requests
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/base/screens.hpp"
#include "app/session/accounts.hpp"
#include "app/session/session_contract.hpp"
#include "sync/identity.hpp"
#include "sync/keys.hpp"

namespace vsys {

namespace {

struct LoginState {
    sync::LoginRecord record;
    sync::UtcTime last_activity = 0;
};

LoginState login_state(const App& app, const std::string& id) {
    LoginState s;
    if (const auto* d = app.current("device", "login", id)) {
        s.record.failures = static_cast<int>(d->body.value("failures", 0));
        s.record.locked_at = d->body.value("locked_at", sync::UtcTime{0});
        s.last_activity = d->body.value("last_activity", sync::UtcTime{0});
    }
    return s;
}

nlohmann::json login_body(const LoginState& s) {
    return {{"failures", s.record.failures}, {"locked_at", s.record.locked_at}, {"last_activity", s.last_activity}};
}

// Time of the newest unlock of the account by its managing organisation or support.
sync::UtcTime last_unlock(App& app, const std::string& vsys_id, const std::string& org) {
    sync::UtcTime t = 0;
    for (const std::string& owner : {sync::managing_org(app.directory(), org), std::string("support")})
        if (const auto* d = app.current(owner, "unlock", vsys_id)) t = std::max(t, sync::unlock_time(*d));
    return t;
}

}  // namespace

SessionView session_view(App& app) {
    const Session& s = app.session();
    if (!s.signed_in()) return {};
    return {true, s.vsys_id, s.name, s.role, s.org, app.directory().org_name(s.org)};
}

nlohmann::json to_json(const SessionView& v) {
    if (!v.signed_in) return {{"signed_in", false}};
    return {{"signed_in", true},      {"vsys_id", v.vsys_id}, {"name", v.name},
            {"role", role_id(v.role)}, {"org", v.org},         {"org_name", v.org_name}};
}

nlohmann::json session_json(App& app) { return to_json(session_view(app)); }

std::vector<SampleAccount> sample_accounts(App& app) {
    const Directory& dir = app.directory();
    std::vector<SampleAccount> list;
    for (const DemoAccount* a : dir.sample_accounts()) list.push_back({a->vsys_id, a->name, a->role, a->org, dir.org_name(a->org)});
    return list;
}

nlohmann::json to_json(const std::vector<SampleAccount>& accounts) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& a : accounts)
        list.push_back({{"vsys_id", a.vsys_id}, {"name", a.name}, {"role", a.role}, {"org", a.org}, {"org_name", a.org_name}});
    return list;
}

// [SECTION] commands
Result<Login> Login::read(const nlohmann::json& args) {
    ArgReader r(args);
    Login c;
    c.vsys_id = r.string("vsys_id");
    c.password = r.string("password");
    if (auto e = r.finish()) return *e;
    return c;
}

Result<PreparedCommand> prepare(App& app, const Login& c) {
    const std::string& password = c.password;
    const DemoAccount* account = app.directory().account(c.vsys_id);
    if (!account) return Error{"login.failed", "unknown V-SYS ID or wrong password"};
    auto outcome = std::make_shared<std::optional<Error>>();
    auto session = std::make_shared<Session>();
    PreparedCommand p;
    p.apply = [&app, account, password, outcome, session]() -> Result<Versions> {
        const std::string& id = account->vsys_id;
        const sync::UtcTime now = app.now();
        LoginState state = login_state(app, id);
        const sync::UtcTime unlocked = last_unlock(app, id, account->org);
        if (state.last_activity != 0 &&
            sync::access_state(account_of(*account), state.record, state.last_activity, unlocked, now) == sync::AccessState::restricted)
            return Error{"account.restricted", "unused for too long: ask for an unlock"};
        Versions out;
        const auto* cred = app.current("device", "credential", id);
        sync::KeyPair key;
        if (!cred) {
            // First sign-in on this device: the demo deployment enrols with the demo password.
            if (password != k_demo_password) {
                ++state.record.failures;
                if (state.record.failures >= sync::k_lockout_limits.max_failures) state.record.locked_at = now;
                *outcome = state.record.locked_at ? Error{"account.locked", "locked"}
                                                  : Error{"identity.password", "wrong password",
                                                          {{"remaining", std::to_string(sync::k_lockout_limits.max_failures -
                                                                                        state.record.failures)}}};
            } else {
                key = sync::generate_key_pair();
                auto sealed = sync::seal_device_key(key, password);
                if (!sealed) return sealed.error();
                auto c = app.successor("device", "credential", id, sync::to_json(*sealed));
                if (!c) return c.error();
                out.push_back(*c);
            }
        } else {
            auto sealed = sync::sealed_key_from_json(cred->body);
            if (!sealed) return sealed.error();
            auto k = sync::attempt_login(*sealed, password, state.record, unlocked, now);
            if (!k) *outcome = k.error();
            else key = *k;
        }
        if (!outcome->has_value()) {
            state.record = sync::LoginRecord{};
            state.last_activity = now;
            *session = session_for(*account, key);
        }
        auto rec = app.successor("device", "login", id, login_body(state));
        if (!rec) return rec.error();
        out.push_back(*rec);
        return out;
    };
    p.after = [&app, outcome, session]() -> std::optional<Error> {
        if (outcome->has_value()) return *outcome;
        app.set_session(*session);
        return std::nullopt;
    };
    p.answer = [&app]() { return nlohmann::json{{"session", session_json(app)}}; };
    return p;
}

Result<Logout> Logout::read(const nlohmann::json& args) {
    ArgReader r(args);
    if (auto e = r.finish()) return *e;
    return Logout{};
}

Result<PreparedCommand> prepare(App& app, const Logout&) {
    PreparedCommand p;
    p.apply = []() -> Result<Versions> { return Versions{}; };
    p.after = [&app]() -> std::optional<Error> {
        app.set_session(Session{});
        return std::nullopt;
    };
    return p;
}

Result<FileUnlockRequest> FileUnlockRequest::read(const nlohmann::json& args) {
    ArgReader r(args);
    FileUnlockRequest c{r.string("vsys_id"), r.string("institution"), r.string("institution_code"), r.string("name"),
                        r.string("mail")};
    if (auto e = r.finish()) return *e;
    return c;
}

Result<PreparedCommand> prepare(App& app, const FileUnlockRequest& c) {
    const sync::UnlockRequest req{c.vsys_id, c.institution, c.institution_code, c.name, c.mail};
    const DemoAccount* account = app.directory().account(req.vsys_id);
    if (!account) return Error{"unlock.unknown_account", "unknown V-SYS ID", {{"vsys_id", req.vsys_id}}};
    auto doc = sync::unlock_request_document(req, account->org, "device", app.now());
    if (!doc) return doc.error();
    PreparedCommand p;
    p.apply = [&app, body = doc->body, org = account->org, id = req.vsys_id]() -> Result<Versions> {
        auto v = app.successor(org, "unlock_request", id, body);
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

Result<AnswerUnlockRequest> AnswerUnlockRequest::read(const nlohmann::json& args) {
    ArgReader r(args);
    AnswerUnlockRequest c;
    c.vsys_id = r.string("vsys_id");
    if (auto e = r.finish()) return *e;
    return c;
}

Result<PreparedCommand> prepare(App& app, const AnswerUnlockRequest& c) {
    const std::string& id = c.vsys_id;
    const DemoAccount* account = app.directory().account(id);
    if (!account) return Error{"unlock.unknown_account", "unknown V-SYS ID", {{"vsys_id", id}}};
    PreparedCommand p;
    p.target_org = account->org;
    p.apply = [&app, account]() -> Result<Versions> {
        const std::string owner = app.session().role == Role::support ? "support" : app.session().org;
        auto d = sync::unlock_document(owner, account_of(*account), app.session().vsys_id, app.now());
        auto v = app.successor(owner, "unlock", account->vsys_id, d.body);
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

// [SECTION] views
namespace {

// The unlock requests the signed-in manager answers (support: every one).
std::vector<UnlockRequestRow> unlock_requests(App& app) {
    std::vector<UnlockRequestRow> list;
    const Directory& dir = app.directory();
    const bool support = app.session().role == Role::support;
    for (const auto& key : app.store().keys()) {
        const auto* d = app.store().current(key);
        if (!d || d->kind != "unlock_request") continue;
        if (!support && sync::managing_org(dir, d->owner) != app.session().org) continue;
        const std::string id = d->body.value("vsys_id", "");
        const std::string unlocker = support ? "support" : app.session().org;
        const auto* u = app.current(unlocker, "unlock", id);
        const bool answered = u && u->time >= d->time;
        const auto text = [&](const char* k) { return d->body.value(k, ""); };
        list.push_back({text("vsys_id"), text("institution"), text("institution_code"), text("name"), text("mail"),
                        text("org"), d->time, answered});
    }
    return list;
}

}  // namespace

Result<SessionQuery> SessionQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return SessionQuery{};
}

Result<Prepared<SessionView>> prepare(App& app, const SessionQuery&) {
    return Prepared<SessionView>{"", [&app]() -> Result<SessionView> { return session_view(app); }};
}

// The home screen's buttons for the signed-in role, from the table of screens.
Result<HomeQuery> HomeQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return HomeQuery{};
}

Result<Prepared<HomeView>> prepare(App& app, const HomeQuery&) {
    return Prepared<HomeView>{"", [&app]() -> Result<HomeView> {
                                  HomeView v;
                                  for (const auto& s : screens())
                                      if (screen_visible(s, app.session().role) && s.parent[0] == '\0')
                                          v.buttons.push_back({s.id, app.tr(s.title_key), app.tr(s.group_key),
                                                               s.retired_key[0] != '\0', s.waiting ? s.waiting(app) : 0});
                                  return v;
                              }};
}

nlohmann::json to_json(const HomeView& v) {
    nlohmann::json buttons = nlohmann::json::array();
    for (const auto& b : v.buttons)
        buttons.push_back({{"id", b.id}, {"title", b.title}, {"group", b.group}, {"retired", b.retired}, {"waiting", b.waiting}});
    return {{"buttons", buttons}};
}

// Sample demo accounts for the sign-in screen (Directory::sample_accounts) and the shared password.
Result<DemoAccountsQuery> DemoAccountsQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return DemoAccountsQuery{};
}

Result<Prepared<DemoAccountsView>> prepare(App& app, const DemoAccountsQuery&) {
    return Prepared<DemoAccountsView>{
        "", [&app]() -> Result<DemoAccountsView> { return DemoAccountsView{k_demo_password, sample_accounts(app)}; }};
}

nlohmann::json to_json(const DemoAccountsView& v) { return {{"password", v.password}, {"accounts", to_json(v.accounts)}}; }

Result<UnlockRequestsQuery> UnlockRequestsQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return UnlockRequestsQuery{};
}

Result<Prepared<UnlockRequestsView>> prepare(App& app, const UnlockRequestsQuery&) {
    return Prepared<UnlockRequestsView>{app.session().org,
                                        [&app]() -> Result<UnlockRequestsView> { return UnlockRequestsView{unlock_requests(app)}; }};
}

nlohmann::json to_json(const UnlockRequestsView& v) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : v.requests)
        list.push_back({{"vsys_id", r.vsys_id}, {"institution", r.institution}, {"institution_code", r.institution_code},
                        {"name", r.name}, {"mail", r.mail}, {"org", r.org}, {"time", r.time}, {"answered", r.answered}});
    return {{"requests", list}};
}

namespace {
const CommandEntry k_commands[] = {command_entry<Login>(), command_entry<Logout>(), command_entry<FileUnlockRequest>(),
                                   command_entry<AnswerUnlockRequest>()};
const ViewEntry k_views[] = {view_entry<SessionQuery>(), view_entry<HomeQuery>(), view_entry<DemoAccountsQuery>(),
                             view_entry<UnlockRequestsQuery>()};
}  // namespace

std::int64_t waiting_unlock_requests(App& app) {
    std::int64_t n = 0;
    for (const auto& row : unlock_requests(app)) n += row.answered ? 0 : 1;
    return n;
}

std::span<const CommandEntry> session_commands() { return k_commands; }
std::span<const ViewEntry> session_views() { return k_views; }

}  // namespace vsys
