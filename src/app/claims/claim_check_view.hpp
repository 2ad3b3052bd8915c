// View claim_check as a typed view (app/base/contract.hpp): what the core says of the lines a
// site (or its municipality, 代行入力) is typing, before they are saved: per line its first
// broken rule, or its amount and payer; the month's own refusal; the totals of the lines that
// keep the rules. The claim screen asks it with its edit buffer and shows the answer; it never
// recomputes a rule or a price itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "app/claims/shown_error.hpp"
#include "core/base/calendar.hpp"
#include "core/claims/claims.hpp"

namespace vsys {

class App;

struct CheckedClaimLine {
    std::optional<ShownError> error;  // the first rule the line breaks
    Amounts amounts;                  // zero when refused
    std::string municipality_name;    // "" for an unknown code
    std::string payer_name;           // "" when refused or not routed
    bool ok() const { return !error; }
};

struct ClaimCheckView {
    std::vector<CheckedClaimLine> lines;  // one per line asked, in order
    ClaimCounts counts;                   // of the lines that keep the rules
    Amounts total;
    std::optional<ShownError> claim_error;  // the month's own refusal
};

// {site, month, lines?}: lines as a stored claim holds them (the core's reader; none: []).
struct ClaimCheckQuery {
    static constexpr const char* name = "claim_check";
    using View = ClaimCheckView;
    std::string site;
    YearMonth month;
    std::vector<ClaimLine> lines;
    static Result<ClaimCheckQuery> read(const nlohmann::json& args);
    bool operator==(const ClaimCheckQuery& o) const;
};
Result<Prepared<ClaimCheckView>> prepare(App& app, const ClaimCheckQuery& q);
nlohmann::json to_json(const ClaimCheckView& v);

// Equal lines (the core's ClaimLine has no comparison of its own).
bool same_lines(const std::vector<ClaimLine>& a, const std::vector<ClaimLine>& b);
// The counts of a line or of totals at the edge: {normal, outside_hours, holiday, pre_exam_only, under_6}.
nlohmann::json counts_json(const ClaimCounts& c);

}  // namespace vsys
