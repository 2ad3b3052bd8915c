#include "core/claims/claims_documents.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/directory/local_gov.hpp"
#include "core/directory/local_gov_index.hpp"

namespace vsys {

namespace {

Error overflow() { return Error("claims.amount_overflow", "a claim total does not fit in a 64-bit amount", {}); }

bool line_order(const PricedLine& a, const PricedLine& b) {
    if (a.line.municipality != b.line.municipality) return a.line.municipality < b.line.municipality;
    if (a.line.form != b.line.form) return a.line.form < b.line.form;
    return a.line.category < b.line.category;
}

MunicipalityClaim empty_claim(const ComputedClaim& c, const PricedLine& first) {
    MunicipalityClaim m;
    m.site = c.site;
    m.site_municipality = c.site_municipality;
    m.prefecture = c.prefecture;
    m.month = c.month;
    m.deadline = c.deadline;
    m.fees = c.fees;
    m.municipality = first.line.municipality;
    m.payer = first.payer;
    return m;
}

// Lines already sorted by line_order and all about one municipality. A site's claim sums at
// most ~10^4 bounded lines, far inside int64, so no overflow check is needed here.
void append_line(MunicipalityClaim& m, const PricedLine& l) {
    m.lines.push_back(MunicipalityClaimLine{l.line.form, l.line.category, l.line.counts, l.amounts});
    add_counts(m.counts, l.line.counts);
    add_amounts(m.total, l.amounts);
}

std::vector<const PricedLine*> sorted_lines(const ComputedClaim& c) {
    std::vector<const PricedLine*> v;
    v.reserve(c.lines.size());
    for (const auto& l : c.lines) v.push_back(&l);
    std::sort(v.begin(), v.end(), [](const PricedLine* a, const PricedLine* b) { return line_order(*a, *b); });
    return v;
}

// Accumulates rows keyed by code, then hands them out sorted. A municipality's row is found by
// its local_gov_id in a dense index (a federation's month adds each of its ~10^5 lines here; a
// string hash per line was most of the totals' time). Other codes (sites, one row per claim)
// are appended and merged when sorted, which needs no hash map and no allocation per key.
class RowTable {
public:
    // A municipality's row; `id` is local_gov_id(code) (k_no_local_gov for an unknown code, whose
    // lines then get a row each, merged when sorted). Kept small so that it is inlined: the call
    // that may allocate is only made for a new row.
    bool add_municipality(std::string_view code, std::uint32_t id, const ClaimCounts& counts, const Amounts& amounts) {
        std::size_t at = id < by_id_.size() ? by_id_[id] : k_none;
        if (at == k_none) at = new_row(code, id);
        TotalsRow& r = rows_[at];
        add_counts(r.counts, counts);
        return add_amounts(r.amounts, amounts);
    }
    // A row keyed by any other code (a site's): merged with rows of the same code when sorted.
    void append(std::string_view code, const ClaimCounts& counts, const Amounts& amounts) {
        rows_.push_back(TotalsRow{std::string(code), counts, amounts});
    }
    void reserve(std::size_t rows) { rows_.reserve(rows); }
    // Sorted by code, rows of one code merged; nullopt when a merged total would leave int64.
    std::optional<std::vector<TotalsRow>> take_sorted() {
        std::sort(rows_.begin(), rows_.end(), [](const TotalsRow& a, const TotalsRow& b) { return a.code < b.code; });
        std::size_t kept = 0;
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            if (kept > 0 && rows_[kept - 1].code == rows_[i].code) {
                add_counts(rows_[kept - 1].counts, rows_[i].counts);
                if (!add_amounts(rows_[kept - 1].amounts, rows_[i].amounts)) return std::nullopt;
                continue;
            }
            if (kept != i) rows_[kept] = std::move(rows_[i]);
            ++kept;
        }
        rows_.erase(rows_.begin() + static_cast<std::ptrdiff_t>(kept), rows_.end());
        by_id_.clear();
        return std::move(rows_);
    }

private:
    static constexpr std::size_t k_none = SIZE_MAX;

    std::size_t new_row(std::string_view code, std::uint32_t id) {
        if (by_id_.empty()) by_id_.assign(local_governments().size(), k_none);
        rows_.push_back(TotalsRow{std::string(code), {}, {}});
        if (id < by_id_.size()) by_id_[id] = rows_.size() - 1;
        return rows_.size() - 1;
    }

    std::vector<std::size_t> by_id_;
    std::vector<TotalsRow> rows_;
};

}  // namespace

std::string municipality_name(std::string_view code) {
    const LocalGov* g = find_local_gov(code);
    return g ? g->name : std::string(code);
}

