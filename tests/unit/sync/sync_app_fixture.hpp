// The sync tests' deployment and browser (test_sync_app.cpp, test_sync_sealed.cpp, the ui tests): 鳥取県's
// demo exchange in memory, as `tools/serve` publishes it, and a loop that plays the browser's
// part in a sync run; a store that refuses a rotated key, and the operator sealing one to a device.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "app_fixture.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/directory.hpp"
#include "sync/store_credential.hpp"

namespace vsys::test {

inline constexpr const char* k_pref = "310000";  // 鳥取県: small enough to write in a test

// The deployment `tools/serve` publishes, in memory: 鳥取県's subtree under the demo root.
inline sync::MemoryTransport& exchange() {
    static sync::MemoryTransport ex = [] {
        AppFixture f;
        sync::MemoryTransport t;
        sync::DemoExchangeOptions o;
        o.now = f.clock;
        o.prefecture = k_pref;
        o.codes_per_account = 3;
        auto rep = sync::write_demo_exchange(f.app.directory().demo(), f.app.directory().tree(), o, t);
        REQUIRE(rep);
        sync::DeploymentManifest m;
        m.root_key = rep->root_key;
        m.created = sync::format_utc(f.clock);
        m.demo = true;
        m.seed = k_demo_seed;
        m.prefecture = k_pref;
        t.put_new(sync::k_manifest_path, sync::encode_manifest(m));
        return t;
    }();
    return ex;
}

// What the store answers a write instead of performing it (a test's injected fault), if anything.
using PutFault = std::function<std::optional<Error>(const sync::TransportRequest&)>;

// Plays the browser's part: performs each request against the exchange until the run ends.
inline nlohmann::json sync_with(App& app, sync::MemoryTransport& ex, const PutFault& fault = {}) {
    REQUIRE(app.command_json(R"({"type":"sync"})")["ok"] == true);
    for (int round = 0; round < 40 && app.sync().run().running; ++round) {
        std::vector<std::pair<sync::TransportRequest, Result<std::string>>> answers;
        for (auto& r : app.sync().take_requests()) {
            Result<std::string> a = std::string();
            if (r.kind == sync::TransportRequest::Kind::get) {
                a = ex.get(r.path);
            } else if (r.kind == sync::TransportRequest::Kind::list) {
                auto names = ex.list(r.path);
                if (!names) a = names.error();
                else {
                    std::string text;
                    for (const auto& n : *names) text += n + "\n";
                    a = text;
                }
            } else if (auto f = fault ? fault(r) : std::nullopt) {
                a = *f;
            } else if (auto s = ex.put_new(r.path, r.body); !s) {
                a = s.error();
            }
            answers.emplace_back(std::move(r), std::move(a));
        }
        app.sync().deliver(answers);
    }
    CHECK_FALSE(app.sync().run().running);
    return app.view_json("sync_status", "{}")["view"];
}
inline nlohmann::json sync_with(AppFixture& f, sync::MemoryTransport& ex, const PutFault& fault = {}) {
    return sync_with(f.app, ex, fault);
}

inline std::string account_of_site(const Site& s) { return "VS" + s.code; }

inline const Site& tottori_site(AppFixture& f, int nth = 0) {
    for (const auto& s : f.app.directory().demo().sites)
        if (s.kind == SiteKind::site && s.municipality.rfind("31", 0) == 0 && nth-- == 0) return s;
    FAIL("no site in Tottori");
    return f.app.directory().demo().sites.front();
}

inline std::string muni_account(const Site& s) { return "VM" + s.municipality; }

// The S3 store as far as keys go: a PUT signed with a key it does not hold (rotated and removed)
// is refused 403, as RGW refuses it; `refused` counts the refusals.
struct StoreKeys {
    std::set<std::string> valid;  // key ids the store accepts
    int refused = 0;
    PutFault fault(App& app) {
        return [this, &app](const sync::TransportRequest& r) -> std::optional<Error> {
            const auto key = app.sync().store_key();
            if (key && valid.count(key->access_key)) return std::nullopt;
            ++refused;
            return Error{sync::k_transport_key_refused, "the exchange refused the write key",
                         {{"detail", "HTTP 403 InvalidAccessKeyId (put " + r.path + ")"}}};
        };
    }
};

inline sync::StoreCredential site_key(const Site& s, int version) {
    return {"site:" + s.code, "VSYSAKV" + std::to_string(version), "secret-of-version-" + std::to_string(version), version};
}

// What the operator's `s3-users` writes for one device: the key sealed at its version's name.
inline void seal_for(sync::MemoryTransport& ex, const sync::StoreCredential& k, const std::string& device) {
    REQUIRE(ex.put_new(sync::credential_path(k.org, device, k.version), *sync::seal_store_credential(k, device)));
}


}  // namespace vsys::test
