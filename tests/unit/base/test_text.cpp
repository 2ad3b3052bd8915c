#include <doctest/doctest.h>

#include <string>

#include "core/base/text.hpp"

TEST_SUITE_BEGIN("base");

TEST_CASE("UTF-8 validation accepts Japanese and refuses malformed, overlong and surrogate sequences") {
    using vsys::text::valid_utf8;
    CHECK(valid_utf8("千代田区"));
    CHECK(valid_utf8("abc"));
    CHECK(valid_utf8("\xF0\xA0\xAE\x9F"));         // 𠮟 outside the BMP
    CHECK_FALSE(valid_utf8("\xE5\x8D"));           // truncated
    CHECK_FALSE(valid_utf8("\xC0\xAF"));           // overlong '/'
    CHECK_FALSE(valid_utf8("\xED\xA0\x80"));       // UTF-16 surrogate
    CHECK_FALSE(valid_utf8("\xFF"));
    CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));   // past U+10FFFF
}

TEST_CASE("text length counts characters as a user sees them, not bytes") {
    CHECK(vsys::text::length("千代田区") == 4);
    CHECK(vsys::text::length("ab") == 2);
    CHECK(vsys::text::has_control(std::string("a\nb")));
    CHECK(vsys::text::has_control(std::string("a\x7f")));
    CHECK_FALSE(vsys::text::has_control("窓口 1"));
}

TEST_SUITE_END();
