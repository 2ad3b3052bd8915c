// The document-kind registry (core/documents/kind_registry.hpp, sync/kinds.hpp) as the app
// uses it: only registered kinds are written, in their registered shape.
#include <doctest/doctest.h>

#include "app_fixture.hpp"
#include "sync/kinds.hpp"

TEST_SUITE_BEGIN("documents");

using namespace vsys;
using nlohmann::json;

namespace {

DocumentVersion version(std::string owner, std::string kind, json body) {
    DocumentVersion v;
    v.owner = std::move(owner);
    v.kind = std::move(kind);
    v.id = "main";
    v.body = std::move(body);
    return v;
}

}  // namespace

TEST_CASE("a version of a kind no feature registered is refused, and a device-local record needs a local kind") {
    const KindRegistry& kinds = sync::document_kinds();
    auto unknown = validate_version(kinds, version("site:0110113719", "vaccine_stock_take", {{"n", 1}}));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "document.kind_unregistered");
    CHECK(unknown.error().arg("kind") == "vaccine_stock_take");
    CHECK(validate_version(kinds, version("device", "vaccine_stock_take", json::object())).error().code ==
          "document.kind_unregistered");
    // A kind of an organisation's documents is no device-local record, and the reverse.
    CHECK(validate_version(kinds, version("device", "claim_routing", {{"commissioned", true}})).error().code ==
          "document.kind_unregistered");
    CHECK(validate_version(kinds, version("muni:131016", "credential", json::object())).error().code ==
          "document.kind_unregistered");
    CHECK(validate_version(kinds, version("device", "settings", json::object())).ok());
    CHECK(validate_version(kinds, version("muni:131016", "claim_routing", {{"commissioned", true}})).ok());
    CHECK(kinds.duplicates().empty());
}

TEST_CASE("a local version that fails its kind's validate is refused, naming the member; a resolution's _resolves is no member") {
    const KindRegistry& kinds = sync::document_kinds();
    auto bad = validate_version(kinds, version("muni:131016", "claim_routing", {{"commissioned", true}, {"by", "x"}}));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "document.invalid_body");
    CHECK(bad.error().arg("member") == "by");
    CHECK(validate_version(kinds, version("muni:131016", "claim_routing",
                                          {{"commissioned", false}, {"_resolves", json::array({std::string(64, 'a')})}}))
              .ok());
}

TEST_CASE("every version the app's commands write is of a registered kind, in its registered shape") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    auto ok = [&](const json& cmd) {
        auto r = f.run(cmd);
        CHECK_MESSAGE(r["ok"] == true, cmd.dump() << " → " << r.dump());
    };
    ok({{"type", "update_settings"}, {"device_name", "受付端末"}});
    REQUIRE(f.login(test::site_account(site)));
    ok({{"type", "update_site_info"}, {"site", site.code}, {"phone", "03-3581-1111"}});
    ok({{"type", "request_vaccine_change"}, {"site", site.code}, {"vaccines", {"tm_general"}}});
    ok({{"type", "save_claim"}, {"site", site.code}, {"month", "2022-01"},
        {"lines", json::array({{{"municipality", "131016"}, {"form", "new"}, {"category", 2}, {"normal", 3},
                                {"outside_hours", 0}, {"holiday", 0}, {"pre_exam_only", 0}}})}});
    ok({{"type", "submit_claim"}, {"site", site.code}, {"month", "2022-01"}});
    f.logout();
    REQUIRE(f.login("VM131016"));
    ok({{"type", "decide_vaccine_change"}, {"site", site.code}, {"approve", true}});
    ok({{"type", "set_claim_routing"}, {"municipality", "131016"}, {"commissioned", true}});

    std::set<std::string> written;
    for (const auto* v : f.app.store().all()) {
        CAPTURE(v->key());
        CHECK(validate_version(sync::document_kinds(), *v).ok());
        written.insert(v->kind);
    }
    for (const char* k : {"settings", "site_info", "vaccine_change", "claim", "vaccine_decision", "claim_routing"})
        CHECK(written.count(k) == 1);
}
