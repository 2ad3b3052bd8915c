// Untrusted input (core/base/input.hpp): strict JSON within limits, excerpts in messages; and the
// App's command and view text held to the same rules (issue 11, finding 5).
#include <doctest/doctest.h>

#include "app/base/args.hpp"
#include "app_fixture.hpp"
#include "core/claims/claims_json.hpp"
#include "core/documents/document.hpp"
#include "core/base/input.hpp"

TEST_SUITE_BEGIN("base");

using namespace vsys;
using nlohmann::json;

namespace {

input::JsonLimits small(std::size_t bytes, int depth, std::size_t values) {
    input::JsonLimits l;
    l.max_bytes = bytes;
    l.max_depth = depth;
    l.max_values = values;
    return l;
}

bool has_raw_control(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F) return true;
    return s.find("\xe2\x80\xae") != std::string::npos;  // U+202E, right-to-left override
}

}  // namespace

TEST_CASE("parse_json reads well-formed JSON into the same value nlohmann does") {
    const std::string text = R"({"a":[1,-2,18446744073709551615,"x",null,true,{"b":{}}],"c":"日本"})";
    auto j = input::parse_json(text);
    REQUIRE(j);
    CHECK(*j == json::parse(text));
    CHECK(input::parse_json("7")->get<int>() == 7);
    CHECK(input::parse_json(" [ ] ")->is_array());
}

TEST_CASE("parse_json refuses duplicate keys at any depth and names the key") {
    auto top = input::parse_json(R"({"total":10,"total":5})");
    REQUIRE_FALSE(top);
    CHECK(top.error().code == "json.duplicate_key");
    CHECK(top.error().arg("key") == "total");
    CHECK(input::parse_json(R"({"a":[{"x":1,"y":2,"x":3}]})").error().code == "json.duplicate_key");
    CHECK(input::parse_json(R"({"a":{"x":1},"b":{"x":1}})"));  // the same key in two objects is fine
}

TEST_CASE("parse_json refuses more bytes, deeper nesting or more values than its limits, just above each") {
    CHECK(input::parse_json("[1,2]", small(5, 64, 100)));
    auto big = input::parse_json("[1,2] ", small(5, 64, 100));
    CHECK(big.error().code == "json.too_large");
    CHECK(big.error().arg("size") == "6");
    CHECK(big.error().arg("max") == "5");

    CHECK(input::parse_json("[[[1]]]", small(100, 3, 100)));
    CHECK(input::parse_json("[[[[1]]]]", small(100, 3, 100)).error().code == "json.too_deep");
    CHECK(input::parse_json(R"({"a":{"b":{"c":{}}}})", small(100, 3, 100)).error().code == "json.too_deep");
    // The default depth is 64: the 65th bracket is refused however long the text goes on.
    CHECK(input::parse_json(std::string(64, '[') + std::string(64, ']')));
    CHECK(input::parse_json(std::string(65, '[') + std::string(65, ']')).error().code == "json.too_deep");
    CHECK(input::parse_json(std::string(100000, '[')).error().code == "json.too_deep");

    CHECK(input::parse_json("[1,2,3]", small(100, 64, 4)));  // the array and its three numbers
    auto many = input::parse_json("[1,2,3,4]", small(100, 64, 4));
    CHECK(many.error().code == "json.too_many_values");
    CHECK(many.error().arg("max") == "4");
}

TEST_CASE("parse_json refuses floats unless the reader names the field itself, bad UTF-8 and invalid JSON") {
    CHECK(input::parse_json("[1.5]").error().code == "json.float");
    CHECK(input::parse_json("[1e3]").error().code == "json.float");
    input::JsonLimits floats;
    floats.allow_float = true;
    CHECK(input::parse_json("[1.5]", floats)->at(0).is_number_float());
    CHECK(input::parse_json("\"\xff\"").error().code == "json.utf8");
    auto bad = input::parse_json("[1,]");
    CHECK(bad.error().code == "json.invalid");
    CHECK(bad.error().arg("offset") == "4");
    CHECK(input::parse_json("[1] [2]").error().code == "json.invalid");
    CHECK(input::parse_json("").error().code == "json.invalid");
}

TEST_CASE("an excerpt quotes at most 100 characters and never a raw control character") {
    CHECK(input::excerpt("abc") == "abc");
    CHECK(input::excerpt("千代田区") == "千代田区");
    const std::string long_text(1'000'000, 'x');
    const std::string e = input::excerpt(long_text);
    CHECK(e == std::string(100, 'x') + "…");
    CHECK(input::excerpt("a\nb\tc\x1b[31m\x7f") == "a\\nb\\tc\\u{1b}[31m\\u{7f}");
    CHECK(input::excerpt("left\xe2\x80\xaeright") == "left\\u{202e}right");
    CHECK(input::excerpt("\xc2\x85") == "\\u{85}");  // C1 control NEL
    CHECK(input::excerpt("ok\xff\xc3") == "ok\\xff\\xc3");
    CHECK(input::excerpt(std::string(50, 'a') + "日本語", 52) == std::string(50, 'a') + "日本…");
    CHECK_FALSE(has_raw_control(input::excerpt(std::string("\x00\x01\x02", 3))));
}

