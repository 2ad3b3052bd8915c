// What the sync says about itself: the top bar's summary and the 同期 screen's status (the
// automation API's `sync_status` view). Apart from sync_app.cpp, which runs the sync.
#include "app/base/app.hpp"
#include "app/sync/sync_app.hpp"

namespace vsys {
namespace {

const char* phase_name(SyncPhase p) {
    switch (p) {
        case SyncPhase::idle: return "idle";
        case SyncPhase::manifest: return "manifest";
        case SyncPhase::pull: return "pull";
        case SyncPhase::enrol: return "enrol";
        case SyncPhase::store_key: return "store_key";
        case SyncPhase::publish: return "publish";
        case SyncPhase::push: return "push";
    }
    return "idle";
}

}  // namespace

SyncSummary SyncAgent::summary() const {
    SyncSummary s;
    s.running = run_.running;
    for (const auto* v : app_.store_.pending())
        if (v->owner != "device") ++s.waiting_changes;
    s.waiting_bundles = state_.outbox.size();
    s.refused = state_.rejected.size();
    s.conflicts = app_.store_.conflicts().size();
    s.last_success = state_.last_success;
    s.error_code = run_.error.code;
    // Every failure of the transport itself (no answer, a refused connection, a 5xx) is a
    // transport.* error; a refused bundle or a missing manifest is not the exchange being down.
    s.exchange_unreachable = s.error_code.rfind("transport.", 0) == 0;
    s.read_only = read_only();
    return s;
}

nlohmann::json SyncAgent::status_json() const {
    using nlohmann::json;
    json rejected = json::array();
    for (const auto& r : state_.rejected)
        rejected.push_back({{"path", r.path}, {"code", r.error.code}, {"message", app_.error_text(r.error)}});
    json conflicts = json::array();
    for (const auto& key : app_.store_.conflicts()) {
        json heads = json::array();
        for (const auto* h : app_.store_.heads(key))
            heads.push_back({{"hash", h->hash}, {"author", h->author}, {"time", h->time}, {"version", h->version},
                             {"body", h->body}});
        conflicts.push_back({{"key", key}, {"heads", heads}});
    }
    std::size_t pending = 0;
    for (const auto* v : app_.store_.pending())
        if (v->owner != "device") ++pending;
    json out = {{"running", run_.running},
                {"kiosk", app_.kiosk()},
                {"waiting", run_.waiting},
                {"phase", phase_name(phase_)},
                {"enrolled", enrolled()},
                {"read_only", read_only()},
                {"progress",
                 {{"done", run_.requests_done + run_.in_flight_done},
                  {"total", run_.requests_total},
                  {"bytes", run_.bytes + run_.in_flight_bytes}}},
                {"report",
                 {{"pushed", run_.report.pushed},
                  {"fetched", run_.report.fetched},
                  {"accepted", run_.report.accepted},
                  {"rejected", run_.report.rejected}}},
                {"outbox", state_.outbox.size()},
                {"pending", pending},
                {"last_success", state_.last_success ? json(sync::format_utc(state_.last_success)) : json(nullptr)},
                {"finished", run_.finished ? json(sync::format_utc(run_.finished)) : json(nullptr)},
                {"error", run_.error.code.empty()
                              ? json(nullptr)
                              : json{{"code", run_.error.code}, {"message", app_.error_text(run_.error)}}},
                {"rejected", rejected},
                {"conflicts", conflicts}};
    // Which store key this device writes with (its id is not secret; the secret never leaves it).
    if (auto k = store_key()) out["store_key"] = {{"key_id", k->access_key}, {"version", k->version}};
    else out["store_key"] = nullptr;
    return out;
}

}  // namespace vsys
