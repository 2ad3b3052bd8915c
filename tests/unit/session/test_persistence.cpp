// Segments written version by version (persistence.cpp segment_text) and read with each version
// taken as the parser closes it: what was saved loads back, in order, with what was remote or
// pushed; a segment with a malformed version, or one cut short, is reported and skipped whole.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/base/persistence.hpp"
#include "memory_storage.hpp"

TEST_SUITE_BEGIN("session");

namespace {
vsys::DocumentVersion report(int n, const std::string& id = "main") {
    vsys::DocumentVersion d;
    d.owner = "site:0110113719";
    d.kind = "report";
    d.id = id;
    d.body = {{"vials", n}, {"note", "接種 \"" + std::to_string(n) + "\""}, {"nested", {{"a", {1, 2, 3}}}}};
    d.author = "VS0110113719";
    d.time = "2022-02-01T00:00:00Z";
    d.hash = "h" + std::to_string(n);
    return d;
}
}  // namespace

TEST_CASE("a segment written version by version loads back whole, in order, with what was remote or pushed") {
    vsys::test::MemoryStorage storage;
    vsys::Persistence p(storage, "/data/vsys");
    p.load();
    std::vector<vsys::DocumentVersion> remote;
    for (int i = 0; i < 50; ++i) remote.push_back(report(i, "r" + std::to_string(i)));
    std::vector<const vsys::DocumentVersion*> refs;
    for (const auto& v : remote) refs.push_back(&v);
    REQUIRE(p.append(refs, true));
    REQUIRE(p.append({report(100)}));
    REQUIRE(p.append_pushed({"h100"}));
    REQUIRE(p.append({report(101, "later")}));
    // Each segment is one JSON object with the members a reader expects.
    const nlohmann::json first = nlohmann::json::parse(storage.files.at("/data/vsys/seg-00000001.json"));
    CHECK(first["format"] == 1);
    CHECK(first["snapshot"] == false);
    CHECK(first["remote"] == true);
    CHECK(first["versions"].size() == 50);
    CHECK(first["versions"][7] == vsys::to_json(remote[7]));

    vsys::Persistence again(storage, "/data/vsys");
    const auto loaded = again.load();
    CHECK(again.problems().empty());
    REQUIRE(loaded.size() == 52);
    for (int i = 0; i < 50; ++i) CHECK(vsys::to_json(loaded[static_cast<std::size_t>(i)]) == vsys::to_json(remote[static_cast<std::size_t>(i)]));
    CHECK(loaded[50].hash == "h100");
    CHECK(loaded[51].id == "later");
    CHECK(again.settled().count("h7") == 1);    // remote
    CHECK(again.settled().count("h100") == 1);  // pushed since
    CHECK(again.settled().count("h101") == 0);  // still waits
}

TEST_CASE("a segment with a malformed version, a version that is not an object, or a cut-off text is reported and skipped whole") {
    vsys::test::MemoryStorage storage;
    vsys::Persistence p(storage, "/data/vsys");
    p.load();
    REQUIRE(p.append({report(1, "a"), report(2, "b")}));
    REQUIRE(p.append({report(3, "c")}));
    REQUIRE(p.append({report(4, "d")}));
    REQUIRE(p.append({report(5, "e")}));
    auto& s2 = storage.files.at("/data/vsys/seg-00000002.json");
    nlohmann::json j = nlohmann::json::parse(s2);
    j["versions"][0].erase("owner");
    s2 = j.dump();
    auto& s3 = storage.files.at("/data/vsys/seg-00000003.json");
    j = nlohmann::json::parse(s3);
    j["versions"].push_back(42);
    s3 = j.dump();
    auto& s4 = storage.files.at("/data/vsys/seg-00000004.json");
    s4 = s4.substr(0, s4.size() / 2);

    vsys::Persistence again(storage, "/data/vsys");
    const auto loaded = again.load();
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[0].id == "a");
    CHECK(loaded[1].id == "b");
    CHECK(again.problems() == std::vector<std::string>{"seg-00000002.json: malformed document version",
                                                       "seg-00000003.json: malformed document version",
                                                       "seg-00000004.json: unreadable segment"});
}

TEST_CASE("which versions came from the exchange survives a reload and a compaction: the rest were made on this device") {
    vsys::test::MemoryStorage storage;
    vsys::Persistence p(storage, "/data/vsys", 2);
    p.load();
    const auto mine = report(1, "mine"), theirs = report(2, "theirs"), waits = report(3, "waits");
    REQUIRE(p.append({mine}));
    REQUIRE(p.append({theirs}, true));
    REQUIRE(p.append_pushed({"h1"}));
    {
        vsys::Persistence again(storage, "/data/vsys", 2);
        again.load();
        CHECK(again.remote() == std::unordered_set<std::string>{"h2"});
    }
    // A snapshot lists what was made here; what it does not list came from the exchange.
    REQUIRE(p.compact_if_needed({&mine, &theirs, &waits}, {"h3"}, {"h1", "h3"}));
    vsys::Persistence again(storage, "/data/vsys", 2);
    CHECK(again.load().size() == 3);
    CHECK(again.remote() == std::unordered_set<std::string>{"h2"});
    CHECK(again.settled() == std::unordered_set<std::string>{"h1", "h2"});
}

TEST_SUITE_END();
