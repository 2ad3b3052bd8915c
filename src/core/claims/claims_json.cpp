#include "core/claims/claims_json.hpp"

#include <limits>
#include <string_view>

#include "core/base/input.hpp"

namespace vsys {

using nlohmann::json;

namespace {

Error malformed(const std::string& field, const std::string& what) {
    return Error("claims.malformed", field + ": " + what, {{"field", field}});
}

Result<std::string> read_string(const json& j, const char* key, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return malformed(where + key, "expected a string");
    return it->get<std::string>();
}

// A JSON integer; absent is 0 when optional. Numbers beyond int64 become int64 max, which
// validation refuses as too large with the stated bound.
Result<std::int64_t> read_count(const json& j, const char* key, const std::string& where, bool optional) {
    auto it = j.find(key);
    if (it == j.end()) {
        if (optional) return std::int64_t{0};
        return malformed(where + key, "missing");
    }
    if (!it->is_number_integer()) return malformed(where + key, "expected a whole number");
    if (it->is_number_unsigned()) {
        auto u = it->get<std::uint64_t>();
        return u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                   ? std::numeric_limits<std::int64_t>::max()
                   : static_cast<std::int64_t>(u);
    }
    return it->get<std::int64_t>();
}

Result<ClaimLine> line_from_json(const json& j, std::size_t index) {
    std::string where = "lines[" + std::to_string(index) + "].";
    if (!j.is_object()) return malformed("lines[" + std::to_string(index) + "]", "expected an object");
    ClaimLine l;
    auto m = read_string(j, "municipality", where);
    if (!m) return m.error();
    l.municipality = *m;
    auto form = j.find("form");
    if (form == j.end() || !form->is_string()) return malformed(where + "form", "expected a string");
    auto f = parse_claim_form(form->get<std::string>());
    if (!f)
        return Error("claims.unknown_form", where + "form: '" + input::excerpt(form->get<std::string>()) +
                                                "' is not old, new or additional",
                     {{"value", input::excerpt(form->get<std::string>())}});
    l.form = *f;
    auto cat = j.find("category");
    if (cat == j.end()) return malformed(where + "category", "missing");
    if (!cat->is_number_integer() || (cat->get<std::int64_t>() != 1 && cat->get<std::int64_t>() != 2))
        return Error("claims.unknown_category", where + "category: " + input::excerpt(cat->dump()) + " is not 1 or 2",
                     {{"value", input::excerpt(cat->dump())}});
    l.category = cat->get<std::int64_t>() == 1 ? RecipientCategory::no_coupon : RecipientCategory::with_coupon;
    struct Field {
        const char* key;
        std::int64_t ClaimCounts::*member;
        bool optional;
    };
    static constexpr Field k_fields[] = {{"normal", &ClaimCounts::normal, false},
                                         {"outside_hours", &ClaimCounts::outside_hours, false},
                                         {"holiday", &ClaimCounts::holiday, false},
                                         {"pre_exam_only", &ClaimCounts::pre_exam_only, false},
                                         {"under_6", &ClaimCounts::under_6, true}};
    for (const auto& fd : k_fields) {
        auto v = read_count(j, fd.key, where, fd.optional);
        if (!v) return v.error();
        l.counts.*fd.member = *v;
    }
    return l;
}

template <std::size_t N>
std::optional<Error> unknown_field(const json& j, const std::string_view (&known)[N], const std::string& where) {
    if (!j.is_object()) return std::nullopt;  // the reader names the wrong type
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool ok = false;
        for (auto k : known) ok = ok || it.key() == k;
        if (!ok) {
            const std::string field = where + input::excerpt(it.key());
            return Error("claims.unknown_field", field + ": unknown field", {{"field", field}});
        }
    }
    return std::nullopt;
}

json counts_json(const ClaimCounts& c) {
    return {{"normal", c.normal},
            {"outside_hours", c.outside_hours},
            {"holiday", c.holiday},
            {"pre_exam_only", c.pre_exam_only},
            {"under_6", c.under_6}};
}

json line_json(const ClaimLine& l) {
    json j = {{"municipality", l.municipality},
              {"form", std::string(claim_form_name(l.form))},
              {"category", static_cast<int>(l.category)}};
    j.update(counts_json(l.counts));
    return j;
}

json row_json(const TotalsRow& r) {
    json j = {{"code", r.code}};
    j.update(counts_json(r.counts));
    j.update(to_json(r.amounts));
    return j;
}

json fees_json(const MonthFees& f) {
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); };
    return {{"vaccination", f.vaccination}, {"pre_exam_only", f.pre_exam_only}, {"outside_hours", opt(f.outside_hours)},
            {"holiday", opt(f.holiday)},   {"under_6", opt(f.under_6)},         {"tax_percent", f.tax_percent}};
}

}  // namespace

