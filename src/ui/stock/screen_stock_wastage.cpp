// ワクチン廃棄量等の報告: vials of one lot wasted, with a reason from the list kept as data
// (expired, broken, cold-chain failure with its start, end and temperature, the open-vial time
// limit passed, other with a text); doses lost from an opened vial are recorded as doses. The
// lot's balance after it is shown before the user confirms.
#include "app/base/app.hpp"
#include "app/base/i18n.hpp"
#include "app/stock/stock_fields.hpp"
#include "core/base/numbers.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/stock/stock_ui.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

struct WastageScreen {
    SiteStock stock;
    std::string product, lot, reason, text, from, to, temperature, date;
    std::int64_t vials = 0;
    std::int64_t doses = 0;
    bool confirm = false;
    std::string error;
};

}  // namespace

void draw_stock_wastage(Shell& shell) {
    WastageScreen& s = shell.state<WastageScreen>();
    bool proxy = false;
    std::string code;
    const StockSiteView* v = stock_screen_top(shell, "stock_wastage", s.stock, code, proxy);
    if (!v) return;
    const auto products = product_choices(shell, *v);
    if (s.product.empty() && !products.empty()) s.product = products.front().id;
    if (choice_combo(shell, "stock.wastage.product", shell.tr("stock.label.product"), products, s.product)) s.lot.clear();
    const auto product = parse_vaccine_product(s.product);
    if (!product) return;
    const auto lots = lot_choices(shell, *v, *product);
    if (lots.empty()) {
        help_text(shell.tr("stock.wastage.no_stock"));
        return;
    }
    choice_combo(shell, "stock.wastage.lot", shell.tr("stock.label.lot"), lots, s.lot, 520);
    form_label(shell.tr("stock.label.wasted_vials"));
    number_field(shell, "stock.wastage.vials", s.vials, {"stock.label.wasted_vials", 0, k_max_transfer_vials}, 120,
                 MessagePlace::beside, shell.tr("unit.vial"));
    form_label(shell.tr("stock.label.doses"));
    number_field(shell, "stock.wastage.doses", s.doses, stock_fields::doses_rule(), 120, MessagePlace::beside,
                 shell.tr("unit.dose"));
    help_text(shell.tr("stock.wastage.doses_help"));
    const auto reasons = stock_reasons(shell.app(), ReasonList::wastage);
    choice_combo(shell, "stock.wastage.reason", shell.tr("stock.label.reason"), reasons, s.reason);
    const ReasonNeeds needs = reason_needs(reasons, s.reason);
    bool incomplete = s.lot.empty() || s.reason.empty() || (s.vials == 0 && s.doses == 0);
    if (needs == ReasonNeeds::text) {
        form_label(shell.tr("stock.label.text"));
        text_field(shell, "stock.wastage.text", s.text, "stock.label.text", stock_fields::reason_text, 360);
        incomplete |= s.text.empty();
    }
    if (needs == ReasonNeeds::excursion) {
        help_text(shell.tr("stock.wastage.excursion_help"));
        form_label(shell.tr("stock.label.excursion_from"));
        text_field(shell, "stock.wastage.from", s.from, "stock.label.excursion_from", stock_fields::excursion_time, 180,
                   "2022-01-31T09:00");
        form_label(shell.tr("stock.label.excursion_to"));
        text_field(shell, "stock.wastage.to", s.to, "stock.label.excursion_to", stock_fields::excursion_time, 180,
                   "2022-01-31T11:30");
        form_label(shell.tr("stock.label.temperature"));
        text_field(shell, "stock.wastage.temperature", s.temperature, "stock.label.temperature", 8, 100, "-12.5");
        ImGui::SameLine();
        ImGui::TextUnformatted("℃");
        incomplete |= s.from.empty() || s.to.empty() || s.temperature.empty();
    }
    date_field(shell, "stock.wastage.date", s.date, v->today);
    field_message(s.error, true);
    const bool invalid = fields_invalid(shell) || incomplete;
    ImGui::BeginDisabled(invalid);
    if (ImGui::Button(shell.tr("stock.wastage.save").c_str())) s.confirm = true, s.error.clear();
    ImGui::EndDisabled();
    if (invalid) disabled_reason(shell.tr(incomplete ? "stock.wastage.incomplete" : "stock.fix_fields"));
    shell.anchor("stock.wastage.save");
    if (!s.lot.empty() || s.vials || s.doses) shell.mark_unsaved();
    std::string reason_label;
    for (const auto& r : reasons)
        if (r.id == s.reason) reason_label = r.label;
    const std::string text = fill_placeholders(shell.tr("stock.wastage.confirm"),
                                               {{"product", product_label(shell, *product)},
                                                {"lot", s.lot},
                                                {"vials", format_grouped(s.vials)},
                                                {"doses", format_grouped(s.doses)},
                                                {"reason", reason_label},
                                                {"date", shell.date_text(s.date)}});
    if (confirm(
            shell, s.confirm,
            {.anchor = "stock.wastage.confirm", .question = text, .confirm_label = shell.tr("stock.wastage.send")})) {
        RecordWastage cmd{code, s.product, s.lot, s.vials, s.doses, s.reason, {}, {}, {}, {}, s.date};
        if (needs == ReasonNeeds::text) cmd.text = s.text;
        if (needs == ReasonNeeds::excursion) {
            cmd.excursion_from = s.from;
            cmd.excursion_to = s.to;
            cmd.temperature = s.temperature;
        }
        s.error = shell.run(cmd, "stock.wastage.saved");
        if (s.error.empty()) {
            const std::string keep_product = s.product;
            s = WastageScreen{};
            s.product = keep_product;
        }
    }
}

}  // namespace vsys::ui
