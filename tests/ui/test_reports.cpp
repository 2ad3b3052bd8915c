// The report tab drawn and used: the folders of a municipality, a report's summary, its detail
// in the shared Table, and the export dialog's job, which writes across frames and downloads the
// very bytes window.vsys's export_report answers.
#include <doctest/doctest.h>

#include "imgui_internal.h"  // FindWindowByName: whether a tooltip is up
#include "reports/reservations_fixture.hpp"
#include "sync/crypto.hpp"
#include "ui/reports/reports_ui.hpp"
#include "sync/keys.hpp"
#include "ui/widgets/clip_record.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

using vsys::test::UiFixture;

TEST_CASE("a municipality opens R313 from its folder, shows the detail and exports it as CP932 through the dialog") {
    UiFixture f(1366, 768, true);  // the kiosk's history, which R313's documents come with
    f.frames(3);
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    f.shell.go("reports");
    f.frames(3);
    CHECK(f.anchored("reports.folder.R3"));
    CHECK(f.anchored("reports.folder.R5"));  // R505 of its sites
    CHECK(!f.anchored("reports.folder.R2"));
    REQUIRE(f.click("reports.open.R313"));
    CHECK(f.shell.param() == "R313");
    CHECK(f.anchored("reports.count"));
    CHECK(f.anchored("reports.chart"));
    CHECK(!f.anchored("reports.table"));
    REQUIRE(f.click("reports.detail"));
    CHECK(f.anchored("reports.table.row.0"));

    REQUIRE(f.click("reports.export"));
    REQUIRE(f.click("reports.export.format.csv-cp932"));
    REQUIRE(f.click("reports.export.run"));
    for (int i = 0; i < 200 && f.host.downloads.empty(); ++i) f.frames(1);
    REQUIRE(f.host.downloads.size() == 1);
    CHECK(f.host.downloads[0] == "R313_千代田区_2022-02-01_SJIS.csv");
    auto api = f.run({{"type", "export_report"}, {"report", "R313"}, {"format", "csv-cp932"}});
    REQUIRE(api["ok"] == true);
    CHECK(vsys::crypto::to_base64(f.host.last_download) == api["data_base64"]);
    CHECK(!f.anchored("reports.export.run"));  // the dialog closed

    // Back to the list: the route without a report.
    REQUIRE(f.click("reports.back"));
    CHECK(f.shell.param().empty());
    CHECK(f.anchored("reports.open.R313"));
}

TEST_CASE("an export can be cancelled while it runs, and nothing is downloaded") {
    UiFixture f(1024, 600);
    f.frames(3);
    REQUIRE(f.login("VN000000"));
    f.shell.go("reports", "R101");
    f.frames(3);
    REQUIRE(f.anchored("reports.export"));
    REQUIRE(f.click("reports.export"));
    REQUIRE(f.click("reports.export.format.xlsx"));
    // Press 実行 and, two frames later, キャンセル (the R101 of the whole country takes many frames).
    const auto run = f.shell.anchors().at("reports.export.run");
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(run.x + run.w / 2, run.y + run.h / 2);
    f.frames(1);
    io.MouseDown[0] = true;
    f.frames(1);
    io.MouseDown[0] = false;
    f.frames(2);  // the frame that starts the job, then its first slice
    REQUIRE(f.anchored("reports.export.cancel"));  // 22,000 rows: at most 4,000 a frame
    CHECK(f.anchored("reports.export.progress"));
    REQUIRE(f.click("reports.export.cancel"));
    f.frames(5);
    CHECK(f.host.downloads.empty());
}

TEST_CASE("the export dialog closes on Esc, and does not follow the user to another report") {
    UiFixture f(1366, 768);
    f.frames(3);
    REQUIRE(f.login("VM131016"));
    f.shell.go("reports", "R313");
    f.frames(3);
    REQUIRE(f.click("reports.export"));
    REQUIRE(f.anchored("reports.export.run"));
    f.press(UiFixture::Key::escape);
    f.frames(3);
    CHECK(!f.anchored("reports.export.run"));
    REQUIRE(f.click("reports.export"));  // and it opens again
    REQUIRE(f.anchored("reports.export.run"));
    f.shell.go("reports", "R304");  // the browser's Back or a link while it is open
    f.frames(3);
    CHECK(f.anchored("reports.count"));
    CHECK(!f.anchored("reports.export.run"));
    REQUIRE(f.click("reports.export"));
    CHECK(f.anchored("reports.export.run"));
}

