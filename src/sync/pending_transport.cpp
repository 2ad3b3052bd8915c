#include "sync/pending_transport.hpp"

namespace vsys::sync {
namespace {

Error pending_error(std::string_view path) {
    return Error{k_transport_pending, "waiting for the exchange", {{"path", std::string(path)}}};
}

}  // namespace

const char* request_kind_name(TransportRequest::Kind k) {
    switch (k) {
        case TransportRequest::Kind::list: return "list";
        case TransportRequest::Kind::get: return "get";
        case TransportRequest::Kind::put: return "put";
    }
    return "get";
}

void PendingTransport::note(TransportRequest::Kind kind, std::string_view path, std::string_view body) {
    std::string id = std::string(request_kind_name(kind)) + " " + std::string(path);
    if (noted_.count(id)) return;
    noted_[id] = true;
    requests_.push_back({kind, std::string(path), std::string(body)});
}

Result<std::vector<std::string>> PendingTransport::list(std::string_view folder) {
    auto it = listings_.find(std::string(folder));
    if (it != listings_.end()) return it->second;
    note(TransportRequest::Kind::list, folder);
    return pending_error(folder);
}

Result<std::string> PendingTransport::get(std::string_view path) {
    auto it = files_.find(std::string(path));
    if (it != files_.end()) return it->second;
    note(TransportRequest::Kind::get, path);
    return pending_error(path);
}

Status PendingTransport::put_new(std::string_view path, std::string_view bytes) {
    auto it = puts_.find(std::string(path));
    if (it != puts_.end()) return it->second;
    note(TransportRequest::Kind::put, path, bytes);
    return pending_error(path);
}

void PendingTransport::release(std::string_view path) {
    auto it = files_.find(std::string(path));
    if (it == files_.end() || !it->second) return;
    it->second = Error{k_transport_released, "read earlier in this run", {{"path", std::string(path)}}};
}

std::size_t PendingTransport::bytes_held() const {
    std::size_t n = 0;
    for (const auto& [path, bytes] : files_)
        if (bytes) n += bytes->size();
    return n;
}

bool PendingTransport::write_failed(std::string_view code) const {
    for (const auto& [path, status] : puts_)
        if (!status.ok() && status.error().code == code) return true;
    return false;
}

void PendingTransport::forget_failed_writes() {
    std::erase_if(puts_, [](const auto& p) { return !p.second.ok(); });
}

std::vector<TransportRequest> PendingTransport::take_requests() {
    noted_.clear();
    return std::exchange(requests_, {});
}

void PendingTransport::answer_list(const std::string& folder, Result<std::vector<std::string>> names) {
    answered_ = true;
    listings_.insert_or_assign(folder, std::move(names));
}

void PendingTransport::answer_get(const std::string& path, Result<std::string> bytes) {
    answered_ = true;
    if (bytes) bytes_received_ += bytes->size();
    files_.insert_or_assign(path, std::move(bytes));
}

void PendingTransport::answer_time(std::optional<UtcTime> time) {
    answered_ = true;
    if (time && (!time_ || *time > *time_)) time_ = time;
}

void PendingTransport::answer_put(const std::string& path, Status status) {
    answered_ = true;
    puts_.insert_or_assign(path, std::move(status));
}

}  // namespace vsys::sync
