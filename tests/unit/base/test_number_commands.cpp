// The commands read number fields by the screens' one rule (core/base/number_field.hpp), so a
// script through window.vsys gets the answers a user gets from the field.
#include <doctest/doctest.h>

#include "app_fixture.hpp"

TEST_SUITE_BEGIN("base");

using namespace vsys;
using nlohmann::json;

namespace {
json settings_with(json minutes) { return {{"type", "update_settings"}, {"idle_lock_minutes", std::move(minutes)}}; }
std::string code_of(const json& answer) { return answer["ok"] == true ? std::string() : answer["error"]["code"].get<std::string>(); }
}  // namespace

TEST_CASE("a command given full-width digits as text stores the number, as the field does") {
    test::AppFixture f;
    CHECK(code_of(f.run(settings_with("１２"))) == "");
    CHECK(f.app.settings().idle_lock_minutes == 12);
    CHECK(code_of(f.run(settings_with(30))) == "");
    CHECK(f.app.settings().idle_lock_minutes == 30);
}

TEST_CASE("a command refuses letters, a 20-digit number and a number out of range with the field's codes, "
          "naming the field by its label") {
    test::AppFixture f;
    const json letters = f.run(settings_with("12a"));
    CHECK(code_of(letters) == "number.not_a_number");
    CHECK(letters["error"]["message"].get<std::string>().find("自動ログアウト") != std::string::npos);
    CHECK(code_of(f.run(settings_with("12345678901234567890"))) == "number.out_of_range");
    CHECK(code_of(f.run(settings_with(json(std::uint64_t{12345678901234567890u})))) == "number.out_of_range");
    CHECK(code_of(f.run(settings_with(241))) == "number.out_of_range");
    CHECK(code_of(f.run(settings_with(-5))) == "number.negative");
    CHECK(code_of(f.run(settings_with(true))) == "arg.type");
    CHECK(f.app.settings().idle_lock_minutes == 15);  // nothing stored
}

TEST_CASE("a site's request in boxes is read by the same rule, from text or number") {
    test::AppFixture f;
    const Site& site = f.site_in("131016");
    REQUIRE(f.login(test::site_account(site)));
    auto req = [&](json boxes) {
        return f.run({{"type", "report_request"}, {"site", site.code}, {"round", "PF12_R10"}, {"boxes", std::move(boxes)}});
    };
    CHECK(code_of(req("12a")) == "number.not_a_number");
    CHECK(code_of(req("99999999999999999999")) == "number.out_of_range");
    CHECK(code_of(req(10'000'001)) == "number.out_of_range");
    const json ok = req("１２");
    if (code_of(ok).empty()) CHECK(f.view("requests", {{"round", "PF12_R10"}})["view"]["boxes"] == 12);
    else CHECK(code_of(ok).rfind("number.", 0) != 0);  // refused by the round's state, not the number
}

TEST_SUITE_END();
