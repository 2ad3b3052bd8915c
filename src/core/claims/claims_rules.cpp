#include "core/claims/claims_rules.hpp"

#include <algorithm>

#include "core/base/tsv.hpp"
#include "core/directory/local_gov.hpp"
#include "core/directory/local_gov_index.hpp"

namespace vsys {

namespace assets {
std::string_view claims_addon_rules_tsv();
}

namespace {

std::string line_prefix(std::size_t line_no, std::string_view municipality) {
    return "line " + std::to_string(line_no) + " (" + std::string(municipality) + "): ";
}

Status check_count(std::string_view field, std::int64_t v, std::size_t line_no, std::string_view municipality) {
    if (v >= 0 && v <= k_max_count) return ok_status();
    std::vector<std::pair<std::string, std::string>> args = {
        {"line", std::to_string(line_no)}, {"municipality", std::string(municipality)}, {"field", std::string(field)}};
    if (v < 0)
        return Error("claims.negative_count", line_prefix(line_no, municipality) + std::string(field) + " is negative",
                     std::move(args));
    args.emplace_back("max", std::to_string(k_max_count));
    return Error("claims.count_too_large",
                 line_prefix(line_no, municipality) + std::string(field) + " is above " + std::to_string(k_max_count),
                 std::move(args));
}

}  // namespace

Result<std::vector<AddonRule>> parse_addon_rules(std::string_view tsv) {
    std::vector<AddonRule> rules;
    std::optional<Error> error;
    tsv::for_each_row(tsv, [&](int line_no, const std::vector<std::string_view>& f) {
        auto bad = [&](const std::string& reason) {
            error = Error("claims.bad_rule_row", "add-on rule line " + std::to_string(line_no) + ": " + reason,
                          {{"line", std::to_string(line_no)}, {"reason", reason}});
            return false;
        };
        if (f.size() < 4) return bad("expected 4 tab-separated columns");
        AddonRule r;
        if (f[0] != "*") {
            r.form = parse_claim_form(f[0]);
            if (!r.form) return bad("unknown form '" + std::string(f[0]) + "'");
        }
        auto from = parse_iso_date(f[1]);
        if (!from || from->day != 1) return bad("valid_from must be the first day of a month");
        r.valid_from = *from;
        if (!f[2].empty()) {
            auto to = parse_iso_date(f[2]);
            if (!to || *to != last_day(month_of(*to)) || *to < *from) return bad("valid_to must be a month's last day after valid_from");
            r.valid_to = *to;
        }
        if (f[3] == "in_vsys") r.addons = AddonClaim::in_vsys;
        else if (f[3] == "outside_vsys") r.addons = AddonClaim::outside_vsys;
        else if (f[3] == "separately") r.addons = AddonClaim::separately;
        else return bad("addons must be in_vsys, outside_vsys or separately");
        rules.push_back(r);
        return true;
    });
    if (error) return *error;
    return rules;
}

const std::vector<AddonRule>& addon_rules() {
    // An unparsable embedded file (a unit test guards against it) leaves no rules, which
    // refuses every add-on count instead of paying on a guess.
    static const std::vector<AddonRule> rules = [] {
        auto r = parse_addon_rules(assets::claims_addon_rules_tsv());
        return r ? *r : std::vector<AddonRule>{};
    }();
    return rules;
}

AddonClaim addon_claim_for(const std::vector<AddonRule>& rules, ClaimForm form, const YearMonth& month) {
    Date d = first_day(month);
    for (const auto& r : rules) {
        if (r.form && *r.form != form) continue;
        if (d < r.valid_from || (r.valid_to && *r.valid_to < d)) continue;
        return r.addons;
    }
    return AddonClaim::outside_vsys;
}

Status check_municipality(std::string_view code, std::string_view role) {
    const LocalGov* g = find_local_gov(code);
    if (!g || g->kind != LocalGovKind::municipality)
        return Error("claims.unknown_municipality", std::string(role) + ": no municipality has the code '" + std::string(code) + "'",
                     {{"code", std::string(code)}, {"role", std::string(role)}});
    if (!g->active)
        return Error("claims.inactive_municipality",
                     std::string(role) + ": municipality " + std::string(code) + " has no functioning local government",
                     {{"code", std::string(code)}, {"name", g->name}, {"role", std::string(role)}});
    return ok_status();
}

namespace {

// How each form's add-ons are claimed in one month, looked up once per claim rather than per line.
struct MonthAddons {
    AddonClaim by_form[3];
    MonthAddons(const std::vector<AddonRule>& rules, const YearMonth& month) {
        for (ClaimForm f : {ClaimForm::old_form, ClaimForm::new_form, ClaimForm::additional})
            by_form[static_cast<int>(f)] = addon_claim_for(rules, f, month);
    }
};

// The first rule a line breaks, in the order of the messages below.
enum class LineFault {
    none,
    municipality,
    count,
    under_6_exceeds,
    under_6_not_in_force,
    addons_outside_vsys,
    old_form_addons_separate,
    addon_not_in_force,
};

constexpr bool count_in_range(std::int64_t v) { return v >= 0 && v <= k_max_count; }

// This runs for every line of a federation's month, so it only compares integers: no lookup by
// string, no allocation, no message (line_error builds that on refusal). It cannot throw, which
// also spares wasm the exception trampoline around the call.
LineFault line_fault(const ClaimLine& line, std::uint32_t municipality_id, const MonthFees& fees,
                     const MonthAddons& addons) noexcept {
    const LocalGov* g = find_local_gov_by_id(municipality_id);
    if (!g || g->kind != LocalGovKind::municipality || !g->active) return LineFault::municipality;
    const ClaimCounts& c = line.counts;
    if (!count_in_range(c.normal) || !count_in_range(c.outside_hours) || !count_in_range(c.holiday) ||
        !count_in_range(c.pre_exam_only) || !count_in_range(c.under_6))
        return LineFault::count;
    if (c.under_6 > c.normal + c.outside_hours + c.holiday + c.pre_exam_only) return LineFault::under_6_exceeds;
    if (c.under_6 > 0 && !fees.under_6) return LineFault::under_6_not_in_force;
    if (c.outside_hours > 0 || c.holiday > 0) {
        switch (addons.by_form[static_cast<int>(line.form)]) {
        case AddonClaim::outside_vsys: return LineFault::addons_outside_vsys;
        case AddonClaim::separately: return LineFault::old_form_addons_separate;
        case AddonClaim::in_vsys: break;
        }
        if ((c.outside_hours > 0 && !fees.outside_hours) || (c.holiday > 0 && !fees.holiday))
            return LineFault::addon_not_in_force;
    }
    return LineFault::none;
}

// The refusal for a fault line_fault found (line_no is 1-based, for messages).
Error line_error(LineFault fault, const ClaimLine& line, std::size_t line_no, const MonthFees& fees) {
    const std::string& m = line.municipality;
    const ClaimCounts& c = line.counts;
    auto month = [&] { return to_iso(fees.month); };
    auto line_args = [&]() -> std::vector<std::pair<std::string, std::string>> {
        return {{"line", std::to_string(line_no)}, {"municipality", m}, {"month", month()}};
    };
    switch (fault) {
    case LineFault::none:
        break;
    case LineFault::municipality: {
        Error e = check_municipality(m, "line " + std::to_string(line_no)).error();
        e.args.emplace_back("line", std::to_string(line_no));
        return e;
    }
    case LineFault::count: {
        const std::pair<std::string_view, std::int64_t> fields[] = {{"normal", c.normal},
                                                                    {"outside_hours", c.outside_hours},
                                                                    {"holiday", c.holiday},
                                                                    {"pre_exam_only", c.pre_exam_only},
                                                                    {"under_6", c.under_6}};
        const auto* bad = std::find_if(std::begin(fields), std::end(fields), [](const auto& f) { return !count_in_range(f.second); });
        if (bad != std::end(fields)) return check_count(bad->first, bad->second, line_no, m).error();
        break;
    }
    case LineFault::under_6_exceeds:
        return Error("claims.under_6_exceeds",
                     line_prefix(line_no, m) + "more under-6 add-ons than vaccinations and pre-examinations", line_args());
    case LineFault::under_6_not_in_force: {
        auto args = line_args();
        args.emplace_back("item", "under_6");
        return Error("claims.fee_not_in_force", line_prefix(line_no, m) + "the under-6 add-on is not in force in " + month(),
                     std::move(args));
    }
    case LineFault::addons_outside_vsys:
        return Error("claims.addons_outside_vsys",
                     line_prefix(line_no, m) + "outside-hours and holiday add-ons for vaccinations in " + month() +
                         " (up to November 2021) are claimed outside V-SYS; enter these vaccinations as normal",
                     line_args());
    case LineFault::old_form_addons_separate:
        return Error("claims.old_form_addons_separate",
                     line_prefix(line_no, m) + "with the old form (旧様式) in " + month() +
                         ", outside-hours and holiday add-ons are claimed separately, outside V-SYS; enter these "
                         "vaccinations as normal",
                     line_args());
    case LineFault::addon_not_in_force: {
        auto args = line_args();
        args.emplace_back("item", c.outside_hours > 0 && !fees.outside_hours ? "outside_hours" : "holiday");
        return Error("claims.fee_not_in_force", line_prefix(line_no, m) + "an add-on is not in force in " + month(),
                     std::move(args));
    }
    }
    // Only for LineFault::none (or a count fault with every count in range), which callers never
    // pass: line_fault and this function list the same rules.
    return Error("claims.malformed", line_prefix(line_no, m) + "the line was refused",
                 {{"field", "line " + std::to_string(line_no)}, {"line", std::to_string(line_no)}});
}

}  // namespace

Status validate_line(const ClaimLine& line, std::size_t line_no, const MonthFees& fees, const std::vector<AddonRule>& rules) {
    const LineFault fault = line_fault(line, local_gov_id(line.municipality), fees, MonthAddons(rules, fees.month));
    if (fault == LineFault::none) return ok_status();
    return line_error(fault, line, line_no, fees);
}

Status validate_claim(const SiteClaim& claim, const Date& today, const FeeSchedule& fees,
                      const std::vector<AddonRule>& rules) {
    if (auto c = check_claim(claim, today, fees, rules); !c) return c.error();
    return ok_status();
}

Result<CheckedClaim> check_claim(const SiteClaim& claim, const Date& today, const FeeSchedule& fees,
                                 const std::vector<AddonRule>& rules) {
    bool digits = claim.site.size() == 10 &&
                  std::all_of(claim.site.begin(), claim.site.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits)
        return Error("claims.bad_site_code", "the site code must be 10 digits: '" + claim.site + "'", {{"code", claim.site}});
    if (auto s = check_municipality(claim.site_municipality, "site_municipality"); !s) return s.error();
    if (month_of(today) < claim.month)
        return Error("claims.future_month",
                     "vaccination month " + to_iso(claim.month) + " is after today (" + to_iso(today) + ")",
                     {{"month", to_iso(claim.month)}, {"today", to_iso(today)}});
    auto month_fees = fees_for_month(fees, claim.month);
    if (!month_fees) return month_fees.error();
    if (claim.lines.empty()) return Error("claims.no_lines", "the claim has no lines", {});

    // Duplicates are found on integer keys (municipality id, form, category): sorting strings
    // here was a large part of a federation's month.
    const MonthAddons addons(rules, claim.month);
    CheckedClaim out{*month_fees, {}};
    out.municipality_ids.reserve(claim.lines.size());
    std::vector<std::uint64_t> keys;
    keys.reserve(claim.lines.size());
    for (std::size_t i = 0; i < claim.lines.size(); ++i) {
        const ClaimLine& l = claim.lines[i];
        const std::uint32_t id = local_gov_id(l.municipality);
        if (const LineFault fault = line_fault(l, id, out.fees, addons); fault != LineFault::none)
            return line_error(fault, l, i + 1, out.fees);
        out.municipality_ids.push_back(id);
        keys.push_back(std::uint64_t{id} << 8 | static_cast<std::uint64_t>(l.form) << 4 |
                       static_cast<std::uint64_t>(l.category));
    }
    std::sort(keys.begin(), keys.end());
    auto dup = std::adjacent_find(keys.begin(), keys.end());
    if (dup != keys.end()) {
        std::string m = find_local_gov_by_id(static_cast<std::uint32_t>(*dup >> 8))->code;
        std::string form(claim_form_name(static_cast<ClaimForm>(*dup >> 4 & 0xF)));
        std::string cat = std::to_string(*dup & 0xF);
        return Error("claims.duplicate_line",
                     "two lines for municipality " + m + ", form " + form + ", category " + cat,
                     {{"municipality", m}, {"form", form}, {"category", cat}});
    }
    return out;
}

}  // namespace vsys