Result<SiteClaim> site_claim_from_json(const json& j) {
    if (!j.is_object()) return malformed("claim", "expected a JSON object");
    if (auto s = j.find("schema"); s != j.end() && !(s->is_number_integer() && s->get<std::int64_t>() == k_claim_schema))
        return Error("claims.unsupported_schema", "unsupported claim schema " + input::excerpt(s->dump()),
                     {{"value", input::excerpt(s->dump())}});
    SiteClaim c;
    auto site = read_string(j, "site", "");
    if (!site) return site.error();
    c.site = *site;
    auto sm = read_string(j, "site_municipality", "");
    if (!sm) return sm.error();
    c.site_municipality = *sm;
    auto month = read_string(j, "month", "");
    if (!month) return month.error();
    auto ym = parse_year_month(*month);
    if (!ym) return ym.error();
    c.month = *ym;
    auto lines = j.find("lines");
    if (lines == j.end() || !lines->is_array()) return malformed("lines", "expected an array");
    c.lines.reserve(lines->size());
    for (std::size_t i = 0; i < lines->size(); ++i) {
        auto l = line_from_json((*lines)[i], i);
        if (!l) return l.error();
        c.lines.push_back(std::move(*l));
    }
    return c;
}

json to_json(const SiteClaim& c) {
    json lines = json::array();
    for (const auto& l : c.lines) lines.push_back(line_json(l));
    return {{"schema", k_claim_schema},
            {"site", c.site},
            {"site_municipality", c.site_municipality},
            {"month", to_iso(c.month)},
            {"lines", std::move(lines)}};
}

Result<ClaimRequest> claim_request_from_json(const json& j) {
    // A request is typed by hand: a misspelt field (under6) is refused, never ignored, as the
    // app's save_claim does. Stored bodies (site_claim_from_json) may carry more members.
    static constexpr std::string_view k_request_fields[] = {"schema", "site",  "site_municipality", "month",
                                                            "lines",  "today", "commissioned"};
    static constexpr std::string_view k_line_fields[] = {"municipality", "form",    "category",      "normal",
                                                         "outside_hours", "holiday", "pre_exam_only", "under_6"};
    if (auto e = unknown_field(j, k_request_fields, "")) return *e;
    if (auto lines = j.find("lines"); j.is_object() && lines != j.end() && lines->is_array())
        for (std::size_t i = 0; i < lines->size(); ++i)
            if (auto e = unknown_field((*lines)[i], k_line_fields, "lines[" + std::to_string(i) + "].")) return *e;
    auto c = site_claim_from_json(j);
    if (!c) return c.error();
    ClaimRequest r;
    r.claim = std::move(*c);
    if (auto t = j.find("today"); t != j.end()) {
        if (!t->is_string()) return malformed("today", "expected a date YYYY-MM-DD");
        auto d = parse_iso_date(t->get<std::string>());
        if (!d) return d.error();
        r.today = *d;
    }
    if (auto cm = j.find("commissioned"); cm != j.end()) {
        if (!cm->is_array()) return malformed("commissioned", "expected an array of municipality codes");
        for (const auto& code : *cm) {
            if (!code.is_string()) return malformed("commissioned", "expected an array of municipality codes");
            r.routing.commissioned.push_back(code.get<std::string>());
        }
    }
    return r;
}

json to_json(const Amounts& a) {
    return {{"amount_before_tax", a.amount_before_tax}, {"tax", a.tax}, {"amount", a.amount}};
}

json to_json(const ComputedClaim& c) {
    json lines = json::array();
    for (const auto& l : c.lines) {
        json j = line_json(l.line);
        j["payer"] = l.payer.str();
        j.update(to_json(l.amounts));
        lines.push_back(std::move(j));
    }
    return {{"site", c.site},
            {"site_municipality", c.site_municipality},
            {"prefecture", c.prefecture},
            {"month", to_iso(c.month)},
            {"deadline", to_iso(c.deadline)},
            {"fees", fees_json(c.fees)},
            {"lines", std::move(lines)},
            {"total", to_json(c.total)}};
}

json to_json(const MunicipalityClaim& m) {
    json lines = json::array();
    for (const auto& l : m.lines) {
        json j = {{"form", std::string(claim_form_name(l.form))}, {"category", static_cast<int>(l.category)}};
        j.update(counts_json(l.counts));
        j.update(to_json(l.amounts));
        lines.push_back(std::move(j));
    }
    json counts = counts_json(m.counts);
    return {{"site", m.site},
            {"site_municipality", m.site_municipality},
            {"month", to_iso(m.month)},
            {"deadline", to_iso(m.deadline)},
            {"municipality", m.municipality},
            {"payer", m.payer.str()},
            {"addressed_to", m.addressed_to()},
            {"fees", fees_json(m.fees)},
            {"lines", std::move(lines)},
            {"counts", std::move(counts)},
            {"total", to_json(m.total)}};
}

json to_json(const ClaimSummary& s) {
    json rows = json::array();
    for (const auto& r : s.rows) rows.push_back(row_json(r));
    return {{"site", s.site},
            {"site_municipality", s.site_municipality},
            {"federation", "federation:" + s.prefecture},
            {"month", to_iso(s.month)},
            {"deadline", to_iso(s.deadline)},
            {"rows", std::move(rows)},
            {"counts", counts_json(s.counts)},
            {"total", to_json(s.total)}};
}

json to_json(const FederationTotals& t) {
    json munis = json::array(), sites = json::array();
    for (const auto& r : t.by_municipality) munis.push_back(row_json(r));
    for (const auto& r : t.by_site) sites.push_back(row_json(r));
    return {{"federation", "federation:" + t.prefecture},
            {"month", to_iso(t.month)},
            {"by_municipality", std::move(munis)},
            {"by_site", std::move(sites)},
            {"counts", counts_json(t.counts)},
            {"total", to_json(t.total)}};
}

}  // namespace vsys
