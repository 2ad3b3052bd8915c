// The shared Table: filter, sort, totals and CSV as pure functions, and the widget drawing
// 70,000 rows through the clipper in a headless frame.
#include <doctest/doctest.h>

#include "imgui_internal.h"  // the table's own record: frozen columns, sideways scrolling, column rectangles
#include "ui/widgets/clip_record.hpp"
#include "ui/widgets/table.hpp"
#include "ui_fixture.hpp"

TEST_SUITE_BEGIN("ui");

namespace {

using namespace vsys::ui;

TableModel sites(int n) {
    TableModel m;
    m.columns = {{"医療機関", false, "", 0, false}, {"コード", false, "", 120, false}, {"箱数", true, "箱", 120, true}};
    for (int i = 0; i < n; ++i)
        m.rows.push_back({{"Site " + std::to_string(i), 0, false}, {std::to_string(1000000 + i), 0, false},
                          {"", static_cast<std::int64_t>((i * 7919) % 1000), false}});
    return m;
}

}  // namespace

TEST_CASE("a numeric column sorts as numbers, stably, with blanks last in both directions") {
    TableModel m;
    m.columns = {{"name", false, "", 0, false}, {"boxes", true, "", 0, true}};
    m.rows = {{{"a", 0, false}, {"", 10, false}},
              {{"b", 0, false}, {"", 9, false}},
              {{"c", 0, false}, {"", 0, true}},
              {{"d", 0, false}, {"", 100, false}},
              {{"e", 0, false}, {"", 9, false}}};
    CHECK(table_order(m, "", 1, true) == std::vector<int>{1, 4, 0, 3, 2});
    CHECK(table_order(m, "", 1, false) == std::vector<int>{3, 0, 1, 4, 2});
    CHECK(table_order(m, "", -1, true) == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("the filter keeps rows with any cell containing it, ignoring ASCII case, and totals add only those") {
    TableModel m;
    m.columns = {{"name", false, "", 0, false}, {"boxes", true, "箱", 0, true}};
    m.rows = {{{"千代田区 Clinic", 0, false}, {"", 1200, false}},
              {{"港区病院", 0, false}, {"", 30, false}},
              {{"千代田 hospital", 0, false}, {"", 5, false}}};
    CHECK(table_order(m, "千代田", -1, true) == std::vector<int>{0, 2});
    CHECK(table_order(m, "CLINIC", -1, true) == std::vector<int>{0});
    CHECK(table_order(m, "1,200", -1, true) == std::vector<int>{0});  // numbers match as shown
    const auto t = table_totals(m, table_order(m, "千代田", -1, true));
    CHECK_FALSE(t[0].has_value());
    CHECK(t[1] == 1205);
    CHECK(cell_text(m.columns[1], m.rows[0][1]) == "1,200 箱");
    CHECK(cell_text(m.columns[1], TableCell{"", 0, true}) == "—");
}

TEST_CASE("the CSV export quotes fields, keeps numbers plain, and ends with the totals row") {
    TableModel m;
    m.columns = {{"name", false, "", 0, false}, {"boxes", true, "箱", 0, true}};
    m.rows = {{{"a, \"b\"", 0, false}, {"", 1200, false}}, {{"c", 0, false}, {"", -3, false}}};
    CHECK(table_csv(m, {0, 1}, "合計") == "name,boxes(箱)\r\n\"a, \"\"b\"\"\",1200\r\nc,-3\r\n合計,1197\r\n");
}

TEST_CASE("70,000 rows draw through the clipper: only the visible rows are built, the totals cover all") {
    vsys::test::UiFixture f;
    const TableModel m = sites(70000);
    TableState st;
    for (int frame = 0; frame < 3; ++frame) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1366, 768));
        ImGui::Begin("t");
        draw_table(f.shell, "sites", m, 1, st, {"sites", 0, true, ""});
        ImGui::End();
        ImGui::Render();
    }
    CHECK(st.order.size() == 70000);
    std::int64_t sum = 0;
    for (const auto& r : m.rows) sum += r[2].number;
    CHECK(st.totals[2] == sum);
    // A few dozen visible rows of three cells, not 70,000: the draw data stays small.
    CHECK(ImGui::GetDrawData()->TotalVtxCount < 60000);
    std::snprintf(st.filter, sizeof st.filter, "%s", "Site 6999");
    ImGui::NewFrame();
    ImGui::Begin("t");
    draw_table(f.shell, "sites", m, 1, st, {"sites", 0, true, ""});
    ImGui::End();
    ImGui::Render();
    CHECK(st.order.size() == 11);  // Site 6999 and Site 69990..69999
}

