// The exchange as the sync code sees it (ARCHITECTURE.md principle 5): a dumb store of
// immutable files. list() names the entries of a folder (files and sub-folders, without the
// trailing slash; an empty list for a folder that does not exist); get() reads a file;
// put_new() writes a file that must not exist yet and refuses (transport.exists) rather than
// overwrite. Errors are values: transport.offline, transport.not_found, transport.exists,
// transport.failed {detail}, transport.key_refused {detail} (a write refused for the writer's
// key: rotated, suspended, wrong, or not allowed there), and transport.pending from a transport whose host has not fetched
// the answer yet (pending_transport.hpp). Implementations: MemoryTransport here (tests, the benchmark);
// HTTP, folder and exported-file transports live outside src/sync.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

inline constexpr const char* k_transport_pending = "transport.pending";
inline constexpr const char* k_transport_key_refused = "transport.key_refused";

struct Transport {
    virtual ~Transport() = default;
    virtual Result<std::vector<std::string>> list(std::string_view folder) = 0;
    virtual Result<std::string> get(std::string_view path) = 0;
    virtual Status put_new(std::string_view path, std::string_view bytes) = 0;

    // The exchange's own clock, as its answers reported it (HTTP's Date header): the sync engine
    // takes the day of pointers and cursors from it, so that devices whose clocks are off agree
    // on the days (docs/PROTOCOL.md "Clock skew"). nullopt: the exchange has no clock of its own
    // (a folder, a USB stick) and the device's clock is used.
    virtual std::optional<UtcTime> exchange_time() const { return std::nullopt; }
    // True while the exchange may still report its time (nothing answered yet): what depends on
    // the day waits for the next round.
    virtual bool exchange_time_pending() const { return false; }
    // The engine has taken what it needs from the answer to get(path) (a pack opened, a bundle
    // applied): a transport that keeps its answers for a run (pending_transport.hpp) drops the
    // bytes, so that a first sync of a country does not hold every file it read until the run
    // ends; a later get() of the path answers transport.released. Others keep nothing anyway.
    virtual void release(std::string_view /*path*/) {}
};
inline constexpr const char* k_transport_released = "transport.released";

// Files in a map; `offline` makes every call fail, to test queueing and retries. Counts the
// requests and bytes it served so the benchmark can report them.
class MemoryTransport : public Transport {
public:
    Result<std::vector<std::string>> list(std::string_view folder) override;
    Result<std::string> get(std::string_view path) override;
    Status put_new(std::string_view path, std::string_view bytes) override;

    std::optional<UtcTime> exchange_time() const override { return clock; }

    std::map<std::string, std::string> files;
    bool offline = false;
    std::optional<UtcTime> clock;  // the time this exchange reports, if it reports one
    std::size_t lists = 0, gets = 0, puts = 0, bytes_read = 0;
};

}  // namespace vsys::sync
