#include "sync/sync_state_json.hpp"

#include <nlohmann/json.hpp>

namespace vsys::sync {
namespace {

using nlohmann::json;

Error malformed(const char* field) {
    return Error{"sync.state_malformed", "the saved sync state is damaged", {{"field", field}}};
}

bool get_string(const json& j, const char* k, std::string& out) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

template <class Int>
bool get_uint(const json& j, const char* k, Int& out) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_number_unsigned()) return false;
    out = it->get<Int>();
    return true;
}

bool get_strings(const json& j, const char* k, std::vector<std::string>& out) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_array()) return false;
    for (const auto& e : *it) {
        if (!e.is_string()) return false;
        out.push_back(e.get<std::string>());
    }
    return true;
}

bool get_string_map(const json& j, const char* k, std::map<std::string, std::string>& out) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_object()) return false;
    for (auto e = it->begin(); e != it->end(); ++e) {
        if (!e->is_string()) return false;
        out[e.key()] = e->get<std::string>();
    }
    return true;
}

json error_json(const Error& e) {
    json args = json::object();
    for (const auto& [k, v] : e.args) args[k] = v;
    return {{"code", e.code}, {"detail", e.detail}, {"args", args}};
}

bool error_from(const json& j, Error& e) {
    if (!j.is_object() || !get_string(j, "code", e.code) || !get_string(j, "detail", e.detail)) return false;
    auto a = j.find("args");
    if (a == j.end() || !a->is_object()) return false;
    for (auto it = a->begin(); it != a->end(); ++it) {
        if (!it->is_string()) return false;
        e.args.emplace_back(it.key(), it->get<std::string>());
    }
    return true;
}

}  // namespace

std::string encode_sync_state(const SyncState& s) {
    json outbox = json::array();
    for (const auto& o : s.outbox)
        outbox.push_back({{"name", o.file.name},
                          {"bytes", o.file.bytes},
                          {"hash", o.file.hash},
                          {"seq", o.file.seq},
                          {"org", o.org},
                          {"device", o.device},
                          {"to", o.to},
                          {"docs", o.doc_hashes}});
    json rejected = json::array();
    for (const auto& r : s.rejected) rejected.push_back({{"path", r.path}, {"error", error_json(r.error)}});
    json cursors = json::object();
    for (const auto& [k, v] : s.cursors) cursors[k] = v;
    json files = json::object();
    for (const auto& [k, v] : s.files) files[k] = v;
    json out{{"schema", 1}, {"outbox", outbox}, {"files", files}, {"cursors", cursors}, {"rejected", rejected},
             {"last_success", s.last_success}};
    // Packs (pack.hpp); absent when empty, as in states saved before packs.
    if (!s.to_pack.empty()) {
        json to_pack = json::object();
        for (const auto& [day, bundles] : s.to_pack) to_pack[day] = json(bundles);
        out["to_pack"] = std::move(to_pack);
    }
    if (!s.packs_read.empty()) {
        json read = json::object();
        for (const auto& [day, names] : s.packs_read) read[day] = json(std::vector<std::string>(names.begin(), names.end()));
        out["packs_read"] = std::move(read);
    }
    if (!s.pack_faults.empty()) {
        json faults = json::array();
        for (const auto& f : s.pack_faults)
            faults.push_back({{"pack", f.pack}, {"packer", f.packer}, {"error", error_json(f.error)}});
        out["pack_faults"] = std::move(faults);
    }
    return out.dump();
}

