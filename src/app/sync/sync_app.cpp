// Index:
// [SECTION] state on disk
// [SECTION] runs: start, requests, progress, steps
// [SECTION] one sync: manifest, enrolment, publication
// (files, export and import: sync_files.cpp; the status screens read: sync_status.cpp)
#include "app/sync/sync_app.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include <set>
#include <unordered_set>

#include "app/base/app.hpp"
#include "core/documents/sealed_body.hpp"
#include "sync/code_key.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/directory.hpp"
#include "sync/identity.hpp"
#include "sync/kinds.hpp"
#include "sync/sync_state_json.hpp"

namespace vsys {
namespace {

// A bundle stays well under the exchange's 4 MiB limit and a slow clinic line's patience.
constexpr std::size_t k_bundle_docs = 400;
constexpr std::size_t k_bundle_bytes = 1u << 20;
// The demo deployment writes this many unclaimed codes per account at most; the app tries them
// in order and takes the first one no other device has claimed.
constexpr std::uint32_t k_demo_codes = 20;

bool is_pending(const Error& e) { return e.code == sync::k_transport_pending; }

}  // namespace

SyncAgent::SyncAgent(App& app) : app_(app) {}

std::string SyncAgent::state_path() const { return app_.persistence_.dir() + "/sync/state.json"; }
std::string SyncAgent::trust_path() const { return app_.persistence_.dir() + "/sync/trust.json"; }

// [SECTION] state on disk
void SyncAgent::open() {
    state_ = {};
    trust_ = {};
    store_key_owner_.clear();
    Storage& storage = app_.persistence_.storage();
    // A damaged file is set aside rather than trusted by half: the worst case is fetching again.
    if (auto text = storage.read(state_path()))
        if (auto s = sync::decode_sync_state(*text)) state_ = std::move(*s);
    if (auto text = storage.read(trust_path()))
        if (auto t = sync::decode_trust_state(*text)) trust_ = std::move(*t);
    const std::string root = sync::demo_root_key(k_demo_seed).public_hex;
    if (trust_.root_key != root) trust_ = sync::TrustState{root, {}, {}, {}, {}};
}

void SyncAgent::forget() {
    Storage& storage = app_.persistence_.storage();
    storage.remove(state_path());
    storage.remove(trust_path());
    transport_.reset();
    phase_ = SyncPhase::idle;
    run_ = SyncRunStatus{};
    reader_org_.clear();
    store_key_owner_.clear();
}

void SyncAgent::save_files() {
    Storage& storage = app_.persistence_.storage();
    storage.write_atomic(state_path(), sync::encode_sync_state(state_));
    storage.write_atomic(trust_path(), sync::encode_trust_state(trust_));
}

bool SyncAgent::enrolled() const {
    const Session& s = app_.session();
    if (!s.signed_in()) return false;
    const auto* d = app_.current("device", "chain", s.vsys_id);
    return d && d->body.value("device", "") == s.device_public && d->body.value("org", "") == s.org;
}

Result<sync::FeedWriter> SyncAgent::feed_writer() const {
    const Session& s = app_.session();
    const auto* d = app_.current("device", "chain", s.vsys_id);
    if (!d) return Error{"sync.not_enrolled", "this device is not enrolled yet"};
    sync::FeedWriter f;
    f.org = s.org;
    f.key = s.device_key;
    auto chain = d->body.find("chain");
    if (chain == d->body.end() || !chain->is_array()) return Error{"sync.not_enrolled", "no certificate chain"};
    for (const auto& c : *chain) {
        auto cert = sync::certificate_from_json(c);
        if (!cert) return cert.error();
        f.chain.push_back(std::move(*cert));
    }
    auto it = trust_.feeds.find(s.org + "/" + sync::device_id_of(s.device_public));
    if (it != trust_.feeds.end() && !it->second.hashes.empty()) {
        f.seq = it->second.hashes.size();
        f.last_hash = it->second.hashes.back();
    }
    return f;
}

// The training kiosk never publishes (ARCHITECTURE.md "Kiosk mode never publishes"), and takes
// nothing in either: its trainees' work stays in the browser, and what they see is the demo.
Status SyncAgent::refuse_in_kiosk() const {
    if (app_.kiosk()) return Error{"sync.kiosk", "the training kiosk never syncs"};
    return ok_status();
}

// [SECTION] runs: start, requests, progress, steps
Status SyncAgent::start() {
    if (auto k = refuse_in_kiosk(); !k) return k;
    if (run_.running) return ok_status();
    const Session& s = app_.session();
    if (!s.signed_in()) return Error{"sync.signed_out", "sign in to sync"};
    reader_org_ = s.org;
    transport_ = std::make_unique<sync::PendingTransport>();
    const Error last_error = run_.error;
    const sync::UtcTime finished = run_.finished;
    run_ = SyncRunStatus{};
    run_.running = true;
    run_.error = last_error;  // shown until this run ends
    run_.finished = finished;
    phase_ = SyncPhase::manifest;
    not_yet_.clear();
    rekeyed_ = writes_refused_ = false;
    key_refusal_ = {};
    step();
    return ok_status();
}

void SyncAgent::finish(Error e) {
    run_.running = false;
    run_.waiting = false;
    run_.error = std::move(e);
    run_.finished = app_.now();
    phase_ = SyncPhase::idle;
    transport_.reset();
    ++app_.revision_;
}

std::vector<sync::TransportRequest> SyncAgent::take_requests() {
    if (!transport_ || !run_.running) return {};
    auto r = transport_->take_requests();
    run_.requests_total += r.size();
    if (!r.empty()) run_.waiting = true;
    return r;
}

void SyncAgent::deliver(const std::vector<std::pair<sync::TransportRequest, Result<std::string>>>& answers,
                        const std::vector<std::string>& dates) {
    accept(answers, dates);
    resume();
}

void SyncAgent::accept(const std::vector<std::pair<sync::TransportRequest, Result<std::string>>>& answers,
                       const std::vector<std::string>& dates) {
    if (!transport_ || !run_.running) return;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const auto& [req, answer] = answers[i];
        ++run_.requests_done;
        // A date that does not parse is no date: the device's clock stands in for it.
        std::optional<sync::UtcTime> date;
        if (i < dates.size() && !dates[i].empty())
            if (auto t = sync::parse_utc(dates[i])) date = *t;
        transport_->answer_time(date);
        switch (req.kind) {
            case sync::TransportRequest::Kind::get: transport_->answer_get(req.path, answer); break;
            case sync::TransportRequest::Kind::put:
                transport_->answer_put(req.path, answer ? ok_status() : Status(answer.error()));
                break;
            case sync::TransportRequest::Kind::list: {
                if (!answer) {
                    transport_->answer_list(req.path, answer.error());
                    break;
                }
                // The host answers a listing as names separated by newlines.
                std::vector<std::string> names;
                std::size_t start = 0;
                const std::string& text = *answer;
                while (start < text.size()) {
                    auto end = text.find('\n', start);
                    if (end == std::string::npos) end = text.size();
                    if (end > start) names.push_back(text.substr(start, end - start));
                    start = end + 1;
                }
                transport_->answer_list(req.path, std::move(names));
                break;
            }
        }
    }
    run_.bytes = transport_->bytes_received();
}

