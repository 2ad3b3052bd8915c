#include "app/commands.hpp"

#include "app/args.hpp"

namespace vsys {

namespace {

Result<Command> parse_update_settings(const nlohmann::json& j) {
    ArgReader r(j);
    UpdateSettings c;
    if (auto lang = r.optional_string("language")) {
        Language l;
        if (!parse_language(*lang, l)) return Error{"settings.language", "language must be ja or en"};
        c.language = l;
    }
    c.device_name = r.optional_string("device_name");
    if (auto e = r.finish()) return *e;
    return Command{c};
}

struct CommandParser {
    const char* type;
    Result<Command> (*parse)(const nlohmann::json&);
};

const CommandParser k_parsers[] = {
    {"update_settings", parse_update_settings},
};

}  // namespace

Result<Command> parse_command(const nlohmann::json& j) {
    if (!j.is_object()) return Error{"command.invalid_json", "a command must be a JSON object"};
    auto t = j.find("type");
    if (t == j.end() || !t->is_string()) return Error{"command.missing_type", "the command has no type"};
    const std::string type = t->get<std::string>();
    for (const auto& p : k_parsers)
        if (type == p.type) return p.parse(j);
    return Error{"command.unknown", "unknown command " + type, {{"type", type}}};
}

const char* command_type(const Command& c) {
    return std::visit([](const auto& v) -> const char* {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, UpdateSettings>) return "update_settings";
    }, c);
}

}  // namespace vsys
