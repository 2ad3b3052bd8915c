// The stock ledger (DOMAIN.md §5; issue 15): per site, product and lot an ordered list of
// events; stock on hand is derived by replaying them, never stored. An event that would take a
// lot below zero is refused on the device (check_stock_event); two devices' valid debits that
// merge below zero are applied anyway (both are signed records) and the lot is flagged as a
// conflict with the events that took it there, never clipped.
//
// Order is causal, not by clock: every event carries `order`, a Lamport number one above the
// highest order of the events its device held for the ledgers it touches (next_stock_order);
// replay sorts by (order, id), so the same set of events gives the same ledger whatever order
// they arrived in.
//
// Accounting, per lot of a site, at every point of the replay:
//   received + transferred_in = on_hand + transferred_out + wasted_vials + count_difference
// where transferred_out counts what is in transit and drops what a receiver refused (it returns),
// and count_difference is the net of counts (below the calculated balance: positive, "used" or
// "unexplained"; above it: negative, "found").
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/calendar.hpp"
#include "core/base/result.hpp"
#include "core/directory/site.hpp"
#include "core/stock/stock_rules.hpp"

namespace vsys {

enum class StockEventKind : std::uint8_t { receipt, transfer, transfer_receipt, transfer_refusal, wastage, count };
const char* stock_event_kind_id(StockEventKind k);  // "receipt", "transfer", ...
std::optional<StockEventKind> parse_stock_event_kind(std::string_view id);

// A temperature excursion (cold-chain failure): from when to when (Japan time, as entered,
// "YYYY-MM-DDTHH:MM"), the lowest or highest temperature reached in tenths of a degree.
struct Excursion {
    std::string from;
    std::string to;
    std::int64_t temperature_tenths = 0;
};

struct StockEvent {
    StockEventKind kind = StockEventKind::receipt;
    std::string id;          // unique among events: a document key (+ "#n" for a line), or a CLI index
    std::int64_t order = 0;  // causal order (see the header)
    Date date;               // the day it happened, Japan time (the cap and expiry are read on it)
    std::int64_t entered_unix = 0;  // when it was recorded (the purge reads it)
    // Whose ledger: receipt, wastage, count: the site; transfer: the sender; transfer_receipt
    // and transfer_refusal: the receiver. Organisation ids ("site:1310000011").
    std::string site;
    std::string to;  // transfer: the receiver
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::string lot;
    std::optional<Date> expiry;       // receipt (printed), transfer (the sender's lot's, printed)
    std::optional<Date> expiry_basis; // transfer: when the lot was first received (effective_expiry)
    std::int64_t vials = 0;  // receipt, transfer, wastage: vials moved; count: the vials counted (the new balance)
    std::int64_t doses = 0;  // wastage: doses wasted from an opened vial (vials then may be 0)
    std::string condition;   // transfer: a TransferCondition id
    std::string reason;      // wastage, count (when it differs), refusal, receipt discrepancy
    std::string text;        // free text where the reason needs it
    std::optional<Excursion> excursion;  // wastage for cold_chain
    std::string transfer;    // transfer_receipt / transfer_refusal: the transfer event's id
    std::string request;     // count: the stock request it answers, if any
};

// A site's handled-vaccine categories (the matrix and ultra_low_box read them); nullopt for an
// unknown site.
using SiteCategoriesLookup = std::function<std::optional<VaccineCategories>(std::string_view site)>;

struct LotBalance {
    std::string site;
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::string lot;
    std::optional<Date> expiry;        // printed
    std::optional<Date> expiry_basis;  // first received
    std::int64_t received = 0;         // receipts of deliveries
    std::int64_t transferred_in = 0;   // transfers received
    std::int64_t transferred_out = 0;  // sent, including in transit, less refused ones
    std::int64_t in_transit_out = 0;   // part of transferred_out not yet received
    std::int64_t wasted_vials = 0;
    std::int64_t wasted_doses = 0;     // from opened vials (not in the identity: vials count)
    std::int64_t count_difference = 0; // net (see the header)
    std::map<std::string, std::int64_t> count_by_reason;   // reason id → vials (found negative)
    std::map<std::string, std::int64_t> wasted_by_reason;  // reason id → vials
    std::int64_t on_hand = 0;
    std::optional<Date> last_count;    // date of the last count applied
    bool conflict = false;             // on_hand went below zero at some point of the replay
    std::int64_t lowest = 0;           // the lowest on_hand reached
    std::vector<std::string> conflict_events;  // ids of the events that took it below zero
    std::optional<Date> last_event;
    // Replay state, not figures: the lot's debits at the highest order seen so far (indices into
    // StockLedger::events), so that a conflict names every concurrent debit that merged below zero.
    std::int64_t concurrent_order = 0;
    std::vector<std::uint32_t> concurrent_debits;
};

struct InTransit {
    std::string transfer;  // the transfer event's id
    std::string from;
    std::string to;
    VaccineProduct product = VaccineProduct::pfizer_12;
    std::string lot;
    std::int64_t vials = 0;
    Date date;
};

// One applied event as the ledger report lists it: the lot's on_hand after it.
struct LedgerLine {
    // Into StockLedger::events of the ledger that made the line: a copied ledger's lines still
    // point at the original's events, so use event_index with a copy.
    const StockEvent* event = nullptr;
    std::uint32_t event_index = 0;
    std::string site;                   // whose line (a transfer gives one to the sender; its receipt one to the receiver)
    std::int64_t change = 0;            // signed vials on this site's lot
    std::int64_t on_hand_after = 0;
};

struct ReplayOptions {
    // "Now" for the purge: when at or after the rule's cutoff, counts entered before it are
    // excluded (moved to `purged`). nullopt: no purge applied.
    std::optional<std::int64_t> now_unix;
    bool lines = false;  // fill StockLedger::lines (the ledger report)
};

struct StockLedger {
    std::vector<StockEvent> events;     // sorted by (order, id): the replay order
    std::vector<LotBalance> lots;       // sorted by site, product, lot
    std::vector<InTransit> in_transit;  // by the transfer's replay order
    std::vector<LedgerLine> lines;      // only when ReplayOptions::lines
    std::vector<StockEvent> purged;     // counts excluded by the purge (kept, never applied)
    std::int64_t max_order = 0;
    std::map<std::string, std::int64_t> max_order_by_site;