void SyncAgent::abandon(Error e) {
    if (run_.running) finish(std::move(e));
}

void SyncAgent::resume() {
    if (!transport_ || !run_.running) return;
    run_.waiting = false;
    step();
}

void SyncAgent::step() {
    while (run_.running && !run_.waiting) {
        switch (phase_) {
            case SyncPhase::idle: return;
            case SyncPhase::manifest: {
                auto s = check_manifest();
                if (!s && is_pending(s.error())) break;
                if (!s) return finish(s.error());
                phase_ = SyncPhase::pull;
                continue;
            }
            case SyncPhase::pull:
            case SyncPhase::push: {
                const Pass p = run_sync_once();
                if (p == Pass::waiting) break;
                if (p == Pass::ended) return;
                if (p == Pass::key_refused) {
                    rekey_from_ = phase_;
                    phase_ = SyncPhase::rekey;
                    continue;
                }
                if (phase_ == SyncPhase::push) return finish(end_error());
                phase_ = SyncPhase::enrol;
                continue;
            }
            case SyncPhase::enrol: {
                auto s = enrolled() ? ok_status() : enrol();
                if (!s && is_pending(s.error())) break;
                if (!s) return finish(s.error());
                phase_ = SyncPhase::store_key;
                continue;
            }
            case SyncPhase::store_key: {
                auto s = fetch_store_key();
                if (!s && is_pending(s.error())) break;
                if (!s) return finish(s.error());
                phase_ = SyncPhase::publish;
                continue;
            }
            case SyncPhase::publish: {
                if (auto s = publish(); !s) return finish(s.error());
                if (state_.outbox.empty() || read_only() || writes_refused_) return finish(end_error());
                phase_ = SyncPhase::push;
                continue;
            }
            case SyncPhase::rekey: {
                // Once a run: a newer key runs the refused phase again with it; none newer, or
                // refused again, runs it again reading only. Nothing loops; the outbox stays.
                Result<bool> newer = false;
                if (!rekeyed_) newer = refetch_store_key();
                if (!newer && is_pending(newer.error())) break;
                if (!newer) return finish(newer.error());
                rekeyed_ = true;
                // Nothing newer after a write that failed as if offline: it was offline.
                if (!*newer && key_refusal_.code != sync::k_transport_key_refused) return finish(key_refusal_);
                if (!*newer) writes_refused_ = true;
                transport_->forget_failed_writes();
                phase_ = rekey_from_;
                continue;
            }
        }
        // A phase stopped for the host's answers.
        if (!transport_->has_requests()) return finish(Error{"transport.failed", "nothing to wait for", {{"detail", "stalled"}}});
        run_.waiting = true;
        ++app_.revision_;
        return;
    }
}