std::string payer_name(const Payer& p) {
    if (p.kind == Payer::Kind::municipality) return municipality_name(p.code);
    return municipality_name(p.code) + "国民健康保険団体連合会";
}

void add_counts(ClaimCounts& a, const ClaimCounts& b) {
    a.normal += b.normal;
    a.outside_hours += b.outside_hours;
    a.holiday += b.holiday;
    a.pre_exam_only += b.pre_exam_only;
    a.under_6 += b.under_6;
}

std::vector<std::string> MunicipalityClaim::addressed_to() const {
    std::vector<std::string> out{payer.org_id()};
    std::string residence = "muni:" + municipality;
    if (residence != out.front()) out.push_back(residence);
    return out;
}

std::vector<MunicipalityClaim> municipality_claims(const ComputedClaim& claim) {
    std::vector<MunicipalityClaim> out;
    for (const PricedLine* l : sorted_lines(claim)) {
        if (out.empty() || out.back().municipality != l->line.municipality) out.push_back(empty_claim(claim, *l));
        append_line(out.back(), *l);
    }
    return out;
}

ClaimSummary claim_summary(const ComputedClaim& claim) {
    ClaimSummary s;
    s.site = claim.site;
    s.site_municipality = claim.site_municipality;
    s.prefecture = claim.prefecture;
    s.month = claim.month;
    s.deadline = claim.deadline;
    // Built from the per-municipality claims so that the summary is their sum by construction.
    for (const auto& m : municipality_claims(claim)) {
        if (m.payer.kind != Payer::Kind::federation) continue;
        s.rows.push_back(TotalsRow{m.municipality, m.counts, m.total});
        add_counts(s.counts, m.counts);
        add_amounts(s.total, m.total);
    }
    return s;
}

Result<FederationTotals> federation_totals(std::string_view prefecture, const YearMonth& month,
                                           std::span<const ComputedClaim> claims) {
    FederationTotals t;
    t.prefecture = std::string(prefecture);
    t.month = month;
    RowTable by_municipality, by_site;
    by_site.reserve(claims.size());
    for (const auto& c : claims) {
        if (c.month != month || c.prefecture != prefecture) continue;
        ClaimCounts site_counts;
        Amounts site_amounts;
        bool any = false;
        for (const auto& l : c.lines) {
            if (l.payer.kind != Payer::Kind::federation) continue;
            any = true;
            // A line built by hand rather than by compute_claim may carry no id: look its code up.
            const std::uint32_t id =
                l.municipality_id != k_no_local_gov ? l.municipality_id : local_gov_id(l.line.municipality);
            if (!by_municipality.add_municipality(l.line.municipality, id, l.line.counts, l.amounts)) return overflow();
            add_counts(site_counts, l.line.counts);
            if (!add_amounts(site_amounts, l.amounts)) return overflow();
            add_counts(t.counts, l.line.counts);
            if (!add_amounts(t.total, l.amounts)) return overflow();
        }
        if (any) by_site.append(c.site, site_counts, site_amounts);
    }
    auto municipalities = by_municipality.take_sorted();
    auto sites = by_site.take_sorted();
    if (!municipalities || !sites) return overflow();
    t.by_municipality = std::move(*municipalities);
    t.by_site = std::move(*sites);
    return t;
}

Result<MunicipalityView> municipality_view(std::string_view municipality, const YearMonth& month,
                                           std::span<const ComputedClaim> claims) {
    MunicipalityView v;
    v.municipality = std::string(municipality);
    v.month = month;
    for (const auto& c : claims) {
        if (c.month != month) continue;
        std::vector<const PricedLine*> mine;
        for (const auto& l : c.lines)
            if (l.line.municipality == municipality) mine.push_back(&l);
        if (mine.empty()) continue;
        std::sort(mine.begin(), mine.end(), [](const PricedLine* a, const PricedLine* b) { return line_order(*a, *b); });
        MunicipalityClaim m = empty_claim(c, *mine.front());
        for (const PricedLine* l : mine) append_line(m, *l);
        bool direct = m.payer.kind == Payer::Kind::municipality;
        if (!add_amounts(direct ? v.direct_total : v.federation_total, m.total) || !add_amounts(v.total, m.total))
            return overflow();
        (direct ? v.direct : v.via_federation).push_back(std::move(m));
    }
    auto by_site = [](const MunicipalityClaim& a, const MunicipalityClaim& b) { return a.site < b.site; };
    std::sort(v.direct.begin(), v.direct.end(), by_site);
    std::sort(v.via_federation.begin(), v.via_federation.end(), by_site);
    return v;
}

}  // namespace vsys
