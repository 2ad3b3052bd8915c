#include "core/claims/claims_csv.hpp"

namespace vsys {

namespace {

std::vector<std::string> counts_fields(const ClaimCounts& c) {
    return {std::to_string(c.normal), std::to_string(c.outside_hours), std::to_string(c.holiday),
            std::to_string(c.pre_exam_only), std::to_string(c.under_6)};
}

std::vector<std::string> amount_fields(const Amounts& a) {
    return {std::to_string(a.amount_before_tax), std::to_string(a.tax), std::to_string(a.amount)};
}

void append(std::vector<std::string>& to, std::vector<std::string> more) {
    for (auto& f : more) to.push_back(std::move(f));
}

const std::vector<std::string> k_count_headers = {"通常", "時間外", "休日", "予診のみ", "6歳未満加算"};
const std::vector<std::string> k_amount_headers = {"金額（税抜）", "消費税", "請求額"};

}  // namespace

std::string municipality_claim_csv(const MunicipalityClaim& m, const ClaimParty& party) {
    std::vector<std::string> header = {"接種年月", "提出期限", "医療機関コード", "医療機関名", "代表者",
                                       "市区町村コード", "市区町村名", "請求先", "様式", "区分"};
    append(header, k_count_headers);
    append(header, k_amount_headers);
    std::string out = csv_line(header);
    std::vector<std::string> head = {to_iso(m.month), to_iso(m.deadline), m.site, party.site_name, party.representative,
                                     m.municipality, municipality_name(m.municipality), payer_name(m.payer)};
    for (const auto& l : m.lines) {
        auto row = head;
        row.push_back(std::string(claim_form_label(l.form)));
        row.push_back(std::to_string(static_cast<int>(l.category)));
        append(row, counts_fields(l.counts));
        append(row, amount_fields(l.amounts));
        out += csv_line(row);
    }
    auto total = head;
    append(total, {"合計", ""});
    append(total, counts_fields(m.counts));
    append(total, amount_fields(m.total));
    return out + csv_line(total);
}

std::string claim_summary_csv(const ClaimSummary& s, const ClaimParty& party) {
    std::vector<std::string> header = {"接種年月", "提出期限", "医療機関コード", "医療機関名", "代表者",
                                       "提出先", "市区町村コード", "市区町村名"};
    append(header, k_count_headers);
    append(header, k_amount_headers);
    std::string out = csv_line(header);
    std::vector<std::string> head = {to_iso(s.month), to_iso(s.deadline), s.site, party.site_name, party.representative,
                                     payer_name(Payer{Payer::Kind::federation, s.prefecture})};
    for (const auto& r : s.rows) {
        auto row = head;
        append(row, {r.code, municipality_name(r.code)});
        append(row, counts_fields(r.counts));
        append(row, amount_fields(r.amounts));
        out += csv_line(row);
    }
    auto total = head;
    append(total, {"合計", ""});
    append(total, counts_fields(s.counts));
    append(total, amount_fields(s.total));
    return out + csv_line(total);
}

std::string federation_totals_csv(const FederationTotals& t) {
    std::vector<std::string> header = {"接種年月", "国保連", "区分", "コード", "名称"};
    append(header, k_count_headers);
    append(header, k_amount_headers);
    std::string out = csv_line(header);
    std::vector<std::string> head = {to_iso(t.month), payer_name(Payer{Payer::Kind::federation, t.prefecture})};
    auto group = [&](const std::vector<TotalsRow>& rows, const char* kind, bool named) {
        ClaimCounts counts;
        Amounts amounts;
        for (const auto& r : rows) {
            auto row = head;
            append(row, {kind, r.code, named ? municipality_name(r.code) : std::string()});
            append(row, counts_fields(r.counts));
            append(row, amount_fields(r.amounts));
            out += csv_line(row);
            add_counts(counts, r.counts);
            add_amounts(amounts, r.amounts);
        }
        auto total = head;
        append(total, {kind, "合計", ""});
        append(total, counts_fields(counts));
        append(total, amount_fields(amounts));
        out += csv_line(total);
    };
    group(t.by_municipality, "市区町村", true);
    group(t.by_site, "医療機関", false);
    return out;
}

}  // namespace vsys

