#include "core/claims/fees.hpp"

#include <charconv>

#include "core/base/tsv.hpp"

namespace vsys {

namespace assets {
std::string_view claims_fees_tsv();
}

namespace {

constexpr std::int64_t k_max_fee_yen = 100000;

struct ItemName {
    FeeItem item;
    std::string_view name;
};
constexpr ItemName k_items[] = {
    {FeeItem::vaccination, "vaccination"},     {FeeItem::pre_exam_only, "pre_exam_only"},
    {FeeItem::outside_hours, "outside_hours"}, {FeeItem::holiday, "holiday"},
    {FeeItem::under_6, "under_6"},
};

bool parse_int(std::string_view s, std::int64_t& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

bool overlaps(const Date& a_from, const std::optional<Date>& a_to, const Date& b_from, const std::optional<Date>& b_to) {
    bool a_before_b = a_to && *a_to < b_from;
    bool b_before_a = b_to && *b_to < a_from;
    return !a_before_b && !b_before_a;
}

bool in_force(const Date& from, const std::optional<Date>& to, const Date& d) { return from <= d && (!to || d <= *to); }

}  // namespace

std::string_view fee_item_name(FeeItem item) {
    for (const auto& i : k_items)
        if (i.item == item) return i.name;
    return {};
}

Result<FeeSchedule> parse_fee_schedule(std::string_view tsv) {
    FeeSchedule s;
    std::optional<Error> error;
    tsv::for_each_row(tsv, [&](int line_no, const std::vector<std::string_view>& f) {
        auto bad = [&](const std::string& reason) {
            error = Error("fees.bad_row", "fee schedule line " + std::to_string(line_no) + ": " + reason,
                          {{"line", std::to_string(line_no)}, {"reason", reason}});
            return false;
        };
        if (f.size() < 7) return bad("expected 7 tab-separated columns");
        std::int64_t value = 0;
        if (!parse_int(f[2], value)) return bad("value is not a whole number");
        auto from = parse_iso_date(f[3]);
        if (!from || from->day != 1) return bad("valid_from must be the first day of a month");
        std::optional<Date> to;
        if (!f[4].empty()) {
            auto t = parse_iso_date(f[4]);
            if (!t || *t != last_day(month_of(*t)) || *t < *from) return bad("valid_to must be a month's last day after valid_from");
            to = *t;
        }
        if (f[5] != "public" && f[5] != "inferred") return bad("basis must be public or inferred");
        if (f[0] == "fee") {
            const ItemName* item = nullptr;
            for (const auto& i : k_items)
                if (f[1] == i.name) item = &i;
            if (!item) return bad("unknown fee item '" + std::string(f[1]) + "'");
            if (value > k_max_fee_yen) return bad("fee above 100,000 yen");
            for (const auto& r : s.fees)
                if (r.item == item->item && overlaps(r.valid_from, r.valid_to, *from, to))
                    return bad("period overlaps another row of the same item");
            s.fees.push_back(FeeRate{item->item, value, *from, to, f[5] == "inferred", std::string(f[6])});
        } else if (f[0] == "tax") {
            if (f[1] != "consumption_tax") return bad("unknown tax '" + std::string(f[1]) + "'");
            if (value > 100) return bad("tax rate above 100 percent");
            for (const auto& r : s.taxes)
                if (overlaps(r.valid_from, r.valid_to, *from, to)) return bad("period overlaps another tax row");
            s.taxes.push_back(TaxRate{value, *from, to});
        } else {
            return bad("kind must be fee or tax");
        }
        return true;
    });
    if (error) return *error;
    return s;
}

const FeeSchedule& fee_schedule() {
    // The embedded file is checked by a unit test; an unparsable one yields an empty schedule,
    // which refuses every month (claims.no_fee_schedule) instead of pricing with wrong fees.
    static const FeeSchedule s = [] {
        auto r = parse_fee_schedule(assets::claims_fees_tsv());
        return r ? *r : FeeSchedule{};
    }();
    return s;
}

const FeeRate* fee_on(const FeeSchedule& s, FeeItem item, const Date& d) {
    for (const auto& r : s.fees)
        if (r.item == item && in_force(r.valid_from, r.valid_to, d)) return &r;
    return nullptr;
}

std::optional<std::int64_t> tax_percent_on(const FeeSchedule& s, const Date& d) {
    for (const auto& r : s.taxes)
        if (in_force(r.valid_from, r.valid_to, d)) return r.percent;
    return std::nullopt;
}

Result<MonthFees> fees_for_month(const FeeSchedule& s, const YearMonth& m) {
    Date d = first_day(m);
    const FeeRate* vaccination = fee_on(s, FeeItem::vaccination, d);
    const FeeRate* pre_exam = fee_on(s, FeeItem::pre_exam_only, d);
    auto tax = tax_percent_on(s, d);
    if (!vaccination || !pre_exam || !tax)
        return Error("claims.no_fee_schedule", "no vaccination fee is in force for " + to_iso(m), {{"month", to_iso(m)}});
    MonthFees f;
    f.month = m;
    f.vaccination = vaccination->yen;
    f.pre_exam_only = pre_exam->yen;
    f.tax_percent = *tax;
    if (const auto* r = fee_on(s, FeeItem::outside_hours, d)) f.outside_hours = r->yen;
    if (const auto* r = fee_on(s, FeeItem::holiday, d)) f.holiday = r->yen;
    if (const auto* r = fee_on(s, FeeItem::under_6, d)) f.under_6 = r->yen;
    return f;
}

}  // namespace vsys
