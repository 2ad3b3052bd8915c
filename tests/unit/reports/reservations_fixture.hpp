// A reservation list of one Chiyoda site (R505), sealed to the given keys as a municipality
// publishes it (PROTOCOL §2 "Sealed bodies"), for tests of what a device can and cannot open
// (tests/unit/sync/test_sync_sealed.cpp, tests/ui/test_reports.cpp); and a report's column by
// its label.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/directory/site.hpp"
#include "core/reservations/reservations.hpp"
#include "sync/canonical.hpp"
#include "sync/sealed_body.hpp"

namespace vsys::test {

inline DocumentVersion sealed_reservation_list(const Site& s, const std::vector<std::string>& recipients, int version = 1,
                                               const std::string& replaces = "") {
    ReservationList list;
    list.site = s.code;
    list.municipality = s.municipality;
    list.rows.push_back({"山田 太郎", "ヤマダ タロウ", Date{1948, 4, 12}, Date{2021, 7, 20}, "10:00", 1,
                         VaccineProduct::pfizer_12, ReservationStatus::vaccinated});
    DocumentVersion v;
    v.owner = "muni:" + s.municipality;
    v.kind = k_reservations_kind;
    v.id = s.code;
    v.version = version;
    v.replaces = replaces;
    v.author = "VM" + s.municipality;
    v.time = "2022-02-01T00:00:00Z";
    v.body = *sync::seal_body(v.key(), to_json(list), recipients, sync::fresh_entropy());
    REQUIRE(sync::seal(v));
    return v;
}

inline int report_column(const nlohmann::json& r, const std::string& label) {
    for (std::size_t i = 0; i < r["columns"].size(); ++i)
        if (r["columns"][i]["label"] == label) return static_cast<int>(i);
    FAIL("no column " << label);
    return -1;
}

}  // namespace vsys::test
