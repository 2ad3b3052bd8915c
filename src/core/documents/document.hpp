// The document model (ARCHITECTURE.md principle 3). All shared state is a set of documents;
// each document has exactly one owning organisation and a chain of immutable versions.
//
//   key      = owner / kind / id           e.g. "site:0110113719/site_info/main"
//   version  = 1, 2, ...                   within one key, per line of descent
//   replaces = hash of the version this one replaces ("" for the first)
//   hash     = BLAKE2b-256 of the canonical encoding (computed in src/sync, stored here)
//
// Two versions replacing the same parent are a conflict: both are kept and shown, never
// silently dropped. Order is causal (replaces), never by `time`, which is informational.
// Bodies are JSON objects holding integers and strings only (no floating point), so the
// canonical encoding is byte-identical on every machine.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"

namespace vsys {

// Organisation ids: "nation", "pref:130001", "muni:131016", "site:0110113719",
// "venue:<10 digits>", "federation:130001", "support", or "device" for device-local documents.
struct DocumentVersion {
    std::string owner;
    std::string kind;
    std::string id;
    std::uint64_t version = 1;
    std::string replaces;  // hash of the parent version, "" for the first
    std::string author;    // V-SYS ID of the account that wrote it
    std::string time;      // ISO 8601 UTC, informational only
    bool proxy = false;    // 代行入力: written by the owner's municipality on its behalf
    nlohmann::json body = nlohmann::json::object();
    std::string hash;      // filled by sync::seal(); empty until sealed

    std::string key() const { return owner + "/" + kind + "/" + id; }
};

nlohmann::json to_json(const DocumentVersion& d);
// Refuses anything that is not a well-formed version: document.malformed {field} (a missing or
// mistyped member, a time not in the form YYYY-MM-DDTHH:MM:SSZ, "proxy" other than true, a
// body that is not an object), document.unknown_member {member}.
Result<DocumentVersion> document_from_json(const nlohmann::json& j);

}  // namespace vsys
