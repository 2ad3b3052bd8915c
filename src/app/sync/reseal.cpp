// Sealed documents sealed again for readers that appeared since (docs/PROTOCOL.md §2 "Sealed
// bodies"): a municipality writes a site's reservation list sealed to the devices and unclaimed
// codes it knows; when the site enrols a device with a code issued later, or the municipality a
// new device of its own, the next sync of a device of the owner that can open the list writes a
// new version with the same plain body sealed to the old recipients and the new ones. Nobody
// else can: only the owner may write a version, and only a recipient can read the body.
#include <algorithm>
#include <iterator>

#include "app/base/app.hpp"
#include "app/base/sealed_documents.hpp"
#include "app/sync/sync_app.hpp"
#include "core/documents/sealed_body.hpp"
#include "sync/kinds.hpp"
#include "sync/sealed_body.hpp"

namespace vsys {

Status SyncAgent::reseal() {
    if (!enrolled()) return ok_status();
    const std::string& org = app_.session().org;
    std::vector<const DocumentVersion*> owned;
    app_.store().for_each_current([&](const std::string&, const DocumentVersion& v) {
        const KindSpec* spec = sync::document_kinds().find(v.kind);
        if (v.owner == org && spec && spec->sealed && is_sealed_body(v.body)) owned.push_back(&v);
    });
    if (owned.empty()) return ok_status();
    const RecipientKeys keys = recipient_keys(app_);
    Versions out;
    for (const DocumentVersion* v : owned) {
        const std::vector<std::string> have = sealed_recipients(v->body);
        const std::vector<std::string> entitled = entitled_recipients(app_, *v, keys);
        std::vector<std::string> all;
        std::set_union(have.begin(), have.end(), entitled.begin(), entitled.end(), std::back_inserter(all));
        if (all.size() == have.size()) continue;
        auto plain = readable_body(app_, *v);
        if (!plain) continue;  // not readable here: a device of this organisation that can will do it
        auto sealed = sync::seal_body(v->key(), *plain, all, sync::fresh_entropy());
        if (!sealed) return sealed.error();
        auto next = app_.successor(v->owner, v->kind, v->id, std::move(*sealed));
        if (!next) return next.error();
        out.push_back(std::move(*next));
    }
    if (out.empty()) return ok_status();
    auto stored = app_.commit(std::move(out));
    return stored ? ok_status() : Status(stored.error());
}

}  // namespace vsys
