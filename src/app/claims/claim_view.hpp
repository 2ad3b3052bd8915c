// A site's claim month as typed views (app/base/contract.hpp): view claim, what the claim
// screen shows and fills its edit buffer from (the saved lines, and when they keep the rules,
// priced and routed), and view claim_print, the month's documents to print or download. The
// screen reads ClaimView and ClaimPrintView; window.vsys reads the same answers through to_json.
#pragma once

#include <cstdint>
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

// Who a claim goes to, and the name users read ({id: "municipality:131016", name}).
struct PayerRef {
    Payer payer;
    std::string name;
};

// The saved month priced and routed (the core's compute_claim), each line with the names of
// its municipality of residence and of its payer, and the payers in the order first met.
struct PricedClaim {
    ComputedClaim claim;
    struct Names {
        std::string municipality_name, payer_name;
    };
    std::vector<Names> names;  // one per claim.lines
    std::vector<PayerRef> payers;
};

struct ClaimView {
    std::string site, site_name, site_municipality, site_municipality_name;
    YearMonth month;
    Date today;
    std::optional<Date> deadline;
    std::optional<std::string> deadline_reiwa;  // the deadline in 令和
    bool saved = false, submitted = false;
    // The saved version (when saved).
    std::uint64_t version = 0;
    std::string time, author;
    bool proxy = false;  // 代行入力: saved by the site's municipality
    std::vector<ClaimLine> lines;  // as saved: the screen's edit buffer starts from them
    std::optional<PricedClaim> priced;  // saved, and keeping the rules
    std::optional<ShownError> error;    // saved, but refused by the rules now
};

// {site, month}
struct ClaimQuery {
    static constexpr const char* name = "claim";
    using View = ClaimView;
    std::string site;
    YearMonth month;
    static Result<ClaimQuery> read(const nlohmann::json& args);
    bool operator==(const ClaimQuery&) const = default;
};
Result<Prepared<ClaimView>> prepare(App& app, const ClaimQuery& q);
nlohmann::json to_json(const ClaimView& v);

// One document of a saved month: a 市区町村別請求書 per municipality of residence, or the
// 請求総括書 of the lines that go through the federation (no municipality, its payer the federation).
struct ClaimDocument {
    PayerRef payer;
    Amounts total;
    std::string html, csv, filename;
};
struct MunicipalityClaimDocument : ClaimDocument {
    std::string municipality, name;
};

struct ClaimPrintView {
    std::string site;
    YearMonth month;
    bool submitted = false;
    std::vector<MunicipalityClaimDocument> municipalities;
    std::optional<ClaimDocument> summary;  // none when nothing goes through the federation
};

// {site, month}: refused with claims.not_saved before the month is saved.
struct ClaimPrintQuery {
    static constexpr const char* name = "claim_print";
    using View = ClaimPrintView;
    std::string site;
    YearMonth month;
    static Result<ClaimPrintQuery> read(const nlohmann::json& args);
    bool operator==(const ClaimPrintQuery&) const = default;
};
Result<Prepared<ClaimPrintView>> prepare(App& app, const ClaimPrintQuery& q);
nlohmann::json to_json(const ClaimPrintView& v);

}  // namespace vsys
