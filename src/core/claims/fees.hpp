// The vaccination fee schedule and the consumption tax, as dated data (assets/claims/fees.tsv),
// and THE tax rounding rule of the product (consumption_tax below: the only place tax is
// computed).
//
// Invariants of a parsed schedule: every value is an integer (yen 0..100,000; percent 0..100);
// periods start on the 1st of a month and end on the last day of a month, so a vaccination
// month never straddles two rates; periods of one item never overlap. A month's claim uses the
// items in force on the first day of the vaccination month.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/calendar.hpp"
#include "core/base/result.hpp"

namespace vsys {

enum class FeeItem { vaccination, pre_exam_only, outside_hours, holiday, under_6 };

std::string_view fee_item_name(FeeItem item);  // "vaccination", "outside_hours", ...

struct FeeRate {
    FeeItem item = FeeItem::vaccination;
    std::int64_t yen = 0;  // before tax
    Date valid_from;
    std::optional<Date> valid_to;  // inclusive; nullopt while in force
    bool inferred = false;         // the start date was not found in a public source
    std::string label;             // 接種費用
};

struct TaxRate {
    std::int64_t percent = 0;
    Date valid_from;
    std::optional<Date> valid_to;
};

struct FeeSchedule {
    std::vector<FeeRate> fees;
    std::vector<TaxRate> taxes;
};

// Errors: fees.bad_row {line} {reason}.
Result<FeeSchedule> parse_fee_schedule(std::string_view tsv);
// The embedded schedule (assets/claims/fees.tsv), parsed once. Tests check that it parses.
const FeeSchedule& fee_schedule();

// The rate of an item on a date; nullopt when the item is not in force then.
const FeeRate* fee_on(const FeeSchedule& s, FeeItem item, const Date& d);
std::optional<std::int64_t> tax_percent_on(const FeeSchedule& s, const Date& d);

// What a vaccination month is priced with. An item that is not in force is nullopt.
struct MonthFees {
    YearMonth month;
    std::int64_t vaccination = 0;
    std::int64_t pre_exam_only = 0;
    std::optional<std::int64_t> outside_hours;
    std::optional<std::int64_t> holiday;
    std::optional<std::int64_t> under_6;
    std::int64_t tax_percent = 0;
};
// Refused with claims.no_fee_schedule {month} when the vaccination fee, the pre-examination
// fee or the tax rate is not in force in that month.
Result<MonthFees> fees_for_month(const FeeSchedule& s, const YearMonth& m);

// The tax rule: consumption tax is computed per claim line on that line's amount before tax
// and rounded down to the yen (floor), amount_before_tax >= 0. Document totals are sums of
// their lines' before-tax amounts, taxes and amounts, so every level reconciles to the yen.
// (With the current fees, all multiples of 10 yen, 10% is always a whole number of yen.)
// (Inline, like amounts_with_tax and add_amounts: they run for every line of a federation's
// month, and a call per line was a visible part of it.)
inline std::int64_t consumption_tax(std::int64_t amount_before_tax, std::int64_t percent) {
    // Both operands are non-negative, so integer division is the floor. Every real line is far
    // below the int64 bound below (about 9 × 10^16 yen with percent <= 100), and there the
    // product is exact in int64; beyond it __int128 keeps it exact. The int64 path matters in
    // wasm, where a 128-bit division is a library call.
    constexpr std::int64_t k_exact_in_int64 = INT64_MAX / 100;
    if (amount_before_tax >= -k_exact_in_int64 && amount_before_tax <= k_exact_in_int64 && percent >= 0 && percent <= 100)
        return amount_before_tax * percent / 100;
    return static_cast<std::int64_t>(static_cast<__int128>(amount_before_tax) * percent / 100);
}

struct Amounts {
    std::int64_t amount_before_tax = 0;
    std::int64_t tax = 0;
    std::int64_t amount = 0;  // amount_before_tax + tax
    bool operator==(const Amounts&) const = default;
};
// amount_before_tax in 0..10^15 (a line is below 10^12 by the count and fee bounds).
inline Amounts amounts_with_tax(std::int64_t amount_before_tax, std::int64_t percent) {
    const std::int64_t tax = consumption_tax(amount_before_tax, percent);
    return Amounts{amount_before_tax, tax, amount_before_tax + tax};
}
// Adds b into a; false (a unchanged) when a total would leave int64.
inline bool add_amounts(Amounts& a, const Amounts& b) {
    Amounts r;
    if (__builtin_add_overflow(a.amount_before_tax, b.amount_before_tax, &r.amount_before_tax) ||
        __builtin_add_overflow(a.tax, b.tax, &r.tax) || __builtin_add_overflow(a.amount, b.amount, &r.amount))
        return false;
    a = r;
    return true;
}

}  // namespace vsys
