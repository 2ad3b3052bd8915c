// The shared Table: filter, sort, totals and CSV as pure functions, and the widget drawing
// 70,000 rows through the clipper in a headless frame.
#include <doctest/doctest.h>

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

TEST_SUITE_END();
