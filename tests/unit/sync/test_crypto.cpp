#include <doctest/doctest.h>

#include "sync/crypto.hpp"

TEST_SUITE_BEGIN("sync");

TEST_CASE("BLAKE2b-256 content hashes match the published test vector") {
    // RFC 7693 style: BLAKE2b-256 of the empty string.
    CHECK(vsys::crypto::blake2b_256_hex("") ==
          "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST_CASE("hex decoding refuses the wrong length and non-hex characters") {
    std::uint8_t out[2];
    CHECK(vsys::crypto::from_hex("0aff", out, 2));
    CHECK(out[0] == 0x0a);
    CHECK(out[1] == 0xff);
    CHECK_FALSE(vsys::crypto::from_hex("0af", out, 2));
    CHECK_FALSE(vsys::crypto::from_hex("0azz", out, 2));
}

TEST_SUITE_END();