TEST_CASE("for_display bounds every argument and the detail of an error") {
    const std::string huge(1'000'000, 'q');
    Error e{"command.unknown", "unknown command " + huge, {{"type", huge + "\n"}}};
    Error d = input::for_display(e);
    CHECK(d.code == "command.unknown");
    CHECK(d.arg("type").size() < 110);
    CHECK(d.detail.size() < 420);
    CHECK_FALSE(has_raw_control(d.arg("type")));
}

TEST_CASE("a document names the member that is wrong: unknown, mistyped, or a time not in ISO 8601 form") {
    json good = {{"owner", "site:0110113719"}, {"kind", "stock"}, {"id", "main"}, {"version", 1u}, {"replaces", ""},
                 {"author", "U1"},             {"time", "2021-06-01T00:00:00Z"},      {"body", json::object()}};
    REQUIRE(document_from_json(good));
    auto with = [&](const char* member, json value) {
        json j = good;
        j[member] = std::move(value);
        return document_from_json(j);
    };
    auto extra = with("extra", 1);
    CHECK(extra.error().code == "document.unknown_member");
    CHECK(extra.error().arg("member") == "extra");
    for (const char* bad_time : {"2021-06-01", "2021-06-01 00:00:00Z", "2021-02-30T00:00:00Z", "", "9999"}) {
        auto r = with("time", bad_time);
        CHECK(r.error().code == "document.malformed");
        CHECK(r.error().arg("field") == "time");
    }
    CHECK(with("owner", 5).error().arg("field") == "owner");
    CHECK(with("version", 0u).error().arg("field") == "version");
    CHECK(with("version", -1).error().arg("field") == "version");
    CHECK(with("body", json::array()).error().arg("field") == "body");
    CHECK(with("proxy", false).error().arg("field") == "proxy");  // present only when true
    CHECK(with("proxy", true)->proxy);
    json missing = good;
    missing.erase("author");
    CHECK(document_from_json(missing).error().arg("field") == "author");
}

TEST_CASE("a claim request refuses a misspelt field where a stored claim body may carry more") {
    json request = {{"site", "0110113719"},
                    {"site_municipality", "011002"},
                    {"month", "2022-01"},
                    {"lines",
                     {{{"municipality", "011002"}, {"form", "new"}, {"category", 2}, {"normal", 1},
                       {"outside_hours", 0}, {"holiday", 0}, {"pre_exam_only", 0}}}}};
    REQUIRE(claim_request_from_json(request));
    json misspelt = request;
    misspelt["lines"][0]["under6"] = 5;
    auto r = claim_request_from_json(misspelt);
    CHECK(r.error().code == "claims.unknown_field");
    CHECK(r.error().arg("field") == "lines[0].under6");
    json top = request;
    top["todya"] = "2022-02-01";
    CHECK(claim_request_from_json(top).error().arg("field") == "todya");
    json stored = request;
    stored["submitted"] = true;  // a claim document's body
    CHECK(site_claim_from_json(stored));
}

TEST_CASE("command and view text: duplicate keys refused, limits stated, errors quote only an excerpt") {
    test::AppFixture f;
    auto dup = f.app.command_json(R"({"type":"update_settings","device_name":"a","device_name":"b"})");
    CHECK(dup["ok"] == false);
    CHECK(dup["error"]["code"] == "json.duplicate_key");
    CHECK(f.app.settings().device_name != "b");

    const std::string huge(1'000'000, 'z');
    auto unknown = f.app.command_json(json{{"type", huge + "\x1b[2J\n"}}.dump());
    CHECK(unknown["error"]["code"] == "command.unknown");
    CHECK(unknown.dump().size() < 1000);  // a 1 MB type is not echoed, once or twice
    CHECK_FALSE(has_raw_control(unknown["error"]["message"].get<std::string>()));
    CHECK_FALSE(has_raw_control(unknown["error"]["args"]["type"].get<std::string>()));

    auto control = f.app.command_json(json{{"type", "a\x1b[2J\nb"}}.dump());
    CHECK(control["error"]["args"]["type"] == "a\\u{1b}[2J\\nb");

    auto field = f.app.command_json(json{{"type", "update_settings"}, {huge, 1}}.dump());
    CHECK(field["error"]["code"] == "arg.unknown");
    CHECK(field.dump().size() < 1000);

    auto deep = f.app.command_json(R"({"type":"update_settings","x":)" + std::string(100, '[') + std::string(100, ']') + "}");
    CHECK(deep["error"]["code"] == "json.too_deep");

    auto view_big = f.app.view_json("settings", json{{"pad", std::string(k_max_view_bytes, 'p')}}.dump());
    CHECK(view_big["error"]["code"] == "json.too_large");
    CHECK(view_big["error"]["args"]["max"] == std::to_string(k_max_view_bytes));
    CHECK(f.app.view_json("settings", R"({"a":1,"a":2})")["error"]["code"] == "json.duplicate_key");
    auto long_name = f.app.view_json(huge, "");
    CHECK(long_name["error"]["code"] == "view.unknown");
    CHECK(long_name.dump().size() < 1000);
    CHECK(f.app.view_json("settings", "")["ok"] == true);
}

TEST_SUITE_END();
