// The claims' rows (DOMAIN.md §6): a site's months, the per-municipality claims about a
// municipality's residents (direct and through the federation; seen from the residents' side
// or from the claiming site's), and the old form's 接種券付予診票 counts of the
// "ticket_forms" documents (R313, R533). Every amount is the core's pricing of the stored entry
// (compute_claim), so it reconciles with the claim screens to the yen.
#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/claims/claims_app.hpp"
#include "app/reports/sources.hpp"
#include "core/claims/claims_documents.hpp"

namespace vsys {

namespace {

struct StoredMonth {
    std::string owner;  // site:<code> / venue:<code>
    StoredClaim claim;
    std::optional<ComputedClaim> computed;  // nullopt when today's rules refuse it
};

// The claim documents of the store, every month (the engine applies the month filter and lists
// the months there are), priced.
std::vector<StoredMonth> stored_months(App& app) {
    const RoutingSettings routing = claims_routing(app);
    const Date today = claims_today(app);
    std::vector<StoredMonth> out;
    for (const DocumentVersion* d : app.store().current_of_kind(k_claim_kind)) {
        auto stored = stored_claim_from_body(d->body);
        if (!stored) continue;
        StoredMonth m{d->owner, std::move(*stored), std::nullopt};
        if (auto c = compute_claim(m.claim.entry, routing, today)) m.computed = std::move(*c);
        out.push_back(std::move(m));
    }
    return out;
}

std::string site_name(App& app, const std::string& code) {
    const Site* s = app.directory().generated_site(code);
    return s ? s->name : code;
}

std::string prefecture_of(App& app, const std::string& municipality) {
    const Hierarchy& h = app.directory().tree();
    OrgIndex m = h.find("muni:" + municipality);
    return m == k_no_org ? std::string() : std::string(h.code(h.parent(m)));
}

}  // namespace

Result<SourceRows> source_claims_by_site(App& app, const SourceContext&) {
    SourceRows out;
    out.fields = {{"month", CellType::text},        {"prefecture_code", CellType::code},
                  {"prefecture_name", CellType::text}, {"municipality_code", CellType::code},
                  {"municipality_name", CellType::text},
                  {"site_code", CellType::code},    {"site_name", CellType::text},
                  {"vaccinations", CellType::count}, {"outside_hours", CellType::count},
                  {"holiday", CellType::count},     {"pre_exam_only", CellType::count},
                  {"amount", CellType::yen},        {"submitted", CellType::text}};
    for (auto& m : stored_months(app)) {
        const SiteClaim& e = m.claim.entry;
        ClaimCounts c;
        for (const auto& l : e.lines) add_counts(c, l.counts);
        SourceRow row;
        row.org = m.owner;
        row.municipality = e.site_municipality;
        row.month = to_iso(e.month);
        const char* state = !m.claim.submitted ? "report.claim_draft" : (m.computed ? "report.claim_submitted" : "report.claim_refused");
        const std::string prefecture = prefecture_of(app, e.site_municipality);
        row.cells = {text_cell(to_iso(e.month)),
                     text_cell(prefecture),
                     text_cell(municipality_name(prefecture)),
                     text_cell(e.site_municipality),
                     text_cell(municipality_name(e.site_municipality)),
                     text_cell(e.site),
                     text_cell(site_name(app, e.site)),
                     number_cell(c.normal + c.outside_hours + c.holiday),
                     number_cell(c.outside_hours),
                     number_cell(c.holiday),
                     number_cell(c.pre_exam_only),
                     m.computed ? number_cell(m.computed->total.amount) : blank_cell(),
                     text_cell(app.tr(state))};
        out.rows.push_back(std::move(row));
    }
    return out;
}

namespace {

// The submitted claims of the month per municipality of residence (市区町村別請求書), each row
// about the residents' municipality (R304, R206, R106, R601) or about the claiming site (R504),
// and addressed to whoever is paid (a federation).
SourceRows residence_rows(App& app, bool about_site) {
    SourceRows out;
    out.fields = {{"month", CellType::text},          {"route", CellType::text},
                  {"payer", CellType::text},          {"site_code", CellType::code},
                  {"site_name", CellType::text},      {"prefecture_code", CellType::code},
                  {"prefecture_name", CellType::text}, {"municipality_code", CellType::code},
                  {"municipality_name", CellType::text}, {"vaccinations", CellType::count},
                  {"outside_hours", CellType::count}, {"holiday", CellType::count},
                  {"pre_exam_only", CellType::count}, {"amount", CellType::yen}};
    for (auto& m : stored_months(app)) {
        if (!m.claim.submitted || !m.computed) continue;  // only what was sent is addressed to anyone
        for (const auto& mc : municipality_claims(*m.computed)) {
            SourceRow row;
            row.org = about_site ? m.owner : "muni:" + mc.municipality;
            row.addressed = mc.addressed_to();
            row.municipality = mc.municipality;
            row.month = to_iso(mc.month);
            const bool federation = mc.payer.kind == Payer::Kind::federation;
            const std::string prefecture = prefecture_of(app, mc.municipality);
            row.cells = {text_cell(to_iso(mc.month)),
                         text_cell(app.tr(federation ? "report.route_federation" : "report.route_direct")),
                         text_cell(payer_name(mc.payer)),
                         text_cell(mc.site),
                         text_cell(site_name(app, mc.site)),
                         text_cell(prefecture),
                         text_cell(municipality_name(prefecture)),
                         text_cell(mc.municipality),
                         text_cell(municipality_name(mc.municipality)),
                         number_cell(mc.counts.normal + mc.counts.outside_hours + mc.counts.holiday),
                         number_cell(mc.counts.outside_hours),
                         number_cell(mc.counts.holiday),
                         number_cell(mc.counts.pre_exam_only),
                         number_cell(mc.total.amount)};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

}  // namespace

Result<SourceRows> source_claims_by_residence(App& app, const SourceContext&) { return residence_rows(app, false); }

Result<SourceRows> source_claims_of_site_by_residence(App& app, const SourceContext&) { return residence_rows(app, true); }

namespace {

// The "ticket_forms" documents' counts, a row per site, month and municipality of residence,
// about the residents' municipality (R313: what it is claimed for, from its own sites and from
// sites elsewhere) or about the site that counted them (R533).
SourceRows ticket_form_rows(App& app, bool about_site) {
    SourceRows out;
    out.fields = {{"month", CellType::text},     {"site_code", CellType::code},
                  {"site_name", CellType::text}, {"municipality_code", CellType::code},
                  {"municipality_name", CellType::text}, {"count", CellType::count}};
    for (const auto& doc : stored_ticket_forms(app)) {
        for (const auto& c : doc.counts) {
            SourceRow row;
            row.org = about_site ? doc.owner : "muni:" + c.municipality;
            row.addressed = {"muni:" + c.municipality};
            row.municipality = c.municipality;
            row.month = to_iso(c.month);
            row.cells = {text_cell(to_iso(c.month)), text_cell(c.site), text_cell(site_name(app, c.site)),
                         text_cell(c.municipality), text_cell(municipality_name(c.municipality)), number_cell(c.count)};
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

}  // namespace

Result<SourceRows> source_ticket_form_counts(App& app, const SourceContext&) { return ticket_form_rows(app, false); }

Result<SourceRows> source_ticket_form_counts_of_site(App& app, const SourceContext&) { return ticket_form_rows(app, true); }

}  // namespace vsys
