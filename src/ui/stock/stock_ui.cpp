#include "ui/stock/stock_ui.hpp"

#include <algorithm>
#include <set>

#include "app/base/app.hpp"
#include "app/base/i18n.hpp"
#include "app/stock/stock_dates.hpp"
#include "core/base/numbers.hpp"
#include "ui/site/proxy_site_picker.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/date_fields.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

std::string stock_site_code(Shell& shell, const char* screen, bool& proxy) {
    const std::string& org = shell.app().session().org;
    const auto colon = org.find(':');
    const std::string prefix = org.substr(0, colon == std::string::npos ? 0 : colon);
    proxy = false;
    if (prefix == "site" || prefix == "venue") return org.substr(colon + 1);
    if (prefix == "muni") {
        proxy = true;
        if (shell.param().empty()) proxy_site_picker(shell, screen, std::string(screen) + ".proxy", "stock.proxy.help");
        return shell.param();
    }
    field_message(shell.tr("stock.site_only"), true);
    return {};
}

const StockSiteView* stock_screen_top(Shell& shell, const char* screen, SiteStock& stock, std::string& code, bool& proxy) {
    screen_title(shell.tr(std::string("screen.") + screen));
    code = stock_site_code(shell, screen, proxy);
    if (code.empty()) return nullptr;
    const StockSiteView* v = stock.get(shell.app(), StockSiteQuery{code});
    if (!v) {
        field_message(stock.error(), true);
        return nullptr;
    }
    stock_site_header(shell, *v, proxy);
    return v;
}

void stock_site_header(Shell& shell, const StockSiteView& v, bool proxy) {
    text_wrapped(v.name + "（" + v.code + "）");
    shell.anchor("stock.site");
    if (proxy) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::pending);
        text_wrapped(shell.tr("stock.proxy.note"));
        ImGui::PopStyleColor();
        shell.anchor("stock.proxy.note");
    }
    const float width = ImGui::GetContentRegionAvail().x;
    if (v.purge_notice) {
        notice(fill_placeholders(shell.tr("stock.purge.notice"), {{"time", shell.time_text(v.purge_cutoff)}}), width);
        shell.anchor("stock.purge.notice");
        if (wrapped_button(shell.tr("stock.purge.export"), true)) shell.go("reports", proxy ? "R311" : "R511");
        shell.anchor("stock.purge.export");
    } else if (v.purge_active && !v.purged.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
        text_wrapped(fill_placeholders(shell.tr("stock.purge.done"), {{"time", shell.time_text(v.purge_cutoff)}}));
        ImGui::PopStyleColor();
        shell.anchor("stock.purge.done");
    }
    if (v.conflicts > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::error);
        text_wrapped(fill_placeholders(shell.tr("stock.conflict.notice"), {{"n", std::to_string(v.conflicts)}}));
        ImGui::PopStyleColor();
        shell.anchor("stock.conflict.notice");
    }
}

std::string product_label(Shell& shell, VaccineProduct p) { return shell.tr(std::string("product.") + vaccine_product_id(p)); }

std::string date_label(Shell& shell, const Date& d) { return shell.date_text(to_iso(d)); }

bool choice_combo(Shell& shell, const std::string& anchor, const std::string& label, const std::vector<StockChoice>& choices,
                  std::string& value, float width) {
    std::string shown = shell.tr("stock.choose");
    for (const auto& c : choices)
        if (c.id == value) shown = c.label;
    form_label(label);
    under_label_if_narrow(std::min(width, combo_width(shown)));
    bool changed = false;
    // Wider than the line (a lot with its vials and expiry on a phone), the choice wraps beside
    // the arrow that opens the list (begin_combo).
    field_width(width);
    const bool open = begin_combo("##" + anchor, shown, anchor);
    if (open) {
        for (const auto& c : choices) {
            if (combo_choice(c.label + "##" + c.id, c.id == value)) value = c.id, changed = true;
            shell.anchor(anchor + "." + c.id);  // each choice, for the tours: <anchor>.<id>
        }
        ImGui::EndCombo();
    }
    shell.anchor(anchor);
    return changed;
}

void date_field(Shell& shell, const std::string& anchor, std::string& text, const Date& today) {
    if (text.empty()) text = to_iso(today);
    form_label(shell.tr("stock.label.date"));
    ui::date_field(shell, anchor, text, stock_event_dates(today), today);
}

std::vector<StockChoice> lot_choices(Shell& shell, const StockSiteView& v, std::optional<VaccineProduct> product) {
    std::vector<StockChoice> out;
    for (const auto& l : v.lots) {
        if (product && l.lot->product != *product) continue;
        if (l.lot->on_hand <= 0) continue;
        std::string label = l.lot->lot + "  " + format_grouped(l.lot->on_hand) + shell.tr("unit.vial");
        if (l.lot->expiry)
            label += "  " + fill_placeholders(shell.tr(l.days_left < 0 ? "stock.lot.expired" : "stock.lot.expiry"),
                                              {{"date", date_label(shell, l.effective_expiry)}});
        out.push_back({l.lot->lot, label});
    }
    return out;
}

std::vector<StockChoice> product_choices(Shell& shell, const StockSiteView& v) {
    std::vector<StockChoice> out;
    std::set<int> seen;
    auto add = [&](VaccineProduct p) {
        if (seen.insert(static_cast<int>(p)).second) out.push_back({vaccine_product_id(p), product_label(shell, p)});
    };
    for (const auto& l : v.lots)
        if (l.lot->on_hand > 0) add(l.lot->product);
    for (int i = 0; i < VaccineCategories::size; ++i)
        if (v.categories.has(static_cast<VaccineCategory>(i))) add(product_of(static_cast<VaccineCategory>(i)));
    return out;
}

void help_text(const std::string& text) { muted_text(text); }

ReasonNeeds reason_needs(const std::vector<StockChoice>& choices, const std::string& id) {
    for (const auto& c : choices)
        if (c.id == id) return c.needs;
    return ReasonNeeds::nothing;
}

}  // namespace vsys::ui
