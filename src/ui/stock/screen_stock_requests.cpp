// 在庫量の照会: the nation, a prefecture or a municipality asks the sites of its area for their
// stock (products, a due date, a note) and follows who answered: per request the count of sites
// answered, and the sites that have not, in the shared Table. The figures themselves are in
// R212 (prefectures), R311 (municipalities) and R105 (the nation).
#include "app/base/app.hpp"
#include "app/base/i18n.hpp"
#include "app/stock/stock_dates.hpp"
#include "app/stock/stock_fields.hpp"
#include "core/base/numbers.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/stock/stock_ui.hpp"
#include "ui/widgets/date_fields.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

struct RequestsScreen {
    KeptView<StockRequestsQuery> requests;
    // The form
    bool products[3] = {true, false, false};
    std::string due, note;
    bool confirm = false;
    std::string form_error;
    int open = 0;  // the request whose sites are listed
    KeptTable sites;
    std::uint64_t sites_for = ~std::uint64_t{0};
};

const char* report_of(Role role) {
    switch (role) {
        case Role::nation: return "R105";
        case Role::prefecture: return "R212";
        default: return "R311";
    }
}

void request_form(Shell& shell, RequestsScreen& s) {
    section_title(shell.tr("stock.requests.new"));
    form_label(shell.tr("stock.label.products"));
    for (int p = 0; p < 3; ++p) {
        // Side by side while they fit, else one a line; a label too long for the line wraps (a phone).
        const std::string label = product_label(shell, static_cast<VaccineProduct>(p));
        const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x;
        if (p) same_line_if_room(width);
        else under_label_if_narrow(width);
        checkbox(label, &s.products[p]);
        shell.anchor(std::string("stock.requests.product.") + vaccine_product_id(static_cast<VaccineProduct>(p)));
    }
    const Date today = stock_today(shell.app());
    if (s.due.empty()) s.due = to_iso(add_days(today, 7));
    form_label(shell.tr("stock.label.due"));
    date_field(shell, "stock.requests.due", s.due, stock_due_dates(today), today);
    form_label(shell.tr("stock.label.note"));
    text_field(shell, "stock.requests.note", s.note, "stock.label.note", stock_fields::note, 420);
    field_message(s.form_error, true);
    const bool none = !s.products[0] && !s.products[1] && !s.products[2];
    ImGui::BeginDisabled(none || fields_invalid(shell));
    if (wrapped_button(shell.tr("stock.requests.issue"))) s.confirm = true, s.form_error.clear();
    ImGui::EndDisabled();
    if (none) disabled_reason(shell.tr("stock.requests.choose_product"));
    shell.anchor("stock.requests.issue");
    std::string names;
    std::vector<std::string> products;
    for (int p = 0; p < 3; ++p)
        if (s.products[p]) {
            names += (names.empty() ? "" : "、") + product_label(shell, static_cast<VaccineProduct>(p));
            products.push_back(vaccine_product_id(static_cast<VaccineProduct>(p)));
        }
    const std::string text = fill_placeholders(shell.tr("stock.requests.confirm"), {{"products", names}, {"due", shell.date_text(s.due)}});
    if (confirm(
            shell, s.confirm,
            {.anchor = "stock.requests.confirm", .question = text, .confirm_label = shell.tr("stock.requests.send")})) {
        const IssueStockRequest cmd{s.due, products, s.note};
        s.form_error = shell.run(cmd, "stock.requests.issued");
        if (s.form_error.empty()) s.note.clear();
    }
}

void sites_table(Shell& shell, RequestsScreen& s, const RequestProgress& p) {
    KeptTable& t = s.sites;
    const std::uint64_t key = s.requests.loads() * 1000 + static_cast<std::uint64_t>(s.open);
    if (t.stale(key)) {
        t.model.columns = {{shell.tr("stock.col.municipality"), false, "", 0, false},
                           {shell.tr("stock.col.site_code"), false, "", 0, false},
                           {shell.tr("stock.col.site"), false, "", 0, false},
                           {shell.tr("stock.col.answered_on"), false, "", 0, false}};
        for (int q = 0; q < 3; ++q)
            if (p.request->doc.products.has(static_cast<VaccineProduct>(q)))
                t.model.columns.push_back({product_label(shell, static_cast<VaccineProduct>(q)), true, shell.tr("unit.vial"), 0, true});
        t.model.rows.clear();
        for (const auto& row : p.rows) {
            std::vector<TableCell> cells{{row.municipality},
                                         {row.code},
                                         {row.name},
                                         row.answer ? TableCell{date_label(shell, row.answer->date), 0, false, "", CellTone::confirmed}
                                                    : TableCell{shell.tr("stock.state.not_answered"), 0, false, "", CellTone::pending}};
            for (int q = 0; q < 3; ++q) {
                if (!p.request->doc.products.has(static_cast<VaccineProduct>(q))) continue;
                const auto it = row.vials.find(static_cast<VaccineProduct>(q));
                TableCell c{"", it == row.vials.end() ? 0 : it->second};
                c.blank = !row.answer;
                cells.push_back(c);
            }
            t.model.rows.push_back(std::move(cells));
        }
    }
    draw_table(shell, "stock.requests.sites", t.model, t.built, t.state, {"stock.requests.sites", ImGui::GetFontSize() * 20, true, ""});
}

}  // namespace

void draw_stock_requests(Shell& shell) {
    screen_title(shell.tr("screen.stock_requests"));
    RequestsScreen& s = shell.state<RequestsScreen>();
    App& app = shell.app();
    const StockRequestsView* requests = s.requests.get(app, StockRequestsQuery{});
    help_text(shell.tr("stock.requests.help"));
    if (wrapped_button(fill_placeholders(shell.tr("stock.requests.report"), {{"report", report_of(shell.role())}}), true))
        shell.go("reports", report_of(shell.role()));
    shell.anchor("stock.requests.report");
    request_form(shell, s);
    field_message(s.requests.error(), true);
    if (!requests) return;
    section_title(shell.tr("stock.requests.issued_title"));
    if (requests->progress.empty()) {
        help_text(shell.tr("stock.requests.none"));
        return;
    }
    int i = 0;
    for (const auto& p : requests->progress) {
        std::string names;
        for (int q = 0; q < 3; ++q)
            if (p.request->doc.products.has(static_cast<VaccineProduct>(q)))
                names += (names.empty() ? "" : "、") + product_label(shell, static_cast<VaccineProduct>(q));
        const std::string line = fill_placeholders(shell.tr("stock.requests.progress"),
                                                   {{"issued", date_label(shell, p.request->doc.issued)},
                                                    {"due", date_label(shell, p.request->doc.due)},
                                                    {"products", names},
                                                    {"answered", format_grouped(p.answered)},
                                                    {"sites", format_grouped(p.sites)}});
        if (wrapped_selectable("req" + std::to_string(i), line, s.open == i)) s.open = i;
        shell.anchor("stock.requests.open." + std::to_string(i));
        ++i;
    }
    if (s.open >= 0 && static_cast<std::size_t>(s.open) < requests->progress.size()) {
        const auto& p = (requests->progress)[static_cast<std::size_t>(s.open)];
        if (!p.request->doc.note.empty()) help_text(p.request->doc.note);
        sites_table(shell, s, p);
    }
}

}  // namespace vsys::ui
