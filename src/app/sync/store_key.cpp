// The organisation's store key on this device (PROTOCOL §15): kept, read, fetched sealed from
// the exchange. Apart from sync_app.cpp, which runs the sync itself.
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "app/base/app.hpp"
#include "app/sync/sync_app.hpp"

namespace vsys {

// Device storage, beside the sync state: never a document, so never in a bundle or an export.
std::string SyncAgent::store_key_path() const {
    return app_.persistence_.dir() + "/sync/store-key-" + sync::org_segment(app_.session().org) + ".json";
}

// Read once per organisation signed in (the top bar asks every frame), again after a new one is kept.
std::optional<sync::StoreCredential> SyncAgent::store_key() const {
    if (!app_.session().signed_in()) return std::nullopt;
    const std::string& org = app_.session().org;
    if (store_key_org_ != org) {
        store_key_org_ = org;
        store_key_.reset();
        if (auto text = app_.persistence_.storage().read(store_key_path()))
            if (auto c = sync::decode_store_credential(*text); c && c->org == org) store_key_ = std::move(*c);
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
    if (auto w = app_.persistence_.storage().write_atomic(store_key_path(), sync::encode_store_credential(c)); !w) return w;
    store_key_org_.clear();
    ++app_.revision_;
    return ok_status();
}

bool SyncAgent::read_only() const { return store_key_required_ && !app_.kiosk() && !store_key(); }

// The organisation's store key, sealed by the operator to this device's key or to the code it
// claimed in this run (PROTOCOL §15 "Credentials in the browser"). None found: the device reads
// only. A file found but refused (another key, altered) is noted and not kept.
Status SyncAgent::fetch_store_key() {
    if (!store_key_required_ || !enrolled() || store_key()) return ok_status();
    const Session& s = app_.session();
    std::vector<const sync::KeyPair*> keys{&s.device_key};
    if (code_key_) keys.push_back(&*code_key_);
    bool pending = false;
    for (const sync::KeyPair* k : keys) {
        auto text = transport_->get(sync::credential_path(s.org, k->public_hex));
        if (!text && text.error().code == sync::k_transport_pending) {
            pending = true;
            continue;
        }
        if (!text && text.error().code == "transport.not_found") continue;
        if (!text) return text.error();
        auto c = sync::open_store_credential(*text, *k, s.org);
        if (!c) {
            store_key_problem_ = c.error();
            continue;
        }
        if (auto w = app_.persistence_.storage().write_atomic(store_key_path(), sync::encode_store_credential(*c)); !w)
            return w;
        store_key_org_.clear();  // read again
        store_key_problem_ = {};
        code_key_.reset();
        ++app_.revision_;
        return ok_status();
    }
    if (pending) return Error{sync::k_transport_pending, "waiting for the exchange"};
    return ok_status();
}

}  // namespace vsys
