// Instants as values: seconds since 1970-01-01T00:00:00Z in an int64, written in documents as
// strict ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ" (fixed width, so text order is time order).
// Nothing in sync reads a clock: the caller passes "now" in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace vsys::sync {

using UtcTime = std::int64_t;

constexpr UtcTime k_seconds_per_day = 86400;
// Bounds of an open interval of validity.
constexpr UtcTime k_unbounded_past = INT64_MIN;
constexpr UtcTime k_unbounded_future = INT64_MAX;

// Clock skew the protocol tolerates between devices (docs/PROTOCOL.md "Clock skew"): a time
// compared with a validity period another clock wrote (a code's, a certificate's) is accepted
// up to this far outside it, so a claimer or signer whose clock is off by up to three days is
// not refused. Days on the exchange come from the exchange's own clock, not the devices'.
constexpr UtcTime k_clock_skew = 3 * k_seconds_per_day;
// from - skew <= at <= until + skew, without overflow at the unbounded ends.
constexpr bool within_validity(UtcTime at, UtcTime from, UtcTime until) {
    const UtcTime lo = from < k_unbounded_past + k_clock_skew ? k_unbounded_past : from - k_clock_skew;
    const UtcTime hi = until > k_unbounded_future - k_clock_skew ? k_unbounded_future : until + k_clock_skew;
    return at >= lo && at <= hi;
}

std::string format_utc(UtcTime t);                 // "2021-06-01T09:30:00Z"
Result<UtcTime> parse_utc(std::string_view text);  // error time.malformed {value}
std::string utc_day(UtcTime t);                    // "2021-06-01"

}  // namespace vsys::sync