    const LotBalance* find(std::string_view site, VaccineProduct p, std::string_view lot) const;
    std::vector<const LotBalance*> lots_of(std::string_view site) const;
    const StockEvent* find_event(std::string_view id) const;
    // The transfer's state: in transit, received or refused (nullopt: no such transfer).
    enum class TransferState { in_transit, received, refused };
    std::optional<TransferState> transfer_state(std::string_view transfer_id) const;

    // Every transfer seen, sorted by its id (events[event].id): where its event is, its state
    // and the event that answered it.
    static constexpr std::uint32_t k_none = 0xffffffffu;
    struct TransferRecord {
        std::uint32_t event = 0;  // index into events
        TransferState state = TransferState::in_transit;
        std::uint32_t answer = k_none;  // index into events of the receipt or refusal
    };
    std::vector<TransferRecord> transfers;
    const TransferRecord* find_transfer(std::string_view transfer_id) const;
    ReplayOptions options;  // as replayed (append_stock_event keeps them)
};


// Replays every event (in any order given; sorted inside). Events that reference a missing
// transfer or answer one twice are kept in `events` but change nothing (a receipt arriving
// before its transfer is applied once the transfer is there: replay is over the whole set).
StockLedger replay_stock(const StockRules& rules, std::vector<StockEvent> events, const ReplayOptions& options = {});

// Adds one event to a replayed ledger (the device recording it, or the CLI) without replaying
// the rest: applied in place when it sorts after every event held and, for an answer, its
// transfer is there; otherwise the whole ledger is replayed with it. Lines are kept only by a
// full replay.
void append_stock_event(const StockRules& rules, StockLedger& ledger, StockEvent event);

// Every lot flagged as a conflict, as a translatable error for the screens and the CLI:
// lot.conflict {site} {product} {lot} {lowest} {events} (events: the ids, comma-separated).
std::vector<Error> stock_conflicts(const StockLedger& ledger);

// A lot's expiry on a date (effective_expiry of its printed date and when it was first
// received); nullopt when the lot has no recorded expiry.
std::optional<Date> lot_expiry_on(const StockRules& rules, const LotBalance& lot, const Date& on);
// Whether a lot expires within k_expiry_warning_days of `on` (the screens ask before moving it).
bool lot_near_expiry(const StockRules& rules, const LotBalance& lot, const Date& on);

// Whether a new event may be recorded on top of `ledger` (the device's current replay), first
// refusal wins. Rules (Error codes; args in braces):
//   stock.vials_range {min} {max}           vials outside 1..k_max_transfer_vials (count: 0..k_max_stock_vials)
//   stock.lot_format {lot}                  empty, too long, or not printable ASCII without spaces
//   stock.unknown_site {site}
//   stock.unknown_lot {lot}                 a debit or count of a lot the site never received
//   stock.below_zero {lot} {on_hand} {vials} {short}   the debit exceeds the lot's on_hand by `short`
//   lot.expired {lot} {expiry}              transfer of a lot whose effective expiry is before its date
//   transfer.self
//   transfer.matrix {from_category} {to_category}   category ids, or "none" for a site that does not handle the product
//   transfer.max_vials {cap} {until}        the cap and its last day, from data
//   transfer.condition {condition}          not offered for the product, receiver or date
//   transfer.unknown {transfer}             a receipt/refusal of no such transfer
//   transfer.not_addressed {transfer}      the site answering is not the transfer's receiver
//   transfer.answered {transfer}            already received or refused
//   stock.reason {reason}                   not in the list for this event
//   stock.reason_text                       the reason needs free text (other)
//   stock.excursion                         cold_chain needs from, to and a temperature (from <= to)
//   count.reason_required {difference}      a count that differs from on_hand needs a reason
//   receipt.lot_expiry {lot}                a receipt line needs an expiry
//   stock.doses_range {min} {max}           wastage doses outside 0..k_max_transfer_vials×20
//   stock.text_too_long {max}               free text over k_max_reason_text characters
Status check_stock_event(const StockRules& rules, const StockLedger& ledger, const StockEvent& event,
                         const SiteCategoriesLookup& categories);

// The order a device gives a new event on the ledgers of these sites: one above the highest
// order it holds for any of them (1 for the first).
std::int64_t next_stock_order(const StockLedger& ledger, std::initializer_list<std::string_view> sites);

// Stock in doses: vials × doses per vial of the kind on the date (0 when no data row covers it).
std::int64_t stock_doses(const StockRules& rules, VaccineProduct p, DoseKind k, std::int64_t vials, const Date& on);

}  // namespace vsys
