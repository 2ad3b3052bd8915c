// Commands: every user action that changes data is one of these plain structs. The UI, the
// JavaScript automation API (window.vsys.command) and kiosk scripts all build the same structs;
// parse_command() turns JSON into one strictly, and App::dispatch() validates (role, lock, rule)
// and applies it in one place, answering new document versions or a translated error.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "app/i18n.hpp"
#include "core/result.hpp"

namespace vsys {

// {type: "update_settings", language?: "ja"|"en", device_name?: string}
struct UpdateSettings {
    std::optional<Language> language;
    std::optional<std::string> device_name;
};

using Command = std::variant<UpdateSettings>;

Result<Command> parse_command(const nlohmann::json& j);
const char* command_type(const Command& c);

}  // namespace vsys
