// 納入予定 as a typed view (app/base/contract.hpp): the confirmed delivery orders of a round, or
// of every listed round, in the subtree of an organisation. The screen reads DeliveriesView;
// window.vsys reads the same answer through to_json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"

namespace vsys {

class App;

struct DeliveryRow {
    std::string round, round_name;
    std::string product, product_name;  // the product's id and its name in the user's language
    std::string site, name, municipality;
    std::int64_t boxes = 0, needle_boxes = 0, syringe_boxes = 0, vials = 0, doses = 0;
    std::string period_start, period_end;  // the round's delivery period, ISO dates
    std::string allocation;                // the hash of the ⑤ registration it follows
};

struct DeliveriesView {
    std::string org;
    std::vector<DeliveryRow> rows;
};

// {round?, org?}: one round or every listed round; org defaults to the user's own.
struct DeliveriesQuery {
    static constexpr const char* name = "deliveries";
    using View = DeliveriesView;
    std::optional<std::string> round;
    std::optional<std::string> org;
    static Result<DeliveriesQuery> read(const nlohmann::json& args);
    bool operator==(const DeliveriesQuery&) const = default;
};

Result<Prepared<DeliveriesView>> prepare(App& app, const DeliveriesQuery& q);
nlohmann::json to_json(const DeliveriesView& v);

}  // namespace vsys
