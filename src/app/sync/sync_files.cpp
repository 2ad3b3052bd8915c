// A sync by file (no network): the outbox exported as an archive, an archive imported. Apart
// from sync_app.cpp, which runs the sync over the exchange.
#include <algorithm>

#include "app/base/app.hpp"
#include "app/sync/sync_app.hpp"
#include "sync/archive.hpp"

namespace vsys {

Result<std::string> SyncAgent::export_file() {
    if (auto k = refuse_in_kiosk(); !k) return k.error();
    if (!app_.session().signed_in()) return Error{"sync.signed_out", "sign in to sync"};
    if (!enrolled()) return Error{"sync.not_enrolled", "this device is not enrolled yet: sync once online first"};
    if (auto s = publish(); !s) return s.error();
    if (state_.outbox.empty()) return Error{"sync.nothing_to_export", "nothing is waiting to be sent"};
    return sync::export_outbox(state_, app_.directory(), app_.now());
}

Result<sync::ReplayReport> SyncAgent::import_file(std::string_view bytes) {
    if (auto k = refuse_in_kiosk(); !k) return k.error();
    const std::size_t before = app_.store_.size();
    auto rep = sync::import_archive(bytes, app_.directory(), state_, trust_, app_.store_);
    if (!rep) return rep.error();
    // A refusal noted earlier for a bundle accepted now (its bytes were not there yet) is stale.
    for (const auto& a : rep->accepted)
        std::erase_if(state_.rejected, [&](const sync::Rejection& r) { return r.path == a.path; });
    if (auto s = persist_changes(before, {}); !s) return s.error();
    ++app_.revision_;
    return rep;
}

}  // namespace vsys
