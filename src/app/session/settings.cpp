#include "app/session/settings.hpp"

#include "core/base/text.hpp"

namespace vsys {

Settings settings_from_document(const DocumentVersion& d) {
    Settings s;
    if (auto l = d.body.find("language"); l != d.body.end() && l->is_string()) parse_language(l->get<std::string>(), s.language);
    if (auto n = d.body.find("device_name"); n != d.body.end() && n->is_string()) s.device_name = n->get<std::string>();
    if (auto m = d.body.find("idle_lock_minutes"); m != d.body.end() && m->is_number_integer()) {
        auto v = m->get<std::int64_t>();
        if (v >= k_idle_lock_min && v <= k_idle_lock_max) s.idle_lock_minutes = static_cast<int>(v);
    }
    if (auto t = d.body.find("theme"); t != d.body.end() && t->is_string()) s.high_contrast = *t == "high_contrast";
    if (auto z = d.body.find("text_size"); z != d.body.end() && z->is_number_integer()) {
        auto v = z->get<std::int64_t>();
        if (v >= k_text_size_min && v <= k_text_size_max) s.text_size = static_cast<int>(v);
    }
    return s;
}

nlohmann::json settings_body(const Settings& s) {
    return {{"language", language_code(s.language)}, {"device_name", s.device_name},
            {"idle_lock_minutes", s.idle_lock_minutes}, {"theme", s.high_contrast ? "high_contrast" : "light"},
            {"text_size", s.text_size}};
}

Status validate_device_name(const std::string& name) {
    if (!text::valid_utf8(name)) return Error{"text.utf8", "device name is not valid UTF-8"};
    if (text::has_control(name)) return Error{"settings.device_name_control", "device name has control characters"};
    if (text::length(name) > k_device_name_max)
        return Error{"settings.device_name_length", "device name too long",
                     {{"max", std::to_string(k_device_name_max)}}};
    return ok_status();
}

}  // namespace vsys