Result<SyncState> decode_sync_state(std::string_view text) {
    auto j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return malformed("json");
    SyncState s;
    auto outbox = j.find("outbox");
    if (outbox == j.end() || !outbox->is_array()) return malformed("outbox");
    for (const auto& e : *outbox) {
        Outgoing o;
        if (!e.is_object() || !get_string(e, "name", o.file.name) || !get_string(e, "bytes", o.file.bytes) ||
            !get_string(e, "hash", o.file.hash) || !get_uint(e, "seq", o.file.seq) || !get_string(e, "org", o.org) ||
            !get_string(e, "device", o.device) || !get_strings(e, "to", o.to) || !get_strings(e, "docs", o.doc_hashes))
            return malformed("outbox");
        s.outbox.push_back(std::move(o));
    }
    if (!get_string_map(j, "cursors", s.cursors)) return malformed("cursors");
    if (!get_string_map(j, "files", s.files)) return malformed("files");
    auto rejected = j.find("rejected");
    if (rejected == j.end() || !rejected->is_array()) return malformed("rejected");
    for (const auto& e : *rejected) {
        Rejection r;
        if (!e.is_object() || !get_string(e, "path", r.path) || !error_from(e.value("error", json()), r.error))
            return malformed("rejected");
        s.rejected.push_back(std::move(r));
    }
    if (!get_uint(j, "last_success", s.last_success)) return malformed("last_success");
    if (auto tp = j.find("to_pack"); tp != j.end()) {
        if (!tp->is_object()) return malformed("to_pack");
        for (auto d = tp->begin(); d != tp->end(); ++d)
            if (!get_string_map(*tp, d.key().c_str(), s.to_pack[d.key()])) return malformed("to_pack");
    }
    if (auto pr = j.find("packs_read"); pr != j.end()) {
        if (!pr->is_object()) return malformed("packs_read");
        for (auto d = pr->begin(); d != pr->end(); ++d) {
            std::vector<std::string> names;
            if (!get_strings(*pr, d.key().c_str(), names)) return malformed("packs_read");
            s.packs_read[d.key()].insert(names.begin(), names.end());
        }
    }
    if (auto pf = j.find("pack_faults"); pf != j.end()) {
        if (!pf->is_array()) return malformed("pack_faults");
        for (const auto& e : *pf) {
            PackFault f;
            if (!e.is_object() || !get_string(e, "pack", f.pack) || !get_string(e, "packer", f.packer) ||
                !error_from(e.value("error", json()), f.error))
                return malformed("pack_faults");
            s.pack_faults.push_back(std::move(f));
        }
    }
    return s;
}

std::string encode_trust_state(const TrustState& t) {
    json feeds = json::object();
    for (const auto& [id, f] : t.feeds)
        feeds[id] = {{"key", f.key},
                     {"signer",
                      {{"key", f.signer.key},
                       {"account", f.signer.account},
                       {"org", f.signer.org},
                       {"role", role_name(f.signer.role)},
                       {"device", f.signer.device}}},
                     {"hashes", f.hashes},
                     {"last_time", f.last_time}};
    // The signer's certificate validity (bundle.hpp FeedState); absent when unbounded.
    for (const auto& [id, f] : t.feeds)
        if (f.valid_from != k_unbounded_past || f.valid_until != k_unbounded_future)
            feeds[id]["validity"] = {f.valid_from, f.valid_until};
    json spent = json::object(), activity = json::object();
    for (const auto& [k, v] : t.spent) spent[k] = v;
    for (const auto& [k, v] : t.last_activity) activity[k] = v;
    return json{{"schema", 1}, {"root", t.root_key}, {"feeds", feeds}, {"spent", spent}, {"last_activity", activity}}
        .dump();
}

Result<TrustState> decode_trust_state(std::string_view text) {
    auto j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return malformed("json");
    TrustState t;
    if (!get_string(j, "root", t.root_key)) return malformed("root");
    auto feeds = j.find("feeds");
    if (feeds == j.end() || !feeds->is_object()) return malformed("feeds");
    for (auto it = feeds->begin(); it != feeds->end(); ++it) {
        FeedState f;
        const json& e = *it;
        std::string role;
        auto signer = e.is_object() ? e.find("signer") : e.end();
        if (!e.is_object() || !get_string(e, "key", f.key) || !get_strings(e, "hashes", f.hashes) ||
            !get_uint(e, "last_time", f.last_time) || signer == e.end() || !signer->is_object() ||
            !get_string(*signer, "key", f.signer.key) || !get_string(*signer, "account", f.signer.account) ||
            !get_string(*signer, "org", f.signer.org) || !get_string(*signer, "role", role) ||
            !parse_role(role, f.signer.role) || !get_string(*signer, "device", f.signer.device))
            return malformed("feeds");
        if (auto v = e.find("validity"); v != e.end()) {
            if (!v->is_array() || v->size() != 2 || !(*v)[0].is_number_integer() || !(*v)[1].is_number_integer())
                return malformed("feeds");
            f.valid_from = (*v)[0].get<UtcTime>();
            f.valid_until = (*v)[1].get<UtcTime>();
        }
        t.feeds[it.key()] = std::move(f);
    }
    if (!get_string_map(j, "spent", t.spent)) return malformed("spent");
    auto activity = j.find("last_activity");
    if (activity == j.end() || !activity->is_object()) return malformed("last_activity");
    for (auto it = activity->begin(); it != activity->end(); ++it) {
        if (!it->is_number_unsigned()) return malformed("last_activity");
        t.last_activity[it.key()] = it->get<UtcTime>();
    }
    return t;
}

}  // namespace vsys::sync
