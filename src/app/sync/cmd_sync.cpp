// Commands and the view of the sync panel (docs/PROTOCOL.md "The app"), typed (sync_contract.hpp)
// with their one JSON codec each: start a sync run, export what is queued as a bundle file,
// import one, resolve a conflict between two devices of one organisation by choosing the
// version to keep, and type in a store key by hand.
//
// Index:
// [SECTION] the status view
// [SECTION] commands
#include <algorithm>

#include "app/base/app.hpp"
#include "app/base/args.hpp"
#include "app/sync/sync_contract.hpp"

namespace vsys {

using nlohmann::json;

// [SECTION] the status view
Result<SyncStatusQuery> SyncStatusQuery::read(const json& args) {
    ArgReader r(args, {});
    if (auto e = r.finish()) return *e;
    return SyncStatusQuery{};
}

Result<Prepared<SyncStatusView>> prepare(App& app, const SyncStatusQuery&) {
    return Prepared<SyncStatusView>{"", [&app]() -> Result<SyncStatusView> { return app.sync().status(); }};
}

static json refused_json(const RefusedFile& r) {
    json j = {{"code", r.code}, {"message", r.message}};
    if (!r.path.empty()) j["path"] = r.path;
    return j;
}

static json refused_list(const std::vector<RefusedFile>& list) {
    json out = json::array();
    for (const auto& r : list) out.push_back({{"path", r.path}, {"code", r.code}, {"message", r.message}});
    return out;
}

json to_json(const SyncStatusView& v) {
    json conflicts = json::array();
    for (const auto& c : v.conflicts) {
        json heads = json::array();
        for (const auto& h : c.heads)
            heads.push_back({{"hash", h.hash}, {"author", h.author}, {"time", h.time}, {"version", h.version}, {"body", h.body},
                             {"summary", h.summary}, {"this_device", h.this_device}});
        conflicts.push_back({{"key", c.key}, {"title", c.title}, {"heads", heads}});
    }
    const auto utc_or_null = [](const std::string& t) { return t.empty() ? json(nullptr) : json(t); };
    return {{"running", v.running},
            {"kiosk", v.kiosk},
            {"waiting", v.waiting},
            {"phase", v.phase},
            {"enrolled", v.enrolled},
            {"read_only", v.read_only},
            {"key_refused", v.key_refused},
            {"progress", {{"done", v.done}, {"total", v.total}, {"bytes", v.bytes}}},
            {"report", {{"pushed", v.pushed}, {"fetched", v.fetched}, {"accepted", v.accepted}, {"rejected", v.rejected_count}}},
            {"outbox", v.outbox},
            {"pending", v.pending},
            {"last_success", utc_or_null(v.last_success)},
            {"finished", utc_or_null(v.finished)},
            {"error", v.error ? refused_json(*v.error) : json(nullptr)},
            {"rejected", refused_list(v.rejected)},
            {"conflicts", conflicts},
            {"store_key", v.store_key ? json{{"key_id", v.store_key->key_id}, {"version", v.store_key->version}} : json(nullptr)}};
}

// [SECTION] commands
Result<StartSync> StartSync::read(const json& args) {
    ArgReader r(args);
    if (auto e = r.finish()) return *e;
    return StartSync{};
}

Result<PreparedCommand> prepare(App& app, const StartSync&) {
    PreparedCommand p;
    p.apply = []() -> Result<Versions> { return Versions{}; };
    p.after = [&app]() -> std::optional<Error> {
        if (auto s = app.sync().start(); !s) return s.error();
        return std::nullopt;
    };
    return p;
}

Result<ExportBundle> ExportBundle::read(const json& args) {
    ArgReader r(args);
    if (auto e = r.finish()) return *e;
    return ExportBundle{};
}

json to_json(const BundleFile& f) { return {{"file_name", f.file_name}, {"data", f.data}, {"bytes", f.data.size()}}; }

Result<PreparedAnswer<BundleFile>> prepare(App& app, const ExportBundle&) {
    auto file = std::make_shared<std::string>();
    PreparedAnswer<BundleFile> p;
    p.command.apply = []() -> Result<Versions> { return Versions{}; };
    p.command.after = [&app, file]() -> std::optional<Error> {
        auto data = app.sync().export_file();
        if (!data) return data.error();
        *file = std::move(*data);
        return std::nullopt;
    };
    p.answer = [&app, file]() {
        std::string day = sync::utc_day(app.now());
        std::string org = app.session().org;
        std::replace(org.begin(), org.end(), ':', '_');
        return BundleFile{"vsys-" + org + "-" + day + ".vsysbundle", *file};
    };
    return p;
}

Result<ImportBundle> ImportBundle::read(const json& args) {
    ArgReader r(args);
    ImportBundle c;
    c.data = r.string("data");
    if (auto e = r.finish()) return *e;
    return c;
}

json to_json(const ImportReport& r) {
    return {{"files", r.files}, {"skipped", r.skipped}, {"accepted", r.accepted}, {"documents", r.documents}, {"rejected", refused_list(r.rejected)}};
}

Result<PreparedAnswer<ImportReport>> prepare(App& app, const ImportBundle& c) {
    auto report = std::make_shared<sync::ReplayReport>();
    PreparedAnswer<ImportReport> p;
    p.command.apply = []() -> Result<Versions> { return Versions{}; };
    p.command.after = [&app, data = c.data, report]() -> std::optional<Error> {
        auto rep = app.sync().import_file(data);
        if (!rep) return rep.error();
        *report = std::move(*rep);
        return std::nullopt;
    };
    p.answer = [&app, report]() {
        ImportReport out;
        for (const auto& x : report->rejected) out.rejected.push_back({x.path, x.error.code, app.error_text(x.error)});
        for (const auto& a : report->accepted) out.documents += static_cast<std::int64_t>(a.documents);
        out.files = static_cast<std::int64_t>(report->files);
        out.skipped = static_cast<std::int64_t>(report->skipped);
        out.accepted = static_cast<std::int64_t>(report->accepted.size());
        return out;
    };
    return p;
}

Result<ResolveConflict> ResolveConflict::read(const json& args) {
    ArgReader r(args);
    ResolveConflict c;
    c.key = r.string("key");
    c.keep = r.string("keep");
    if (auto e = r.finish()) return *e;
    return c;
}

// A new version with the body of the kept head, which replaces one head and resolves the
// others (document_store.hpp).
Result<PreparedCommand> prepare(App& app, const ResolveConflict& c) {
    const auto heads = app.store().heads(c.key);
    if (heads.size() < 2) return Error{"store.no_conflict", "the document has no conflict to resolve", {{"key", c.key}}};
    auto kept = std::find_if(heads.begin(), heads.end(), [&](const DocumentVersion* h) { return h->hash == c.keep; });
    if (kept == heads.end()) return Error{"sync.unknown_version", "no such version of the document", {{"key", c.key}}};
    PreparedCommand p;
    p.target_org = heads.front()->owner;
    p.apply = [&app, key = c.key, body = (*kept)->body, proxy = heads.front()->owner != app.session().org]() -> Result<Versions> {
        json b = body;
        b.erase(k_resolves_member);
        auto v = app.store().resolution(key, std::move(b));
        if (!v) return v.error();
        v->author = app.session().vsys_id;
        v->time = sync::format_utc(app.now());
        v->proxy = proxy;
        return Versions{*v};
    };
    return p;
}

Result<SetStoreKey> SetStoreKey::read(const json& args) {
    ArgReader r(args);
    SetStoreKey c;
    c.key_id = r.string("key_id");
    c.secret = r.string("secret");
    if (auto e = r.finish()) return *e;
    return c;
}

// Kept in device storage, never in a document (PROTOCOL §15): for a device no sealed key reaches.
Result<PreparedCommand> prepare(App& app, const SetStoreKey& c) {
    PreparedCommand p;
    p.apply = []() -> Result<Versions> { return Versions{}; };
    p.after = [&app, key_id = c.key_id, secret = c.secret]() -> std::optional<Error> {
        if (auto s = app.sync().keep_store_key(key_id, secret); !s) return s.error();
        return std::nullopt;
    };
    return p;
}

namespace {

const CommandEntry k_commands[] = {command_entry<StartSync>(), command_entry<ExportBundle>(), command_entry<ImportBundle>(),
                                   command_entry<ResolveConflict>(), command_entry<SetStoreKey>()};
const ViewEntry k_views[] = {view_entry<SyncStatusQuery>()};

}  // namespace

std::int64_t waiting_sync_problems(App& app) {
    const SyncSummary s = app.sync().summary();  // counts only: no conflict bodies copied
    return static_cast<std::int64_t>(s.refused + s.conflicts);
}

std::span<const CommandEntry> sync_commands() { return k_commands; }
std::span<const ViewEntry> sync_views() { return k_views; }

}  // namespace vsys
