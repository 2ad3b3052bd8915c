// Checks shared by the typed-view tests (tests/unit/<feature>/test_*_views.cpp): a view asked
// typed (App::ask) and through window.vsys's JSON path (App::view) answers the same, through the
// answer's one codec, so a codec that drifts from what the scripts read fails.
#pragma once

#include <doctest/doctest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "app_fixture.hpp"

namespace vsys::test {

// The member names of a JSON object.
inline std::set<std::string> members(const nlohmann::json& j) {
    std::set<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) out.insert(it.key());
    return out;
}

// The JSON view of Q's name equals the typed answer through its codec, or both are refused with
// one code; the JSON answer (null when refused).
template <class Q>
nlohmann::json same_view(AppFixture& f, const Q& q, const nlohmann::json& args = nlohmann::json::object()) {
    auto typed = f.app.ask(q);
    auto j = f.app.view(Q::name, args);
    REQUIRE(typed.ok() == j.ok());
    if (!typed) {
        CHECK(typed.error().code == j.error().code);
        return nullptr;
    }
    CHECK(to_json(*typed) == *j);
    return *j;
}

}  // namespace vsys::test
