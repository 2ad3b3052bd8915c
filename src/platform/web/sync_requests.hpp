// The running sync's requests as sync.js takes them (a JSON array of {kind, path, body | body64}).
#pragma once

#include <string>
#include <vector>

#include "sync/pending_transport.hpp"

namespace vsys::web {

// A binary body (a pack's gzip twin, docs/PROTOCOL.md §16) goes as base64 in `body64`, since JSON
// carries only text; every other body as it is in `body`.
std::string sync_requests_json(const std::vector<sync::TransportRequest>& requests);

}  // namespace vsys::web