// [SECTION] one sync: manifest, enrolment, publication
Status SyncAgent::check_manifest() {
    auto text = transport_->get(sync::k_manifest_path);
    if (!text && text.error().code == "transport.not_found")
        return Error{"sync.no_deployment", "the exchange holds no deployment"};
    if (!text) return text.error();
    auto m = sync::parse_manifest(*text);
    if (!m) return m.error();
    // Nothing on the exchange chooses whom this app trusts: the root is the app's own.
    if (m->root_key != trust_.root_key)
        return Error{"sync.wrong_root", "the exchange belongs to another deployment"};
    return ok_status();
}

SyncAgent::Pass SyncAgent::run_sync_once() {
    const std::size_t before = app_.store_.size();
    std::vector<std::string> outbox_before;
    for (const auto& o : state_.outbox)
        for (const auto& h : o.doc_hashes) outbox_before.push_back(h);
    // A municipality's or prefecture's device packs its subtree's day for its parent
    // (docs/PROTOCOL.md §16); a device not enrolled yet has no key to sign a pack with.
    std::optional<sync::FeedWriter> packer;
    const bool reads_only = read_only() || writes_refused_;
    if (sync::packs_for_parent(reader_org_) && !reads_only)
        if (auto f = feed_writer()) packer = std::move(*f);
    // Without a store key nothing can be written: the outbox and files wait aside while the run
    // reads, so reads go on (a refused PUT would end the run before its pull).
    auto held_outbox = reads_only ? std::exchange(state_.outbox, {}) : decltype(state_.outbox){};
    auto held_files = reads_only ? std::exchange(state_.files, {}) : decltype(state_.files){};
    auto rep = sync::sync_once(*transport_, app_.directory(), reader_org_, state_, trust_, app_.store_, app_.now(),
                               sync::default_authority_rules(), packer ? &*packer : nullptr);
    if (reads_only) {
        state_.outbox = std::move(held_outbox);
        state_.files.merge(held_files);
    }
    run_.report.pushed += rep.pushed;
    run_.report.fetched += rep.fetched;
    run_.report.accepted += rep.accepted;
    run_.report.rejected += rep.rejected;
    if (auto s = persist_changes(before, outbox_before); !s) {
        finish(s.error());
        return Pass::ended;
    }
    if (rep.complete) {
        // Each pass of a run sees the same answers: the last complete pass says what is missing.
        not_yet_ = std::move(rep.not_yet);
        return Pass::done;
    }
    if (is_pending(rep.error)) return Pass::waiting;  // step() hands the requests to the host
    // A write refused for the store key: the outbox stayed (sync_once removes only what went up).
    // A signed PUT that failed as if offline, in a run whose reads went through, may be the same
    // refusal unseen: a store that answers an unknown key without CORS headers (RGW's
    // InvalidAccessKeyId) leaves the browser only a network failure. It fetches the key again too,
    // and ends as it failed if nothing newer comes.
    const bool refused = rep.error.code == sync::k_transport_key_refused ||
                         (rep.error.code == "transport.offline" && transport_->write_failed("transport.offline") &&
                          store_key() && !rekeyed_);
    if (refused && store_key_required_ && !writes_refused_) {
        key_refusal_ = rep.error;
        return Pass::key_refused;
    }
    finish(rep.error);
    return Pass::ended;
}

