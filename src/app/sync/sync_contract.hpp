// The 同期 panel's typed contract (app/base/contract.hpp): the status view the screen reads and
// the commands it emits. window.vsys reads and sends the same through each type's one codec
// (cmd_sync.cpp), so the JSON of `sync_status`, `sync`, `export_bundle`, `import_bundle`,
// `resolve_conflict` and `set_store_key` is docs/ARCHITECTURE.md's, unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"

namespace vsys {

class App;

// A bundle or file this device refused, with the reason in the user's language.
struct RefusedFile {
    std::string path, code, message;
};

// One of the competing versions of a document (two devices of one organisation wrote it).
struct ConflictHead {
    std::string hash, author, time;  // time: UTC, ISO 8601
    std::int64_t version = 0;
    nlohmann::json body;             // the document's body, as signed
    std::string summary;             // its members by their labels on one line, as the screen shows them
    bool this_device = false;        // made on this device (two devices of one account share an author)
};
struct Conflict {
    std::string key;
    std::string title;  // the document as a user names it: 「医療機関の情報（清水内科）」, never its key
    std::vector<ConflictHead> heads;
};

struct SyncStatusView {
    bool running = false, kiosk = false, waiting = false, enrolled = false, read_only = false;
    bool key_refused = false;  // the last run ended because the store refused the key held (sync.key_refused)
    std::string phase;  // idle, manifest, pull, enrol, store_key, publish, push, rekey
    std::int64_t done = 0, total = 0, bytes = 0;  // the running sync's requests and bytes
    std::int64_t pushed = 0, fetched = 0, accepted = 0, rejected_count = 0;  // the last run's report
    std::int64_t outbox = 0;   // signed bundles waiting to go
    std::int64_t pending = 0;  // changes not yet in a bundle
    std::string last_success, finished;  // UTC, "" never
    std::optional<RefusedFile> error;    // the last run's failure (path empty)
    std::vector<RefusedFile> rejected;
    std::vector<Conflict> conflicts;
    struct StoreKey {
        std::string key_id;
        std::int64_t version = 0;
    };
    std::optional<StoreKey> store_key;  // the key this device writes with (its id is not secret)
};

struct SyncStatusQuery {
    static constexpr const char* name = "sync_status";
    using View = SyncStatusView;
    static Result<SyncStatusQuery> read(const nlohmann::json& args);
    bool operator==(const SyncStatusQuery&) const = default;
};
Result<Prepared<SyncStatusView>> prepare(App& app, const SyncStatusQuery& q);
nlohmann::json to_json(const SyncStatusView& v);

// {type: "sync"}: starts a run; its progress and outcome are in the status view.
struct StartSync {
    static constexpr const char* type = "sync";
    static Result<StartSync> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const StartSync& c);

// {type: "export_bundle"}: what is queued, as a bundle file (archive.hpp).
struct BundleFile {
    std::string file_name, data;
};
nlohmann::json to_json(const BundleFile& f);
struct ExportBundle {
    static constexpr const char* type = "export_bundle";
    using Answer = BundleFile;
    static Result<ExportBundle> read(const nlohmann::json& args);
};
Result<PreparedAnswer<BundleFile>> prepare(App& app, const ExportBundle& c);

// {type: "import_bundle", data}: every bundle in the file verified before it is applied.
struct ImportReport {
    std::int64_t files = 0, skipped = 0, accepted = 0, documents = 0;
    std::vector<RefusedFile> rejected;
};
nlohmann::json to_json(const ImportReport& r);
struct ImportBundle {
    static constexpr const char* type = "import_bundle";
    using Answer = ImportReport;
    std::string data;
    static Result<ImportBundle> read(const nlohmann::json& args);
};
Result<PreparedAnswer<ImportReport>> prepare(App& app, const ImportBundle& c);

// {type: "resolve_conflict", key, keep}: a new version with the body of the kept head.
struct ResolveConflict {
    static constexpr const char* type = "resolve_conflict";
    std::string key, keep;
    static Result<ResolveConflict> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const ResolveConflict& c);

// {type: "set_store_key", key_id, secret}: the organisation's store key typed in by hand.
struct SetStoreKey {
    static constexpr const char* type = "set_store_key";
    std::string key_id, secret;
    static Result<SetStoreKey> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const SetStoreKey& c);

}  // namespace vsys
