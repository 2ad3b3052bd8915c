// The app's side of the exchange (docs/PROTOCOL.md, issue 5): one sync run at a time, driven by
// the host. A run is a short sequence of phases, each of which may need files from the
// exchange; what it needs is handed to the host as requests (sync::PendingTransport), the host
// performs them (fetch in the browser, a folder or memory in tests) and delivers the answers,
// and the run goes on from where it stopped:
//   manifest  the deployment's manifest must name the root this app trusts
//   pull      sync_once: push what is queued, pull this organisation's scope
//   enrol     a device without a certificate claims its enrolment code (the demo derives the
//             account's demo codes and takes the first one nobody has claimed yet)
//   store key on an exchange that needs one for writing (S3), a device without its
//             organisation's store key fetches the newest one sealed to its device key (or to
//             the code it just claimed) and keeps it in device storage, sealed to its own key
//             (sync/store_credential.hpp); without one it only reads, and the run ends
//             sync.read_only
//   publish   local versions of the signed-in organisation become a signed bundle in the outbox
//   push      sync_once again, so the new bundle goes up in the same run
//   rekey     a write refused for the store key (pull or push: transport.key_refused) fetches
//             the sealed key again, once per run: a newer version is kept and the refused phase
//             runs again with it; otherwise that phase runs again reading only (the outbox
//             waits aside) and the run ends sync.key_refused. A signed write that failed as if
//             offline does the same (a store may refuse an unknown key without CORS headers),
//             but ends transport.offline when nothing newer comes
// The sync state and the trust state are files beside the documents, written after every
// step; versions from the exchange are stored as remote, pushes are recorded, so a closed tab
// loses nothing and a reload does not fetch or push anything twice.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"
#include "app/sync/sync_contract.hpp"
#include "sync/exchange.hpp"
#include "sync/pending_transport.hpp"
#include "sync/replay.hpp"
#include "sync/store_credential.hpp"

namespace vsys {

class App;

enum class SyncPhase { idle, manifest, pull, enrol, store_key, publish, push, rekey };

struct SyncRunStatus {
    bool running = false;
    bool waiting = false;              // requests handed to the host, answers not delivered yet
    std::size_t requests_done = 0;     // in this run
    std::size_t requests_total = 0;
    std::size_t bytes = 0;             // received in this run
    sync::SyncReport report;           // counts summed over the run
    Error error;                       // of the last finished run; empty when it succeeded
    sync::UtcTime finished = 0;        // when the last run ended
};

// What the top bar says about the exchange (UX.md "Frame of every screen"), typed: counts,
// not rows, so that reading it every frame costs nothing.
struct SyncSummary {
    bool running = false;
    std::size_t waiting_changes = 0;   // versions made here, not yet in a bundle
    std::size_t waiting_bundles = 0;   // signed bundles not yet on the exchange
    std::size_t refused = 0;           // bundles this device refused (PROTOCOL §8)
    std::size_t conflicts = 0;         // documents with competing versions to resolve
    sync::UtcTime last_success = 0;    // 0: never
    bool exchange_unreachable = false; // the last run could not reach the exchange
    bool read_only = false;            // the exchange needs a store key for writing; none is held
    bool key_refused = false;          // the last run ended because the store refused the key held
    std::string error_code;            // of the last run, "" when it succeeded
    // What waits to be sent (the top bar's 送信待ち; what signing out asks about).
    std::size_t unsent() const { return waiting_changes + waiting_bundles; }
};

class SyncAgent {
public:
    explicit SyncAgent(App& app);

    // Reads the saved sync and trust state (after the documents were loaded).
    void open();
    // Removes the saved state and ends any run (the kiosk's reset; open() starts afresh).
    void forget();

    // Starts a run for the signed-in account (or a pull-only run for the device); a run already
    // going on is left alone. Errors: sync.signed_out.
    Status start();
    // The requests the host must perform now; empty while waiting or idle.
    std::vector<sync::TransportRequest> take_requests();
    // Delivers the host's answers and lets the run go on. `dates`, one per answer when the host
    // has them, are the exchange's Date headers as YYYY-MM-DDTHH:MM:SSZ ("" for none): pointer
    // days and cursors follow the exchange's clock, not this device's (PROTOCOL "Clock skew").
    void deliver(const std::vector<std::pair<sync::TransportRequest, Result<std::string>>>& answers,
                 const std::vector<std::string>& dates = {});
    // deliver() in parts, for a host that hands over each answer as it comes (the browser: a
    // round of the nation's first sync holds the country, more than one JavaScript string may
    // hold): accept() takes answers and counts them as progress; resume() lets the run go on.
    void accept(const std::vector<std::pair<sync::TransportRequest, Result<std::string>>>& answers,
                const std::vector<std::string>& dates = {});
    void resume();
    // Ends the running run with `e` where the host could not hand over its answers (the
    // browser's memory ran out: sync.out_of_memory): the status says so instead of a run that
    // never ends. What earlier runs applied and saved stays.
    void abandon(Error e);
    // Runs phases until the run needs the host or ends. Called by start() and deliver().
    void step();