// How a run that did all it could ends: a file not yet as its name says, else a device that
// may not write (the exchange needs a store key it does not hold, or refused the one it holds),
// else success.
Error SyncAgent::end_error() const {
    if (Error e = not_yet_error(); !e.code.empty()) return e;
    if (writes_refused_) {
        const auto k = store_key();
        std::string detail;
        for (const auto& [name, value] : key_refusal_.args)
            if (name == "detail") detail = value;
        return Error{"sync.key_refused", "the exchange refused this device's store key",
                     {{"key_id", k ? k->access_key : std::string()},
                      {"version", k ? std::to_string(k->version) : std::string()},
                      {"detail", detail}}};
    }
    if (!read_only()) return {};
    Error e{"sync.read_only", "this device cannot write to the exchange yet: no store key for its organisation"};
    if (!store_key_problem_.code.empty()) e.args.emplace_back("problem", store_key_problem_.code);
    return e;
}

// A run that found a file not yet as its name says ends with a transport error, so the page
// retries soon (sync.js backs off 5 s, 10 s, ...) instead of waiting for the next minute.
Error SyncAgent::not_yet_error() const {
    if (not_yet_.empty()) return {};
    return Error{"transport.incomplete", "a file on the exchange does not hold what its name says yet",
                 {{"path", not_yet_.front()}}};
}

Status SyncAgent::persist_changes(std::size_t before, const std::vector<std::string>& outbox_before) {
    // The new versions by pointer into the store: a first sync of a country must not hold its
    // documents twice while it saves them.
    auto all = app_.store_.all();
    const std::vector<const DocumentVersion*> remote(all.begin() + static_cast<std::ptrdiff_t>(std::min(before, all.size())), all.end());
    all = {};
    // The documents first, then the trust state that says they were read: a tab closed in
    // between fetches them again rather than losing them.
    if (auto s = app_.persistence_.append(remote, true); !s) return s;
    std::unordered_set<std::string> still;
    for (const auto& o : state_.outbox)
        for (const auto& h : o.doc_hashes) still.insert(h);
    std::vector<std::string> pushed;
    for (const auto& h : outbox_before)
        if (!still.count(h)) pushed.push_back(h);
    if (auto s = app_.persistence_.append_pushed(pushed); !s) return s;
    for (const auto* v : remote) app_.absorb(*v);
    if (!remote.empty() || !pushed.empty()) ++app_.revision_;
    save_files();
    return ok_status();
}

