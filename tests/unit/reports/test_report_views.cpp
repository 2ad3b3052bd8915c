// The reports and report views, typed (reports_app.hpp): window.vsys's JSON is the typed answer
// through its one codec, with the members the kiosk scripts, the CLI and the e2e tests read
// named here, so that a codec that renames, drops, adds or retypes one fails; for each demo
// role, every report of its folders, with and without its rows. Over the kiosk's demo history.
#include <doctest/doctest.h>

#include <set>

#include "app/reports/reports_app.hpp"
#include "app_fixture.hpp"
#include "typed_view_check.hpp"

TEST_SUITE_BEGIN("reports");

using namespace vsys;
using nlohmann::json;
using vsys::test::AppFixture;
using vsys::test::members;
using vsys::test::same_view;

namespace {

const std::set<std::string> k_report_members = {"report", "title",    "folder",     "personal", "notice",
                                                "query",  "choices",  "columns",    "row_count", "unreadable",
                                                "totals", "chart",    "as_of",      "empty"};

void check_choices(const json& j, const std::vector<ReportChoice>& list) {
    REQUIRE(j.size() == list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        CHECK(members(j[i]) == std::set<std::string>{"id", "label"});
        CHECK(j[i]["id"] == list[i].id);
        CHECK(j[i]["label"] == list[i].label);
    }
}

void check_report(AppFixture& f, const std::string& id, bool detail) {
    ReportRunQuery q;
    q.query.report = id;
    q.detail = detail;
    const json j = same_view(f, q, {{"report", id}, {"detail", detail}});
    REQUIRE(!j.is_null());
    const ReportRunView v = *f.app.ask(q);
    const ReportResult& r = v.run.result;
    std::set<std::string> want = k_report_members;
    if (detail) want.insert("rows");
    CHECK(members(j) == want);
    CHECK(j["report"] == id);
    CHECK(j["title"] == r.table.title);
    CHECK(j["folder"] == v.run.def->folder);
    CHECK(j["personal"] == v.run.def->personal);
    CHECK(j["notice"] == v.notice);
    CHECK(members(j["query"]) == std::set<std::string>{"round", "month", "product", "municipality"});
    CHECK(j["query"]["round"] == v.run.query.round);
    CHECK(j["query"]["month"] == v.run.query.month);
    CHECK(members(j["choices"]) == std::set<std::string>{"round", "month", "product", "municipality"});
    check_choices(j["choices"]["round"], v.choices.rounds);
    check_choices(j["choices"]["month"], v.choices.months);
    check_choices(j["choices"]["product"], v.choices.products);
    check_choices(j["choices"]["municipality"], v.choices.municipalities);
    REQUIRE(j["columns"].size() == r.table.columns.size());
    for (const auto& c : j["columns"]) CHECK(members(c) == std::set<std::string>{"label", "type", "unit", "total"});
    CHECK(j["row_count"].is_number_integer());
    CHECK(j["row_count"] == r.table.rows.size());
    CHECK(members(j["empty"]) == std::set<std::string>{"reason", "text", "in_scope"});
    CHECK(j["empty"]["reason"] == report_emptiness_id(v.emptiness));
    CHECK(j["empty"]["text"] == v.empty_text);
    CHECK(j["empty"]["in_scope"] == r.in_scope);
    CHECK(j["unreadable"].is_number_integer());
    REQUIRE(j["totals"].size() == r.totals.size());
    for (std::size_t c = 0; c < r.totals.size(); ++c) {
        if (r.totals[c]) CHECK(j["totals"][c] == *r.totals[c]);
        else CHECK(j["totals"][c].is_null());
    }
    CHECK(members(j["chart"]) == std::set<std::string>{"series", "bars"});
    CHECK(j["as_of"] == v.run.as_of);
    if (!detail) return;
    REQUIRE(j["rows"].size() == r.table.rows.size());
    for (std::size_t i = 0; i < r.table.rows.size(); ++i) {
        REQUIRE(j["rows"][i].size() == r.table.columns.size());
        for (std::size_t c = 0; c < r.table.columns.size(); ++c) {
            const ReportCell& cell = r.table.rows[i][c];
            const json& got = j["rows"][i][c];
            if (cell.blank) CHECK(got.is_null());
            else if (is_number(r.table.columns[c].type)) CHECK((got.is_number_integer() && got == cell.number));
            else CHECK(got == cell.text);
        }
    }
}

void check_role(AppFixture& f, const std::string& who) {
    INFO(who);
    const json list = same_view(f, ReportsQuery{}, json::object());
    REQUIRE(!list.is_null());
    CHECK(members(list) == std::set<std::string>{"folders"});
    const ReportsView v = *f.app.ask(ReportsQuery{});
    REQUIRE(list["folders"].size() == v.folders.size());
    for (std::size_t i = 0; i < v.folders.size(); ++i) {
        const json& folder = list["folders"][i];
        CHECK(members(folder) == std::set<std::string>{"id", "name", "reports"});
        CHECK(folder["id"] == v.folders[i].id);
        CHECK(folder["name"] == v.folders[i].name);
        REQUIRE(folder["reports"].size() == v.folders[i].reports.size());
        for (std::size_t k = 0; k < v.folders[i].reports.size(); ++k) {
            const json& r = folder["reports"][k];
            CHECK(members(r) == std::set<std::string>{"id", "title", "personal"});
            CHECK(r["id"] == v.folders[i].reports[k].id);
            CHECK(r["title"] == v.folders[i].reports[k].title);
            CHECK(r["personal"] == v.folders[i].reports[k].personal);
            check_report(f, v.folders[i].reports[k].id, false);
        }
    }
    if (!v.folders.empty()) check_report(f, v.folders.front().reports.front().id, true);
}

}  // namespace

TEST_CASE("reports and report answer typed what window.vsys answers as JSON, for each demo role and language") {
    AppFixture f(true);
    for (const char* id : {"VM131016", "VP130001", "VF130001", "VS1390000002"}) {
        REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", id}})["ok"] == true);
        check_role(f, id);
    }
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    check_report(f, "R313", true);
    REQUIRE(f.run({{"type", "update_settings"}, {"language", "en"}})["ok"] == true);
    check_role(f, "VM131016 (en)");
    // Refused alike: another role's report, an unknown filter value, an unknown member.
    ReportRunQuery other;
    other.query.report = "R201";
    same_view(f, other, {{"report", "R201"}});
    ReportRunQuery round;
    round.query.report = "R301";
    round.query.round = "NO_SUCH";
    same_view(f, round, {{"report", "R301"}, {"round", "NO_SUCH"}});
    CHECK(f.view("report", {{"report", "R301"}, {"bogus", 1}})["error"]["code"] == "arg.unknown");
}