    // The platform says whether its exchange takes writes only with the organisation's store key
    // (an S3 store: true; nginx: false).
    void require_store_key(bool required) { store_key_required_ = required; }
    // The signed-in organisation's store key kept on this device, if any.
    std::optional<sync::StoreCredential> store_key() const;
    // True when writes need a store key and this device has none for the signed-in organisation.
    bool read_only() const;
    // A store key typed in by hand (the operator's key file, when nothing sealed reaches this
    // device), kept like a fetched one for the signed-in organisation. Errors: sync.signed_out,
    // sync.store_key_format (empty, or not printable ASCII up to 128 characters).
    Status keep_store_key(std::string key_id, std::string secret);

    // Bundle file (archive.hpp) of what this device has queued (after publishing what is
    // pending); the queue stays for the next online sync.
    Result<std::string> export_file();
    // Verifies and applies an imported bundle file.
    Result<sync::ReplayReport> import_file(std::string_view bytes);

    const SyncRunStatus& run() const { return run_; }
    const sync::SyncState& state() const { return state_; }
    const sync::TrustState& trust() const { return trust_; }
    // True when this device holds a certificate chain for the signed-in account.
    bool enrolled() const;
    SyncStatusView status() const;  // the 同期 panel (sync_contract.hpp)
    SyncSummary summary() const;

private:
    // sync.kiosk: the training kiosk never publishes and takes nothing in (sync and files alike).
    Status refuse_in_kiosk() const;
    enum class Pass { done, waiting, ended, key_refused };  // how one sync_once went
    void finish(Error e);
    Status check_manifest();
    Status enrol();
    // store_key.cpp
    Status fetch_store_key();
    Result<bool> refetch_store_key();
    Result<std::optional<sync::StoreCredential>> newest_store_key(const std::vector<sync::KeyPair>& keys, int above);
    Status keep_fetched_store_key(const sync::StoreCredential& c);
    Status write_store_key(const sync::StoreCredential& c, const std::string& device_public) const;
    void migrate_clear_store_key() const;
    std::string store_key_path(const std::string& device_public) const;
    std::string clear_store_key_path() const;

    Error end_error() const;
    Status publish();
    Status reseal();  // reseal.cpp
    Pass run_sync_once();
    Status persist_changes(std::size_t store_size_before, const std::vector<std::string>& outbox_before);
    Error not_yet_error() const;
    void save_files();
    std::string state_path() const;
    std::string trust_path() const;
    Result<sync::FeedWriter> feed_writer() const;

    App& app_;
    sync::SyncState state_;
    sync::TrustState trust_;
    std::unique_ptr<sync::PendingTransport> transport_;
    SyncPhase phase_ = SyncPhase::idle;
    SyncRunStatus run_;
    std::string reader_org_;
    std::vector<std::string> not_yet_;  // of the run's last complete pass (SyncReport::not_yet)
    bool store_key_required_ = false;
    std::optional<sync::KeyPair> code_key_;  // of the code claimed in this run: a store key may be sealed to it
    mutable std::string store_key_owner_;  // "<org> <device key>" whose store key store_key_ holds (read lazily)
    mutable std::optional<sync::StoreCredential> store_key_;
    Error store_key_problem_;                // a sealed store key found but refused (shown with sync.read_only)
    // This run's answer to a write refused for the store key (PROTOCOL §15 "Rotation"):
    bool rekeyed_ = false;         // the sealed key was fetched again (at most once a run)
    bool writes_refused_ = false;  // and nothing newer came: the rest of the run only reads
    SyncPhase rekey_from_ = SyncPhase::idle;  // the phase to run again
    Error key_refusal_;            // the store's refusal, shown in sync.key_refused
};

}  // namespace vsys
