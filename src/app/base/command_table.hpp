// The tables of Commands and Views. Each feature (src/app/<feature>/) defines its entries and
// registers them in its Feature (app/base/feature.hpp); the tables are derived from the list of
// features. An entry parses its JSON arguments strictly and
// names the organisation it touches; App then checks access (permissions.hpp) in one place
// before anything is applied.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document.hpp"
#include "core/base/result.hpp"

namespace vsys {

class App;

using Versions = std::vector<DocumentVersion>;

struct PreparedCommand {
    std::string target_org;  // "" for device-scope commands
    // Validates the rules (locks, states, business rules) and produces the new versions,
    // unsealed; App fills author and time, seals, checks and stores them.
    std::function<Result<Versions>()> apply;
    // Extra fields for the answer (e.g. the session after login).
    std::function<nlohmann::json()> answer;
    // Called after the versions are stored: a refusal that must still record something (a
    // wrong password counts towards the lockout) answers its error here.
    std::function<std::optional<Error>()> after;
};

struct CommandEntry {
    const char* type;
    Result<PreparedCommand> (*prepare)(App& app, const nlohmann::json& args);
};

struct PreparedView {
    std::string target_org;
    std::function<Result<nlohmann::json>()> build;
};

struct ViewEntry {
    const char* name;
    Result<PreparedView> (*prepare)(App& app, const nlohmann::json& args);
};

std::span<const CommandEntry> command_table();
std::span<const ViewEntry> view_table();

// Feature tables (defined in their own files, registered by each feature's feature.cpp).
std::span<const CommandEntry> settings_commands();
std::span<const ViewEntry> settings_views();
std::span<const CommandEntry> session_commands();
std::span<const CommandEntry> enrolment_commands();
std::span<const ViewEntry> session_views();
std::span<const CommandEntry> site_commands();
std::span<const CommandEntry> sync_commands();
std::span<const ViewEntry> sync_views();
std::span<const ViewEntry> site_views();
std::span<const CommandEntry> claims_commands();
std::span<const ViewEntry> claims_views();
std::span<const CommandEntry> allocation_commands();
std::span<const ViewEntry> allocation_views();
std::span<const CommandEntry> kiosk_commands();
std::span<const ViewEntry> kiosk_views();
std::span<const CommandEntry> reports_commands();
std::span<const ViewEntry> reports_views();
std::span<const CommandEntry> stock_commands();
std::span<const ViewEntry> stock_views();

// Work waiting on a screen (ScreenInfo::waiting), each counted by its feature from the same
// rows its screen lists.
std::int64_t waiting_approvals(App& app);        // vaccine changes the municipality has not decided
std::int64_t waiting_unlock_requests(App& app);  // unlock requests not yet answered
std::int64_t waiting_sync_problems(App& app);    // refused bundles and conflicting versions

// The signed-in session as session and kiosk commands answer it (cmd_session.cpp).
nlohmann::json session_json(App& app);

}  // namespace vsys
