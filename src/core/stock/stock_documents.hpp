// Stock documents (docs/STOCK.md): every ledger event is a document of the site that owns it
// (a municipality may write it for its sites, 代行入力), and the stock requests of the nation,
// a prefecture or a municipality. Bodies hold integers and strings only; each kind has one
// codec here, strict (an unknown or mistyped member is refused naming it).
//
//   stock_receipt          owner site, id = the round's code (one confirmation per delivery):
//                          {schema, round, product, date, order, expected_vials,
//                           lines: [{lot, expiry, vials}], discrepancy?, text?}
//                          discrepancy (a ReasonList::discrepancy id) is required when the lines'
//                          vials differ from expected_vials (the ⑤ delivery's boxes × vials per box)
//   stock_transfer         owner the sender, audience the receiver:
//                          {schema, date, order, to, product, lot, expiry, expiry_basis, vials, condition}
//   stock_transfer_answer  owner the receiver, audience the sender, id = "<sender code>-<transfer id>":
//                          {schema, date, order, transfer: "<sender>/stock_transfer/<id>", accepted, reason?, text?}
//   stock_wastage          owner site: {schema, date, order, product, lot, vials, doses, reason, text?,
//                           excursion?: {from, to, temperature_tenths}}
//   stock_count            owner site: {schema, date, order, request?, lines: [{product, lot, vials, reason?, text?}]}
//                          (an answer to a stock request is a count naming the request's key)
//   stock_request          owner nation, prefecture or municipality:
//                          {schema, issued, due, products: [...], note?}
// Dates are "YYYY-MM-DD" (Japan time); order is the event's causal order (stock_ledger.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/calendar.hpp"
#include "core/base/org_role.hpp"
#include "core/base/result.hpp"
#include "core/documents/document.hpp"
#include "core/stock/stock_ledger.hpp"

namespace vsys {

inline constexpr const char* k_stock_receipt_kind = "stock_receipt";
inline constexpr const char* k_stock_transfer_kind = "stock_transfer";
inline constexpr const char* k_stock_transfer_answer_kind = "stock_transfer_answer";
inline constexpr const char* k_stock_wastage_kind = "stock_wastage";
inline constexpr const char* k_stock_count_kind = "stock_count";
inline constexpr const char* k_stock_request_kind = "stock_request";
inline constexpr int k_stock_schema = 1;
inline constexpr std::size_t k_max_stock_lines = 200;
inline constexpr std::size_t k_max_request_note = 500;

// True for the five ledger kinds (not stock_request).
bool is_stock_event_kind(std::string_view kind);

struct ReceiptLine {
    std::string lot;
    Date expiry;
    std::int64_t vials = 0;
};

struct StockReceiptDoc {
    std::string round;
    VaccineProduct product = VaccineProduct::pfizer_12;
    Date date;
    std::int64_t order = 0;
    std::int64_t expected_vials = 0;
    std::vector<ReceiptLine> lines;
    std::string discrepancy;  // "" when the lines add up to expected_vials
    std::string text;
};

struct CountLine {
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::string lot;
    std::int64_t vials = 0;
    std::string reason;  // "" when the count equals the calculated balance
    std::string text;
};

struct StockCountDoc {
    Date date;
    std::int64_t order = 0;
    std::string request;  // the stock_request's key when this count answers one
    std::vector<CountLine> lines;
};

struct StockRequestDoc {
    Date issued;
    Date due;
    VaccineProducts products;
    std::string note;
};

nlohmann::json receipt_to_json(const StockReceiptDoc& d);
Result<StockReceiptDoc> receipt_from_json(const nlohmann::json& body);
nlohmann::json count_to_json(const StockCountDoc& d);
Result<StockCountDoc> count_from_json(const nlohmann::json& body);
nlohmann::json stock_request_to_json(const StockRequestDoc& d);
Result<StockRequestDoc> stock_request_from_json(const nlohmann::json& body);
// The rules of a receipt as a whole (each line is also a ledger event, check_stock_event):
// no lot twice (receipt.duplicate_lot {lot}); when the lines' vials differ from expected_vials a
// discrepancy reason from the data's list is required (receipt.discrepancy_required {expected}
// {received}; stock.reason {reason}), with its text where the reason needs one
// (stock.reason_text).
Status check_receipt(const StockRules& rules, const StockReceiptDoc& d);

// A transfer, transfer answer (transfer_receipt or transfer_refusal: "accepted") or wastage
// event as its document's body (the event's site and id are the document's owner and key).
nlohmann::json single_event_to_json(const StockEvent& e);
// The reverse for the kind's body (stock_transfer, stock_transfer_answer, stock_wastage); the
// event's id, site and entered_unix are left for the caller (stock_events_of fills them).
Result<StockEvent> single_event_from_json(std::string_view kind, const nlohmann::json& body);

// The ledger events of one version of a stock kind: a receipt or count gives one per line
// (ids "<key>#<n>"), the others one (id = key); site = the owner, entered_unix = the version's
// time. Errors: document.invalid_body {member} for a malformed body (the kinds' validate).
Result<std::vector<StockEvent>> stock_events_of(const DocumentVersion& v);

// The receiver's answer document id for a transfer key ("site:1310000011/stock_transfer/X" →
// "1310000011-X").
std::string transfer_answer_id(std::string_view transfer_key);

}  // namespace vsys
