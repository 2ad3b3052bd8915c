// The organisation's store key on this device (PROTOCOL §15): kept sealed to the signed-in
// account's device key and opened in memory, fetched sealed from the exchange, fetched again when
// the store refuses it (a rotation). Apart from sync_app.cpp, which runs the sync itself.
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "app/base/app.hpp"
#include "app/sync/sync_app.hpp"
#include "sync/code_key.hpp"

namespace vsys {

namespace {

bool is_pending(const Error& e) { return e.code == sync::k_transport_pending; }

}  // namespace

// Device storage, beside the sync state: never a document, so never in a bundle or an export.
// One file per organisation and account key: two accounts of one organisation on a shared PC
// each open their own.
std::string SyncAgent::store_key_path(const std::string& device_public) const {
    return app_.persistence_.dir() + "/sync/store-key-" + sync::org_segment(app_.session().org) + "-" +
           sync::device_id_of(device_public) + ".json";
}

// Earlier builds kept the key in clear, one file per organisation.
std::string SyncAgent::clear_store_key_path() const {
    return app_.persistence_.dir() + "/sync/store-key-" + sync::org_segment(app_.session().org) + ".json";
}

// Sealed to the account's device key, as the operator seals it on the exchange: whoever reads
// the browser's storage without the password finds no secret.
Status SyncAgent::write_store_key(const sync::StoreCredential& c, const std::string& device_public) const {
    auto sealed = sync::seal_store_credential(c, device_public);
    if (!sealed) return sealed.error();
    return app_.persistence_.storage().write_atomic(store_key_path(device_public), *sealed);
}

// A key file in the clear form of earlier builds, read once: sealed for every account of its
// organisation on this device (each opens its own copy), then removed.
void SyncAgent::migrate_clear_store_key() const {
    Storage& storage = app_.persistence_.storage();
    const std::string& org = app_.session().org;
    auto text = storage.read(clear_store_key_path());
    if (!text) return;
    auto clear = sync::decode_clear_store_credential(*text);
    if (!clear || clear->org != org) return;  // not this organisation's key: left as it was
    std::vector<std::string> owners{app_.session().device_public};
    app_.store().for_each_current([&](const std::string&, const DocumentVersion& v) {
        if (v.owner != "device" || v.kind != "credential") return;
        const DemoAccount* a = app_.directory().account(v.id);
        if (a && a->org == org && v.body.contains("public") && v.body["public"].is_string())
            owners.push_back(v.body["public"].get<std::string>());
    });
    std::sort(owners.begin(), owners.end());
    owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    for (const auto& owner : owners)
        if (!storage.read(store_key_path(owner)))
            if (!write_store_key(*clear, owner)) return;  // the clear file stays until all are sealed
    storage.remove(clear_store_key_path());
}

// Read once per account signed in (the top bar asks every frame), again after a new one is kept.
std::optional<sync::StoreCredential> SyncAgent::store_key() const {
    if (!app_.session().signed_in()) return std::nullopt;
    const Session& s = app_.session();
    const std::string whose = s.org + " " + s.device_public;
    if (store_key_owner_ != whose) {
        store_key_owner_ = whose;
        store_key_.reset();
        migrate_clear_store_key();
        if (auto text = app_.persistence_.storage().read(store_key_path(s.device_public)))
            if (auto c = sync::open_store_credential(*text, s.device_key, s.org)) store_key_ = std::move(*c);
    }
    return store_key_;
}

Status SyncAgent::keep_store_key(std::string key_id, std::string secret) {
    if (!app_.session().signed_in()) return Error{"sync.signed_out", "sign in to sync"};
    auto printable = [](const std::string& t) {
        return !t.empty() && t.size() <= 128 && std::all_of(t.begin(), t.end(), [](char c) { return c > ' ' && c < 127; });
    };
    if (!printable(key_id) || !printable(secret))
        return Error{"sync.store_key_format", "a store key is its key id and its secret, printable characters without spaces"};
    const sync::StoreCredential c{app_.session().org, std::move(key_id), std::move(secret), 1};
    if (auto w = write_store_key(c, app_.session().device_public); !w) return w;
    store_key_owner_.clear();
    ++app_.revision_;
    return ok_status();
}

bool SyncAgent::read_only() const { return store_key_required_ && !app_.kiosk() && !store_key(); }

// The newest store key above version `above` sealed to one of `keys`: each key's folder of later
// versions is listed and, when nothing is held yet, its version-1 file read, in one round; then
// the newest that opens. A file found but refused (another key, altered, named for another
// version) is noted and passed over.
Result<std::optional<sync::StoreCredential>> SyncAgent::newest_store_key(const std::vector<sync::KeyPair>& keys,
                                                                         int above) {
    const std::string& org = app_.session().org;
    struct Candidate {
        int version;
        std::string path;
        const sync::KeyPair* key;
    };
    std::vector<Candidate> found;
    bool pending = false;
    for (const auto& k : keys) {
        const std::string folder = sync::credential_folder(org, k.public_hex);
        auto names = transport_->list(folder);
        if (!names && is_pending(names.error())) pending = true;
        else if (!names) return names.error();
        else
            for (const auto& n : *names)
                if (const int v = sync::credential_version_of(n); v > above) found.push_back({v, folder + "/" + n, &k});
        if (above < 1) {
            const std::string first = sync::credential_path(org, k.public_hex);
            if (auto t = transport_->get(first); !t && is_pending(t.error())) pending = true;
            found.push_back({1, first, &k});
        }
    }
    if (pending) return Error{sync::k_transport_pending, "waiting for the exchange"};
    std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.version > b.version; });
    for (const auto& c : found) {
        auto text = transport_->get(c.path);
        if (!text && (is_pending(text.error()) || text.error().code != "transport.not_found")) return text.error();
        if (!text) continue;
        auto opened = sync::open_store_credential(*text, *c.key, org);
        if (opened && opened->version != c.version)
            opened = Error{"credential.mismatch", "the sealed store key disagrees with its file", {{"field", "version"}}};
        if (!opened) {
            store_key_problem_ = opened.error();
            continue;
        }
        return std::optional<sync::StoreCredential>(std::move(*opened));
    }
    return std::optional<sync::StoreCredential>();
}

