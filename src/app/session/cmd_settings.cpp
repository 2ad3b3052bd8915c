// Device settings (language, device name, idle lock, theme, text size) and the about view,
// typed (settings_contract.hpp) with their one JSON codec each.
#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/session/settings_contract.hpp"

namespace vsys {

Result<UpdateSettings> UpdateSettings::read(const nlohmann::json& args) {
    ArgReader r(args);
    UpdateSettings c;
    if (auto lang = r.optional_string("language")) {
        Language l;
        if (!parse_language(*lang, l)) return Error{"settings.language", "language must be ja or en"};
        c.language = l;
    }
    c.device_name = r.optional_string("device_name");
    c.idle_lock_minutes = r.optional_number("idle_lock_minutes", idle_lock_rule());
    if (auto theme = r.optional_string("theme")) {
        if (*theme != "light" && *theme != "high_contrast") return Error{"settings.theme", "theme must be light or high_contrast"};
        c.high_contrast = *theme == "high_contrast";
    }
    c.text_size = r.optional_int("text_size");
    if (auto e = r.finish()) return *e;
    return c;
}

// Every rule here, not in read(): a screen's typed command never passes through the codec.
Result<PreparedCommand> prepare(App& app, const UpdateSettings& c) {
    Settings next = app.settings();
    if (c.language) next.language = *c.language;
    if (c.device_name) {
        if (auto st = validate_device_name(*c.device_name); !st) return st.error();
        next.device_name = *c.device_name;
    }
    if (c.idle_lock_minutes) {
        auto idle = check_number(*c.idle_lock_minutes, idle_lock_rule());
        if (!idle) return idle.error();
        next.idle_lock_minutes = static_cast<int>(*idle);
    }
    if (c.high_contrast) next.high_contrast = *c.high_contrast;
    if (c.text_size) {
        if (*c.text_size < k_text_size_min || *c.text_size > k_text_size_max)
            return Error{"settings.text_size", "text size out of range",
                         {{"min", std::to_string(k_text_size_min)}, {"max", std::to_string(k_text_size_max)}}};
        next.text_size = static_cast<int>(*c.text_size);
    }
    PreparedCommand p;
    p.apply = [&app, next]() -> Result<Versions> {
        auto v = app.successor("device", "settings", "main", settings_body(next));
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

Result<SettingsQuery> SettingsQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return SettingsQuery{};
}

Result<Prepared<Settings>> prepare(App& app, const SettingsQuery&) {
    return Prepared<Settings>{"", [&app]() -> Result<Settings> { return app.settings(); }};
}

nlohmann::json to_json(const Settings& v) { return settings_body(v); }

Result<AboutQuery> AboutQuery::read(const nlohmann::json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return AboutQuery{};
}

Result<Prepared<AboutView>> prepare(App& app, const AboutQuery&) {
    return Prepared<AboutView>{"", [&app]() -> Result<AboutView> {
                                   const auto u = app.storage_usage();
                                   return AboutView{app.info().version, app.info().build_id, static_cast<std::int64_t>(u.files),
                                                    static_cast<std::int64_t>(u.bytes),
                                                    static_cast<std::int64_t>(app.persistence().segment_count()),
                                                    app.persistence().problems()};
                               }};
}

nlohmann::json to_json(const AboutView& v) {
    return {{"version", v.version},
            {"build_id", v.build_id},
            {"storage", {{"files", v.files}, {"bytes", v.bytes}, {"segments", v.segments}}},
            {"storage_problems", v.storage_problems}};
}

namespace {

const CommandEntry k_commands[] = {command_entry<UpdateSettings>()};
const ViewEntry k_views[] = {view_entry<SettingsQuery>(), view_entry<AboutQuery>()};

}  // namespace

std::span<const CommandEntry> settings_commands() { return k_commands; }
std::span<const ViewEntry> settings_views() { return k_views; }

}  // namespace vsys