TEST_CASE("a report is run once per question and revision of the App, and keeps the defaults it filled in when the documents change") {
    UiFixture f(1366, 768);
    f.frames(3);
    REQUIRE(f.login("VM131016"));
    f.shell.go("reports", "R301");
    f.frames(3);
    REQUIRE(f.anchored("reports.count"));
    const vsys::ui::ReportScreen& s = f.shell.state<vsys::ui::ReportScreen>();
    CHECK(s.report.loads() == 1);
    f.frames(5);
    CHECK(s.report.loads() == 1);  // frames read the kept run
    REQUIRE(s.run());
    const vsys::ReportQuery filled = s.run()->query;
    CHECK(!filled.round.empty());  // the latest round, filled in
    // A change of the documents runs it again, once, for the round it showed.
    REQUIRE(f.run({{"type", "update_settings"}, {"device_name", "受付1"}})["ok"] == true);
    f.frames(5);
    CHECK(s.report.loads() == 2);
    CHECK(s.question.query == filled);
    CHECK(s.run()->query == filled);
}

TEST_CASE("an R505 export through the dialog is recorded as a document of the municipality before its file is offered") {
    UiFixture f(1366, 768, true);  // the kiosk's history: 千代田区's sites' reservation lists
    f.frames(3);
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    auto records = [&f]() {
        std::vector<const vsys::DocumentVersion*> out;
        for (const auto& key : f.app.store().keys())
            if (const auto* d = f.app.store().current(key); d && d->kind == "report_export") out.push_back(d);
        return out;
    };
    REQUIRE(records().empty());
    f.shell.go("reports", "R505");
    f.frames(3);
    REQUIRE(f.click("reports.export"));
    REQUIRE(f.click("reports.export.format.csv"));
    REQUIRE(f.click("reports.export.run"));
    for (int i = 0; i < 200 && f.host.downloads.empty(); ++i) f.frames(1);
    REQUIRE(f.host.downloads.size() == 1);
    REQUIRE(records().size() == 1);
    const vsys::DocumentVersion& record = *records().front();
    CHECK(record.owner == "muni:131016");
    CHECK(record.body["report"] == "R505");
    CHECK(record.body["format"] == "csv");
    CHECK(record.body["file_name"] == f.host.downloads[0]);
    CHECK(record.body["rows"].get<std::int64_t>() > 0);
}

TEST_CASE("R505 says how many lists meant for the viewer this device cannot open yet, instead of looking complete") {
    UiFixture f(1366, 768);
    f.frames(3);
    const vsys::Site& site = f.site_in("131016");
    REQUIRE(f.login(vsys::test::site_account(site)));
    const vsys::DocumentVersion v = vsys::test::sealed_reservation_list(site, {vsys::sync::generate_key_pair().public_hex});
    CHECK(f.app.receive_verified({&v}) == 0);
    f.shell.go("reports", "R505");
    f.frames(4);
    const std::string text = f.frame_text();
    CHECK(text.find("1 件の一覧は暗号化されていて、この端末ではまだ開けません") != std::string::npos);
}

TEST_CASE("an empty report says why on its page: nothing in its scope on this device yet") {
    UiFixture f(1366, 768);
    f.frames(3);
    REQUIRE(f.run({{"type", "update_settings"}, {"language", "en"}})["ok"] == true);
    REQUIRE(f.login("VM131016"));
    f.shell.go("reports", "R304");  // no claim on this device
    f.frames(3);
    CHECK(f.anchored("reports.empty"));
    CHECK(!f.anchored("reports.clear_filters"));
    CHECK(f.frame_text().find("This device holds nothing in this report's scope yet") != std::string::npos);
}

TEST_CASE("where the filters exclude every row the report says so and a button clears them") {
    UiFixture f(1366, 768, true);  // the kiosk's history: R313 has rows
    f.frames(3);
    REQUIRE(f.run({{"type", "kiosk_switch"}, {"vsys_id", "VM131016"}})["ok"] == true);
    REQUIRE(f.run({{"type", "update_settings"}, {"language", "en"}})["ok"] == true);
    f.shell.go("reports", "R313");
    f.frames(3);
    CHECK(!f.anchored("reports.empty"));
    vsys::ui::ReportScreen& s = f.shell.state<vsys::ui::ReportScreen>();
    s.question.query.month = "2022-06";  // a month chosen earlier, with no forms
    f.frames(3);
    REQUIRE(s.run());
    CHECK(s.run()->result.table.rows.empty());
    CHECK(f.anchored("reports.empty"));
    CHECK(f.frame_text().find("none matches the chosen filters (Month 2022/06)") != std::string::npos);
    REQUIRE(f.click("reports.clear_filters"));
    f.frames(2);
    CHECK(s.question.query.month.empty());
    REQUIRE(s.run());
    CHECK(!s.run()->result.table.rows.empty());
    CHECK(!f.anchored("reports.empty"));
}

