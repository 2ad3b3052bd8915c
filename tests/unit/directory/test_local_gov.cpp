#include <doctest/doctest.h>

#include "core/directory/local_gov.hpp"

TEST_SUITE_BEGIN("directory");

TEST_CASE("the master data holds 47 prefectures and 1,741 active municipalities plus six inactive villages") {
    int prefectures = 0, active = 0, inactive = 0;
    for (const auto& g : vsys::local_governments()) {
        if (g.kind == vsys::LocalGovKind::prefecture) ++prefectures;
        else if (g.active) ++active;
        else {
            ++inactive;
            CHECK(g.parent == "010006");
            CHECK_FALSE(g.note.empty());
        }
    }
    CHECK(prefectures == 47);
    CHECK(active == 1741);
    CHECK(inactive == 6);
}

TEST_CASE("local governments are found by code with their names and parents") {
    const auto* chiyoda = vsys::find_local_gov("131016");
    REQUIRE(chiyoda);
    CHECK(chiyoda->name == "千代田区");
    CHECK(chiyoda->parent == "130001");
    CHECK(chiyoda->kind == vsys::LocalGovKind::municipality);
    const auto* tokyo = vsys::find_local_gov("130001");
    REQUIRE(tokyo);
    CHECK(tokyo->kind == vsys::LocalGovKind::prefecture);
    CHECK(vsys::find_local_gov("999999") == nullptr);
    CHECK(vsys::find_local_gov("011011") == nullptr);  // a designated-city ward is not a municipality
}

TEST_SUITE_END();
