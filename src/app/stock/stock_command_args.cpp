// What the stock commands share (stock_command_args.hpp).
#include "app/stock/stock_command_args.hpp"

#include "app/base/app.hpp"
#include "app/site/site_app.hpp"
#include "app/stock/stock_dates.hpp"
#include "core/base/text.hpp"
#include "sync/utc_time.hpp"

namespace vsys::stock_args {

using nlohmann::json;

Result<Date> event_date(App& app, const std::optional<std::string>& text) {
    const Date today = stock_today(app);
    if (!text) return today;
    auto d = parse_iso_date(*text);
    if (!d) return Error{"stock.date", "the date is not a date", {{"date", input::excerpt(*text)}}};
    if (*d > today) return Error{"stock.future_date", "the date is after today", {{"date", to_iso(*d)}}};
    if (*d < k_first_stock_day) return Error{"stock.date_range", "the date is before the programme", {{"date", to_iso(*d)}}};
    return *d;
}

Result<VaccineProduct> product_arg(const std::string& text) {
    auto p = parse_vaccine_product(text);
    if (!p) return Error{"stock.product", "unknown product", {{"product", input::excerpt(text)}}};
    return *p;
}

Status text_arg(const std::string& text, std::size_t max_chars, const char* label) {
    if (!text::valid_utf8(text)) return Error{"text.utf8", "not UTF-8"};
    const std::size_t n = text::length(text);
    if (n > max_chars)
        return Error{"stock.text_long", "the text is too long",
                     {{"label", label}, {"max", std::to_string(max_chars)}, {"count", std::to_string(n)}}};
    return ok_status();
}

// A fresh document id for an event of `owner`: the day, the time and the device, unique on this
// device and, through the device's key, among the devices of one site.
std::string new_event_id(App& app, const std::string& owner, const char* kind, const Date& date) {
    const std::string day = to_iso(date);
    std::string stamp = sync::format_utc(app.now());  // 2022-01-31T09:00:00Z
    std::string base;
    for (char c : day) if (c != '-') base += c;
    base += '-';
    for (char c : stamp.substr(11, 8)) if (c != ':') base += c;
    base += '-' + app.session().device_public.substr(0, 6);
    std::string id = base;
    for (int n = 2; app.current(owner, kind, id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

Result<SiteArg> site_arg(App& app, const std::string& code) {
    auto site = site_as_it_stands(app, code);
    if (!site) return site.error();
    return SiteArg{*site, site_org_id(*site)};
}

Result<Versions> one_version(App& app, const std::string& owner, const char* kind, const std::string& id, json body) {
    auto v = app.successor(owner, kind, id, std::move(body));
    if (!v) return v.error();
    return Versions{*v};
}

Status check(App& app, const StockEvent& e) {
    return check_stock_event(StockRules::builtin(), stock_world(app).ledger, e, stock_categories(app));
}

Status line_count(std::size_t n, bool needs_one) {
    if (needs_one && n == 0) return Error{"stock.lines_empty", "at least one lot is needed", {{"name", "lines"}}};
    if (n > k_max_stock_lines) return Error{"stock.lines_many", "too many lines", {{"max", std::to_string(k_max_stock_lines)}}};
    return ok_status();
}

}  // namespace vsys::stock_args
