// The dense ids of local-government codes agree with find_local_gov for every code and refuse
// what find_local_gov refuses.
#include <doctest/doctest.h>

#include "core/directory/local_gov_index.hpp"

TEST_SUITE_BEGIN("directory");

using namespace vsys;

TEST_CASE("every local government's code maps to its own position and back") {
    const auto all = local_governments();
    REQUIRE(all.size() > 1700);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::uint32_t id = local_gov_id(all[i].code);
        REQUIRE(id == i);
        CHECK(find_local_gov_by_id(id) == find_local_gov(all[i].code));
    }
}

TEST_CASE("a code find_local_gov does not know has no id") {
    for (const char* code : {"131017",  // Chiyoda with a wrong check digit
                             "13101", "1310160", "", "13101a", "-13101", "999999", "000000"}) {
        CHECK(find_local_gov(code) == nullptr);
        CHECK(local_gov_id(code) == k_no_local_gov);
    }
    CHECK(find_local_gov_by_id(k_no_local_gov) == nullptr);
    CHECK(find_local_gov_by_id(static_cast<std::uint32_t>(local_governments().size())) == nullptr);
}

TEST_SUITE_END();
