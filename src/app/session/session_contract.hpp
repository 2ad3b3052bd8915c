// The session screens' typed contract (app/base/contract.hpp): signing in and out, unlock
// requests and their inbox, the home buttons and the demo accounts of the sign-in screen.
// window.vsys reads and sends the same JSON through each type's one codec (cmd_session.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "app/session/session.hpp"

namespace vsys {

class App;

// ---- session {}: who is signed in on this device (window.vsys, sync.js, the login and
// kiosk_switch answers); signed out, only signed_in: false.
struct SessionView {
    bool signed_in = false;
    std::string vsys_id, name;
    Role role = Role::none;
    std::string org, org_name;
};
struct SessionQuery {
    static constexpr const char* name = "session";
    using View = SessionView;
    static Result<SessionQuery> read(const nlohmann::json& args);
    bool operator==(const SessionQuery&) const = default;
};
Result<Prepared<SessionView>> prepare(App& app, const SessionQuery& q);
nlohmann::json to_json(const SessionView& v);
SessionView session_view(App& app);

// ---- home {}: the buttons of the signed-in role, with the work waiting behind each
struct HomeButton {
    std::string id, title, group;
    bool retired = false;     // the screen's work is over (still shown, greyed)
    std::int64_t waiting = 0; // items waiting (a badge)
};
struct HomeView {
    std::vector<HomeButton> buttons;
};
struct HomeQuery {
    static constexpr const char* name = "home";
    using View = HomeView;
    static Result<HomeQuery> read(const nlohmann::json& args);
    bool operator==(const HomeQuery&) const = default;
};
Result<Prepared<HomeView>> prepare(App& app, const HomeQuery& q);
nlohmann::json to_json(const HomeView& v);

// ---- accounts_demo {}: the demo deployment's shared password and a few accounts to try
struct SampleAccount {
    std::string vsys_id, name, role, org, org_name;
};
struct DemoAccountsView {
    std::string password;
    std::vector<SampleAccount> accounts;
};
struct DemoAccountsQuery {
    static constexpr const char* name = "accounts_demo";
    using View = DemoAccountsView;
    static Result<DemoAccountsQuery> read(const nlohmann::json& args);
    bool operator==(const DemoAccountsQuery&) const = default;
};
Result<Prepared<DemoAccountsView>> prepare(App& app, const DemoAccountsQuery& q);
nlohmann::json to_json(const DemoAccountsView& v);
std::vector<SampleAccount> sample_accounts(App& app);
nlohmann::json to_json(const std::vector<SampleAccount>& accounts);

// ---- unlock_requests {}: the requests the signed-in manager answers (support: every one)
struct UnlockRequestRow {
    std::string vsys_id, institution, institution_code, name, mail, org;
    std::string time;       // when it was filed (UTC)
    bool answered = false;  // unlocked since
};
struct UnlockRequestsView {
    std::vector<UnlockRequestRow> requests;
};
struct UnlockRequestsQuery {
    static constexpr const char* name = "unlock_requests";
    using View = UnlockRequestsView;
    static Result<UnlockRequestsQuery> read(const nlohmann::json& args);
    bool operator==(const UnlockRequestsQuery&) const = default;
};
Result<Prepared<UnlockRequestsView>> prepare(App& app, const UnlockRequestsQuery& q);
nlohmann::json to_json(const UnlockRequestsView& v);

// ---- commands
// {type: "login", vsys_id, password}; window.vsys's answer carries the session.
struct Login {
    static constexpr const char* type = "login";
    std::string vsys_id, password;
    static Result<Login> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const Login& c);

// {type: "logout"}
struct Logout {
    static constexpr const char* type = "logout";
    static Result<Logout> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const Logout& c);

// {type: "file_unlock_request", vsys_id, institution, institution_code, name, mail}
struct FileUnlockRequest {
    static constexpr const char* type = "file_unlock_request";
    std::string vsys_id, institution, institution_code, name, mail;
    static Result<FileUnlockRequest> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const FileUnlockRequest& c);

// {type: "answer_unlock_request", vsys_id}: the managing organisation (or support) unlocks.
struct AnswerUnlockRequest {
    static constexpr const char* type = "answer_unlock_request";
    std::string vsys_id;
    static Result<AnswerUnlockRequest> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const AnswerUnlockRequest& c);

}  // namespace vsys
