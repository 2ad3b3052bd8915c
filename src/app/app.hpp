// The application: owns the local documents, validates and applies Commands, answers Views.
// Screens, window.vsys (JavaScript) and the CLI all go through dispatch()/view(); nothing else
// changes state. A dispatch that succeeds has written its versions to storage before it returns;
// the web platform then makes them durable (IDBFS syncfs) before the JavaScript promise
// resolves (platform/web/vsys_api.js).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "app/i18n.hpp"
#include "app/persistence.hpp"
#include "app/settings.hpp"
#include "core/document.hpp"
#include "core/result.hpp"

namespace vsys {

struct AppInfo {
    std::string version;
    std::string build_id;
};

using Clock = std::function<std::string()>;  // ISO 8601 UTC "now"

class App {
public:
    App(Storage& storage, std::string data_dir, AppInfo info, Clock clock);

    // Loads the stored documents. Call once, after the platform made storage readable.
    void open();

    // Validates and applies a command; on success the new versions are already stored.
    Result<std::vector<DocumentVersion>> dispatch(const Command& c);
    // JSON in, JSON out: {"ok": true, "versions": [...]} or {"ok": false, "error": {code, message}}.
    nlohmann::json command_json(const std::string& text);
    // {"ok": true, "view": {...}} or {"ok": false, "error": {...}}.
    nlohmann::json view_json(const std::string& name, const std::string& args_text);
    Result<nlohmann::json> view(const std::string& name, const nlohmann::json& args);

    const Settings& settings() const { return settings_; }
    Language language() const { return settings_.language; }
    const std::string& tr(std::string_view key) const { return Strings::builtin().get(key, settings_.language); }
    std::string error_text(const Error& e) const { return Strings::builtin().error_message(e, settings_.language); }
    // Increases with every applied change; screens compare it to refresh what they show.
    std::uint64_t revision() const { return revision_; }
    const AppInfo& info() const { return info_; }

private:
    Result<std::vector<DocumentVersion>> apply(const UpdateSettings& c);
    Result<std::vector<DocumentVersion>> commit(std::vector<DocumentVersion> versions);
    DocumentVersion next_version(const std::string& owner, const std::string& kind, const std::string& id,
                                 nlohmann::json body) const;
    void absorb(const DocumentVersion& v);
    nlohmann::json error_json(const Error& e) const;

    Persistence persistence_;
    AppInfo info_;
    Clock clock_;
    std::map<std::string, DocumentVersion> heads_;  // key → newest local version
    Settings settings_;
    std::uint64_t revision_ = 0;
};

}  // namespace vsys
