#include <doctest/doctest.h>

#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/utc_time.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;

TEST_CASE("canonical JSON sorts keys by bytes, has no whitespace and escapes only what it must") {
    auto j = nlohmann::json::parse(R"({"b":1,"a":[true,null,-5],"é":"x\"\\\n\u0001/é","A":{}})");
    CHECK(*canonical(j) == "{\"A\":{},\"a\":[true,null,-5],\"b\":1,\"é\":\"x\\\"\\\\\\n\\u0001/é\"}");
}

TEST_CASE("canonical JSON refuses floating point and invalid UTF-8") {
    CHECK(canonical(nlohmann::json{{"x", 1.5}}).error().code == "json.float");
    CHECK(canonical(nlohmann::json{{"x", std::string("\xff")}}).error().code == "json.utf8");
    CHECK(parse_strict("{\"x\":1.0}").error().code == "json.float");
    CHECK(parse_strict("{\"x\":1e2}").error().code == "json.float");
    CHECK(parse_strict("[18446744073709551616]").error().code == "json.float");
}

TEST_CASE("strict parsing refuses duplicate keys, bad UTF-8, invalid JSON and deep nesting") {
    CHECK(parse_strict(R"({"a":1,"b":{"a":2}})").ok());
    CHECK(parse_strict(R"({"a":1,"a":2})").error().code == "json.duplicate_key");
    CHECK(parse_strict("\"\xc3\"").error().code == "json.utf8");
    CHECK(parse_strict("{").error().code == "json.invalid");
    CHECK(parse_strict(std::string(100, '[') + std::string(100, ']')).error().code == "json.too_deep");
}

TEST_CASE("parse_canonical accepts only the canonical bytes") {
    CHECK(parse_canonical(R"({"a":1,"b":2})").ok());
    CHECK(parse_canonical(R"({"b":2,"a":1})").error().code == "json.not_canonical");
    CHECK(parse_canonical(R"({"a": 1})").error().code == "json.not_canonical");
    CHECK(parse_canonical(R"({"a":1,"a":1})").error().code == "json.not_canonical");
    CHECK(parse_canonical(R"(["\u0041"])").error().code == "json.not_canonical");
    CHECK(parse_canonical("[-0]").error().code == "json.not_canonical");
}

TEST_CASE("a version's hash is BLAKE2b-256 of its canonical encoding without the hash field") {
    DocumentVersion d;
    d.owner = "site:0110113719";
    d.kind = "report";
    d.id = "main";
    d.author = "U1";
    d.time = "2021-06-01T00:00:00Z";
    d.body = {{"vials", 3}};
    REQUIRE(seal(d).ok());
    CHECK(d.hash == crypto::blake2b_256_hex(
                        R"({"author":"U1","body":{"vials":3},"id":"main","kind":"report","owner":"site:0110113719",)"
                        R"("replaces":"","time":"2021-06-01T00:00:00Z","version":1})"));
    CHECK(hash_matches(d));
    d.body["vials"] = 4;
    CHECK_FALSE(hash_matches(d));
    d.body["vials"] = 0.5;
    CHECK(seal(d).error().code == "json.float");
}

TEST_CASE("UTC instants round-trip through strict ISO 8601") {
    auto t = parse_utc("2021-06-01T09:30:05Z");
    REQUIRE(t);
    CHECK(*t == 1622539805);
    CHECK(format_utc(*t) == "2021-06-01T09:30:05Z");
    CHECK(utc_day(*t) == "2021-06-01");
    CHECK_FALSE(parse_utc("2021-06-01 09:30:05Z"));
    CHECK_FALSE(parse_utc("2021-02-30T00:00:00Z"));
    CHECK_FALSE(parse_utc("2021-06-01T24:00:00Z"));
}

TEST_SUITE_END();
