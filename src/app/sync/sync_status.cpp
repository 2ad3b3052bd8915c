// What the sync says about itself: the top bar's summary and the 同期 screen's status (the
// automation API's `sync_status` view). Apart from sync_app.cpp, which runs the sync.
#include "app/base/app.hpp"
#include "app/base/i18n.hpp"
#include "app/sync/sync_app.hpp"
#include "app/sync/sync_contract.hpp"
#include "core/allocation/chain_documents.hpp"
#include "core/base/calendar.hpp"
#include "core/base/input.hpp"
#include "core/claims/kinds.hpp"
#include "core/directory/catalog.hpp"
#include "core/documents/document_store.hpp"

namespace vsys {
namespace {

const char* phase_name(SyncPhase p) {
    switch (p) {
        case SyncPhase::idle: return "idle";
        case SyncPhase::manifest: return "manifest";
        case SyncPhase::pull: return "pull";
        case SyncPhase::enrol: return "enrol";
        case SyncPhase::store_key: return "store_key";
        case SyncPhase::publish: return "publish";
        case SyncPhase::push: return "push";
        case SyncPhase::rekey: return "rekey";
    }
    return "idle";
}

// A body's members on one line by their labels, "電話番号: 0857-22-0001 / 名称: 千代田区…" (a
// nested member by its own label, lists by their length), cut at 160 characters with "…": enough
// to tell two competing versions apart (the versions' authors and times are beside it). `label`
// names a member; `value` shows a string member's value as users know it (a round by its name,
// a product by its name), else as it is.
template <class Label, class Value>
void add_members(std::string& out, const std::string& path, const nlohmann::json& v, const Label& label, const Value& value) {
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            // The format's version and a resolution's bookkeeping say nothing to the person choosing.
            if (it.key() != k_resolves_member && !(path.empty() && it.key() == "schema"))
                add_members(out, path.empty() ? it.key() : path + "." + it.key(), it.value(), label, value);
        return;
    }
    if (!out.empty()) out += " / ";
    out += label(path) + ": ";
    if (v.is_string()) out += value(path, v.get<std::string>());
    else if (v.is_array()) out += value(path + "[]", std::to_string(v.size()));  // how many, not the list
    else out += v.dump();
}

template <class Label, class Value>
std::string body_summary(const nlohmann::json& body, const Label& label, const Value& value) {
    std::string out;
    add_members(out, "", body, label, value);
    return input::excerpt(out, 160);  // control characters another device wrote are shown escaped
}

// Which of an organisation's documents of a kind `id` names, as users know it: a round's
// documents (its requests, allocations and locks) by the round's name in the catalog the screens
// list rounds from (ファイザー 第10クール, not PF12_R10), a nation's lock of one prefecture's ②
// with that prefecture; a claim by its month as the claims screens show it. The id itself where
// nothing names it (a round the catalog does not know).
std::string document_name(const App& app, const DocumentVersion& v, Language lang) {
    const std::string& kind = v.kind;
    if (kind == k_request_kind || kind == k_round_kind || kind == k_allocation_kind || kind == k_lock_kind) {
        const std::size_t at = v.id.find('@');
        const std::string round = v.id.substr(0, at);
        const Round* r = Catalog::builtin().find_round(round);
        if (!r) return v.id;
        std::string name = r->name;
        if (at != std::string::npos) name += " " + app.display_arg("org", v.id.substr(at + 1), lang);
        return name;
    }
    if (kind == k_claim_kind)
        if (auto month = parse_year_month(v.id)) {
            std::string shown = to_iso(*month);  // 2022/01, as dates are shown (2022/01/31)
            shown[4] = '/';
            return fill_placeholders(Strings::builtin().get("sync.conflict.month", lang), {{"month", shown}});
        }
    return v.id;
}

}  // namespace

SyncSummary SyncAgent::summary() const {
    SyncSummary s;
    s.running = run_.running;
    for (const auto* v : app_.store_.pending())
        if (v->owner != "device") ++s.waiting_changes;
    s.waiting_bundles = state_.outbox.size();
    s.refused = state_.rejected.size();
    s.conflicts = app_.store_.conflicts().size();
    s.last_success = state_.last_success;
    s.error_code = run_.error.code;
    // Every failure of the transport itself (no answer, a refused connection, a 5xx) is a
    // transport.* error; a refused bundle or a missing manifest is not the exchange being down.
    s.exchange_unreachable = s.error_code.rfind("transport.", 0) == 0;
    s.read_only = read_only();
    s.key_refused = s.error_code == "sync.key_refused";
    return s;
}

