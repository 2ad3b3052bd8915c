// Stock, transfers and wastage in the app (DOMAIN.md §5, docs/STOCK.md): the device's stock
// documents replayed by the core's ledger (core/stock/stock_ledger.hpp), typed for the screens;
// JSON only at the window.vsys edge (view_stock.cpp, cmd_stock.cpp).
//
// What a role sees: a site its own ledger; its municipality the ledgers of its sites (代行入力
// and R311's calculated stock); upper levels only the answers to stock requests (R212, the
// request screen), never single events. The purge of the deck (stock_rules.hpp PurgeRule) is
// applied here with the device clock: from the cut-off, counts and answers entered before it
// are left out of every view (kept in the ledger's `purged`).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"
#include "core/base/calendar.hpp"
#include "core/base/result.hpp"
#include "core/directory/site.hpp"
#include "core/stock/stock_documents.hpp"
#include "core/stock/stock_ledger.hpp"
#include "core/stock/stock_rules.hpp"

namespace vsys {

class App;

// The device's date in Japan (UTC+9).
Date stock_today(const App& app);

struct StockRequestInfo {
    std::string key;    // "pref:130001/stock_request/<id>"
    std::string owner;  // the requester
    std::string time;   // when it was issued (UTC)
    StockRequestDoc doc;
};

// A count that answers a stock request (not purged). Later answers of a site replace earlier
// ones: by date, then by the time entered, then by key (a total order, so every device agrees).
struct StockAnswer {
    std::string key;  // the count's document key
    std::string site;
    std::string request;  // the request's key
    Date date;
    std::string time;
    std::vector<CountLine> lines;
};

// Whether answer a replaces answer b of the same site (the order StockAnswer states).
bool later_answer(const StockAnswer& a, const StockAnswer& b);

struct ParsedStockVersion;

// Everything the device holds of stock: requests and their answers, and, where a view needs
// events, the ledger replayed. Made again only when a stock document was added or removed, the
// session changed, or the purge's notice or cut-off was reached; each version is parsed once
// (kept by its hash), so a sync that brings a few answers costs a pass, not a parse of all.
struct StockWorld {
    bool has_ledger = false;                   // false: `ledger` is empty (answers only)
    StockLedger ledger;                        // every site's events this device holds, with lines
    std::vector<StockRequestInfo> requests;    // newest first
    std::vector<const StockAnswer*> answers;   // every answer not purged, in no set order
    std::map<std::string, std::set<std::string>> receipts;  // site org → rounds it confirmed
    std::size_t malformed = 0;                 // stock versions the codec refused (never applied)
    bool purge_active = false;
    bool purge_notice = false;                 // within the notice days before the cut-off
    std::uint64_t revision = 0;
    // (request, site) → its latest answer; the views point into the answers, kept by `parsed`.
    struct PairHash {
        std::size_t operator()(const std::pair<std::string_view, std::string_view>& k) const {
            return std::hash<std::string_view>()(k.first) * 31 + std::hash<std::string_view>()(k.second);
        }
    };
    std::unordered_map<std::pair<std::string_view, std::string_view>, const StockAnswer*, PairHash> latest;
    std::vector<std::shared_ptr<const ParsedStockVersion>> parsed;  // what `answers` point into

