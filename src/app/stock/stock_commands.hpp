// The stock commands, typed (app/base/contract.hpp; DOMAIN.md §5, docs/STOCK.md): what the stock
// screens emit and window.vsys sends as JSON through each type's codec (cmd_stock.cpp). Every
// rule is checked in prepare(), so the screens' typed commands are refused exactly as JSON ones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"

namespace vsys {

class App;

// {type: "confirm_delivery", site, round, date?, lines: [{lot, expiry, vials}], discrepancy?, text?}
// The site's confirmation of its ⑤ delivery of a round (受入): lots as they arrived.
struct ReceivedLot {
    std::string lot, expiry;  // expiry as YYYY-MM-DD
    std::int64_t vials = 0;
};
struct ConfirmDelivery {
    static constexpr const char* type = "confirm_delivery";
    std::string site, round;
    std::optional<std::string> date;  // default today (Japan)
    std::vector<ReceivedLot> lines;
    std::string discrepancy, text;
    static Result<ConfirmDelivery> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const ConfirmDelivery& c);

// {type: "transfer_stock", site, to, product, lot, vials, condition, date?, near_expiry_ok?}
// 移送の登録; a lot near its expiry is refused (transfer.near_expiry) unless near_expiry_ok.
struct TransferStock {
    static constexpr const char* type = "transfer_stock";
    std::string site, to, product, lot;
    std::int64_t vials = 0;
    std::string condition;
    std::optional<std::string> date;
    bool near_expiry_ok = false;
    static Result<TransferStock> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const TransferStock& c);

// {type: "answer_transfer", site, transfer, accept, reason?, text?, date?}: 受入 or 受入拒否.
struct AnswerTransfer {
    static constexpr const char* type = "answer_transfer";
    std::string site, transfer;
    bool accept = false;
    std::string reason, text;
    std::optional<std::string> date;
    static Result<AnswerTransfer> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const AnswerTransfer& c);

// {type: "record_wastage", site, product, lot, vials?, doses?, reason, text?, excursion_from?,
//  excursion_to?, temperature?, date?}: ワクチン廃棄量等の報告.
struct RecordWastage {
    static constexpr const char* type = "record_wastage";
    std::string site, product, lot;
    std::int64_t vials = 0, doses = 0;
    std::string reason, text;
    std::optional<std::string> excursion_from, excursion_to, temperature;
    std::optional<std::string> date;
    static Result<RecordWastage> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const RecordWastage& c);

// {type: "record_count", site, date?, request?, lines: [{product, lot, vials, reason?, text?}]}:
// 在庫量の報告, a physical count per lot; naming a stock request's key makes it the answer.
struct CountedLot {
    std::string product, lot;
    std::int64_t vials = 0;
    std::string reason, text;
};
struct RecordCount {
    static constexpr const char* type = "record_count";
    std::string site;
    std::optional<std::string> date;
    std::string request;
    std::vector<CountedLot> lines;
    static Result<RecordCount> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const RecordCount& c);

// {type: "issue_stock_request", due, products: [...], note?}: the nation, a prefecture or a
// municipality asks the sites of its subtree for their stock.
struct IssueStockRequest {
    static constexpr const char* type = "issue_stock_request";
    std::string due;
    std::vector<std::string> products;  // product ids
    std::string note;
    static Result<IssueStockRequest> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const IssueStockRequest& c);

}  // namespace vsys
