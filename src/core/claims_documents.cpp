#include "core/claims_documents.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/local_gov.hpp"

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

// Accumulates rows keyed by code, then hands them out sorted. Keys view the claims' own
// strings, which outlive the table.
class RowTable {
public:
    bool add(std::string_view code, const ClaimCounts& counts, const Amounts& amounts) {
        auto [it, inserted] = index_.try_emplace(code, rows_.size());
        if (inserted) rows_.push_back(TotalsRow{std::string(code), {}, {}});
        TotalsRow& r = rows_[it->second];
        add_counts(r.counts, counts);
        return add_amounts(r.amounts, amounts);
    }
    std::vector<TotalsRow> take_sorted() {
        std::sort(rows_.begin(), rows_.end(), [](const TotalsRow& a, const TotalsRow& b) { return a.code < b.code; });
        index_.clear();
        return std::move(rows_);
    }

private:
    std::unordered_map<std::string_view, std::size_t> index_;
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
    for (const auto& c : claims) {
        if (c.month != month || c.prefecture != prefecture) continue;
        ClaimCounts site_counts;
        Amounts site_amounts;
        bool any = false;
        for (const auto& l : c.lines) {
            if (l.payer.kind != Payer::Kind::federation) continue;
            any = true;
            if (!by_municipality.add(l.line.municipality, l.line.counts, l.amounts)) return overflow();
            add_counts(site_counts, l.line.counts);
            if (!add_amounts(site_amounts, l.amounts)) return overflow();
            add_counts(t.counts, l.line.counts);
            if (!add_amounts(t.total, l.amounts)) return overflow();
        }
        if (any && !by_site.add(c.site, site_counts, site_amounts)) return overflow();
    }
    t.by_municipality = by_municipality.take_sorted();
    t.by_site = by_site.take_sorted();
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
