// Benchmark part of bench_stock: the stock reports at their largest (issue 15 targets: R212 for
// a Tokyo-sized prefecture, every site answering 10 stock requests, computed in ≤ 1 s in wasm;
// R311 for the largest municipality in ≤ 100 ms). The App runs over in-memory storage with the
// documents received as verified versions, as a device holds them after sync: the prefecture's
// device every site's receipt and answers, the municipality's device its own sites' only. A
// run "after a change" makes the App's revision move first (a sign-in), so the stock world is
// replayed again from the documents: what a user waits for after a sync.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "bench_timing.hpp"

#include "../unit/memory_storage.hpp"
#include "app/base/app.hpp"
#include "app/reports/reports_app.hpp"
#include "core/stock/stock_documents.hpp"
#include "sync/canonical.hpp"

namespace vsys::bench {

namespace stock_reports {

constexpr int k_requests = 10;
constexpr sync::UtcTime k_now = 1700000000;  // 2023-11-14, after the purge's cut-off

DocumentVersion version(const std::string& owner, const char* kind, const std::string& id, nlohmann::json body,
                        const std::string& time) {
    DocumentVersion v;
    v.owner = owner;
    v.kind = kind;
    v.id = id;
    v.version = 1;
    v.author = "bench";
    v.time = time;
    v.body = std::move(body);
    sync::seal(v);
    return v;
}

// Every site of the prefecture: one receipt of two lots, then an answer to each request.
std::vector<DocumentVersion> documents(const Hierarchy& tree, OrgIndex pref, std::size_t& sites) {
    std::vector<DocumentVersion> out;
    const std::string pref_id = tree.id(pref);
    std::vector<std::string> keys;
    for (int k = 0; k < k_requests; ++k) {
        StockRequestDoc r;
        r.issued = add_days(Date{2023, 1, 16}, 28 * k);
        r.due = add_days(r.issued, 7);
        r.products.add(VaccineProduct::pfizer_12);
        const std::string id = "Q" + std::to_string(k);
        keys.push_back(pref_id + "/stock_request/" + id);
        out.push_back(version(pref_id, k_stock_request_kind, id, stock_request_to_json(r), to_iso(r.issued) + "T01:00:00Z"));
    }
    for (OrgIndex i = pref; i < pref + tree.subtree_size(pref); ++i) {
        if (tree.level(i) != OrgLevel::site && tree.level(i) != OrgLevel::venue) continue;
        ++sites;
        const std::string org = tree.id(i);
        StockReceiptDoc rc;
        rc.round = "PF12_R8";
        rc.date = Date{2023, 1, 10};
        rc.order = 1;
        rc.expected_vials = 390;
        rc.lines = {{"FA" + std::to_string(i % 9000), Date{2023, 12, 31}, 195}, {"FB" + std::to_string(i % 7000), Date{2023, 12, 31}, 195}};
        out.push_back(version(org, k_stock_receipt_kind, rc.round, receipt_to_json(rc), "2023-01-10T01:00:00Z"));
        std::int64_t left = 195;
        for (int k = 0; k < k_requests; ++k) {
            left = left * 9 / 10;
            StockCountDoc c;
            c.date = add_days(Date{2023, 1, 17}, 28 * k);
            c.order = 2 + k;
            c.request = keys[static_cast<std::size_t>(k)];
            c.lines = {{VaccineProduct::pfizer_12, rc.lines[0].lot, left, "used", ""},
                       {VaccineProduct::pfizer_12, rc.lines[1].lot, left, "used", ""}};
            out.push_back(version(org, k_stock_count_kind, "C" + std::to_string(k), count_to_json(c), to_iso(c.date) + "T02:00:00Z"));
        }
    }
    return out;
}

struct Timing {
    double cold = 0, warm = 0;
    std::size_t rows = 0;
    bool ok = true;
};

Timing time_report(App& app, const std::string& account, const char* report) {
    Timing t;
    const Directory& dir = app.directory();
    const Session session = session_for(*dir.account(account), sync::KeyPair{});
    t.cold = median_ms(3, [&] {
        app.set_session(session);  // the revision moves: the stock world is replayed again
        auto run = run_report(app, {report, "", "", "", ""});
        t.ok = t.ok && run.ok();
        if (run) t.rows = run->result.table.rows.size();
    });
    t.warm = median_ms(5, [&] { t.ok = t.ok && run_report(app, {report, "", "", "", ""}).ok(); });
    return t;
}

}  // namespace stock_reports

inline int bench_stock_reports(const char* platform) {
    using namespace stock_reports;
    test::MemoryStorage storage_pref, storage_muni;
    App pref_app(storage_pref, "/data/vsys", {"bench", "bench", false}, [] { return k_now; });
    pref_app.open();
    const Hierarchy& tree = pref_app.directory().tree();
    const OrgIndex pref = tree.find("pref:130001");
    std::size_t sites = 0;
    const std::vector<DocumentVersion> docs = documents(tree, pref, sites);
    std::vector<const DocumentVersion*> all;
    for (const auto& v : docs) all.push_back(&v);
    if (pref_app.receive_verified(all) != 0) {
        std::fprintf(stderr, "bench_stock: documents refused\n");
        return 1;
    }
    // The municipality with the most sites, on a device of its own.
    OrgIndex largest = k_no_org;
    std::uint32_t most = 0;
    for (OrgIndex i = pref; i < pref + tree.subtree_size(pref); ++i)
        if (tree.level(i) == OrgLevel::municipality && tree.subtree_size(i) > most) most = tree.subtree_size(i), largest = i;
    App muni_app(storage_muni, "/data/vsys", {"bench", "bench", false}, [] { return k_now; });
    muni_app.open();
    std::vector<const DocumentVersion*> own;
    for (const auto& v : docs)
        if (v.owner == tree.id(pref) || tree.in_subtree(v.owner, tree.id(largest))) own.push_back(&v);
    muni_app.receive_verified(own);
    const std::string muni_account = "VM" + std::string(tree.code(largest));

    const Timing r212 = time_report(pref_app, "VP130001", "R212");
    const Timing r311 = time_report(muni_app, muni_account, "R311");
    if (!r212.ok || !r311.ok) {
        std::fprintf(stderr, "bench_stock: a report failed\n");
        return 1;
    }
    std::printf("| R212 as 東京都: %zu sites × %d answers (%zu documents), after a change | %.1f ms | median of 3, %s |\n", sites,
                k_requests, docs.size(), r212.cold, platform);
    std::printf("| R212 as 東京都, again (%zu rows) | %.1f ms | median of 5, %s |\n", r212.rows, r212.warm, platform);
    std::printf("| R311 as %s: %u sites (%zu documents), after a change | %.1f ms | median of 3, %s |\n",
                pref_app.directory().org_name(tree.id(largest)).c_str(), most - 1, own.size(), r311.cold, platform);
    std::printf("| R311 as %s, again (%zu rows) | %.1f ms | median of 5, %s |\n",
                pref_app.directory().org_name(tree.id(largest)).c_str(), r311.rows, r311.warm, platform);
    bench_line("r212", ("R212 as 東京都 (" + std::to_string(sites) + " sites × 10 answers) after a change").c_str(), r212.cold, "ms");
    bench_line("r212.warm", "R212 again", r212.warm, "ms");
    bench_line("r311", ("R311 as the largest municipality (" + std::to_string(most - 1) + " sites) after a change").c_str(),
               r311.cold, "ms");
    bench_line("r311.warm", "R311 again", r311.warm, "ms");
    return 0;
}

}  // namespace vsys::bench
