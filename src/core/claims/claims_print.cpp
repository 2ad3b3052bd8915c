#include "core/claims/claims_print.hpp"

#include "core/claims/claims_csv.hpp"

namespace vsys {

namespace {

// Claims start in 2021, inside 令和; the ISO form stands in should data ever say otherwise.
std::string reiwa(const Date& d) {
    auto r = format_reiwa(d);
    return r ? *r : to_iso(d);
}
std::string reiwa(const YearMonth& m) {
    auto r = format_reiwa(m);
    return r ? *r : to_iso(m);
}

const char* k_style = R"(<style>
@page { size: A4 portrait; margin: 15mm; }
body { font-family: "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", sans-serif; font-size: 10pt; color: #000; }
h1 { font-size: 15pt; text-align: center; letter-spacing: 0.2em; margin: 0 0 6mm; }
.meta { width: 100%; border-collapse: collapse; margin-bottom: 5mm; }
.meta td { padding: 1mm 2mm; vertical-align: top; }
.to { font-size: 12pt; }
.party { text-align: right; }
table.lines { width: 100%; border-collapse: collapse; font-size: 9pt; }
table.lines th, table.lines td { border: 0.3mm solid #000; padding: 1.2mm 1.5mm; }
table.lines th { background: #eee; font-weight: normal; white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 0.6mm double #000; }
.note { margin-top: 4mm; font-size: 8.5pt; }
</style>)";

std::string page(const std::string& title, const std::string& body) {
    return "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) +
           "</title>" + k_style + "</head><body>\n" + body + "</body></html>\n";
}

std::string num(std::int64_t v) { return "<td class=\"n\">" + format_grouped(v) + "</td>"; }

std::string count_cells(const ClaimCounts& c) {
    return num(c.normal) + num(c.outside_hours) + num(c.holiday) + num(c.pre_exam_only) + num(c.under_6);
}
std::string amount_cells(const Amounts& a) { return num(a.amount_before_tax) + num(a.tax) + num(a.amount); }

const char* k_count_heads = "<th>通常</th><th>時間外</th><th>休日</th><th>予診のみ</th><th>6歳未満加算</th>";
const char* k_amount_heads = "<th>金額（税抜）</th><th>消費税</th><th>請求額</th>";

std::string party_block(const std::string& site, const ClaimParty& party) {
    return "<td class=\"party\">医療機関コード " + html_escape(site) + "<br>" + html_escape(party.site_name) +
           "<br>代表者 " + html_escape(party.representative) + "</td>";
}

std::string fee_note(const MonthFees& f) {
    std::string s = "単価（税抜）: 接種費用 " + format_grouped(f.vaccination) + "円、予診のみ " +
                    format_grouped(f.pre_exam_only) + "円";
    if (f.outside_hours) s += "、時間外加算 " + format_grouped(*f.outside_hours) + "円";
    if (f.holiday) s += "、休日加算 " + format_grouped(*f.holiday) + "円";
    if (f.under_6) s += "、6歳未満乳幼児加算 " + format_grouped(*f.under_6) + "円";
    return s + "。消費税 " + std::to_string(f.tax_percent) + "%（明細ごとに1円未満切り捨て）。";
}

}  // namespace

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string municipality_claim_html(const MunicipalityClaim& m, const ClaimParty& party) {
    std::string body = "<h1>市区町村別請求書</h1>\n<table class=\"meta\"><tr><td class=\"to\">" +
                       html_escape(municipality_name(m.municipality)) + "長　殿<br>（市区町村番号 " +
                       html_escape(m.municipality) + "）<br>提出先: " + html_escape(payer_name(m.payer)) + "</td>" +
                       party_block(m.site, party) + "</tr><tr><td>接種年月: " + reiwa(m.month) +
                       "分</td><td class=\"party\">提出期限: " + reiwa(m.deadline) + "</td></tr></table>\n";
    body += "<table class=\"lines\"><tr><th>様式</th><th>区分</th>" + std::string(k_count_heads) + k_amount_heads + "</tr>\n";
    for (const auto& l : m.lines)
        body += "<tr><td>" + std::string(claim_form_label(l.form)) + "</td><td>" +
                std::to_string(static_cast<int>(l.category)) + " " + std::string(category_label(l.category)) + "</td>" +
                count_cells(l.counts) + amount_cells(l.amounts) + "</tr>\n";
    body += "<tr class=\"total\"><td colspan=\"2\">合計</td>" + count_cells(m.counts) + amount_cells(m.total) + "</tr>\n";
    body += "</table>\n<p class=\"note\">" + fee_note(m.fees) + "</p>\n";
    return page("市区町村別請求書 " + m.site + " " + m.municipality + " " + to_iso(m.month), body);
}

std::string claim_summary_html(const ClaimSummary& s, const ClaimParty& party) {
    Payer federation{Payer::Kind::federation, s.prefecture};
    std::string body = "<h1>国保連提出用請求総括書</h1>\n<table class=\"meta\"><tr><td class=\"to\">" +
                       html_escape(payer_name(federation)) + "　御中</td>" + party_block(s.site, party) +
                       "</tr><tr><td>接種年月: " + reiwa(s.month) + "分</td><td class=\"party\">提出期限: " +
                       reiwa(s.deadline) + "</td></tr></table>\n";
    body += "<table class=\"lines\"><tr><th>市区町村番号</th><th>市区町村名</th>" + std::string(k_count_heads) +
            k_amount_heads + "</tr>\n";
    for (const auto& r : s.rows)
        body += "<tr><td>" + html_escape(r.code) + "</td><td>" + html_escape(municipality_name(r.code)) + "</td>" +
                count_cells(r.counts) + amount_cells(r.amounts) + "</tr>\n";
    body += "<tr class=\"total\"><td colspan=\"2\">合計</td>" + count_cells(s.counts) + amount_cells(s.total) + "</tr>\n";
    body += "</table>\n<p class=\"note\">市区町村別請求書（" + std::to_string(s.rows.size()) + "件）を添付します。</p>\n";
    return page("国保連提出用請求総括書 " + s.site + " " + to_iso(s.month), body);
}

}  // namespace vsys