namespace {

// Where the last frame drew a popup or modal past the screen (the clip record's entries for it).
std::string clipped_list(const UiFixture& f) {
    std::string out;
    for (const auto& c : f.shell.clipped()) out += c.where + ": " + c.text + "\n";
    return out;
}

}  // namespace

// 290 px stands for a phone's 390 px: the test font draws English about 0.75 times as wide as the
// app's (tests/ui/test_overflow.cpp).
TEST_CASE("the export dialog fits a phone for each format, the CP932 list of unencodable characters shown") {
    UiFixture f(290, 844);
    f.frames(3);
    REQUIRE(f.run({{"type", "update_settings"}, {"language", "en"}})["ok"] == true);
    REQUIRE(f.login("VM131016"));
    f.shell.go("reports", "R313");
    f.frames(3);
    REQUIRE(f.click("reports.export"));
    vsys::ui::ReportScreen& s = f.shell.state<vsys::ui::ReportScreen>();
    for (const std::string format : {"csv", "csv-cp932", "xlsx"}) {
        CAPTURE(format);
        REQUIRE(f.click("reports.export.format." + format));
        if (format == "csv-cp932") {
            // Characters CP932 cannot hold, in a long column's name (the demo's names have none).
            s.exporting.cp932_preview = std::vector<vsys::Unencodable>{
                {12, 4, "\xF0\x9F\x98\x80", "\xE3\x80\x93", false}, {1, 2, "\xC2\xA5", "\\", true}};
            f.frames(3);
            CHECK(f.anchored("reports.export.unencodable"));
        }
        f.frames(2);
        CHECK(f.anchored("reports.export.run"));
        CHECK(f.anchored("reports.export.close"));
        const std::string clipped = clipped_list(f);
        CHECK_MESSAGE(clipped.empty(), clipped);
        // ImGui keeps a modal inside the screen by cutting what it holds, which the clip record
        // does not see: the dialog's own content must end inside its visible edge.
        const ImGuiWindow* dialog = ImGui::FindWindowByName("##report_export");
        REQUIRE(dialog);
        CHECK(dialog->Pos.x >= 0);
        CHECK(dialog->Pos.x + dialog->Size.x <= 290);
        CHECK_MESSAGE(dialog->DC.CursorMaxPos.x <= dialog->InnerClipRect.Max.x + 0.5f,
                      (dialog->DC.CursorMaxPos.x - dialog->InnerClipRect.Max.x) << " px past the dialog's edge");
        for (const char* a : {"reports.export.run", "reports.export.close", "reports.export.format.csv-cp932"}) {
            const auto r = f.shell.anchors().at(a);
            CHECK_MESSAGE(r.x + r.w <= 290, a);
            CHECK(r.x >= 0);
        }
    }
}

TEST_CASE("a chart's long names are read whole, over their bars, on a phone and on a clinic PC alike") {
    UiFixture f(1366, 768);
    f.frames(3);
    vsys::ReportResult result;
    result.chart_series = {"Requested"};
    const std::string long_name = "Medical Corporation Foundation of the Very Long Name Clinic for Internal Medicine and Paediatrics (1310000011)";
    result.bars = {{long_name, {120}}, {"Short", {40}}};
    vsys::ui::ClipRecord record;
    vsys::ui::set_clip_record(&record);
    std::string text;  // what the chart drew as text (ImGui's log)
    auto frame = [&](float width) {
        record.begin_frame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(width, 600));
        ImGui::Begin("chart", nullptr, ImGuiWindowFlags_NoDecoration);
        f.logged.clear();
        ImGui::LogToClipboard();
        vsys::ui::report_chart(f.shell, result);
        ImGui::LogFinish();
        ImGui::End();
        record.end_frame();
        ImGui::Render();
        text = f.logged;
    };
    auto clipped = [&] {
        std::string out;
        for (const auto& c : record.last()) out += c.where + ": " + c.text + "\n";
        return out;
    };
    // The long name on lines of its own over its bar, whole, nothing cut: a phone, a 768 px
    // tablet (R311 cut a site's name there) and a clinic PC.
    for (float width : {290.0f, 768.0f, 1000.0f}) {
        CAPTURE(width);
        frame(width);
        frame(width);
        CHECK_MESSAGE(record.last().empty(), clipped());
        std::string joined;  // wrapped lines joined again
        for (char c : text) joined += c == '\n' ? ' ' : c;
        CHECK(joined.find(long_name) != std::string::npos);
    }
    vsys::ui::set_clip_record(nullptr);
}

TEST_SUITE_END();
