// Sealed documents as the app reads them (docs/PROTOCOL.md §2 "Sealed bodies"): personal data
// (R505's reservation lists) travels encrypted to the devices of its owner and audience. A
// screen or report never opens an envelope itself: it asks for the readable body here.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"
#include "core/documents/document.hpp"
#include "sync/keys.hpp"

namespace vsys {

class App;

// The keys this device reads sealed documents with: the signed-in account's device key and the
// keys of enrolment codes it claimed (sync/code_key.hpp). Empty when signed out.
std::vector<sync::KeyPair> opening_keys(const App& app);

// The plain body of a version: as stored when it is not sealed (the kiosk's own demo world),
// else opened with opening_keys. Errors: those of sync::open_body (sealed.not_recipient, ...).
Result<nlohmann::json> readable_body(const App& app, const DocumentVersion& v);

// The keys that may read an organisation's sealed documents, as far as this device knows: its
// devices' keys (kind "device") and the keys of its accounts' enrolment codes still claimable
// now (kind "enrolment"). Built in one pass over the store, for many documents at once.
using RecipientKeys = std::map<std::string, std::set<std::string>, std::less<>>;  // organisation → keys
RecipientKeys recipient_keys(const App& app);

// Whom a sealed version should be readable by: the recipient keys of its owner and of its
// registered audience, sorted.
std::vector<std::string> entitled_recipients(App& app, const DocumentVersion& v, const RecipientKeys& keys);

}  // namespace vsys
