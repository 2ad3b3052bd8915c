#include <doctest/doctest.h>

#include "app_fixture.hpp"

TEST_SUITE_BEGIN("session");

using vsys::test::AppFixture;

TEST_CASE("a demo account signs in with the demo password and sees its organisation") {
    AppFixture f;
    auto r = f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", vsys::k_demo_password}});
    REQUIRE(r["ok"] == true);
    CHECK(r["session"]["org"] == "muni:131016");
    CHECK(r["session"]["org_name"] == "千代田区");
    CHECK(f.view("session")["view"]["role"] == "municipality");
    f.logout();
    CHECK(f.view("session")["view"]["signed_in"] == false);
}

TEST_CASE("the password never leaves the device: only a sealed key and a login record are stored") {
    AppFixture f;
    REQUIRE(f.login("VM131016"));
    for (const auto& [path, bytes] : f.storage.files) CHECK(bytes.find(vsys::k_demo_password) == std::string::npos);
    f.logout();
    CHECK(f.login("VM131016"));  // the second sign-in opens the sealed key with the password
}

TEST_CASE("an unknown V-SYS ID and a wrong password are refused without saying which") {
    AppFixture f;
    auto r = f.run({{"type", "login"}, {"vsys_id", "VX999"}, {"password", "x"}});
    CHECK(r["error"]["code"] == "login.failed");
    r = f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", "wrong"}});
    CHECK(r["error"]["code"] == "identity.password");
    CHECK(f.view("session")["view"]["signed_in"] == false);
}

TEST_CASE("five wrong passwords in a row lock the account on this device until it is unlocked") {
    AppFixture f;
    REQUIRE(f.login("VM131016"));
    f.logout();
    for (int i = 1; i <= 4; ++i) {
        auto r = f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", "wrong"}});
        CHECK(r["error"]["code"] == "identity.password");
        CHECK(r["error"]["args"]["remaining"] == std::to_string(5 - i));
    }
    auto fifth = f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", "wrong"}});
    CHECK(fifth["error"]["code"] == "account.locked");
    // The right password no longer opens it on this device.
    CHECK(f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", vsys::k_demo_password}})["error"]["code"] ==
          "account.locked");
    // The locked user files an unlock request; the managing prefecture answers it.
    auto req = f.run({{"type", "file_unlock_request"}, {"vsys_id", "VM131016"}, {"institution", "千代田区"},
                      {"institution_code", "131016"}, {"name", "山田 花子"}, {"mail", "yamada@example.jp"}});
    REQUIRE(req["ok"] == true);
    f.clock += 60;
    REQUIRE(f.login("VP130001"));
    auto inbox = f.view("unlock_requests")["view"]["requests"];
    REQUIRE(inbox.size() == 1);
    CHECK(inbox[0]["vsys_id"] == "VM131016");
    CHECK(inbox[0]["answered"] == false);
    REQUIRE(f.run({{"type", "answer_unlock_request"}, {"vsys_id", "VM131016"}})["ok"] == true);
    CHECK(f.view("unlock_requests")["view"]["requests"][0]["answered"] == true);
    f.logout();
    f.clock += 60;
    CHECK(f.login("VM131016"));
}

TEST_CASE("another prefecture cannot answer an unlock request it does not manage") {
    AppFixture f;
    REQUIRE(f.login("VP270008"));  // 大阪府
    auto r = f.run({{"type", "answer_unlock_request"}, {"vsys_id", "VM131016"}});
    CHECK(r["error"]["code"] == "no_access");
}

TEST_CASE("an account unused for more than 90 days is restricted until the level above unlocks it") {
    AppFixture f;
    REQUIRE(f.login("VM131016"));
    f.logout();
    f.clock += 91 * 86400;
    CHECK(f.run({{"type", "login"}, {"vsys_id", "VM131016"}, {"password", vsys::k_demo_password}})["error"]["code"] ==
          "account.restricted");
    REQUIRE(f.login("VP130001"));
    REQUIRE(f.run({{"type", "answer_unlock_request"}, {"vsys_id", "VM131016"}})["ok"] == true);
    f.logout();
    CHECK(f.login("VM131016"));
}

TEST_CASE("bad sign-in input is refused with a clear error and stores nothing") {
    AppFixture f;
    const auto before = f.storage.files;
    for (const auto& cmd : {nlohmann::json{{"type", "login"}}, nlohmann::json{{"type", "login"}, {"vsys_id", 5}, {"password", "x"}},
                            nlohmann::json{{"type", "login"}, {"vsys_id", "VM131016"}, {"password", "x"}, {"extra", 1}},
                            nlohmann::json{{"type", "file_unlock_request"}, {"vsys_id", "VM131016"}, {"institution", ""},
                                           {"institution_code", "131016"}, {"name", "a"}, {"mail", "bad"}}}) {
        auto r = f.run(cmd);
        CHECK_MESSAGE(r["ok"] == false, cmd.dump());
    }
    CHECK(f.storage.files == before);
}

TEST_SUITE_END();
