#include <doctest/doctest.h>

#include <string>

#include "core/base/number_field.hpp"

TEST_SUITE_BEGIN("base");

namespace {
const vsys::NumberRule k_boxes{"req.boxes", 0, 10'000'000};

std::string code_of(std::string_view typed, const vsys::NumberRule& rule = k_boxes) {
    auto r = vsys::read_number(typed, rule);
    return r ? "ok" : r.error().code;
}
}  // namespace

TEST_CASE("a number field reads ASCII and full-width digits typed with a Japanese IME as the same number") {
    CHECK(*vsys::read_number("12", k_boxes) == 12);
    CHECK(*vsys::read_number("１２", k_boxes) == 12);
    CHECK(*vsys::read_number("1２", k_boxes) == 12);
    CHECK(*vsys::read_number("　１２ ", k_boxes) == 12);  // blanks around it, full-width too
    CHECK(*vsys::read_number("0012", k_boxes) == 12);
    CHECK(*vsys::read_number("0", k_boxes) == 0);
}

TEST_CASE("thousands separators are read only in groups of three, never as a place to stop reading") {
    CHECK(*vsys::read_number("1,234", k_boxes) == 1234);
    CHECK(*vsys::read_number("１，２３４，５６７", k_boxes) == 1234567);
    CHECK(code_of("1,23") == "number.not_a_number");
    CHECK(code_of("12,") == "number.not_a_number");
    CHECK(code_of(",12") == "number.not_a_number");
    CHECK(code_of("1234,567") == "number.not_a_number");
}

TEST_CASE("letters, decimals and anything but a whole number are refused, never read up to the bad character") {
    CHECK(code_of("12a") == "number.not_a_number");
    CHECK(code_of("１２ａ") == "number.not_a_number");
    CHECK(code_of("1.5") == "number.not_a_number");
    CHECK(code_of("1 2") == "number.not_a_number");
    CHECK(code_of("十二") == "number.not_a_number");
    CHECK(code_of("0x10") == "number.not_a_number");
    CHECK(code_of("+12") == "number.not_a_number");
    auto r = vsys::read_number("12a", k_boxes);
    CHECK(r.error().arg("label") == "req.boxes");
    CHECK(r.error().arg("text") == "12a");
}

TEST_CASE("an empty field is refused as empty, not read as zero") {
    CHECK(code_of("") == "number.empty");
    CHECK(code_of("　 ") == "number.empty");
}

TEST_CASE("a number above the field's range is refused, however many digits (no wrap to -1)") {
    CHECK(code_of("10000001") == "number.out_of_range");
    CHECK(code_of("12345678901234567890") == "number.out_of_range");  // 20 digits
    CHECK(code_of(std::string(100, '9')) == "number.out_of_range");
    CHECK(code_of("１２３４５６７８９０１２３４５６７８９０") == "number.out_of_range");
    auto r = vsys::read_number("10000001", k_boxes);
    CHECK(r.error().arg("max") == "10,000,000");
    CHECK(r.error().arg("min") == "0");
}

TEST_CASE("a minus sign is refused where the field takes no negatives, and read where it does") {
    CHECK(code_of("-1") == "number.negative");
    CHECK(code_of("－１") == "number.negative");
    CHECK(code_of("−1") == "number.negative");
    const vsys::NumberRule signed_rule{"x", -100, 100};
    CHECK(*vsys::read_number("－１２", signed_rule) == -12);
    CHECK(*vsys::read_number("-100", signed_rule) == -100);
    CHECK(code_of("-101", signed_rule) == "number.out_of_range");
    CHECK(code_of("-", signed_rule) == "number.not_a_number");
}

TEST_CASE("a code typed with full-width digits keeps its other characters for the code's own check") {
    CHECK(vsys::ascii_digits("１３１０１６") == "131016");
    CHECK(vsys::ascii_digits("13１0a6") == "1310a6");
    CHECK(vsys::ascii_digits("千代田") == "千代田");
}

TEST_CASE("a number that arrived as a number is checked against the same range") {
    CHECK(*vsys::check_number(12, k_boxes) == 12);
    CHECK(vsys::check_number(-1, k_boxes).error().code == "number.negative");
    CHECK(vsys::check_number(10'000'001, k_boxes).error().code == "number.out_of_range");
    CHECK(vsys::number_out_of_range(k_boxes).code == "number.out_of_range");
}

TEST_SUITE_END();
