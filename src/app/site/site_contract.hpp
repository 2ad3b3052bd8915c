// The site screens' typed contract (app/base/contract.hpp): 医療機関情報 (the site view and its
// commands), the search of the user's sites (org_search: the municipality's browser and the
// 代行入力 pickers) and the municipality's approvals inbox. window.vsys reads and sends the
// same JSON as before through each type's one codec (cmd_site.cpp, view_site.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "core/directory/site.hpp"

namespace vsys {

class App;

// ---- the site view {site}
// The newest request to change the handled vaccines, and where it stands.
struct VaccineChangeState {
    std::string hash;                  // the request version the municipality decides
    std::vector<std::string> vaccines; // category ids, as requested
    std::string hub, time;
    std::string status;                // pending, approved, rejected
    std::optional<std::string> reason; // the municipality's words, once decided
};
struct SiteUpdate {
    std::string time, by;
    bool proxy = false;  // written by the municipality for the site (代行入力)
};
struct SiteView {
    Site site;                           // as it stands, with the approved vaccines
    std::string org, municipality_name;
    std::string printed_representative;  // what the claim forms print (site_representative)
    std::optional<VaccineChangeState> change;
    std::optional<SiteUpdate> updated;   // the newest site_info, when there is one
};
struct SiteQuery {
    static constexpr const char* name = "site";
    using View = SiteView;
    std::string site;
    static Result<SiteQuery> read(const nlohmann::json& args);
    bool operator==(const SiteQuery&) const = default;
};
Result<Prepared<SiteView>> prepare(App& app, const SiteQuery& q);
nlohmann::json to_json(const SiteView& v);

// ---- org_search {query, limit?}: sites of the user's subtree by name, reading or code
struct SiteHit {
    std::string code, name, reading, municipality, municipality_name;
};
struct SiteSearchView {
    std::vector<SiteHit> sites;
    std::string code_problem;  // why a typed 10-digit code cannot be a code ("" none)
};
struct SiteSearchQuery {
    static constexpr const char* name = "org_search";
    using View = SiteSearchView;
    std::string query;
    std::int64_t limit = 100;
    static Result<SiteSearchQuery> read(const nlohmann::json& args);
    bool operator==(const SiteSearchQuery&) const = default;
};
Result<Prepared<SiteSearchView>> prepare(App& app, const SiteSearchQuery& q);
nlohmann::json to_json(const SiteSearchView& v);

// ---- approvals {}: the municipality's pending vaccine changes
struct PendingApproval {
    std::string site, name;
    std::vector<std::string> requested, current;  // category ids
    std::string time, by;
    bool proxy = false;
};
struct ApprovalsView {
    std::vector<PendingApproval> pending;
};
struct ApprovalsQuery {
    static constexpr const char* name = "approvals";
    using View = ApprovalsView;
    static Result<ApprovalsQuery> read(const nlohmann::json& args);
    bool operator==(const ApprovalsQuery&) const = default;
};
Result<Prepared<ApprovalsView>> prepare(App& app, const ApprovalsQuery& q);
nlohmann::json to_json(const ApprovalsView& v);

// ---- commands
// {type: "update_site_info", site, name?, reading?, address?, phone?, mail?, representative?}
struct UpdateSiteInfo {
    static constexpr const char* type = "update_site_info";
    std::string site;
    std::optional<std::string> name, reading, address, phone, mail, representative;
    static Result<UpdateSiteInfo> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const UpdateSiteInfo& c);

// {type: "set_doctors", site, doctors: [{name, vaccines: ["pfizer_12", ...]}]}
struct SetDoctors {
    static constexpr const char* type = "set_doctors";
    std::string site;
    std::vector<Doctor> doctors;
    static Result<SetDoctors> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const SetDoctors& c);

// {type: "request_vaccine_change", site, vaccines: ["pfizer_hub", ...], hub?}
struct RequestVaccineChange {
    static constexpr const char* type = "request_vaccine_change";
    std::string site;
    std::vector<std::string> vaccines;  // category ids (unknown ones are refused naming the value)
    std::string hub;
    static Result<RequestVaccineChange> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const RequestVaccineChange& c);

// {type: "decide_vaccine_change", site, approve, reason?}: a rejection needs a reason.
struct DecideVaccineChange {
    static constexpr const char* type = "decide_vaccine_change";
    std::string site;
    bool approve = false;
    std::string reason;
    static Result<DecideVaccineChange> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const DecideVaccineChange& c);

}  // namespace vsys
