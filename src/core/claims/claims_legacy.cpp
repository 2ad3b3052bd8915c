#include "core/claims/claims_legacy.hpp"

#include <algorithm>
#include <tuple>

#include "core/claims/claims_csv.hpp"
#include "core/base/org_role.hpp"
#include "core/claims/claims_rules.hpp"

namespace vsys {

using nlohmann::json;

namespace {

Error legacy_error(std::size_t index, const std::string& reason) {
    return Error("claims.legacy_malformed", "legacy count " + std::to_string(index) + ": " + reason,
                 {{"index", std::to_string(index)}, {"reason", reason}});
}

template <class Order>
LegacyView view(std::span<const LegacyTicketFormCount> counts, std::string_view code,
                std::string LegacyTicketFormCount::*key, Order order) {
    LegacyView v;
    v.code = std::string(code);
    for (const auto& c : counts)
        if (c.*key == code) {
            v.rows.push_back(c);
            v.total += c.count;  // bounded: at most k_max_count per entry
        }
    std::sort(v.rows.begin(), v.rows.end(), order);
    return v;
}

}  // namespace

Result<std::vector<LegacyTicketFormCount>> legacy_counts_from_json(const json& j) {
    if (!j.is_array()) return legacy_error(0, "expected an array");
    std::vector<LegacyTicketFormCount> out;
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
        const json& e = j[i];
        if (!e.is_object()) return legacy_error(i, "expected an object");
        auto site = e.find("site");
        auto muni = e.find("municipality");
        auto month = e.find("month");
        auto count = e.find("count");
        if (site == e.end() || !site->is_string() || muni == e.end() || !muni->is_string() || month == e.end() ||
            !month->is_string() || count == e.end() || !count->is_number_integer())
            return legacy_error(i, "expected site, municipality and month strings and an integer count");
        LegacyTicketFormCount c;
        c.site = site->get<std::string>();
        c.municipality = muni->get<std::string>();
        if (c.site.size() != 10 || !std::all_of(c.site.begin(), c.site.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            return legacy_error(i, "the site code must be 10 digits");
        if (!check_municipality(c.municipality, "municipality")) return legacy_error(i, "unknown municipality " + c.municipality);
        auto ym = parse_year_month(month->get<std::string>());
        if (!ym) return legacy_error(i, "the month must be YYYY-MM");
        c.month = *ym;
        if (count->is_number_unsigned() ? count->get<std::uint64_t>() > static_cast<std::uint64_t>(k_max_count)
                                        : (count->get<std::int64_t>() < 0 || count->get<std::int64_t>() > k_max_count))
            return legacy_error(i, "the count must be between 0 and " + std::to_string(k_max_count));
        c.count = count->get<std::int64_t>();
        out.push_back(std::move(c));
    }
    std::vector<std::tuple<std::string_view, std::string_view, YearMonth>> keys;
    for (const auto& c : out) keys.emplace_back(c.site, c.municipality, c.month);
    std::sort(keys.begin(), keys.end());
    if (std::adjacent_find(keys.begin(), keys.end()) != keys.end())
        return legacy_error(out.size(), "two counts for the same site, municipality and month");
    return out;
}

json to_json(std::span<const LegacyTicketFormCount> counts) {
    json out = json::array();
    for (const auto& c : counts)
        out.push_back({{"site", c.site}, {"municipality", c.municipality}, {"month", to_iso(c.month)}, {"count", c.count}});
    return out;
}

Result<std::vector<LegacyTicketFormCount>> ticket_forms_from_document(std::string_view owner, std::string_view id,
                                                                      const json& body) {
    OrgRole role;
    if (!role_of_org(owner, role) || (role != OrgRole::site && role != OrgRole::venue))
        return legacy_error(0, "the owner must be a site or a venue");
    auto month = parse_year_month(id);
    if (!month) return legacy_error(0, "the id must be the month, YYYY-MM");
    if (k_last_ticket_form_month < *month) return legacy_error(0, "the column ended after " + to_iso(k_last_ticket_form_month));
    if (!body.is_object() || body.size() != 1 || !body.contains("counts") || !body["counts"].is_array())
        return legacy_error(0, "the body must be {\"counts\": [...]} and nothing else");
    // Each count as a full legacy entry, so one parser checks codes, bounds and duplicates.
    const std::string site(owner.substr(owner.find(':') + 1));
    json entries = json::array();
    const json& counts = body["counts"];
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const json& c = counts[i];
        if (!c.is_object() || c.size() != 2 || !c.contains("municipality") || !c.contains("count"))
            return legacy_error(i, "expected {municipality, count} and nothing else");
        entries.push_back({{"site", site}, {"municipality", c["municipality"]}, {"month", std::string(id)}, {"count", c["count"]}});
    }
    return legacy_counts_from_json(entries);
}

json ticket_forms_body(std::span<const LegacyTicketFormCount> counts) {
    json out = json::array();
    for (const auto& c : counts) out.push_back({{"municipality", c.municipality}, {"count", c.count}});
    return {{"counts", std::move(out)}};
}

LegacyView legacy_view_for_site(std::span<const LegacyTicketFormCount> counts, std::string_view site) {
    return view(counts, site, &LegacyTicketFormCount::site, [](const auto& a, const auto& b) {
        return std::tie(a.month, a.municipality) < std::tie(b.month, b.municipality);
    });
}

LegacyView legacy_view_for_municipality(std::span<const LegacyTicketFormCount> counts, std::string_view municipality) {
    return view(counts, municipality, &LegacyTicketFormCount::municipality,
                [](const auto& a, const auto& b) { return std::tie(a.month, a.site) < std::tie(b.month, b.site); });
}

std::string legacy_view_csv(const LegacyView& v) {
    std::string out = csv_line({"接種年月", "医療機関コード", "市区町村コード", "市区町村名", "接種券付き予診票"});
    for (const auto& r : v.rows)
        out += csv_line({to_iso(r.month), r.site, r.municipality, municipality_name(r.municipality), std::to_string(r.count)});
    return out + csv_line({"合計", "", "", "", std::to_string(v.total)});
}

}  // namespace vsys