    const StockRequestInfo* find_request(std::string_view key) const;
    // The latest answer of a site to a request, or nullptr.
    const StockAnswer* answer_of(std::string_view request, std::string_view site) const;
};
// What a caller reads: the upper levels' views (R105, R212, the requester's screen) read only
// requests and answers, so a prefecture holding 80,000 answers never replays a ledger it may
// not show; a site's or municipality's views read the ledger too.
enum class StockNeeds { answers, ledger };
const StockWorld& stock_world(App& app, StockNeeds needs = StockNeeds::ledger);
// The same, shared: a typed view that points into the world keeps it alive across a change.
std::shared_ptr<const StockWorld> stock_world_shared(App& app, StockNeeds needs = StockNeeds::ledger);

// Handled-vaccine categories of sites by organisation id (site_as_it_stands).
SiteCategoriesLookup stock_categories(App& app);

// ---- A site's stock (在庫量の報告, 受入, 移送の登録, 廃棄)
struct StockLotView {
    const LotBalance* lot = nullptr;
    Date effective_expiry;  // with shelf-life extensions, as of today
    std::int64_t days_left = 0;  // to the effective expiry (negative: expired)
    std::int64_t doses = 0;         // primary doses the vials give today
    std::int64_t booster_doses = 0; // booster doses
};
struct DeliveryToConfirm {
    std::string round;
    std::string round_name;
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::int64_t boxes = 0;
    std::int64_t expected_vials = 0;
};
struct TransferToAnswer {
    const StockEvent* transfer = nullptr;
    std::string from_name;
    std::string condition_name;
    Date effective_expiry;
};
struct SiteStockRequest {
    const StockRequestInfo* request = nullptr;
    std::string requester_name;
    const StockAnswer* answer = nullptr;  // this site's latest answer
    bool overdue = false;
};
struct TrendPoint {
    Date date;
    std::int64_t vials = 0;
};
struct StockSiteView {
    std::string org;   // site:<code>
    std::string code;
    std::string name;
    VaccineCategories categories;
    std::vector<StockLotView> lots;           // every lot the site ever held, product then lot
    std::vector<const InTransit*> outgoing;   // sent, not yet answered
    std::vector<TransferToAnswer> incoming;   // to this site, not yet answered
    std::vector<DeliveryToConfirm> deliveries;  // ⑤ deliveries not yet confirmed
    std::vector<SiteStockRequest> requests;   // requests reaching this site, open first
    std::map<VaccineProduct, std::vector<TrendPoint>> trend;  // on hand per product after each day with events
    std::vector<const LedgerLine*> lines;     // this site's ledger, replay order
    std::vector<const StockEvent*> purged;    // this site's purged counts
    std::int64_t conflicts = 0;
    Date today;
    bool purge_active = false;
    bool purge_notice = false;
    std::string purge_cutoff;  // UTC text of the cut-off
    std::shared_ptr<const StockWorld> world;  // what the pointers above point into
};
// Errors: site.not_found, stock.not_a_site.
Result<StockSiteView> stock_site_view(App& app, const std::string& site_code);
// The same as a typed view (app/base/contract.hpp), checked for access on the site: what the
// stock screens keep (ui::KeptView) and window.vsys's "stock" view (view_stock.cpp's to_json).
struct StockSiteQuery {
    static constexpr const char* name = "stock";
    using View = StockSiteView;
    std::string site;
    static Result<StockSiteQuery> read(const nlohmann::json& args);
    bool operator==(const StockSiteQuery&) const = default;
};
Result<Prepared<StockSiteView>> prepare(App& app, const StockSiteQuery& q);
nlohmann::json to_json(const StockSiteView& v);

// stock_ledger {site}: the site's ledger lines in replay order and its purged counts, checked
// for access on the site like "stock"; the pointers point into `world`, which the view keeps.
struct StockLedgerView {
    std::vector<const LedgerLine*> lines;
    std::vector<const StockEvent*> purged;
    std::shared_ptr<const StockWorld> world;
};
struct StockLedgerQuery {
    static constexpr const char* name = "stock_ledger";
    using View = StockLedgerView;
    std::string site;
    static Result<StockLedgerQuery> read(const nlohmann::json& args);
    bool operator==(const StockLedgerQuery&) const = default;
};
Result<Prepared<StockLedgerView>> prepare(App& app, const StockLedgerQuery& q);
nlohmann::json to_json(const StockLedgerView& v);

// Receivers offered for a transfer from a site: its hub and the hub's satellites, then the
// sites of its municipality that handle the product, each with the matrix's answer.
struct TransferTarget {
    std::string code;
    std::string org;
    std::string name;
    std::optional<VaccineCategory> category;  // for the product; nullopt: does not handle it
    VaccineCategories categories;
    bool allowed = false;
    std::vector<std::string> conditions;  // ids of the conditions offered to it today (the view only)
};
std::vector<TransferTarget> transfer_targets(App& app, const std::string& site_code, VaccineProduct product);
// transfer_targets {site, product}: the same as a typed view, checked for access on the site,
// each receiver with the conditions the rules offer it today (the transfer screen keeps it).
struct TransferTargetsView {
    std::vector<TransferTarget> targets;
};
struct TransferTargetsQuery {
    static constexpr const char* name = "transfer_targets";
    using View = TransferTargetsView;
    std::string site;
    VaccineProduct product = VaccineProduct::pfizer_12;
    static Result<TransferTargetsQuery> read(const nlohmann::json& args);
    bool operator==(const TransferTargetsQuery&) const = default;
};
Result<Prepared<TransferTargetsView>> prepare(App& app, const TransferTargetsQuery& q);
nlohmann::json to_json(const TransferTargetsView& v);

// The choices of a list as the screens offer them, labelled in the user's language.
struct StockChoice {
    std::string id;
    std::string label;
    ReasonNeeds needs = ReasonNeeds::nothing;
};
std::vector<StockChoice> stock_reasons(const App& app, ReasonList list);
// The cold-chain conditions for a product to a receiver on a date (ultra_low_box only to a hub).
std::vector<StockChoice> stock_conditions(const App& app, VaccineProduct product, VaccineCategories receiver,
                                          const Date& on);
// The most vials a transfer dated `on` may carry, and the cap's last day; nullopt: no cap.
struct TransferCapInfo {
    std::int64_t max_vials = 0;
    std::optional<Date> until;
};
std::optional<TransferCapInfo> stock_transfer_cap(const Date& on);

// ---- A requester's stock requests (在庫量の照会)
struct RequestSiteRow {
    std::string org;
    std::string code;
    std::string name;
    std::string municipality;  // name
    const StockAnswer* answer = nullptr;
    std::map<VaccineProduct, std::int64_t> vials;  // from the answer
};
struct RequestProgress {
    const StockRequestInfo* request = nullptr;
    std::int64_t sites = 0;
    std::int64_t answered = 0;
    std::vector<RequestSiteRow> rows;  // unanswered first, then by municipality and code
};
// The requests issued by `org`, newest first, with who answered. Errors: stock.unknown_org.
Result<std::vector<RequestProgress>> stock_requests_of(App& app, const std::string& org);
// The same for the signed-in organisation as a typed view ("stock_requests"): the progress
// points into `world`, which the view keeps alive.
struct StockRequestsView {
    std::vector<RequestProgress> progress;
    std::shared_ptr<const StockWorld> world;
};
struct StockRequestsQuery {
    static constexpr const char* name = "stock_requests";
    using View = StockRequestsView;
    static Result<StockRequestsQuery> read(const nlohmann::json& args);
    bool operator==(const StockRequestsQuery&) const = default;
};
Result<Prepared<StockRequestsView>> prepare(App& app, const StockRequestsQuery& q);
nlohmann::json to_json(const StockRequestsView& v);
// Sites a request of `org` reaches: the sites and venues of its subtree handling one of the products.
std::vector<std::string> request_sites(App& app, const std::string& org, VaccineProducts products);

}  // namespace vsys
