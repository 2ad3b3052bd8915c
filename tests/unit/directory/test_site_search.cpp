#include <doctest/doctest.h>

#include <string>

#include "core/demo/demo_data.hpp"
#include "core/directory/site_search.hpp"

TEST_SUITE_BEGIN("directory");

namespace {

std::vector<vsys::Site> fixture() {
    auto site = [](std::string code, std::string name, std::string reading) {
        vsys::Site s;
        s.code = std::move(code);
        s.name = std::move(name);
        s.reading = std::move(reading);
        return s;
    };
    return {
        site("0110113719", "佐藤内科医院", "サトウナイカイイン"),
        site("1311234569", "千代田クリニック", "チヨダクリニック"),
        site("1391234567", "千代田区集団接種会場", "チヨダクシュウダンセッシュカイジョウ"),
        site("1311234500", "本町佐藤クリニック", "ホンマチサトウクリニック"),
        site("2711000010", "ＡＢＣメディカル", "エービーシーメディカル"),
    };
}

}  // namespace

TEST_CASE("normalisation folds katakana, half-width kana and full-width ASCII, and drops spaces") {
    using vsys::normalize_for_search;
    CHECK(normalize_for_search("サトウ") == "さとう");
    CHECK(normalize_for_search("ｻﾄｳ") == "さとう");
    CHECK(normalize_for_search("ｶﾞｯｺｳ") == "がっこう");
    CHECK(normalize_for_search("ﾊﾟﾝ") == "ぱん");
    CHECK(normalize_for_search("０１１０") == "0110");
    CHECK(normalize_for_search("ＡＢＣ abc") == "abcabc");
    CHECK(normalize_for_search("内科・小児科") == "内科小児科");
    CHECK(normalize_for_search("佐藤　内科") == "佐藤内科");
    CHECK(normalize_for_search("ab\xFF" "c") == "abc");
}

TEST_CASE("search ranks code prefix, then name prefix, then reading prefix, then substrings") {
    auto sites = fixture();
    auto idx = vsys::SiteSearchIndex::build(sites);
    CHECK(idx.search("0110113719", 10) == std::vector<std::uint32_t>{0});
    CHECK(idx.search("131", 10) == std::vector<std::uint32_t>{3, 1});  // code order
    CHECK(idx.search("１３９", 10) == std::vector<std::uint32_t>{2});
    CHECK(idx.search("千代田", 10) == std::vector<std::uint32_t>{1, 2});
    CHECK(idx.search("佐藤", 10) == std::vector<std::uint32_t>{0, 3});  // prefix before substring
    CHECK(idx.search("ｻﾄｳ", 10) == std::vector<std::uint32_t>{0, 3});
    CHECK(idx.search("さとう", 10) == std::vector<std::uint32_t>{0, 3});
    CHECK(idx.search("クリニック", 10) == std::vector<std::uint32_t>{1, 3});
    CHECK(idx.search("abc", 10) == std::vector<std::uint32_t>{4});
    CHECK(idx.search("存在しない", 10).empty());
}

TEST_CASE("search honours the limit, the filter, and lists everything for an empty query") {
    auto sites = fixture();
    auto idx = vsys::SiteSearchIndex::build(sites);
    CHECK(idx.search("佐藤", 1) == std::vector<std::uint32_t>{0});
    CHECK(idx.search("", 3) == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(idx.search("佐藤", 10, [](std::uint32_t i) { return i != 0; }) == std::vector<std::uint32_t>{3});
    CHECK(idx.search("佐藤", 0).empty());
}

TEST_CASE("an edited site is found by its new name and reading, never by its old ones") {
    auto sites = fixture();
    auto idx = vsys::SiteSearchIndex::build(sites);
    // 佐藤内科医院 renamed by its owner: 駅前内科医院, read エキマエナイカイイン.
    const std::vector<vsys::EditedSite> edits = {{0, "駅前内科医院", "エキマエナイカイイン", "0110113719"}};
    CHECK(idx.search("えきまえ", 10, {}, edits) == std::vector<std::uint32_t>{0});
    CHECK(idx.search("ｴｷﾏｴ", 10, {}, edits) == std::vector<std::uint32_t>{0});
    CHECK(idx.search("内科", 10, {}, edits) == std::vector<std::uint32_t>{0});     // substring of the new name
    CHECK(idx.search("さとう", 10, {}, edits) == std::vector<std::uint32_t>{3});   // the old reading no longer
    CHECK(idx.search("佐藤", 10, {}, edits) == std::vector<std::uint32_t>{3});
    CHECK(idx.search("0110", 10, {}, edits) == std::vector<std::uint32_t>{0});     // its code still
    CHECK(idx.search("", 10, {}, edits) == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
    // Rank holds: a name prefix among edits comes before indexed substring matches.
    const std::vector<vsys::EditedSite> renamed = {{4, "クリニックＡＢＣ", "クリニックエービーシー", "2711000010"}};
    CHECK(idx.search("クリニック", 10, {}, renamed) == std::vector<std::uint32_t>{4, 1, 3});
    CHECK(idx.search("クリニック", 1, {}, renamed) == std::vector<std::uint32_t>{4});
    CHECK(idx.search("えきまえ", 10, [](std::uint32_t i) { return i != 0; }, edits).empty());
}

TEST_CASE("over a demo set every result matches the query and prefix matches come first") {
    auto demo = vsys::generate_demo_data({3, 8000, 100});
    auto idx = vsys::SiteSearchIndex::build(demo.sites);
    CHECK(idx.size() == demo.sites.size());
    for (const char* q : {"佐藤", "サトウ", "ちよだ", "クリニック", "01", "13", "集団接種会場"}) {
        auto nq = vsys::normalize_for_search(q);
        auto hits = idx.search(q, 50);
        CHECK_MESSAGE(!hits.empty(), q);
        bool prefix_phase = true;
        for (auto i : hits) {
            const auto& s = demo.sites[i];
            auto name = vsys::normalize_for_search(s.name), reading = vsys::normalize_for_search(s.reading);
            bool prefix = s.code.starts_with(nq) || name.starts_with(nq) || reading.starts_with(nq);
            bool match = prefix || name.find(nq) != std::string::npos || reading.find(nq) != std::string::npos;
            CHECK_MESSAGE(match, q << " " << s.name);
            if (!prefix) prefix_phase = false;
            else CHECK_MESSAGE(prefix_phase, q << ": a prefix match after a substring match");
        }
    }
}

TEST_SUITE_END();
