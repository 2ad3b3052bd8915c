// The permission table, checked exhaustively against expectations written here by hand: every
// role × every action, on its own organisation, inside its subtree and outside it.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "app/base/command_table.hpp"
#include "app/base/permissions.hpp"
#include "app_fixture.hpp"

TEST_SUITE_BEGIN("session");

using namespace vsys;

namespace {

struct Actor {
    const char* name;
    Session session;
};

Session as(Role role, const char* org) {
    Session s;
    s.vsys_id = role == Role::none ? "" : "VTEST";
    s.role = role;
    s.org = org;
    return s;
}

}  // namespace

TEST_CASE("every command and view has exactly one row in the permission table, and every row is used") {
    std::set<std::string> actions;
    for (const auto& c : command_table()) actions.insert(c.type);
    for (const auto& v : view_table()) actions.insert(std::string("view:") + v.name);
    std::set<std::string> rows;
    for (const auto& p : permissions()) {
        CHECK_MESSAGE(rows.insert(p.action).second, "duplicate row " << p.action);
        CHECK_MESSAGE(actions.count(p.action), "row for no action: " << p.action);
    }
    for (const auto& a : actions) CHECK_MESSAGE(rows.count(a), "no permission row for " << a);
}

TEST_CASE("each role may act exactly where the hand-written matrix says, inside and outside its subtree") {
    test::AppFixture f;
    const Directory& dir = f.app.directory();
    const Site& chiyoda_site = f.site_in("131016");
    const Site& chuo_site = f.site_in("131024");
    const Site& osaka_site = f.site_in("271004");
    const std::string own_site = site_org_id(chiyoda_site), other_site = site_org_id(chuo_site),
                      far_site = site_org_id(osaka_site);

    const Actor actors[] = {
        {"none", as(Role::none, "")},
        {"nation", as(Role::nation, "nation")},
        {"tokyo", as(Role::prefecture, "pref:130001")},
        {"chiyoda", as(Role::municipality, "muni:131016")},
        {"site", as(Role::site, own_site.c_str())},
        {"federation", as(Role::federation, "federation:130001")},
        {"support", as(Role::support, "support")},
    };
    // target → actor → allowed, per action. "-" means the action has no target (device scope).
    struct Case {
        const char* action;
        std::string target;
        std::set<std::string> allowed;
    };
    const std::vector<Case> cases = {
        {"update_settings", "", {"none", "nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        {"login", "", {"none"}},
        {"logout", "", {"nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        {"file_unlock_request", "", {"none"}},
        {"update_site_info", own_site, {"chiyoda", "site"}},
        {"update_site_info", other_site, {}},
        {"set_doctors", own_site, {"chiyoda", "site"}},
        {"set_doctors", far_site, {}},
        {"request_vaccine_change", own_site, {"chiyoda", "site"}},
        {"request_vaccine_change", other_site, {}},
        {"decide_vaccine_change", own_site, {"chiyoda"}},
        {"decide_vaccine_change", other_site, {}},
        {"answer_unlock_request", own_site, {"chiyoda", "support"}},
        {"issue_enrolment_code", own_site, {"chiyoda", "support"}},
        {"issue_enrolment_code", other_site, {"support"}},
        {"issue_enrolment_code", "muni:131016", {"tokyo", "support"}},
        {"enrol", "", {"none"}},
        {"sync", "", {"nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        {"export_bundle", "", {"nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        {"import_bundle", "", {"nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        // The organisation's store key typed in by hand (PROTOCOL §15): any signed-in device.
        {"set_store_key", "", {"nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        // The kiosk's switcher and reset: anyone at the kiosk (the mode itself is checked by the command).
        {"kiosk_switch", "", {"none", "nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        {"kiosk_reset", "", {"none", "nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        {"resolve_conflict", own_site, {"chiyoda", "site"}},
        {"resolve_conflict", other_site, {}},
        {"resolve_conflict", "muni:131016", {"chiyoda"}},
        {"answer_unlock_request", "muni:131016", {"tokyo", "support"}},
        {"answer_unlock_request", "pref:130001", {"nation", "support"}},
        {"answer_unlock_request", "federation:130001", {"nation", "support"}},
        {"view:site", own_site, {"nation", "tokyo", "chiyoda", "site"}},
        {"view:site", other_site, {"nation", "tokyo"}},
        {"view:site", far_site, {"nation"}},
        {"view:org_search", "", {}},
        {"view:approvals", "muni:131016", {"chiyoda"}},
        {"view:approvals", "muni:131024", {}},
        {"view:unlock_requests", "muni:131016", {"chiyoda"}},
        {"view:settings", "", {"none", "nation", "tokyo", "chiyoda", "site", "federation", "support"}},
        {"view:accounts_demo", "", {"none"}},
        {"save_claim", own_site, {"site", "chiyoda"}},  // the municipality as proxy (代行入力)
        {"save_claim", other_site, {}},
        {"submit_claim", own_site, {"site", "chiyoda"}},
        {"submit_claim", far_site, {}},
        {"set_claim_routing", "muni:131016", {"chiyoda"}},
        {"set_claim_routing", "muni:131024", {}},
        {"view:claim", own_site, {"nation", "tokyo", "chiyoda", "site"}},
        {"view:claim", other_site, {"nation", "tokyo"}},
        {"view:claim_print", own_site, {"nation", "tokyo", "chiyoda", "site"}},
        {"view:claim_print", far_site, {"nation"}},
        {"view:claim_check", own_site, {"site", "chiyoda"}},  // what may be entered, as save_claim
        {"view:claim_check", other_site, {}},
        {"view:federation_totals", "federation:130001", {"federation"}},
        {"view:federation_totals", "federation:270008", {}},
        {"view:municipality_claims", "muni:131016", {"chiyoda"}},
        {"view:municipality_claims", "muni:131024", {}},
        {"view:claim_legacy", own_site, {"nation", "tokyo", "chiyoda", "site"}},
        {"view:claim_legacy", "muni:131016", {"nation", "tokyo", "chiyoda"}},
        {"view:claim_legacy", "muni:271004", {"nation"}},
        {"report_request", own_site, {"chiyoda", "site"}},
        {"report_request", other_site, {}},
        {"set_round_state", "nation", {"nation"}},
        {"set_prefecture_amounts", "nation", {"nation"}},
        {"register_municipality_amounts", "pref:130001", {"tokyo"}},
        {"register_municipality_amounts", "pref:270008", {}},
        {"lock_prefecture", "nation", {"nation"}},
        {"unlock_prefecture", "nation", {"nation"}},
        {"register_site_amounts", "muni:131016", {"chiyoda"}},
        {"register_site_amounts", "muni:131024", {}},
        {"lock_sites", "pref:130001", {"tokyo"}},
        {"unlock_sites", "pref:130001", {"tokyo"}},
        {"view:rounds", "nation", {"nation"}},
        {"view:rounds", own_site, {"site"}},
        {"view:round_state", own_site, {"nation", "tokyo", "chiyoda", "site"}},
        {"view:round_state", "muni:131024", {"nation", "tokyo"}},
        {"view:requests", "muni:131016", {"nation", "tokyo", "chiyoda"}},
        {"view:requests", far_site, {"nation"}},
        {"view:simulation", "pref:130001", {"tokyo"}},
        {"view:simulation", "muni:131016", {"chiyoda"}},
        {"view:deliveries", own_site, {"nation", "tokyo", "chiyoda", "site"}},
        {"view:deliveries", far_site, {"nation"}},
        // Reports run as the user's own organisation; support's (R701) covers every organisation.
        {"view:reports", "muni:131016", {"chiyoda"}},
        {"view:reports", "support", {"support"}},
        {"view:report", "support", {"support"}},
        {"view:report", own_site, {"site"}},
        {"view:report", "federation:130001", {"federation"}},
        {"export_report", "pref:130001", {"tokyo"}},
        {"export_report", "nation", {"nation"}},
        {"record_report_export", "muni:131016", {"chiyoda"}},
        // Stock: a site's own records, or its municipality's for it (代行入力); requests are the
        // requester's own.
        {"confirm_delivery", own_site, {"site", "chiyoda"}},
        {"confirm_delivery", other_site, {}},
        {"transfer_stock", own_site, {"site", "chiyoda"}},
        {"transfer_stock", far_site, {}},
        {"answer_transfer", own_site, {"site", "chiyoda"}},
        {"record_wastage", own_site, {"site", "chiyoda"}},
        {"record_count", own_site, {"site", "chiyoda"}},
        {"record_count", other_site, {}},
        {"issue_stock_request", "pref:130001", {"tokyo"}},
        {"issue_stock_request", "muni:131016", {"chiyoda"}},
        {"issue_stock_request", "nation", {"nation"}},
        {"view:stock", own_site, {"site", "chiyoda"}},
        {"view:stock", other_site, {}},
        {"view:stock_ledger", own_site, {"site", "chiyoda"}},
        {"view:transfer_targets", own_site, {"site", "chiyoda"}},
        {"view:stock_requests", "pref:130001", {"tokyo"}},
        {"view:stock_requests", "muni:131024", {}},
    };
    std::set<std::string> covered;
    for (const auto& c : cases) {
        covered.insert(c.action);
        for (const auto& a : actors) {
            // Subtree-scoped views target the user's own organisation.
            std::string target = c.target;
            if (std::string(c.action) == "view:org_search") target = a.session.org;
            const bool allowed = check_access(c.action, a.session, target, &dir).ok();
            bool expected = c.allowed.count(a.name) != 0;
            if (std::string(c.action) == "view:org_search")
                expected = a.session.role == Role::municipality || a.session.role == Role::prefecture ||
                           a.session.role == Role::nation || a.session.role == Role::support;
            CHECK_MESSAGE(allowed == expected, c.action << " on '" << target << "' by " << a.name);
        }
    }
    for (const auto& p : permissions())
        if (p.action.rfind("view:", 0) != 0 || p.scope != Scope::device)
            CHECK_MESSAGE(covered.count(p.action), "no expectation written for " << p.action);
}

TEST_CASE("a municipality cannot open a site of another municipality: the view answers no access") {
    test::AppFixture f;
    REQUIRE(f.login("VM131016"));
    const Site& other = f.site_in("131024");
    auto r = f.view("site", {{"site", other.code}});
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == "no_access");
    CHECK(r["error"]["message"] == "アクセス権がありません");
    CHECK(f.view("site", {{"site", f.site_in("131016").code}})["ok"] == true);
}

TEST_SUITE_END();
