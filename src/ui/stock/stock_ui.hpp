// What the stock screens share (受入, 移送の登録, 廃棄, 在庫量の報告): the site they are for (the
// user's own, or for a municipality the one it chose, 代行入力), the site's typed stock view
// kept per App revision, and the small fields every form of them has (product, lot, a reason
// from a list, a date).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/stock/stock_app.hpp"
#include "app/stock/stock_commands.hpp"
#include "ui/shell/kept_view.hpp"

namespace vsys::ui {

class Shell;

// The site's code these screens work on, or "" after drawing why there is none (for a
// municipality: the picker of its sites, which opens #/<screen>/<code>). `proxy` is set when a
// municipality enters for its site.
std::string stock_site_code(Shell& shell, const char* screen, bool& proxy);

// A site's stock view, asked of the App again only when its revision, the organisation or the
// site changed (and checked for access on the site, as window.vsys's "stock" view).
using SiteStock = KeptView<StockSiteQuery>;

// The top of every site stock screen: its title, the site it is for (or the 代行入力 picker),
// and the site's header; the view, or nullptr after drawing why there is none. `code` and
// `proxy` say which site and whether a municipality enters for it.
const StockSiteView* stock_screen_top(Shell& shell, const char* screen, SiteStock& stock, std::string& code, bool& proxy);

// The site's name and code, "代行入力" when proxy, the purge's notice and any lot in conflict.
void stock_site_header(Shell& shell, const StockSiteView& v, bool proxy);

std::string product_label(Shell& shell, VaccineProduct p);
// "2022/01/31(月)" of a date.
std::string date_label(Shell& shell, const Date& d);
// A combo of choices under a form label; true when the user picked another value. Anchors
// <anchor> and, while open, <anchor>.<id> of each choice.
bool choice_combo(Shell& shell, const std::string& anchor, const std::string& label, const std::vector<StockChoice>& choices,
                  std::string& value, float width = 320);
// The event date under its label (default today): the shared date field within the dates a stock
// command accepts (app/stock/stock_dates.hpp).
void date_field(Shell& shell, const std::string& anchor, std::string& text, const Date& today);
// The lots of a site holding stock of a product (on hand > 0), for a lot combo.
std::vector<StockChoice> lot_choices(Shell& shell, const StockSiteView& v, std::optional<VaccineProduct> product);
// The products the site holds stock of, then the ones it handles.
std::vector<StockChoice> product_choices(Shell& shell, const StockSiteView& v);
// A line of help under a field, muted and wrapped at the window's edge (a phone).
void help_text(const std::string& text);
// What the reason needs, once chosen: free text (other), an excursion (cold_chain).
ReasonNeeds reason_needs(const std::vector<StockChoice>& choices, const std::string& id);

}  // namespace vsys::ui
