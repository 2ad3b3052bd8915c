// The training kiosk's typed contract (app/base/contract.hpp): the role switcher's view, the
// switch and the reset. window.vsys reads and sends the same JSON (cmd_kiosk.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "app/session/session_contract.hpp"

namespace vsys {

class App;

// kiosk {}: {kiosk} outside the kiosk; inside, the accounts to switch to and how many versions
// trainees made since the last reset.
struct KioskView {
    bool kiosk = false;
    std::vector<SampleAccount> accounts;
    std::int64_t trainee_documents = 0;
};
struct KioskQuery {
    static constexpr const char* name = "kiosk";
    using View = KioskView;
    static Result<KioskQuery> read(const nlohmann::json& args);
    bool operator==(const KioskQuery&) const = default;
};
Result<Prepared<KioskView>> prepare(App& app, const KioskQuery& q);
nlohmann::json to_json(const KioskView& v);

// {type: "kiosk_switch", vsys_id}: signs in as a demo account with the kiosk's key for it.
struct KioskSwitch {
    static constexpr const char* type = "kiosk_switch";
    std::string vsys_id;
    static Result<KioskSwitch> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const KioskSwitch& c);

// {type: "kiosk_reset"}: every document and the sync state go; the device's settings stay.
struct KioskReset {
    static constexpr const char* type = "kiosk_reset";
    static Result<KioskReset> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const KioskReset& c);

}  // namespace vsys
