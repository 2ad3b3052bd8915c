// Instants as text: "YYYY-MM-DDTHH:MM:SSZ" (ISO 8601, UTC, fixed width), the one form a time
// takes in documents, bundles and certificates (docs/PROTOCOL.md sections 2, 3 and 6).
// sync/utc_time.hpp builds its parse and format on this; core needs it to check documents.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace vsys {

// Seconds since 1970-01-01T00:00:00Z, or nullopt when the text is not exactly that form of a
// real date and time (2021-02-30, 24:00:00, a space for the T, a missing Z are all refused).
std::optional<std::int64_t> utc_seconds(std::string_view text);

}  // namespace vsys
