// The settings and about screens' typed contract (app/base/contract.hpp); window.vsys reads and
// sends the same JSON through each type's one codec (cmd_settings.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "app/base/i18n.hpp"
#include "app/session/settings.hpp"

namespace vsys {

class App;

// {type: "update_settings", language?: "ja"|"en", device_name?, idle_lock_minutes?,
//  theme?: "light"|"high_contrast", text_size? (percent)}: what is absent stays as it is.
struct UpdateSettings {
    static constexpr const char* type = "update_settings";
    std::optional<Language> language;
    std::optional<std::string> device_name;
    std::optional<std::int64_t> idle_lock_minutes;
    std::optional<bool> high_contrast;  // theme
    std::optional<std::int64_t> text_size;
    static Result<UpdateSettings> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const UpdateSettings& c);

// settings {}: the device's settings as saved (the settings screen's edit buffer starts from
// them); its JSON is the settings document's body (settings_body).
struct SettingsQuery {
    static constexpr const char* name = "settings";
    using View = Settings;
    static Result<SettingsQuery> read(const nlohmann::json& args);
    bool operator==(const SettingsQuery&) const = default;
};
Result<Prepared<Settings>> prepare(App& app, const SettingsQuery& q);
nlohmann::json to_json(const Settings& v);

// about {}: the version, the build and what the device stores.
struct AboutView {
    std::string version, build_id;
    std::int64_t files = 0, bytes = 0, segments = 0;
    std::vector<std::string> storage_problems;  // stored segments that could not be read
};
struct AboutQuery {
    static constexpr const char* name = "about";
    using View = AboutView;
    static Result<AboutQuery> read(const nlohmann::json& args);
    bool operator==(const AboutQuery&) const = default;
};
Result<Prepared<AboutView>> prepare(App& app, const AboutQuery& q);
nlohmann::json to_json(const AboutView& v);

}  // namespace vsys
