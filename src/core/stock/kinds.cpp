#include "core/stock/kinds.hpp"

#include "core/stock/stock_documents.hpp"

namespace vsys {
namespace {

Status validate_stock(const DocumentVersion& v) {
    if (v.kind == k_stock_request_kind) {
        auto r = stock_request_from_json(v.body);
        return r ? ok_status() : Status(r.error());
    }
    auto r = stock_events_of(v);
    return r ? ok_status() : Status(r.error());
}

// A transfer is addressed to its receiver.
std::vector<std::string> transfer_audience(const DocumentVersion& v, const OrgRelations&) {
    auto to = v.body.find("to");
    if (to == v.body.end() || !to->is_string() || !valid_org_id(to->get<std::string>())) return {};
    return {to->get<std::string>()};
}

// An answer goes back to the transfer's sender: the owner part of the transfer's key.
std::vector<std::string> answer_audience(const DocumentVersion& v, const OrgRelations&) {
    auto t = v.body.find("transfer");
    if (t == v.body.end() || !t->is_string()) return {};
    const std::string& key = t->get_ref<const std::string&>();
    std::string owner = key.substr(0, key.find('/'));
    if (!valid_org_id(owner)) return {};
    return {owner};
}

}  // namespace

void register_stock_kinds(KindRegistry& kinds) {
    const RoleSet sites{OrgRole::site, OrgRole::venue};
    kinds.add({k_stock_receipt_kind, sites, true, false, {}, k_stock_schema, validate_stock});
    kinds.add({k_stock_transfer_kind, sites, true, false, transfer_audience, k_stock_schema, validate_stock});
    kinds.add({k_stock_transfer_answer_kind, sites, true, false, answer_audience, k_stock_schema, validate_stock});
    kinds.add({k_stock_wastage_kind, sites, true, false, {}, k_stock_schema, validate_stock});
    kinds.add({k_stock_count_kind, sites, true, false, {}, k_stock_schema, validate_stock});
    kinds.add({k_stock_request_kind, {OrgRole::nation, OrgRole::prefecture, OrgRole::municipality}, false, false, {},
               k_stock_schema, validate_stock});
}

}  // namespace vsys
