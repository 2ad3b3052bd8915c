#include "app/base/sealed_documents.hpp"


#include "app/base/app.hpp"
#include "core/documents/sealed_body.hpp"
#include "sync/certificate.hpp"
#include "sync/code_key.hpp"
#include "sync/kinds.hpp"
#include "sync/sealed_body.hpp"

namespace vsys {

std::vector<sync::KeyPair> opening_keys(const App& app) {
    std::vector<sync::KeyPair> keys;
    const Session& s = app.session();
    if (!s.signed_in() || s.device_key.public_hex.empty()) return keys;
    keys.push_back(s.device_key);
    app.store().for_each_current([&](const std::string&, const DocumentVersion& v) {
        if (v.owner != "device" || v.kind != sync::k_code_key_kind || v.body.value("account", "") != s.vsys_id) return;
        if (auto k = sync::unwrap_code_key(v.body, s.device_key); k && k->public_hex == v.id) keys.push_back(std::move(*k));
    });
    return keys;
}

Result<nlohmann::json> readable_body(const App& app, const DocumentVersion& v) {
    if (!is_sealed_body(v.body)) return v.body;
    const auto keys = opening_keys(app);
    return sync::open_body(v, keys);
}

RecipientKeys recipient_keys(const App& app) {
    const std::string now = sync::format_utc(app.now());
    RecipientKeys out;
    app.store().for_each_current([&](const std::string&, const DocumentVersion& d) {
        if (d.kind == "device" && d.owner != "device") {
            out[d.owner].insert(d.id);
        } else if (d.kind == "enrolment") {
            if (auto cert = sync::certificate_from_json(d.body); cert && cert->valid_until >= now)
                out[cert->org].insert(cert->key);
        }
    });
    return out;
}

std::vector<std::string> entitled_recipients(App& app, const DocumentVersion& v, const RecipientKeys& keys) {
    std::set<std::string> orgs{v.owner};
    for (auto& o : kind_audience(sync::document_kinds(), v, app.directory())) orgs.insert(std::move(o));
    std::set<std::string> out;
    for (const auto& org : orgs)
        if (auto it = keys.find(org); it != keys.end()) out.insert(it->second.begin(), it->second.end());
    return {out.begin(), out.end()};
}

}  // namespace vsys
