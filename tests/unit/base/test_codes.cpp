#include <doctest/doctest.h>

#include <string>

#include "app/base/i18n.hpp"
#include "core/base/codes.hpp"
#include "core/directory/local_gov.hpp"

TEST_SUITE_BEGIN("base");

using vsys::check_institution_code;
using vsys::check_local_gov_code;
using vsys::InstitutionCodeKind;

TEST_CASE("the JIS X 0402 check digit accepts 131016 千代田区, 011002 札幌市 and 130001 東京都") {
    CHECK(vsys::local_gov_check_digit("13101") == '6');
    CHECK(check_local_gov_code("131016"));
    CHECK(check_local_gov_code("011002"));
    CHECK(check_local_gov_code("130001"));
}

TEST_CASE("every prefecture and municipality code of the master data passes the JIS X 0402 check") {
    int n = 0;
    for (const auto& g : vsys::local_governments()) {
        CHECK_MESSAGE(check_local_gov_code(g.code), g.code);
        ++n;
    }
    CHECK(n == 47 + 1741 + 6);
}

TEST_CASE("a local-government code with a wrong check digit names the expected digit") {
    auto r = check_local_gov_code("131017");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "code.check_digit");
    CHECK(r.error().arg("expected") == "6");
    CHECK(r.error().arg("actual") == "7");
}

TEST_CASE("a local-government code must have six ASCII digits and a real prefecture number") {
    CHECK(check_local_gov_code("").error().code == "code.empty");
    CHECK(check_local_gov_code("13101").error().code == "code.length");
    CHECK(check_local_gov_code("13101").error().arg("expected") == "6");
    CHECK(check_local_gov_code("1310166").error().arg("actual") == "7");
    CHECK(check_local_gov_code("13101a").error().code == "code.non_digit");
    CHECK(check_local_gov_code("13101a").error().arg("position") == "6");
    CHECK(check_local_gov_code("481002").error().code == "code.prefecture");
    CHECK(check_local_gov_code("000000").error().code == "code.prefecture");
}

TEST_CASE("full-width digits are reported as full-width, not as a wrong length") {
    auto r = check_local_gov_code("１３１０１６");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "code.fullwidth");
    CHECK(r.error().arg("position") == "1");
    auto mixed = check_institution_code("01101137１9", InstitutionCodeKind::insurance);
    CHECK(mixed.error().code == "code.fullwidth");
    CHECK(mixed.error().arg("position") == "9");
}

TEST_CASE("invalid UTF-8 and control characters in a code are refused with what they are") {
    CHECK(check_institution_code("01101\xFF""3719", InstitutionCodeKind::insurance).error().code == "code.utf8");
    auto r = check_institution_code("0110\t13719", InstitutionCodeKind::insurance);
    CHECK(r.error().code == "code.non_digit");
    CHECK(r.error().arg("char") == "U+0009");
    CHECK(check_institution_code("0110 13719", InstitutionCodeKind::insurance).error().arg("char") == "U+0020");
}

TEST_CASE("the insurance code 0110113719 is valid and the deck's sample 1301111111 is not") {
    CHECK(vsys::institution_check_digit("011011371") == '9');
    CHECK(check_institution_code("0110113719", InstitutionCodeKind::insurance));
    // The sample's third digit, 0, is no fee table (its check digit would be 6, not 1, too).
    auto r = check_institution_code("1301111111", InstitutionCodeKind::insurance);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "code.fee_table");
    CHECK(r.error().arg("digit") == "0");
    auto wrong = check_institution_code("0110113718", InstitutionCodeKind::insurance);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == "code.check_digit");
    CHECK(wrong.error().arg("expected") == "9");
    CHECK(wrong.error().arg("actual") == "8");
}

TEST_CASE("an insurance code's fee-table digit must be 1, 3 or 4") {
    CHECK(check_institution_code("0120113719", InstitutionCodeKind::insurance).error().code == "code.fee_table");
    CHECK(check_institution_code("0120113719", InstitutionCodeKind::insurance).error().arg("digit") == "2");
    for (char fee : {'1', '3', '4'}) {
        std::string first9 = std::string("01") + fee + "011371";
        CHECK(check_institution_code(first9 + vsys::institution_check_digit(first9), InstitutionCodeKind::insurance));
    }
}

TEST_CASE("a declared 類似コード skips the check digit but keeps ten digits and a prefecture prefix") {
    CHECK(check_institution_code("1301111111", InstitutionCodeKind::similar));
    CHECK(check_institution_code("1391234567", InstitutionCodeKind::similar));
    CHECK(check_institution_code("4791234567", InstitutionCodeKind::similar));
    CHECK(check_institution_code("4891234567", InstitutionCodeKind::similar).error().code == "code.prefecture");
    CHECK(check_institution_code("0091234567", InstitutionCodeKind::similar).error().code == "code.prefecture");
    CHECK(check_institution_code("139123456", InstitutionCodeKind::similar).error().code == "code.length");
    CHECK(check_institution_code("13912345AB", InstitutionCodeKind::similar).error().code == "code.non_digit");
}

TEST_CASE("the code kind is declared by its id, never guessed") {
    CHECK(vsys::parse_institution_code_kind("insurance") == InstitutionCodeKind::insurance);
    CHECK(vsys::parse_institution_code_kind("similar") == InstitutionCodeKind::similar);
    CHECK_FALSE(vsys::parse_institution_code_kind("auto"));
    CHECK(std::string(vsys::institution_code_kind_id(InstitutionCodeKind::similar)) == "similar");
}

TEST_CASE("every code error has a Japanese and an English message") {
    const auto& s = vsys::Strings::builtin();
    for (const char* code : {"code.empty", "code.utf8", "code.fullwidth", "code.non_digit", "code.length",
                             "code.prefecture", "code.fee_table", "code.check_digit"})
        CHECK_MESSAGE(s.has(std::string("err.") + code), code);
    vsys::Error e = check_institution_code("0110113718", InstitutionCodeKind::insurance).error();
    CHECK(s.error_message(e, vsys::Language::en) == "Wrong check digit: the last digit should be 9, not 8");
    CHECK(s.error_message(e, vsys::Language::ja) == "チェックディジットが正しくありません（末尾は9のはずが8です）");
}

TEST_SUITE_END();