SyncStatusView SyncAgent::status() const {
    SyncStatusView v;
    for (const auto& r : state_.rejected) v.rejected.push_back({r.path, r.error.code, app_.error_text(r.error)});
    const Language lang = app_.language();
    const auto label = [&](const std::string& path) { return app_.display_arg("member", path, lang); };
    // The values a document holds as codes: a round (its name in the catalog), a site's
    // municipality, a product or a code's kind (strings.tsv's "<member>.<value>"), a state or a
    // mode (display_arg's families); anything else as it was written.
    const auto value = [&](const std::string& path, const std::string& v) {
        const std::string member = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
        if (member.ends_with("[]"))
            return fill_placeholders(Strings::builtin().get("sync.conflict.count", lang), {{"n", v}});
        if (path == "kind" && (v == "site" || v == "workplace_venue"))  // a site's master data: which kind of site
            return Strings::builtin().get(v == "site" ? "role.site" : "role.venue", lang);
        if (member == "round") {
            const Round* r = Catalog::builtin().find_round(v);
            return r ? r->name : v;
        }
        if (member == "municipality") {  // a site's, by its code
            const std::string name = app_.display_arg("org", "muni:" + v, lang);
            return name == "muni:" + v ? v : name;
        }
        if (const std::string key = member + "." + v; Strings::builtin().has(key)) return Strings::builtin().get(key, lang);
        if (member == "state" || member == "mode" || member == "method" || member == "category")
            return app_.display_arg(member, v, lang);
        return v;
    };
    for (const auto& key : app_.store_.conflicts()) {
        Conflict c{key, {}, {}};
        for (const auto* h : app_.store_.heads(key)) {
            c.heads.push_back({h->hash, h->author, h->time, static_cast<std::int64_t>(h->version), h->body,
                               body_summary(h->body, label, value), app_.store_.made_here(h->hash)});
            if (c.title.empty()) {
                // 「医療機関の情報（清水内科）」: the kind's name and its organisation's; a kind with
                // several documents per organisation adds which one by its name
                // (「希望量：ファイザー 第10クール（清水内科）」).
                const std::vector<std::pair<std::string, std::string>> parts{{"kind", app_.display_arg("kind", h->kind, lang)},
                                                               {"org", app_.display_arg("org", h->owner, lang)},
                                                               {"name", document_name(app_, *h, lang)}};
                c.title = fill_placeholders(Strings::builtin().get(h->id == "main" ? "sync.conflict.title" : "sync.conflict.title_named", lang), parts);
                // A title starts with a capital in English (the kinds' names are written for the
                // middle of a sentence: "the request of …").
                if (lang == Language::en && c.title[0] >= 'a' && c.title[0] <= 'z') c.title[0] = static_cast<char>(c.title[0] - 'a' + 'A');
            }
        }
        v.conflicts.push_back(std::move(c));
    }
    for (const auto* p : app_.store_.pending())
        if (p->owner != "device") ++v.pending;
    v.running = run_.running;
    v.kiosk = app_.kiosk();
    v.waiting = run_.waiting;
    v.phase = phase_name(phase_);
    v.enrolled = enrolled();
    v.read_only = read_only();
    v.key_refused = run_.error.code == "sync.key_refused";
    v.done = static_cast<std::int64_t>(run_.requests_done);
    v.total = static_cast<std::int64_t>(run_.requests_total);
    v.bytes = static_cast<std::int64_t>(run_.bytes);
    v.pushed = static_cast<std::int64_t>(run_.report.pushed);
    v.fetched = static_cast<std::int64_t>(run_.report.fetched);
    v.accepted = static_cast<std::int64_t>(run_.report.accepted);
    v.rejected_count = static_cast<std::int64_t>(run_.report.rejected);
    v.outbox = static_cast<std::int64_t>(state_.outbox.size());
    if (state_.last_success) v.last_success = sync::format_utc(state_.last_success);
    if (run_.finished) v.finished = sync::format_utc(run_.finished);
    if (!run_.error.code.empty()) v.error = RefusedFile{"", run_.error.code, app_.error_text(run_.error)};
    // Which store key this device writes with (its id is not secret; the secret never leaves it).
    if (auto k = store_key()) v.store_key = SyncStatusView::StoreKey{k->access_key, static_cast<std::int64_t>(k->version)};
    return v;
}

}  // namespace vsys
