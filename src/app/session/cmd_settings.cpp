// Device settings (language, device name, idle lock, theme, text size) and the about view.
#include "app/base/app.hpp"
#include "app/base/args.hpp"

namespace vsys {

namespace {

// {type: "update_settings", language?: "ja"|"en", device_name?: string, idle_lock_minutes?: int,
//  theme?: "light"|"high_contrast", text_size?: int (percent)}
Result<PreparedCommand> prepare_update_settings(App& app, const nlohmann::json& j) {
    ArgReader r(j);
    Settings next = app.settings();
    if (auto lang = r.optional_string("language")) {
        if (!parse_language(*lang, next.language)) return Error{"settings.language", "language must be ja or en"};
    }
    if (auto name = r.optional_string("device_name")) {
        if (auto st = validate_device_name(*name); !st) return st.error();
        next.device_name = *name;
    }
    if (auto idle = r.optional_number("idle_lock_minutes", idle_lock_rule()))
        next.idle_lock_minutes = static_cast<int>(*idle);
    if (auto theme = r.optional_string("theme")) {
        if (*theme != "light" && *theme != "high_contrast") return Error{"settings.theme", "theme must be light or high_contrast"};
        next.high_contrast = *theme == "high_contrast";
    }
    if (auto size = r.optional_int("text_size")) {
        if (*size < k_text_size_min || *size > k_text_size_max)
            return Error{"settings.text_size", "text size out of range",
                         {{"min", std::to_string(k_text_size_min)}, {"max", std::to_string(k_text_size_max)}}};
        next.text_size = static_cast<int>(*size);
    }
    if (auto e = r.finish()) return *e;
    PreparedCommand p;
    p.apply = [&app, next]() -> Result<Versions> {
        auto v = app.successor("device", "settings", "main", settings_body(next));
        if (!v) return v.error();
        return Versions{*v};
    };
    return p;
}

Result<PreparedView> prepare_settings_view(App& app, const nlohmann::json& j) {
    ArgReader r(j, {});
    if (auto e = r.finish()) return *e;
    return PreparedView{"", [&app]() -> Result<nlohmann::json> { return settings_body(app.settings()); }};
}

Result<PreparedView> prepare_about_view(App& app, const nlohmann::json& j) {
    ArgReader r(j, {});
    if (auto e = r.finish()) return *e;
    return PreparedView{"", [&app]() -> Result<nlohmann::json> {
                            auto u = app.storage_usage();
                            return nlohmann::json{{"version", app.info().version},
                                                  {"build_id", app.info().build_id},
                                                  {"storage",
                                                   {{"files", u.files},
                                                    {"bytes", u.bytes},
                                                    {"segments", app.persistence().segment_count()}}},
                                                  {"storage_problems", app.persistence().problems()}};
                        }};
}

const CommandEntry k_commands[] = {{"update_settings", prepare_update_settings}};
const ViewEntry k_views[] = {{"settings", prepare_settings_view}, {"about", prepare_about_view}};

}  // namespace

std::span<const CommandEntry> settings_commands() { return k_commands; }
std::span<const ViewEntry> settings_views() { return k_views; }

}  // namespace vsys
