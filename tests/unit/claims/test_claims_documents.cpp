#include <doctest/doctest.h>

#include "core/claims/claims_documents.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;

namespace {

const Date k_today{2024, 3, 1};

// Deterministic pseudo-random counts (no clocks, no files).
struct Lcg {
    std::uint64_t s;
    std::int64_t next(std::int64_t bound) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>((s >> 33) % static_cast<std::uint64_t>(bound));
    }
};

// A schedule whose 8% tax is fractional on most lines, so that rounding is exercised.
FeeSchedule odd_schedule() {
    auto s = parse_fee_schedule(
        "kind\titem\tvalue\tvalid_from\tvalid_to\tbasis\tlabel\n"
        "fee\tvaccination\t2073\t2021-02-01\t\tpublic\tx\n"
        "fee\tpre_exam_only\t1541\t2021-02-01\t\tpublic\tx\n"
        "fee\toutside_hours\t731\t2021-04-01\t\tpublic\tx\n"
        "fee\tholiday\t2133\t2021-04-01\t\tpublic\tx\n"
        "fee\tunder_6\t667\t2021-02-01\t\tpublic\tx\n"
        "tax\tconsumption_tax\t8\t2019-10-01\t\tpublic\tx\n");
    REQUIRE(s);
    return *s;
}

const char* k_hokkaido[] = {"011002", "012025", "012033", "012041", "012050", "012068", "012076", "012084"};

std::vector<ComputedClaim> month_of_sites(const FeeSchedule& fees, const RoutingSettings& routing, int sites) {
    Lcg rng{42};
    std::vector<ComputedClaim> out;
    for (int s = 0; s < sites; ++s) {
        SiteClaim c;
        c.site = "01101" + std::to_string(10000 + s);
        c.site_municipality = k_hokkaido[s % 4];
        c.month = {2022, 11};
        for (const char* m : k_hokkaido)
            for (ClaimForm f : {ClaimForm::additional, ClaimForm::old_form, ClaimForm::new_form})
                for (auto cat : {RecipientCategory::with_coupon, RecipientCategory::no_coupon}) {
                    if (rng.next(3) == 0) continue;
                    ClaimLine l{m, f, cat, {}};
                    l.counts.normal = rng.next(500);
                    if (f != ClaimForm::old_form) {
                        l.counts.outside_hours = rng.next(50);
                        l.counts.holiday = rng.next(30);
                    }
                    l.counts.pre_exam_only = rng.next(5);
                    l.counts.under_6 = rng.next(1 + l.counts.normal);
                    c.lines.push_back(l);
                }
        auto r = compute_claim(c, routing, k_today, fees);
        REQUIRE(r);
        out.push_back(std::move(*r));
    }
    return out;
}

}  // namespace

TEST_CASE("a site's month gives one per-municipality claim per residence, lines by form then category") {
    auto claims = month_of_sites(fee_schedule(), {}, 1);
    auto docs = municipality_claims(claims[0]);
    REQUIRE(docs.size() == std::size(k_hokkaido));
    for (std::size_t i = 1; i < docs.size(); ++i) CHECK(docs[i - 1].municipality < docs[i].municipality);
    for (const auto& d : docs)
        for (std::size_t i = 1; i < d.lines.size(); ++i) {
            const auto& a = d.lines[i - 1];
            const auto& b = d.lines[i];
            CHECK((a.form < b.form || (a.form == b.form && a.category < b.category)));
        }
    // The site's own municipality is billed directly, the others through the federation.
    CHECK(docs[0].municipality == "011002");
    CHECK(docs[0].payer.str() == "municipality:011002");
    CHECK(docs[0].addressed_to() == std::vector<std::string>{"muni:011002"});
    CHECK(docs[1].payer.str() == "federation:010006");
    CHECK(docs[1].addressed_to() == std::vector<std::string>{"federation:010006", "muni:012025"});
}

TEST_CASE("per-municipality claims via the federation add up to the summary, and all of them to the claim, to the yen") {
    const FeeSchedule odd = odd_schedule();
    for (const FeeSchedule* fees : {&fee_schedule(), &odd}) {
        for (const auto& c : month_of_sites(*fees, RoutingSettings{{"012025"}}, 12)) {
            Amounts via, all;
            ClaimCounts via_counts;
            for (const auto& m : municipality_claims(c)) {
                Amounts lines;
                for (const auto& l : m.lines) add_amounts(lines, l.amounts);
                CHECK(lines == m.total);
                add_amounts(all, m.total);
                if (m.payer.kind == Payer::Kind::federation) {
                    add_amounts(via, m.total);
                    add_counts(via_counts, m.counts);
                }
            }
            ClaimSummary s = claim_summary(c);
            CHECK(s.total == via);
            CHECK(s.counts.normal == via_counts.normal);
            CHECK(all == c.total);
            CHECK(s.total.amount == s.total.amount_before_tax + s.total.tax);
        }
    }
}

TEST_CASE("the sites' summaries add up to the federation's totals per site, per municipality and overall") {
    const FeeSchedule odd = odd_schedule();
    auto claims = month_of_sites(odd, RoutingSettings{{"012025"}}, 40);
    auto t = federation_totals("010006", {2022, 11}, claims);
    REQUIRE(t);
    Amounts sum_summaries, sum_sites, sum_munis;
    for (const auto& c : claims) add_amounts(sum_summaries, claim_summary(c).total);
    for (const auto& r : t->by_site) add_amounts(sum_sites, r.amounts);
    for (const auto& r : t->by_municipality) add_amounts(sum_munis, r.amounts);
    CHECK(t->total == sum_summaries);
    CHECK(t->total == sum_sites);
    CHECK(t->total == sum_munis);
    REQUIRE(t->by_site.size() == claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) {
        // Site codes were generated in increasing order, as by_site is sorted.
        CHECK(t->by_site[i].code == claims[i].site);
        CHECK(t->by_site[i].amounts == claim_summary(claims[i]).total);
    }
    // Another month or another federation sees nothing.
    CHECK(federation_totals("010006", {2022, 10}, claims)->by_site.empty());
    CHECK(federation_totals("130001", {2022, 11}, claims)->total == Amounts{});
}

TEST_CASE("a municipality sees every claim about its residents, direct and via the federation") {
    auto claims = month_of_sites(fee_schedule(), RoutingSettings{{"012025"}}, 8);
    for (const char* m : {"011002", "012025", "012084"}) {
        auto v = municipality_view(m, {2022, 11}, claims);
        REQUIRE(v);
        Amounts expected;
        for (const auto& c : claims)
            for (const auto& l : c.lines)
                if (l.line.municipality == m) add_amounts(expected, l.amounts);
        CHECK(v->total == expected);
        Amounts parts = v->direct_total;
        add_amounts(parts, v->federation_total);
        CHECK(parts == v->total);
        for (const auto& d : v->direct) CHECK(d.site_municipality == m);
    }
    // 012025 commissioned the federation: its own sites' claims reach it via the federation.
    auto commissioned = municipality_view("012025", {2022, 11}, claims);
    CHECK(commissioned->direct.empty());
    CHECK_FALSE(commissioned->via_federation.empty());
    CHECK_FALSE(municipality_view("011002", {2022, 11}, claims)->direct.empty());
}

TEST_SUITE_END();
