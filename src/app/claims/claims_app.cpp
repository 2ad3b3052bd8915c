#include "app/claims/claims_app.hpp"

#include "app/base/app.hpp"
#include "core/claims/claims_json.hpp"
#include "core/claims/claims_rules.hpp"
#include "core/directory/kinds.hpp"

namespace vsys {

Date claims_today(const App& app) {
    constexpr sync::UtcTime k_japan_offset = 9 * 3600;
    auto d = parse_iso_date(sync::utc_day(app.now() + k_japan_offset));
    return d ? *d : Date{};
}

// The claims' readers take their kind's versions from the store's index of that kind, in key
// order (DocumentStore::current_of_kind), not keys() and current() over all 86,000 keys of the
// national history.
RoutingSettings claims_routing(const App& app) {
    RoutingSettings r;
    for (const DocumentVersion* d : app.store().current_of_kind(k_claim_routing_kind)) {
        if (d->owner.rfind("muni:", 0) != 0) continue;
        const auto it = d->body.find("commissioned");
        if (it != d->body.end() && it->is_boolean() && it->get<bool>()) r.commissioned.push_back(d->owner.substr(5));
    }
    return r;
}

Result<Site> claims_site(App& app, const std::string& code) {
    const Site* generated = app.directory().generated_site(code);
    if (!generated) return Error{"site.not_found", "no such site", {{"code", code}}};
    Site site = *generated;
    if (const auto* d = app.current(site_org_id(site), k_site_info_kind, "main"))
        if (auto s = site_from_json(d->body)) site = *s;
    return site;
}

ClaimParty claims_party(const Site& site) { return {site.name, site_representative(site)}; }

Result<StoredClaim> stored_claim_from_body(const nlohmann::json& body) {
    auto entry = site_claim_from_json(body);
    if (!entry) return entry.error();
    const auto it = body.find("submitted");
    return StoredClaim{std::move(*entry), it != body.end() && it->is_boolean() && it->get<bool>()};
}

std::vector<ComputedClaim> submitted_claims(App& app, const YearMonth& month) {
    const RoutingSettings routing = claims_routing(app);
    const Date today = claims_today(app);
    const std::string id = to_iso(month);
    std::vector<ComputedClaim> out;
    for (const DocumentVersion* d : app.store().current_of_kind(k_claim_kind)) {
        if (d->id != id) continue;
        auto stored = stored_claim_from_body(d->body);
        if (!stored || !stored->submitted) continue;
        if (auto c = compute_claim(stored->entry, routing, today)) out.push_back(std::move(*c));
    }
    return out;
}

std::vector<StoredTicketForms> stored_ticket_forms(App& app) {
    std::vector<StoredTicketForms> out;
    for (const DocumentVersion* d : app.store().current_of_kind(k_ticket_forms_kind)) {
        // Verified on arrival (the kind's validation); one that does not parse is left out.
        auto counts = ticket_forms_from_document(d->owner, d->id, d->body);
        if (counts && !counts->empty()) out.push_back({d->owner, std::move(*counts)});
    }
    return out;
}

}  // namespace vsys
