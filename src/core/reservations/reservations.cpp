#include "core/reservations/reservations.hpp"

#include <array>

namespace vsys {
namespace {

constexpr std::array<const char*, 4> k_status_ids = {"reserved", "vaccinated", "cancelled", "no_show"};

Error malformed(const std::string& field) {
    return Error{"reservations.malformed", "a member of the reservation list is missing or malformed", {{"field", field}}};
}

bool digits(const std::string& s, std::size_t n) {
    if (s.size() != n) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

const std::string* text_of(const nlohmann::json& j, const char* member, std::size_t max_bytes) {
    auto it = j.find(member);
    if (it == j.end() || !it->is_string()) return nullptr;
    const std::string& s = it->get_ref<const std::string&>();
    return s.empty() || s.size() > max_bytes ? nullptr : &s;
}

bool slot_ok(const std::string& s) {
    return s.size() == 5 && s[2] == ':' && digits(s.substr(0, 2), 2) && digits(s.substr(3), 2) && s.substr(0, 2) < "24" &&
           s.substr(3) < "60";
}

Result<ReservationRow> row_from_json(const nlohmann::json& j, const std::string& at) {
    if (!j.is_object() || j.size() != 8) return malformed(at);
    ReservationRow r;
    auto text = [&](const char* m, std::string& out, std::size_t max) -> bool {
        const std::string* s = text_of(j, m, max);
        if (s) out = *s;
        return s != nullptr;
    };
    std::string birth, date, product, status;
    if (!text("name", r.name, 100)) return malformed(at + ".name");
    if (!text("reading", r.reading, 200)) return malformed(at + ".reading");
    if (!text("birth", birth, 10)) return malformed(at + ".birth");
    if (!text("date", date, 10)) return malformed(at + ".date");
    if (!text("slot", r.slot, 5) || !slot_ok(r.slot)) return malformed(at + ".slot");
    if (!text("product", product, 20)) return malformed(at + ".product");
    if (!text("status", status, 20)) return malformed(at + ".status");
    auto b = parse_iso_date(birth);
    auto d = parse_iso_date(date);
    if (!b) return malformed(at + ".birth");
    if (!d || *d > k_reservations_ended || *b > *d) return malformed(at + ".date");
    r.birth = *b;
    r.date = *d;
    auto dose = j.find("dose");
    if (dose == j.end() || !dose->is_number_integer() || dose->get<std::int64_t>() < 1 || dose->get<std::int64_t>() > 3)
        return malformed(at + ".dose");
    r.dose = static_cast<int>(dose->get<std::int64_t>());
    auto p = parse_vaccine_product(product);
    if (!p) return malformed(at + ".product");
    r.product = *p;
    bool found = false;
    for (std::size_t i = 0; i < k_status_ids.size(); ++i)
        if (status == k_status_ids[i]) {
            r.status = static_cast<ReservationStatus>(i);
            found = true;
        }
    if (!found) return malformed(at + ".status");
    return r;
}

}  // namespace

const char* reservation_status_id(ReservationStatus s) { return k_status_ids[static_cast<std::size_t>(s)]; }

nlohmann::json to_json(const ReservationList& list) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : list.rows)
        rows.push_back({{"name", r.name},
                        {"reading", r.reading},
                        {"birth", to_iso(r.birth)},
                        {"date", to_iso(r.date)},
                        {"slot", r.slot},
                        {"dose", r.dose},
                        {"product", vaccine_product_id(r.product)},
                        {"status", reservation_status_id(r.status)}});
    return {{"schema", 1},
            {"site", list.site},
            {"municipality", list.municipality},
            {"ended", to_iso(k_reservations_ended)},
            {"rows", std::move(rows)}};
}

Result<ReservationList> reservation_list_from_json(const nlohmann::json& j) {
    if (!j.is_object() || j.size() != 5) return malformed("body");
    auto schema = j.find("schema");
    if (schema == j.end() || !schema->is_number_integer() || schema->get<std::int64_t>() != 1) return malformed("schema");
    ReservationList out;
    const std::string* site = text_of(j, "site", 10);
    if (!site || !digits(*site, 10)) return malformed("site");
    out.site = *site;
    const std::string* muni = text_of(j, "municipality", 6);
    if (!muni || !digits(*muni, 6)) return malformed("municipality");
    out.municipality = *muni;
    const std::string* ended = text_of(j, "ended", 10);
    if (!ended || *ended != to_iso(k_reservations_ended)) return malformed("ended");
    auto rows = j.find("rows");
    if (rows == j.end() || !rows->is_array() || rows->size() > k_max_reservation_rows) return malformed("rows");
    out.rows.reserve(rows->size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
        auto r = row_from_json((*rows)[i], "rows[" + std::to_string(i) + "]");
        if (!r) return r.error();
        out.rows.push_back(std::move(*r));
    }
    return out;
}

}  // namespace vsys
