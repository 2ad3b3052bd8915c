#include <doctest/doctest.h>

#include "app/base/i18n.hpp"
#include "app/base/storage_failure.hpp"

TEST_SUITE_BEGIN("session");

TEST_CASE("a full browser quota is storage.full, with a message that says what to do; any other failure storage.write") {
    // What Chromium's IndexedDB reports through IDBFS when the origin's quota is exceeded.
    const auto full = vsys::storage_failure("QuotaExceededError: Encountered full disk while opening backing store");
    CHECK(full.code == "storage.full");
    const auto& strings = vsys::Strings::builtin();
    CHECK(strings.error_message(full, vsys::Language::ja).find("空き") != std::string::npos);
    CHECK(strings.error_message(full, vsys::Language::en).find("storage is full") != std::string::npos);
    CHECK(strings.error_message(full, vsys::Language::en).find("nothing you entered is lost") != std::string::npos);

    const auto other = vsys::storage_failure("UnknownError: the database connection is closing");
    CHECK(other.code == "storage.write");
    CHECK(strings.error_message(other, vsys::Language::en) == "Could not save: UnknownError: the database connection is closing");
}

TEST_SUITE_END();
