// A receipt's rules as a whole (stock_documents.hpp check_receipt): the lots add up to what was
// delivered, or the difference has a reason.
#include <set>

#include "core/stock/stock_documents.hpp"

namespace vsys {

Status check_receipt(const StockRules& rules, const StockReceiptDoc& d) {
    std::set<std::string> lots;
    std::int64_t received = 0;
    for (const auto& l : d.lines) {
        if (!lots.insert(l.lot).second)
            return Error{"receipt.duplicate_lot", "a lot is entered twice", {{"lot", l.lot}}};
        received += l.vials;
    }
    if (received == d.expected_vials && d.discrepancy.empty()) return ok_status();
    if (d.discrepancy.empty())
        return Error{"receipt.discrepancy_required", "the lots differ from the delivery: a reason is needed",
                     {{"expected", std::to_string(d.expected_vials)}, {"received", std::to_string(received)}}};
    const StockReason* reason = rules.find_reason(ReasonList::discrepancy, d.discrepancy);
    if (!reason) return Error{"stock.reason", "not a reason of the list", {{"reason", d.discrepancy}}};
    if (reason->needs == ReasonNeeds::text && d.text.empty())
        return Error{"stock.reason_text", "this reason needs a written explanation"};
    return ok_status();
}

}  // namespace vsys
