// What a device keeps between syncs (SyncState, TrustState), written as JSON so the browser can
// store it beside its documents and pick up where it stopped after a reload or a closed tab.
// The certificate cache is not kept: it only saves work. Reading never throws; anything that
// is not exactly what encode wrote is refused (sync.state_malformed {field}), so the caller can
// keep the previous file rather than trust half of one.
#pragma once

#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "sync/bundle.hpp"
#include "sync/exchange.hpp"

namespace vsys::sync {

std::string encode_sync_state(const SyncState& s);
Result<SyncState> decode_sync_state(std::string_view text);

std::string encode_trust_state(const TrustState& t);
Result<TrustState> decode_trust_state(std::string_view text);

}  // namespace vsys::sync
