// The device's own settings (language, device name, idle lock, theme, text size): a device-local document
// ("device/settings/main") that never leaves the browser.
#pragma once

#include <string>

#include "app/base/i18n.hpp"
#include "core/documents/document.hpp"
#include "core/base/number_field.hpp"
#include "core/base/result.hpp"

namespace vsys {

// The session locks itself after this many minutes without input (shared PCs, kiosks).
constexpr int k_idle_lock_default = 15;
constexpr int k_idle_lock_min = 1;
constexpr int k_idle_lock_max = 240;

// 自動ログアウト's field: minutes, k_idle_lock_min to k_idle_lock_max.
inline NumberRule idle_lock_rule() { return NumberRule{"settings.idle_lock", k_idle_lock_min, k_idle_lock_max}; }
// The text size in percent of the standard size (UX.md "Look": scalable for kiosks and low
// vision); Ctrl + wheel and the settings screen change it by a step.
constexpr int k_text_size_default = 100;
constexpr int k_text_size_min = 80;
constexpr int k_text_size_max = 200;
constexpr int k_text_size_step = 10;

struct Settings {
    Language language = Language::ja;
    std::string device_name;
    int idle_lock_minutes = k_idle_lock_default;
    bool high_contrast = false;  // the high-contrast theme instead of the light one
    int text_size = k_text_size_default;
};

constexpr std::size_t k_device_name_max = 40;  // characters; fits the top bar at 1366 px

Settings settings_from_document(const DocumentVersion& d);
nlohmann::json settings_body(const Settings& s);
// Checks a device name as typed: UTF-8, no control characters, at most k_device_name_max.
Status validate_device_name(const std::string& name);

}  // namespace vsys
