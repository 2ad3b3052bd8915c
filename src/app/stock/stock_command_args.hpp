// What the stock commands share (cmd_stock.cpp, cmd_stock_count.cpp): reading their arguments
// the same way (dates not after today, products, texts, sites, lines) and writing one version.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/args.hpp"
#include "app/base/command_table.hpp"
#include "app/stock/stock_app.hpp"
#include "core/base/calendar.hpp"
#include "core/directory/site.hpp"

namespace vsys::stock_args {

// The date of an event: today (Japan) when absent; never after today or before the programme.
Result<Date> event_date(App& app, const std::optional<std::string>& text);
Result<VaccineProduct> product_arg(const std::string& text);
// A free text within its limit, counted in characters; `label` names the field.
Status text_arg(const std::string& text, std::size_t max_chars, const char* label);
// A fresh document id for an event of `owner`: the day, the time and the device.
std::string new_event_id(App& app, const std::string& owner, const char* kind, const Date& date);
struct SiteArg {
    Site site;
    std::string org;
};
Result<SiteArg> site_arg(App& app, const std::string& code);
Result<Versions> one_version(App& app, const std::string& owner, const char* kind, const std::string& id,
                             nlohmann::json body);
// The core's check of an event against the device's replay.
Status check(App& app, const StockEvent& e);
// A list of lines is at least one long (where the command says so) and at most the limit.
Status line_count(std::size_t n, bool needs_one);

// The "lines" member: an array of objects, each read by `line` (shapes only; prepare checks).
template <class Line, class ReadLine>
Result<std::vector<Line>> read_lines(const nlohmann::json& args, ReadLine line) {
    const auto it = args.find("lines");
    if (it == args.end()) return Error{"arg.missing", "field 'lines' is missing", {{"name", "lines"}}};
    if (!it->is_array()) return Error{"arg.type", "lines must be an array", {{"name", "lines"}, {"expected", "array"}}};
    if (auto st = line_count(it->size(), false); !st) return st.error();
    std::vector<Line> out;
    for (const auto& l : *it) {
        if (!l.is_object()) return Error{"arg.type", "a line must be an object", {{"name", "lines"}, {"expected", "object"}}};
        ArgReader lr(l, {});
        Line typed = line(lr);
        if (auto e = lr.finish()) return *e;
        out.push_back(std::move(typed));
    }
    return out;
}

}  // namespace vsys::stock_args
