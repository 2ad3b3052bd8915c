#include <doctest/doctest.h>

#include "app/base/app.hpp"
#include "memory_storage.hpp"

TEST_SUITE_BEGIN("session");

namespace {
vsys::App make_app(vsys::Storage& s) {
    return vsys::App(s, "/data/vsys", {"0.1.0", "test"}, [] { return vsys::sync::UtcTime{1643673600}; });
}
}  // namespace

TEST_CASE("update_settings changes the language and device name and survives a reopen") {
    vsys::test::MemoryStorage storage;
    {
        auto app = make_app(storage);
        app.open();
        CHECK(app.language() == vsys::Language::ja);
        auto r = app.command_json(R"({"type":"update_settings","language":"en","device_name":"千代田区役所 受付"})");
        CHECK(r["ok"] == true);
        CHECK(app.language() == vsys::Language::en);
    }
    auto again = make_app(storage);
    again.open();
    CHECK(again.language() == vsys::Language::en);
    CHECK(again.settings().device_name == "千代田区役所 受付");
    auto v = again.view_json("settings", "");
    CHECK(v["view"]["device_name"] == "千代田区役所 受付");
}

TEST_CASE("an unknown command, a missing type or a wrongly typed field answers an error and changes nothing") {
    vsys::test::MemoryStorage storage;
    auto app = make_app(storage);
    app.open();
    const auto before = storage.files;
    for (const char* bad : {R"({"type":"launch_rockets"})", R"({"language":"en"})", "[1,2]", "{not json",
                            R"({"type":"update_settings","language":5})", R"({"type":"update_settings","language":"fr"})",
                            R"({"type":"update_settings","colour":"red"})",
                            R"({"type":"update_settings","device_name":"a\u0001b"})"}) {
        auto r = app.command_json(bad);
        CHECK_MESSAGE(r["ok"] == false, bad);
        CHECK(r["error"]["code"].is_string());
        CHECK(!r["error"]["message"].get<std::string>().empty());
    }
    CHECK(storage.files == before);
    CHECK(app.language() == vsys::Language::ja);
}

TEST_CASE("an over-long device name is refused with the limit in the message") {
    vsys::test::MemoryStorage storage;
    auto app = make_app(storage);
    app.open();
    std::string name(41, 'a');
    auto r = app.command_json(R"({"type":"update_settings","device_name":")" + name + "\"}");
    CHECK(r["ok"] == false);
    CHECK(r["error"]["message"] == "端末名は 40 文字以内で入力してください");
    std::string forty;
    for (int i = 0; i < 40; ++i) forty += "区";
    CHECK(app.command_json(R"({"type":"update_settings","device_name":")" + forty + "\"}")["ok"] == true);
}

TEST_CASE("a save cut off half-way leaves the previous state readable") {
    vsys::test::MemoryStorage storage;
    {
        auto app = make_app(storage);
        app.open();
        REQUIRE(app.command_json(R"({"type":"update_settings","device_name":"first"})")["ok"] == true);
        storage.fail_after_bytes = 10;
        auto r = app.command_json(R"({"type":"update_settings","device_name":"second"})");
        CHECK(r["ok"] == false);
        CHECK(r["error"]["code"] == "storage.write");
        CHECK(app.settings().device_name == "first");  // memory did not move ahead of storage
    }
    auto again = make_app(storage);
    again.open();
    CHECK(again.settings().device_name == "first");
}

TEST_CASE("many saves are compacted into a snapshot without losing the newest state") {
    vsys::test::MemoryStorage storage;
    auto app = make_app(storage);
    app.open();
    for (int i = 0; i < 150; ++i)
        REQUIRE(app.command_json(R"({"type":"update_settings","device_name":"n)" + std::to_string(i) + "\"}")["ok"] == true);
    CHECK(storage.files.size() < 70);
    auto again = make_app(storage);
    again.open();
    CHECK(again.settings().device_name == "n149");
}

TEST_CASE("the about view reports version, build and storage usage; unknown views are refused") {
    vsys::test::MemoryStorage storage;
    auto app = make_app(storage);
    app.open();
    app.command_json(R"({"type":"update_settings","device_name":"x"})");
    auto about = app.view_json("about", "{}");
    CHECK(about["ok"] == true);
    CHECK(about["view"]["version"] == "0.1.0");
    CHECK(about["view"]["storage"]["files"] == 1);
    CHECK(about["view"]["storage"]["bytes"].get<int>() > 0);
    CHECK(app.view_json("nothing", "{}")["ok"] == false);
    CHECK(app.view_json("settings", R"({"x":1})")["ok"] == false);
}

TEST_CASE("what still waits to be pushed survives a reload and a compaction; the device's own records never wait") {
    vsys::test::MemoryStorage storage;
    vsys::Persistence p(storage, "/data/vsys", 3);
    p.load();
    auto doc = [](std::uint64_t version, const std::string& replaces, int n) {
        vsys::DocumentVersion d;
        d.owner = "site:0110113719";
        d.kind = "report";
        d.id = "main";
        d.version = version;
        d.replaces = replaces;
        d.body = {{"vials", n}};
        d.author = "VS0110113719";
        d.time = "2022-02-01T00:00:00Z";
        d.hash = "h" + std::to_string(n);
        return d;
    };
    auto v1 = doc(1, "", 1), v2 = doc(2, "h1", 2), r1 = doc(1, "", 9);
    r1.id = "other";
    REQUIRE(p.append({v1}));
    REQUIRE(p.append({r1}, true));
    REQUIRE(p.append_pushed({"h1"}));
    REQUIRE(p.append({v2}));
    {
        vsys::Persistence again(storage, "/data/vsys", 3);
        CHECK(again.load().size() == 3);
        CHECK(again.settled() == std::unordered_set<std::string>{"h1", "h9"});
    }
    // More than three segments: a snapshot keeps v2 pending, the rest settled.
    REQUIRE(p.compact_if_needed({&v2, &r1}, {"h2"}));
    vsys::Persistence again(storage, "/data/vsys", 3);
    CHECK(again.load().size() == 2);
    CHECK(again.settled() == std::unordered_set<std::string>{"h9"});

    auto app = make_app(storage);
    app.open();
    for (int i = 0; i < 10; ++i)
        REQUIRE(app.command_json(R"({"type":"update_settings","device_name":"n)" + std::to_string(i) + "\"}")["ok"] == true);
    // v2 waits; v1 was pushed; settings are the device's own
    REQUIRE(app.store().pending().size() == 1);
    CHECK(app.store().pending()[0]->hash == "h2");
}

TEST_SUITE_END();
