// A transport for a host that does its I/O asynchronously (the browser's fetch): the sync
// engine runs against the answers the host has delivered so far; every question not answered
// yet is noted as a request and answered "transport.pending". The host performs the requests
// (in parallel, showing progress), delivers the answers and runs the engine again; since
// pushing and applying are idempotent, each run redoes only what the last one could not finish.
// Answers are kept for the whole sync run (a rejected bundle asked for again is answered from
// here instead of being fetched forever), except those the engine released once it had what it
// needed (an opened pack, an applied bundle); start a new PendingTransport for the next run.
#pragma once

#include <map>
#include <utility>
#include <string>
#include <vector>

#include "sync/transport.hpp"

namespace vsys::sync {

struct TransportRequest {
    enum class Kind { list, get, put };
    Kind kind = Kind::get;
    std::string path;
    std::string body;  // put only
};
const char* request_kind_name(TransportRequest::Kind k);  // "list", "get", "put"

class PendingTransport : public Transport {
public:
    Result<std::vector<std::string>> list(std::string_view folder) override;
    Result<std::string> get(std::string_view path) override;
    Status put_new(std::string_view path, std::string_view bytes) override;
    void release(std::string_view path) override;

    // The requests noted since the last call, each once, in the order they were asked.
    std::vector<TransportRequest> take_requests();
    bool has_requests() const { return !requests_.empty(); }

    void answer_list(const std::string& folder, Result<std::vector<std::string>> names);
    void answer_get(const std::string& path, Result<std::string> bytes);
    void answer_put(const std::string& path, Status status);
    // True when a write was answered with this error code in this run.
    bool write_failed(std::string_view code) const;
    // Forgets the writes that failed, so they are asked again (signed with a newer store key).
    void forget_failed_writes();

    // The exchange's time that came with an answer (its Date header; nullopt when the host has
    // none, e.g. a network failure or a header it cannot read), delivered with the answers. The
    // latest time wins; before any answer the time is pending; once answers came without any
    // time, the device's clock is used.
    void answer_time(std::optional<UtcTime> time);
    std::optional<UtcTime> exchange_time() const override { return time_; }
    bool exchange_time_pending() const override { return !answered_; }

    std::size_t bytes_received() const { return bytes_received_; }
    // The bytes of the answers kept now (not released).
    std::size_t bytes_held() const;

private:
    void note(TransportRequest::Kind kind, std::string_view path, std::string_view body = {});

    std::map<std::string, Result<std::vector<std::string>>> listings_;
    std::map<std::string, Result<std::string>> files_;
    std::map<std::string, Status> puts_;
    std::vector<TransportRequest> requests_;
    std::map<std::string, bool> noted_;  // "<kind> <path>" of requests_ not taken yet
    std::size_t bytes_received_ = 0;
    std::optional<UtcTime> time_;
    bool answered_ = false;
};

}  // namespace vsys::sync
