// Commands and the view of the sync panel (docs/PROTOCOL.md "The app"): start a sync run, export
// what is queued as a bundle file, import one, and resolve a conflict between two devices of
// one organisation by choosing the version to keep.
#include <algorithm>

#include "app/base/app.hpp"
#include "app/base/args.hpp"

namespace vsys {
namespace {

using nlohmann::json;

// {type: "sync"}: starts a run; its progress and outcome are in the "sync_status" view.
Result<PreparedCommand> prepare_sync(App& app, const json& j) {
    ArgReader r(j);
    if (auto e = r.finish()) return *e;
    PreparedCommand p;
    p.apply = []() -> Result<Versions> { return Versions{}; };
    p.after = [&app]() -> std::optional<Error> {
        if (auto s = app.sync().start(); !s) return s.error();
        return std::nullopt;
    };
    return p;
}

// {type: "export_bundle"}: answers {file_name, data} (the bundle file, archive.hpp).
Result<PreparedCommand> prepare_export(App& app, const json& j) {
    ArgReader r(j);
    if (auto e = r.finish()) return *e;
    auto file = std::make_shared<std::string>();
    PreparedCommand p;
    p.apply = []() -> Result<Versions> { return Versions{}; };
    p.after = [&app, file]() -> std::optional<Error> {
        auto data = app.sync().export_file();
        if (!data) return data.error();
        *file = std::move(*data);
        return std::nullopt;
    };
    p.answer = [&app, file]() {
        std::string day = sync::utc_day(app.now());
        std::string org = app.session().org;
        std::replace(org.begin(), org.end(), ':', '_');
        return json{{"file_name", "vsys-" + org + "-" + day + ".vsysbundle"}, {"data", *file}, {"bytes", file->size()}};
    };
    return p;
}

// {type: "import_bundle", data}: verifies every bundle in the file before applying it.
Result<PreparedCommand> prepare_import(App& app, const json& j) {
    ArgReader r(j);
    std::string data = r.string("data");
    if (auto e = r.finish()) return *e;
    auto report = std::make_shared<sync::ReplayReport>();
    PreparedCommand p;
    p.apply = []() -> Result<Versions> { return Versions{}; };
    p.after = [&app, data = std::move(data), report]() -> std::optional<Error> {
        auto rep = app.sync().import_file(data);
        if (!rep) return rep.error();
        *report = std::move(*rep);
        return std::nullopt;
    };
    p.answer = [&app, report]() {
        json rejected = json::array();
        for (const auto& x : report->rejected)
            rejected.push_back({{"path", x.path}, {"code", x.error.code}, {"message", app.error_text(x.error)}});
        std::size_t documents = 0;
        for (const auto& a : report->accepted) documents += a.documents;
        return json{{"files", report->files},
                    {"skipped", report->skipped},
                    {"accepted", report->accepted.size()},
                    {"documents", documents},
                    {"rejected", rejected}};
    };
    return p;
}

// {type: "resolve_conflict", key, keep}: a new version with the body of the kept head, which
// replaces one head and resolves the others (document_store.hpp).
Result<PreparedCommand> prepare_resolve(App& app, const json& j) {
    ArgReader r(j);
    std::string key = r.string("key");
    std::string keep = r.string("keep");
    if (auto e = r.finish()) return *e;
    const auto heads = app.store().heads(key);
    if (heads.size() < 2) return Error{"store.no_conflict", "the document has no conflict to resolve", {{"key", key}}};
    auto kept = std::find_if(heads.begin(), heads.end(), [&](const DocumentVersion* h) { return h->hash == keep; });
    if (kept == heads.end()) return Error{"sync.unknown_version", "no such version of the document", {{"key", key}}};
    PreparedCommand p;
    p.target_org = heads.front()->owner;
    p.apply = [&app, key, body = (*kept)->body, proxy = heads.front()->owner != app.session().org]() -> Result<Versions> {
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

// {type: "set_store_key", key_id, secret}: the organisation's store key typed in by hand, for a
// device that no sealed key reaches (PROTOCOL §15); kept in device storage, never in a document.
Result<PreparedCommand> prepare_set_store_key(App& app, const json& j) {
    ArgReader r(j);
    std::string key_id = r.string("key_id");
    std::string secret = r.string("secret");
    if (auto e = r.finish()) return *e;
    PreparedCommand p;
    p.apply = []() -> Result<Versions> { return Versions{}; };
    p.after = [&app, key_id = std::move(key_id), secret = std::move(secret)]() -> std::optional<Error> {
        if (auto s = app.sync().keep_store_key(key_id, secret); !s) return s.error();
        return std::nullopt;
    };
    return p;
}

Result<PreparedView> prepare_sync_status(App& app, const json& j) {
    ArgReader r(j, {});
    if (auto e = r.finish()) return *e;
    return PreparedView{"", [&app]() -> Result<json> { return app.sync().status_json(); }};
}

const CommandEntry k_commands[] = {{"sync", prepare_sync},
                                   {"export_bundle", prepare_export},
                                   {"import_bundle", prepare_import},
                                   {"resolve_conflict", prepare_resolve},
                                   {"set_store_key", prepare_set_store_key}};
const ViewEntry k_views[] = {{"sync_status", prepare_sync_status}};

}  // namespace

std::int64_t waiting_sync_problems(App& app) {
    const SyncSummary s = app.sync().summary();  // counts only: no conflict bodies copied
    return static_cast<std::int64_t>(s.refused + s.conflicts);
}

std::span<const CommandEntry> sync_commands() { return k_commands; }
std::span<const ViewEntry> sync_views() { return k_views; }

}  // namespace vsys
