#include "core/documents/document_store.hpp"

#include <algorithm>

namespace vsys {
namespace {

std::vector<std::string> string_array(const nlohmann::json& body, const char* member, bool& malformed) {
    std::vector<std::string> out;
    auto it = body.find(member);
    if (it == body.end()) return out;
    if (!it->is_array()) {
        malformed = true;
        return out;
    }
    for (const auto& e : *it) {
        if (!e.is_string()) {
            malformed = true;
            return {};
        }
        out.push_back(e.get<std::string>());
    }
    return out;
}

}  // namespace

std::vector<std::string> resolved_hashes(const DocumentVersion& v) {
    bool bad = false;
    return string_array(v.body, k_resolves_member, bad);
}

std::vector<std::string> locked_hashes(const DocumentVersion& v) {
    bool bad = false;
    if (v.kind != k_lock_kind) return {};
    return string_array(v.body, "locks", bad);
}

Status DocumentStore::check(const DocumentVersion& v) const { return check_with(v, {}); }

Status DocumentStore::check_with(const DocumentVersion& v, const std::unordered_set<std::string>& extra_locks) const {
    if (v.hash.empty()) return Error{"store.unsealed", "the version has no hash"};
    if (by_hash_.count(v.hash)) return ok_status();
    auto locked = [&](const std::string& h) { return is_locked(h) || extra_locks.count(h) != 0; };
    bool malformed = false;
    auto resolves = string_array(v.body, k_resolves_member, malformed);
    if (v.kind == k_lock_kind) {
        auto it = v.body.find("locks");
        if (it == v.body.end()) malformed = true;
        else string_array(v.body, "locks", malformed);
    }
    if (malformed)
        return Error{"store.malformed", "\"_resolves\" or \"locks\" must be an array of hashes", {{"key", v.key()}}};
    if (v.replaces.empty()) {
        if (v.version != 1 || !resolves.empty())
            return Error{"store.version", "a first version must be version 1", {{"expected", "1"}}};
    } else {
        if (locked(v.replaces))
            return Error{"store.locked", "the version it replaces is locked", {{"hash", v.replaces}}};
        if (const auto* parent = find(v.replaces)) {
            if (parent->key() != v.key())
                return Error{"store.malformed", "it replaces a version of another document", {{"key", v.key()}}};
            if (v.version != parent->version + 1)
                return Error{"store.version", "the version number must follow the one it replaces",
                             {{"expected", std::to_string(parent->version + 1)}}};
        }
    }
    for (const auto& h : resolves) {
        if (locked(h)) return Error{"store.locked", "a version it resolves is locked", {{"hash", h}}};
        if (h == v.replaces) return Error{"store.resolves", "it resolves the version it replaces", {{"hash", h}}};
        if (const auto* other = find(h); other && other->key() != v.key())
            return Error{"store.resolves", "it resolves a version of another document", {{"hash", h}}};
    }
    return ok_status();
}

Status DocumentStore::check_batch(const std::vector<DocumentVersion>& batch) const {
    std::unordered_set<std::string> extra;
    for (const auto& v : batch) {
        if (auto s = check_with(v, extra); !s) return s;
        for (auto& h : locked_hashes(v)) extra.insert(h);
    }
    return ok_status();
}

void DocumentStore::recompute_heads(const std::string& key, KeyEntry& k) {
    std::unordered_set<std::string> superseded;
    for (const auto& h : k.versions) {
        const auto& d = by_hash_.find(h)->second.doc;
        if (!d.replaces.empty()) superseded.insert(d.replaces);
        for (auto& r : resolved_hashes(d)) superseded.insert(std::move(r));
    }
    k.heads.clear();
    for (const auto& h : k.versions)
        if (!superseded.count(h)) k.heads.push_back(h);
    if (k.heads.size() > 1) conflicted_.insert(key);
    else conflicted_.erase(key);
}

void DocumentStore::refresh_locks(const std::string& key) {
    auto& contrib = lock_contrib_[key];
    for (const auto& h : contrib)
        if (auto it = locked_.find(h); it != locked_.end() && --it->second <= 0) locked_.erase(it);
    contrib.clear();
    if (auto k = by_key_.find(key); k != by_key_.end())
        for (const auto& head : k->second.heads)
            for (auto& h : locked_hashes(by_hash_.find(head)->second.doc)) contrib.push_back(std::move(h));
    for (const auto& h : contrib) ++locked_[h];
    if (contrib.empty()) lock_contrib_.erase(key);
}

Result<bool> DocumentStore::apply(DocumentVersion v, Origin origin) {
    if (auto s = check(v); !s) return s.error();
    if (by_hash_.count(v.hash)) return false;
    const std::string hash = v.hash, key = v.key();
    const bool is_lock = v.kind == k_lock_kind;
    ++kind_changes_[v.kind];
    keys_of_kind_[v.kind].insert(key);  // a set: a known key stays as it is
    by_hash_.emplace(hash, Entry{std::move(v), origin == Origin::local, origin == Origin::local});
    order_.push_back(hash);
    if (origin == Origin::local) pending_.push_back(hash);
    auto& k = by_key_[key];
    k.versions.push_back(hash);
    recompute_heads(key, k);
    if (is_lock) refresh_locks(key);
    return true;
}

void DocumentStore::remove_last(const std::string& hash) {
    auto it = by_hash_.find(hash);
    const std::string key = it->second.doc.key();
    const std::string kind = it->second.doc.kind;
    const bool is_lock = kind == k_lock_kind;
    ++kind_changes_[kind];
    by_hash_.erase(it);
    order_.pop_back();
    if (!pending_.empty() && pending_.back() == hash) pending_.pop_back();
    auto& k = by_key_[key];
    k.versions.pop_back();
    if (k.versions.empty()) {
        by_key_.erase(key);
        conflicted_.erase(key);
        if (auto kk = keys_of_kind_.find(kind); kk != keys_of_kind_.end()) {
            kk->second.erase(key);
            if (kk->second.empty()) keys_of_kind_.erase(kk);
        }
    } else {
        recompute_heads(key, k);
    }
    if (is_lock) refresh_locks(key);
}

Result<std::size_t> DocumentStore::apply_batch(const std::vector<DocumentVersion>& batch, Origin origin) {
    if (auto s = check_batch(batch); !s) return s.error();
    std::vector<std::string> added;
    for (const auto& v : batch) {
        auto r = apply(v, origin);
        if (!r) {
            for (auto h = added.rbegin(); h != added.rend(); ++h) remove_last(*h);
            return r.error();
        }
        if (*r) added.push_back(v.hash);
    }
    return added.size();
}

const DocumentVersion* DocumentStore::find(std::string_view hash) const {
    auto it = by_hash_.find(std::string(hash));
    return it == by_hash_.end() ? nullptr : &it->second.doc;
}

std::vector<const DocumentVersion*> DocumentStore::heads(std::string_view key) const {
    std::vector<const DocumentVersion*> out;
    if (auto k = by_key_.find(std::string(key)); k != by_key_.end())
        for (const auto& h : k->second.heads) out.push_back(find(h));
    return out;
}

const DocumentVersion* DocumentStore::current(std::string_view key) const {
    auto h = heads(key);
    return h.size() == 1 ? h.front() : nullptr;
}

std::vector<const DocumentVersion*> DocumentStore::history(std::string_view key) const {
    std::vector<const DocumentVersion*> out;
    if (auto k = by_key_.find(std::string(key)); k != by_key_.end())
        for (const auto& h : k->second.versions) out.push_back(find(h));
    return out;
}

std::vector<std::string> DocumentStore::conflicts() const { return {conflicted_.begin(), conflicted_.end()}; }

bool DocumentStore::is_locked(std::string_view hash) const { return locked_.count(std::string(hash)) != 0; }

bool DocumentStore::made_here(std::string_view hash) const {
    auto it = by_hash_.find(std::string(hash));
    return it != by_hash_.end() && it->second.here;
}

std::vector<const DocumentVersion*> DocumentStore::pending() const {
    std::vector<const DocumentVersion*> out;
    out.reserve(pending_.size());
    for (const auto& h : pending_) out.push_back(&by_hash_.find(h)->second.doc);
    return out;
}

void DocumentStore::mark_pushed(const std::vector<std::string>& hashes) {
    std::unordered_set<std::string> pushed;
    for (const auto& h : hashes)
        if (auto it = by_hash_.find(h); it != by_hash_.end() && it->second.pending) {
            it->second.pending = false;
            pushed.insert(h);
        }
    if (!pushed.empty()) std::erase_if(pending_, [&](const std::string& h) { return pushed.count(h) != 0; });
}

Result<DocumentVersion> DocumentStore::successor(const std::string& owner, const std::string& kind,
                                                 const std::string& id, nlohmann::json body) const {
    DocumentVersion v;
    v.owner = owner;
    v.kind = kind;
    v.id = id;
    v.body = std::move(body);
    auto h = heads(v.key());
    if (h.size() > 1)
        return Error{"store.conflict", "the document has conflicting versions; resolve them first", {{"key", v.key()}}};
    if (h.size() == 1) {
        v.replaces = h.front()->hash;
        v.version = h.front()->version + 1;
    }
    return v;
}

Result<DocumentVersion> DocumentStore::resolution(std::string_view key, nlohmann::json body) const {
    auto h = heads(key);
    if (h.size() < 2) return Error{"store.no_conflict", "the document has no conflict to resolve", {{"key", std::string(key)}}};
    DocumentVersion v;
    v.owner = h.front()->owner;
    v.kind = h.front()->kind;
    v.id = h.front()->id;
    v.replaces = h.front()->hash;
    v.version = h.front()->version + 1;
    auto resolves = nlohmann::json::array();
    for (std::size_t i = 1; i < h.size(); ++i) resolves.push_back(h[i]->hash);
    if (!body.is_object()) return Error{"store.malformed", "a body must be a JSON object", {{"key", std::string(key)}}};
    v.body = std::move(body);
    v.body[k_resolves_member] = std::move(resolves);
    return v;
}

std::vector<const DocumentVersion*> DocumentStore::all() const {
    std::vector<const DocumentVersion*> out;
    out.reserve(order_.size());
    for (const auto& h : order_) out.push_back(find(h));
    return out;
}

std::vector<const DocumentVersion*> DocumentStore::current_of_kind(std::string_view kind) const {
    std::vector<const DocumentVersion*> out;
    auto kk = keys_of_kind_.find(std::string(kind));
    if (kk == keys_of_kind_.end()) return out;
    out.reserve(kk->second.size());
    for (const auto& key : kk->second)
        if (const auto* d = current(key)) out.push_back(d);
    return out;
}

std::vector<std::string> DocumentStore::keys() const {
    std::vector<std::string> out;
    for (const auto& [key, k] : by_key_) out.push_back(key);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace vsys
