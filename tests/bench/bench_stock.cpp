// Benchmark: a site's five-year stock ledger (issue 15 target: 10,000 events replayed in
// ≤ 5 ms in wasm). A Pfizer hub receives a delivery every few days, moves vials to its three
// satellites (who receive or refuse them), wastes some with each reason and counts its lots;
// ids are document keys as the app makes them. Every event is checked with check_stock_event
// while the ledger is built (outside the timing), so the replayed set is one a device accepts.
// Prints Markdown rows and BENCH lines for tools/bench stock.
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench_stock_reports.hpp"
#include "bench_timing.hpp"

#include "core/stock/stock_ledger.hpp"

using namespace vsys;
using vsys::bench::bench_line;
using vsys::bench::median_ms;

namespace {

constexpr int k_events = 10000;
constexpr int k_runs = 21;

const char* k_hub = "site:1310000011";
const char* k_satellites[] = {"site:1310000029", "site:1310000037", "site:1310000045"};

std::vector<StockEvent> five_years(const StockRules& rules) {
    auto categories = [](std::string_view s) -> std::optional<VaccineCategories> {
        VaccineCategories c;
        c.add(s == k_hub ? VaccineCategory::pfizer_hub : VaccineCategory::pfizer_satellite);
        return c;
    };
    StockLedger ledger;
    std::mt19937_64 rng(15);
    std::vector<std::string> lots, open;
    const Date start{2022, 2, 1};
    int n = 0;
    auto add = [&](StockEvent e) {
        e.order = ledger.max_order + 1;
        e.id = e.site + "/stock_" + stock_event_kind_id(e.kind) + "/" + std::to_string(100000 + n);
        e.entered_unix = days_since_epoch(e.date) * 86400;
        if (!check_stock_event(rules, ledger, e, categories)) return false;
        append_stock_event(rules, ledger, std::move(e));
        ++n;
        return true;
    };
    while (n < k_events) {
        const Date day = add_days(start, static_cast<std::int64_t>(n) * 1826 / k_events);
        const int what = static_cast<int>(rng() % 100);
        StockEvent e;
        e.date = day;
        e.product = VaccineProduct::pfizer_12;
        e.site = k_hub;
        if (lots.empty() || what < 8) {
            e.kind = StockEventKind::receipt;
            e.lot = "FK" + std::to_string(1000 + lots.size());
            e.vials = 195;
            e.expiry = add_days(day, 365);
            if (add(e)) lots.push_back(e.lot);
            continue;
        }
        e.lot = lots[lots.size() - 1 - rng() % std::min<std::size_t>(lots.size(), 3)];
        const LotBalance* lot = ledger.find(k_hub, e.product, e.lot);
        const std::int64_t have = lot ? lot->on_hand : 0;
        if (what < 45 && have > 0) {
            e.kind = StockEventKind::transfer;
            e.to = k_satellites[rng() % 3];
            e.vials = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(std::min<std::int64_t>(have, 12)));
            e.condition = "cool_2_8_3h";
            const std::string id = e.site + "/stock_transfer/" + std::to_string(100000 + n);
            if (add(e)) open.push_back(id);
        } else if (what < 75 && !open.empty()) {
            const std::string t = open.front();
            open.erase(open.begin());
            const StockEvent* sent = ledger.find_event(t);
            e.kind = rng() % 10 ? StockEventKind::transfer_receipt : StockEventKind::transfer_refusal;
            e.site = sent->to;
            e.transfer = t;
            if (e.kind == StockEventKind::transfer_refusal) e.reason = "not_expected";
            add(e);
        } else if (what < 90 && have > 0) {
            static const char* reasons[] = {"expired", "broken", "open_vial_time_limit", "cold_chain", "other"};
            e.kind = StockEventKind::wastage;
            e.vials = 1;
            e.reason = reasons[rng() % 5];
            if (e.reason == "other") e.text = "落下";
            if (e.reason == "cold_chain") e.excursion = Excursion{to_iso(day) + "T08:00", to_iso(day) + "T09:00", 120};
            add(e);
        } else if (lot) {
            e.kind = StockEventKind::count;
            e.vials = have > 0 ? have - 1 : 0;
            e.reason = have > 0 ? "used" : "";
            add(e);
        }
    }
    return ledger.events;
}

}  // namespace

int main() {
    const StockRules& rules = StockRules::builtin();
    const std::vector<StockEvent> events = five_years(rules);

    // The replay alone: the copies it consumes are made before the clock starts.
    std::vector<std::vector<StockEvent>> copies(k_runs, events);
    int next = 0;
    std::int64_t on_hand = 0;
    const double replay = median_ms(k_runs, [&] {
        StockLedger L = replay_stock(rules, std::move(copies[next++]));
        on_hand = L.lots.front().on_hand;
    });
    // As the app calls it: from the documents' events, copied in.
    const double with_copy = median_ms(k_runs, [&] { on_hand += replay_stock(rules, events).lots.size(); });
    // The ledger report: every line with its balance.
    ReplayOptions lines;
    lines.lines = true;
    const double with_lines = median_ms(k_runs, [&] { on_hand += replay_stock(rules, events, lines).lines.size(); });
    // One device check of a new transfer on the replayed ledger.
    const StockLedger L = replay_stock(rules, events);
    StockEvent t;
    t.kind = StockEventKind::transfer;
    t.site = k_hub;
    t.to = k_satellites[0];
    t.lot = L.lots_of(k_hub).back()->lot;
    t.vials = 1;
    t.date = L.events.back().date;
    t.condition = "cool_2_8_3h";
    t.order = L.max_order + 1;
    auto categories = [](std::string_view s) -> std::optional<VaccineCategories> {
        VaccineCategories c;
        c.add(s == k_hub ? VaccineCategory::pfizer_hub : VaccineCategory::pfizer_satellite);
        return c;
    };
    const double check_us = median_ms(k_runs, [&] {
        for (int i = 0; i < 1000; ++i) on_hand += check_stock_event(rules, L, t, categories).ok();
    });

    std::printf("| figure | value |\n|---|---|\n");
    std::printf("| events in the five-year ledger | %zu (%zu lots, %zu transfers) |\n", L.events.size(), L.lots.size(), L.transfers.size());
    std::printf("| replay (median of %d) | %.3f ms |\n", k_runs, replay);
    std::printf("| replay, events copied in | %.3f ms |\n", with_copy);
    std::printf("| replay with the ledger report's lines | %.3f ms |\n", with_lines);
    std::printf("| one check_stock_event on the replayed ledger | %.3f us |\n", check_us);
    bench_line("events", "events in the five-year ledger", static_cast<double>(L.events.size()), "events");
    bench_line("replay", "replay of 10,000 events", replay, "ms");
    bench_line("replay.copy", "replay, events copied in", with_copy, "ms");
    bench_line("replay.lines", "replay with the ledger report's lines", with_lines, "ms");
    bench_line("check", "one check_stock_event", check_us, "us");
#ifdef __EMSCRIPTEN__
    const char* platform = "wasm";
#else
    const char* platform = "native";
#endif
    if (const int r = vsys::bench::bench_stock_reports(platform); r != 0) return r;
    return on_hand == -1 ? 1 : 0;
}
