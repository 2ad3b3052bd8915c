// The application: owns the local documents (a DocumentStore persisted in segments), the
// session, and the directory of organisations; runs Commands and answers Views through the
// tables of command_table.hpp. Screens, window.vsys (JavaScript) and the CLI all go through
// command()/view(); nothing else changes state. Every command is checked in one place:
// strict arguments (the entry's parser), access (permissions.hpp), then its rules, then every
// version it writes against the registry of document kinds (sync/kinds.hpp: a kind no feature
// registered is refused, document.kind_unregistered; a body its kind's validate refuses,
// document.invalid_body naming the member); a command that succeeds has written its versions to storage before it returns, and the web platform
// makes them durable (IDBFS syncfs) before the JavaScript promise resolves.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <typeindex>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/base/command_table.hpp"
#include "app/base/contract.hpp"
#include "app/base/directory.hpp"
#include "app/base/i18n.hpp"
#include "app/base/persistence.hpp"
#include "app/session/session.hpp"
#include "app/session/settings.hpp"
#include "app/sync/sync_app.hpp"
#include "core/documents/document.hpp"
#include "core/documents/document_store.hpp"
#include "core/base/result.hpp"
#include "sync/utc_time.hpp"

namespace vsys {

struct AppInfo {
    std::string version;
    std::string build_id;
    // The training kiosk (?kiosk in the browser): a role switcher instead of passwords, keys
    // under a kiosk root no deployment trusts, no sync at all, and a reset to the clean demo
    // state (ARCHITECTURE.md "Kiosk mode never publishes"). Its data lives apart (/kiosk).
    bool kiosk = false;
};

using Clock = std::function<sync::UtcTime()>;

class App {
public:
    App(Storage& storage, std::string data_dir, AppInfo info, Clock clock);

    // Loads the stored documents. Call once, after the platform made storage readable.
    void open();

    // {"type": ..., ...} → the new versions, or an error (translated by error_text()).
    Result<Versions> command(const nlohmann::json& cmd);
    // JSON text in, JSON out: {"ok": true, "revision", "versions": [...], ...} or
    // {"ok": false, "error": {code, message, args?}}.
    nlohmann::json command_json(const std::string& text);
    Result<nlohmann::json> view(const std::string& name, const nlohmann::json& args);
    nlohmann::json view_json(const std::string& name, const std::string& args_text);
    // The typed paths of the screens (contract.hpp): a command struct applied, and a view's
    // question answered typed, checked for access exactly as command() and view() check.
    template <class C>
    Result<Versions> run(const C& cmd) {
        return execute(C::type, prepare(*this, cmd));
    }
    template <AnsweringCommand C>
    Result<typename C::Answer> run(const C& cmd) {
        auto p = prepare(*this, cmd);
        if (!p) return p.error();
        auto answer = std::move(p->answer);
        if (auto r = execute(C::type, std::move(p->command)); !r) return r.error();
        return answer();
    }
    template <class Q>
    Result<typename Q::View> ask(const Q& question) {
        auto p = prepare(*this, question);
        if (!p) return p.error();
        if (auto st = check_view_access(Q::name, p->target_org); !st) return st.error();
        return p->build();
    }

    const Settings& settings() const { return settings_; }
    Language language() const { return settings_.language; }
    const std::string& tr(std::string_view key) const { return Strings::builtin().get(key, settings_.language); }
    // The message of a refusal in the user's language, its arguments named as the user sees them
    // (error_text.cpp): field labels, product and organisation names, never identifiers.
    std::string error_text(const Error& e) const { return error_text(e, settings_.language); }
    std::string error_text(const Error& e, Language lang) const;
    std::string display_arg(std::string_view name, const std::string& value, Language lang) const;
    // Increases with every applied change or sign-in; screens compare it to refresh.
    std::uint64_t revision() const { return revision_; }
    // Increases with every sign-in, sign-out, role switch and reset of the local data: what the
    // screens keep for a user (a typed query, a chosen round) belongs to one value of it.
    std::uint64_t session_epoch() const { return session_epoch_; }
    const AppInfo& info() const { return info_; }
    bool kiosk() const { return info_.kiosk; }

    // ---- for command and view implementations
    const Session& session() const { return session_; }
    void set_session(Session s);
    // The organisations; built on first use (about 0.3 s in wasm for the national data set).
    const Directory& directory();
    bool directory_ready() const { return directory_ != nullptr; }
    // What a feature derives once from the directory (the allocation chain's world): made by
    // `build` (a std::unique_ptr<T>) on first use and owned here, so that it lives exactly as long
    // as the directory it points into. One value per type T.
    template <class T, class Build>
    const T& derived(Build build) {
        auto& slot = derived_[std::type_index(typeid(T))];
        if (!slot) slot = std::shared_ptr<const T>(build());
        return *static_cast<const T*>(slot.get());
    }
    const DocumentStore& store() const { return store_; }
    sync::UtcTime now() const { return clock_(); }
    // An unsealed next version of a key (version 1 of a new key), authored by the session.
    Result<DocumentVersion> successor(const std::string& owner, const std::string& kind, const std::string& id,
                                      nlohmann::json body) const;
    const DocumentVersion* current(const std::string& owner, const std::string& kind, const std::string& id) const;
    StorageUsage storage_usage() { return persistence_.usage(); }
    const Persistence& persistence() const { return persistence_; }
    nlohmann::json error_json(const Error& e) const;
    // Removes every stored file (documents, sync state) and starts again from the clean state;
    // for the kiosk's reset. The session ends; the settings are the caller's to write again.
    Status wipe_local_data();
    // Versions verified elsewhere (an exchange mirror replayed by `vsys report --exchange`, the
    // demo world's history) placed in the store as received ones and never written to storage:
    // a tool's read-only view of a data set. Answers how many the store refused (skipped).
    std::size_t receive_verified(const std::vector<const DocumentVersion*>& versions);
    SyncAgent& sync() { return *sync_; }
    const SyncAgent& sync() const { return *sync_; }

private:
    friend class SyncAgent;  // stores what the exchange delivers, beside the commands' versions
    Result<Versions> commit(Versions versions);
    // Access, rules, storage: one path for every command, JSON or typed.
    Result<Versions> execute(std::string_view type, Result<PreparedCommand> prepared);
    Status check_view_access(std::string_view name, const std::string& target_org);
    void compact();
    void absorb(const DocumentVersion& v);

    Persistence persistence_;
    AppInfo info_;
    Clock clock_;
    DocumentStore store_;
    Settings settings_;
    Session session_;
    std::shared_ptr<const Directory> directory_;  // shared by every App of the process (app.cpp)
    std::map<std::type_index, std::shared_ptr<const void>> derived_;  // after directory_: destroyed first
    std::uint64_t revision_ = 0;
    std::uint64_t session_epoch_ = 0;
    nlohmann::json last_answer_;
    std::unique_ptr<SyncAgent> sync_;
};

}  // namespace vsys
