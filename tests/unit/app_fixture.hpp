// A shared App over in-memory storage for app-level tests, with an injectable clock and the
// national demo directory (generated once per process: ~0.1 s).
#pragma once

#include <string>

#include "app/base/app.hpp"
#include "memory_storage.hpp"

namespace vsys::test {

struct AppFixture {
    MemoryStorage storage;
    sync::UtcTime clock = 1643673600;  // 2022-02-01T00:00:00Z
    App app;
    // kiosk: the training kiosk (AppInfo::kiosk), with its data where the browser keeps it.
    explicit AppFixture(bool kiosk = false)
        : app(storage, kiosk ? "/kiosk/vsys" : "/data/vsys", {"0.1.0", "test", kiosk}, [this] { return clock; }) {
        app.open();
    }

    nlohmann::json run(const nlohmann::json& cmd) { return app.command_json(cmd.dump()); }
    nlohmann::json view(const std::string& name, const nlohmann::json& args = nlohmann::json::object()) {
        return app.view_json(name, args.dump());
    }
    bool login(const std::string& id, const std::string& password = k_demo_password) {
        return run({{"type", "login"}, {"vsys_id", id}, {"password", password}})["ok"] == true;
    }
    void logout() { run({{"type", "logout"}}); }
    // The first generated site of a municipality.
    const Site& site_in(const std::string& muni, SiteKind kind = SiteKind::site) {
        for (const auto& s : app.directory().demo().sites)
            if (s.municipality == muni && s.kind == kind) return s;
        return app.directory().demo().sites.front();
    }
};

inline std::string site_account(const Site& s) { return (s.kind == SiteKind::site ? "VS" : "VW") + s.code; }

}  // namespace vsys::test