Status SyncAgent::keep_fetched_store_key(const sync::StoreCredential& c) {
    if (auto w = write_store_key(c, app_.session().device_public); !w) return w;
    store_key_owner_.clear();  // read again
    store_key_problem_ = {};
    ++app_.revision_;
    return ok_status();
}

// The organisation's store key, sealed by the operator to this device's key or to the code it
// claimed in this run (PROTOCOL §15 "Credentials in the browser"). None found: the device reads
// only. A file found but refused (another key, altered) is noted and not kept.
Status SyncAgent::fetch_store_key() {
    if (!store_key_required_ || !enrolled() || store_key()) return ok_status();
    std::vector<sync::KeyPair> keys{app_.session().device_key};
    if (code_key_) keys.push_back(*code_key_);
    auto newest = newest_store_key(keys, 0);
    if (!newest) return newest.error();
    if (!*newest) return ok_status();
    if (auto s = keep_fetched_store_key(**newest); !s) return s;
    code_key_.reset();
    return ok_status();
}

// The store refused the key held (PROTOCOL §15 "Rotation"): a version newer than it, sealed to
// this device's key or to a code it claimed (kept encrypted under the device key), is kept and
// the run retries once; none newer leaves the key as it is. True when a newer key was kept.
Result<bool> SyncAgent::refetch_store_key() {
    const Session& s = app_.session();
    const auto held = store_key();
    std::vector<sync::KeyPair> keys{s.device_key};
    if (code_key_) keys.push_back(*code_key_);
    app_.store().for_each_current([&](const std::string&, const DocumentVersion& v) {
        if (v.owner != "device" || v.kind != sync::k_code_key_kind || v.body.value("account", "") != s.vsys_id) return;
        if (auto k = sync::unwrap_code_key(v.body, s.device_key); k && (!code_key_ || k->public_hex != code_key_->public_hex))
            keys.push_back(std::move(*k));
    });
    auto newest = newest_store_key(keys, held ? held->version : 0);
    if (!newest) return newest.error();
    if (!*newest) return false;
    if (auto k = keep_fetched_store_key(**newest); !k) return k.error();
    return true;
}

}  // namespace vsys
