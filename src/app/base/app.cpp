#include "app/base/app.hpp"

#include "app/base/args.hpp"
#include "app/base/permissions.hpp"
#include "app/kiosk/kiosk_history.hpp"
#include "core/base/input.hpp"
#include "sync/canonical.hpp"
#include "sync/kinds.hpp"

namespace vsys {

App::App(Storage& storage, std::string data_dir, AppInfo info, Clock clock)
    : persistence_(storage, std::move(data_dir)),
      info_(std::move(info)),
      clock_(std::move(clock)),
      sync_(std::make_unique<SyncAgent>(*this)) {}

void App::open() {
    store_ = DocumentStore{};
    settings_ = Settings{};
    session_ = Session{};
    ++session_epoch_;
    // The kiosk's past comes first: what trainees saved may replace its versions.
    if (info_.kiosk)
        for (auto& v : kiosk_history(*this)) store_.apply(std::move(v), Origin::remote);
    std::vector<DocumentVersion> loaded = persistence_.load();
    const std::unordered_set<std::string>& remote = persistence_.remote();
    for (auto& v : loaded) {
        // Versions were checked before they were stored; one that no longer applies (a segment
        // edited by hand) is skipped rather than blocking the rest. Moved into the store: a
        // country's documents are not held twice while they load; absorb() reads the key only.
        DocumentVersion key;
        key.owner = v.owner;
        key.kind = v.kind;
        key.id = v.id;
        const Origin origin = remote.count(v.hash) ? Origin::remote : Origin::local;
        if (store_.apply(std::move(v), origin)) absorb(key);
    }
    std::vector<std::string> settled(persistence_.settled().begin(), persistence_.settled().end());
    for (const auto* v : store_.pending())
        if (v->owner == "device") settled.push_back(v->hash);
    store_.mark_pushed(settled);
    sync_->open();
    ++revision_;
}

Status App::wipe_local_data() {
    auto st = persistence_.clear();
    sync_->forget();
    open();  // an empty store, default settings, signed out
    return st;
}

// One directory per process, built by the first App that asks: it is immutable once built
// (documents that override a site live in each App's store), and every App of a process would
// otherwise generate the same 70,000 sites again: the kiosk after each reset, a test suite's
// hundreds of fixtures (most of their time under ASan).
const Directory& App::directory() {
    static const std::shared_ptr<const Directory> shared = std::make_shared<const Directory>(DemoOptions{k_demo_seed});
    if (!directory_) directory_ = shared;
    return *directory_;
}

std::size_t App::receive_verified(const std::vector<const DocumentVersion*>& versions) {
    std::size_t refused = 0;
    for (const DocumentVersion* v : versions)
        if (!store_.apply(*v, Origin::remote)) ++refused;
    ++revision_;
    return refused;
}

void App::set_session(Session s) {
    session_ = std::move(s);
    ++session_epoch_;
    ++revision_;
}

void App::absorb(const DocumentVersion& v) {
    if (v.owner == "device" && v.kind == "settings" && v.id == "main")
        if (const auto* head = store_.current(v.key())) settings_ = settings_from_document(*head);
}

const DocumentVersion* App::current(const std::string& owner, const std::string& kind, const std::string& id) const {
    return store_.current(owner + "/" + kind + "/" + id);
}

Result<DocumentVersion> App::successor(const std::string& owner, const std::string& kind, const std::string& id,
                                       nlohmann::json body) const {
    auto d = store_.successor(owner, kind, id, std::move(body));
    if (!d) return d.error();
    d->author = session_.signed_in() ? session_.vsys_id : "device";
    d->time = sync::format_utc(clock_());
    // 代行入力: a municipality writing its site's document marks the version as proxy.
    d->proxy = session_.signed_in() && owner != "device" && owner != session_.org;
    return d;
}

Result<Versions> App::commit(Versions versions) {
    for (auto& v : versions) {
        // Only kinds a feature registered, in their registered shape (sync/kinds.hpp): the
        // same check every receiving device makes, so nothing is published that others refuse.
        if (auto st = validate_version(sync::document_kinds(), v); !st) return st.error();
        if (v.time.empty()) v.time = sync::format_utc(clock_());
        if (v.author.empty()) v.author = session_.signed_in() ? session_.vsys_id : "device";
        if (auto st = sync::seal(v); !st) return st.error();
    }
    if (auto st = store_.check_batch(versions); !st) return st.error();
    if (auto st = persistence_.append(versions); !st) return st.error();
    if (auto r = store_.apply_batch(versions, Origin::local); !r) return r.error();
    std::vector<std::string> device_only;  // this device's own records never go to the exchange
    for (const auto& v : versions) {
        absorb(v);
        if (v.owner == "device") device_only.push_back(v.hash);
    }
    store_.mark_pushed(device_only);
    ++revision_;
    compact();  // best effort: the append above is already safe
    return versions;
}

void App::compact() {
    // Listing every head costs as much as the store is large: only when a snapshot is due.
    if (!persistence_.needs_compaction()) return;
    std::vector<const DocumentVersion*> keep;
    std::vector<std::string> pending;
    for (const auto* p : store_.pending()) {
        keep.push_back(p);
        pending.push_back(p->hash);
    }
    const std::unordered_set<std::string> kept(pending.begin(), pending.end());
    for (const auto& key : store_.keys())
        for (const auto* h : store_.heads(key))
            if (!kept.count(h->hash)) keep.push_back(h);
    std::vector<std::string> local;  // which of them were made here (the snapshot keeps it)
    for (const auto* v : keep)
        if (store_.made_here(v->hash)) local.push_back(v->hash);
    persistence_.compact_if_needed(keep, pending, local);
}

Result<Versions> App::command(const nlohmann::json& cmd) {
    last_answer_ = nlohmann::json::object();
    if (!cmd.is_object()) return Error{"command.invalid_json", "a command must be a JSON object"};
    auto t = cmd.find("type");
    if (t == cmd.end() || !t->is_string()) return Error{"command.missing_type", "the command has no type"};
    const std::string type = t->get<std::string>();
    for (const auto& entry : command_table())
        if (type == entry.type) return execute(type, entry.prepare(*this, cmd));
    return Error{"command.unknown", "unknown command " + input::excerpt(type), {{"type", input::excerpt(type)}}};
}

Result<Versions> App::execute(std::string_view type, Result<PreparedCommand> prepared) {
    last_answer_ = nlohmann::json::object();
    if (!prepared) return prepared.error();
    const Directory* dir = prepared->target_org.empty() ? nullptr : &directory();
    if (auto st = check_access(type, session_, prepared->target_org, dir); !st) return st.error();
    auto versions = prepared->apply();
    if (!versions) return versions.error();
    auto stored = versions->empty() ? Result<Versions>(Versions{}) : commit(std::move(*versions));
    if (stored && prepared->after)
        if (auto refusal = prepared->after()) return *refusal;
    if (stored && prepared->answer) last_answer_ = prepared->answer();
    if (stored && versions->empty()) ++revision_;  // e.g. a sign-in changes what screens show
    return stored;
}

Status App::check_view_access(std::string_view name, const std::string& target_org) {
    const Directory* dir = target_org.empty() ? nullptr : &directory();
    return check_access("view:" + std::string(name), session_, target_org, dir);
}

nlohmann::json App::error_json(const Error& error) const {
    const Error e = input::for_display(error);  // an answer never echoes more than an excerpt of its input
    nlohmann::json err = {{"code", e.code}, {"message", error_text(e)}};
    if (!e.args.empty()) {
        nlohmann::json args = nlohmann::json::object();
        for (const auto& [k, v] : e.args) args[k] = v;
        err["args"] = args;
    }
    return {{"ok", false}, {"error", err}};
}

nlohmann::json App::command_json(const std::string& text) {
    auto j = input::parse_json(text, command_text_limits());
    if (!j) return error_json(j.error().code == "json.invalid" ? Error{"command.invalid_json", "invalid JSON"} : j.error());
    auto r = command(*j);
    if (!r) return error_json(r.error());
    nlohmann::json out = {{"ok", true}, {"revision", revision_}, {"versions", nlohmann::json::array()}};
    for (const auto& v : *r) out["versions"].push_back({{"key", v.key()}, {"version", v.version}, {"hash", v.hash}});
    for (auto it = last_answer_.begin(); it != last_answer_.end(); ++it) out[it.key()] = it.value();
    return out;
}

Result<nlohmann::json> App::view(const std::string& name, const nlohmann::json& args) {
    if (!args.is_object()) return Error{"command.invalid_json", "view arguments must be a JSON object"};
    for (const auto& entry : view_table()) {
        if (name != entry.name) continue;
        auto prepared = entry.prepare(*this, args);
        if (!prepared) return prepared.error();
        if (auto st = check_view_access(name, prepared->target_org); !st) return st.error();
        return prepared->build();
    }
    return Error{"view.unknown", "unknown view " + input::excerpt(name), {{"name", input::excerpt(name)}}};
}

nlohmann::json App::view_json(const std::string& name, const std::string& args_text) {
    if (name.size() > k_max_view_name_bytes)
        return error_json(Error{"view.unknown", "unknown view " + input::excerpt(name), {{"name", input::excerpt(name)}}});
    auto args = args_text.empty() ? Result<nlohmann::json>(nlohmann::json::object())
                                  : input::parse_json(args_text, view_text_limits());
    if (!args) return error_json(args.error().code == "json.invalid" ? Error{"command.invalid_json", "invalid JSON"} : args.error());
    if (!args->is_object()) return error_json(Error{"command.invalid_json", "invalid JSON"});
    auto r = view(name, *args);
    if (!r) return error_json(r.error());
    return {{"ok", true}, {"view", *r}};
}

}  // namespace vsys