Status SyncAgent::enrol() {
    const Session& s = app_.session();
    std::vector<std::string> codes;
    // A code typed at enrolment (cmd_enrolment.cpp); read before anything below changes the store.
    const DocumentVersion* typed = app_.current("device", "enrolment_code", s.vsys_id);
    if (typed) {
        codes.push_back(typed->body.value("code", ""));
    } else {
        for (std::uint32_t n = 1; n <= k_demo_codes; ++n) codes.push_back(sync::demo_enrolment_code(k_demo_seed, s.vsys_id, n));
    }
    for (const auto& code : codes) {
        auto secret = sync::decode_enrolment_code(code);
        if (!secret) return secret.error();
        const std::string code_key = sync::enrolment_key(*secret).public_hex;
        if (auto spent = trust_.spent.find(code_key); spent != trust_.spent.end() && spent->second != s.device_public)
            continue;  // another device claimed it first
        auto text = transport_->get(sync::enrolment_entry_path(code_key));
        if (!text && text.error().code == "transport.not_found") break;  // no further codes
        if (!text) return text.error();
        auto entry = sync::parse_enrolment_entry(*text);
        if (!entry) return entry.error();
        if (auto ok = sync::check_enrolment_entry(*entry, trust_.root_key, app_.directory(), &trust_.cert_cache); !ok)
            return ok.error();
        if (entry->enrolment.account != s.vsys_id)
            return Error{"enrolment.code_wrong", "the code belongs to another account"};
        auto enrolled = sync::claim_enrolment(code, entry->enrolment, entry->issuer_chain, trust_.spent, s.device_key,
                                              app_.now());
        if (!enrolled) return enrolled.error();
        code_key_ = sync::enrolment_key(*secret);  // the operator may have sealed the store key to it
        nlohmann::json chain = nlohmann::json::array();
        for (const auto& c : enrolled->chain) chain.push_back(sync::to_json(c));
        auto record = app_.successor("device", "chain", s.vsys_id,
                                     {{"org", s.org}, {"device", s.device_public}, {"chain", chain}});
        if (!record) return record.error();
        // The code's key, kept to open what was sealed to the code before this device existed.
        auto kept = app_.successor("device", sync::k_code_key_kind, code_key,
                                   sync::wrap_code_key(*code_key_, s.device_key, s.vsys_id));
        if (!kept) return kept.error();
        Versions versions{*record, enrolled->document, *kept};
        if (typed) {
            // The code is spent: keep no copy of it on the device.
            auto cleared = app_.successor("device", "enrolment_code", s.vsys_id, {{"code", ""}, {"claimed", true}});
            if (!cleared) return cleared.error();
            versions.push_back(*cleared);
        }
        auto stored = app_.commit(std::move(versions));
        if (!stored) return stored.error();
        return ok_status();
    }
    return Error{"sync.no_enrolment", "no unclaimed enrolment code for this account on the exchange",
                 {{"vsys_id", s.vsys_id}}};
}


Status SyncAgent::publish() {
    if (!enrolled()) return ok_status();  // a device without a certificate only reads
    if (auto s = reseal(); !s) return s;
    auto feed = feed_writer();
    if (!feed) return feed.error();
    const std::string& org = feed->org;
    std::unordered_set<std::string> queued;
    for (const auto& o : state_.outbox)
        for (const auto& h : o.doc_hashes) queued.insert(h);
    std::vector<DocumentVersion> docs;
    for (const auto* v : app_.store_.pending()) {
        if (queued.count(v->hash) || v->owner == "device") continue;
        // Only what this organisation may sign: its own documents and its sites' proxy versions.
        if (!(v->owner == org || (v->proxy && app_.directory().parent_of(v->owner) == org))) continue;
        // Personal data leaves the device sealed, or not at all (reseal.cpp, sealed_documents.hpp).
        if (const KindSpec* spec = sync::document_kinds().find(v->kind); spec && spec->sealed && !is_sealed_body(v->body))
            return Error{"document.not_sealed", "a document of this kind must travel sealed to its readers",
                         {{"key", v->key()}, {"kind", v->kind}}};
        docs.push_back(*v);
    }
    std::size_t start = 0;
    while (start < docs.size()) {
        std::vector<DocumentVersion> part;
        std::set<std::string> to;
        std::size_t bytes = 0;
        for (; start < docs.size() && part.size() < k_bundle_docs && (part.empty() || bytes < k_bundle_bytes); ++start) {
            bytes += docs[start].body.dump().size();
            for (auto& a : kind_audience(sync::document_kinds(), docs[start], app_.directory())) to.insert(std::move(a));
            part.push_back(docs[start]);
        }
        // An enrolment code issued here can be claimed on any device: its lookup file names
        // the certificate and the chain of this device, which issued it (PROTOCOL.md section 9).
        for (const auto& d : part)
            if (d.kind == "enrolment")
                if (auto cert = sync::certificate_from_json(d.body); cert && cert->issuer == feed->key.public_hex)
                    state_.files[sync::enrolment_entry_path(cert->key)] =
                        sync::encode_enrolment_entry(sync::EnrolmentEntry{*cert, feed->chain});
        auto s = sync::queue_bundle(*feed, state_, trust_, part, {to.begin(), to.end()}, app_.now());
        if (!s) return s;
        // The sequence number is used from now on: keep the outbox before anything else.
        save_files();
    }
    return ok_status();
}

}  // namespace vsys
