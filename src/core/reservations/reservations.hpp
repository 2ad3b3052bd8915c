// 予約者一覧 (report R505): the list of the retired reservation function (予約機能, ended
// 2022-01-31) of one site. Personal data (names, dates of birth): the document is owned by the
// site's municipality, id the site's code, and addressed to that site only (kinds.cpp).
//
// Body (schema 1), every row up to the function's end:
//   {"schema": 1, "site": "1310100011", "municipality": "131016", "ended": "2022-01-31",
//    "rows": [{"name": "山田 太郎", "reading": "ヤマダ タロウ", "birth": "1948-04-12",
//              "date": "2021-07-20", "slot": "10:00", "dose": 1, "product": "pfizer_12",
//              "status": "vaccinated"}]}
// status: "reserved" (still open when the function ended), "vaccinated", "cancelled", "no_show".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/calendar.hpp"
#include "core/base/result.hpp"
#include "core/directory/site.hpp"

namespace vsys {

inline constexpr const char* k_reservations_kind = "reservations";
inline constexpr Date k_reservations_ended{2022, 1, 31};
inline constexpr std::size_t k_max_reservation_rows = 100'000;

enum class ReservationStatus { reserved, vaccinated, cancelled, no_show };
const char* reservation_status_id(ReservationStatus s);

struct ReservationRow {
    std::string name;     // 氏名 (synthetic)
    std::string reading;  // カナ
    Date birth;
    Date date;            // 予約日
    std::string slot;     // "HH:MM", the start of the time slot
    int dose = 1;         // 1..3
    VaccineProduct product = VaccineProduct::pfizer_12;
    ReservationStatus status = ReservationStatus::reserved;
};

struct ReservationList {
    std::string site;          // 10 digits
    std::string municipality;  // 6 digits
    std::vector<ReservationRow> rows;
};

nlohmann::json to_json(const ReservationList& list);
// Errors: reservations.malformed {field} (a member missing, mistyped or out of range, a date
// after the function's end; field names the row: "rows[3].date").
Result<ReservationList> reservation_list_from_json(const nlohmann::json& j);

}  // namespace vsys