TEST_CASE("a column in hundredths shows and exports a decimal and sorts by its value") {
    TableModel m;
    m.columns = {{"name"}, {"share", true, "", 0, false, false, 2}};
    m.rows = {{{"a"}, {"", 207086}}, {{"b"}, {"", 5}}};
    CHECK(cell_text(m.columns[1], m.rows[0][1]) == "2,070.86");
    CHECK(cell_text(m.columns[1], m.rows[1][1]) == "0.05");
    CHECK(table_csv(m, {0, 1}, "合計") == "name,share\r\na,2070.86\r\nb,0.05\r\n");
    CHECK(table_order(m, "", 1, true) == std::vector<int>{1, 0});
}

namespace {

// Draws the table alone in a window of the given size for a few frames, recording what it clipped.
struct Drawn {
    vsys::ui::ClipRecord clipped;
    std::vector<int> custom_rows;  // the model rows whose custom cell was drawn, in drawing order
};

void draw_frames(vsys::test::UiFixture& f, const TableModel& m, TableState& st, float w, float h, Drawn& d,
                 int frames = 3, TableOptions o = {"sites", 0, false, ""}) {
    o.draw_cell = [&d](int row, int) {
        d.custom_rows.push_back(row);
        ImGui::SmallButton("x");
    };
    for (int i = 0; i < frames; ++i) {
        d.custom_rows.clear();
        d.clipped.begin_frame();
        set_clip_record(&d.clipped);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(w, h));
        ImGui::Begin("t");
        draw_table(f.shell, "sites", m, 1, st, o);
        ImGui::End();
        ImGui::Render();
        set_clip_record(nullptr);
        d.clipped.end_frame();
    }
}

ImGuiTable* drawn_table() {
    ImGuiWindow* w = ImGui::FindWindowByName("t");
    return w ? ImGui::TableFindByID(ImHashStr("##table", 0, ImHashStr("sites", 0, w->ID))) : nullptr;
}

}  // namespace

TEST_CASE("at phone width a table scrolls sideways with its first column pinned, and no amount, code or name is cut") {
    vsys::test::UiFixture f(390, 844);
    TableModel m = sites(40);
    m.rows[5][2].number = 1234567890;  // a wide amount: its column widens, nothing is cut
    TableState st;
    Drawn d;
    draw_frames(f, m, st, 390, 844, d);
    CHECK(d.clipped.last().empty());
    ImGuiTable* t = drawn_table();
    REQUIRE(t != nullptr);
    CHECK((t->Flags & ImGuiTableFlags_ScrollX) != 0);
    CHECK(t->FreezeColumnsRequest == 1);
    // Each column is as wide as its widest text, header included.
    CHECK(t->Columns[2].WidthGiven >= ImGui::CalcTextSize("1,234,567,890 箱").x);
    CHECK(t->Columns[1].WidthGiven >= ImGui::CalcTextSize("1000039").x);
}

TEST_CASE("a 300-character name is cut with an ellipsis and recorded once with its table and column; a wide screen shows it all the same") {
    vsys::test::UiFixture f(1366, 768);
    TableModel m = sites(10);
    const std::string long_name(300, 'x');
    m.rows[3][0].text = long_name;
    TableState st;
    Drawn d;
    draw_frames(f, m, st, 1366, 768, d);
    REQUIRE(d.clipped.last().size() == 1);
    CHECK(d.clipped.last()[0].text == long_name);
    CHECK(d.clipped.last()[0].where == "sites/医療機関");
}

TEST_CASE("clicking a header sorts by that column; custom cells are drawn for the model rows in the order shown") {
    vsys::test::UiFixture f(1366, 768);
    TableModel m;
    m.columns = {{"name", false, "", 0, false}, {"boxes", true, "", 0, true}, {"", false, "", 60, false, true}};
    m.rows = {{{"a"}, {"", 5}, {}}, {{"b"}, {"", 30}, {}}, {{"c"}, {"", 10}, {}}};
    TableState st;
    Drawn d;
    draw_frames(f, m, st, 1366, 768, d);
    CHECK(d.custom_rows == std::vector<int>{0, 1, 2});
    ImGuiTable* t = drawn_table();
    REQUIRE(t != nullptr);
    // The mouse goes down and up over the "boxes" header, as a user clicks it.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((t->Columns[1].MinX + t->Columns[1].MaxX) / 2, t->OuterRect.Min.y + ImGui::GetFontSize() / 2 + 4);
    draw_frames(f, m, st, 1366, 768, d, 1);
    io.MouseDown[0] = true;
    draw_frames(f, m, st, 1366, 768, d, 1);
    io.MouseDown[0] = false;
    draw_frames(f, m, st, 1366, 768, d, 2);
    CHECK(st.sort_column == 1);
    CHECK_FALSE(st.ascending);  // numbers sort largest first on the first click
    CHECK(d.custom_rows == std::vector<int>{1, 2, 0});
    CHECK(st.totals[1] == 45);
}

TEST_SUITE_END();
