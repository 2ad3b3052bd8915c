// The stock history (demo_history_stock.hpp): receipts, hub → satellite transfers, wastage with
// every reason, the purged counts of January 2022 and one open stock request.
//
// [SECTION] Salts, dates and lot names
// [SECTION] StockHistory: the run and the events' order
// [SECTION] Receipts of the deliveries
// [SECTION] Transfers from hubs to satellites
// [SECTION] Wastage
// [SECTION] Counts: the purged January counts and the open request
// [SECTION] Entry point
#include "core/demo/demo_history_stock.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/demo/demo_data_rng.hpp"
#include "core/stock/stock_documents.hpp"
#include "core/stock/stock_rules.hpp"

namespace vsys {

// [SECTION] Salts, dates and lot names

namespace {

constexpr std::uint64_t k_salt_receipt = 0x5245434549505431ull;
constexpr std::uint64_t k_salt_transfer = 0x5452414E53465231ull;
constexpr std::uint64_t k_salt_wastage = 0x5741535441474531ull;
constexpr std::uint64_t k_salt_count = 0x434F554E54530001ull;
// The nation's stock request of January 2022, answered before the purge's cut-off.
constexpr Date k_january_request{2022, 1, 17};
constexpr Date k_january_due{2022, 1, 21};

std::uint64_t hash_text(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

// Lot numbers in the makers' shapes: Pfizer FF0843, the child formulation FN5678, Moderna 3002183.
std::string lot_name(const Round& r, int k) {
    const std::uint64_t h = hash_text(r.code) + static_cast<std::uint64_t>(k) * 7919;
    char buf[16];
    switch (r.product) {
        case VaccineProduct::pfizer_12:
            std::snprintf(buf, sizeof buf, "F%c%04u", 'A' + static_cast<int>(h % 8), static_cast<unsigned>(h / 8 % 10000));
            break;
        case VaccineProduct::pfizer_5_11: std::snprintf(buf, sizeof buf, "FN%04u", static_cast<unsigned>(h % 10000)); break;
        case VaccineProduct::takeda_moderna: std::snprintf(buf, sizeof buf, "300%04u", static_cast<unsigned>(h % 10000)); break;
    }
    return buf;
}

std::string two(int n) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

struct Lot {
    VaccineProduct product = VaccineProduct::pfizer_12;
    Date expiry, basis;
    std::int64_t on_hand = 0;
};

// [SECTION] StockHistory: the run and the events' order

class StockHistory {
public:
    explicit StockHistory(const StockHistoryContext& c) : c_(c) {
        for (std::size_t i = 0; i < c.sites->size(); ++i)
            if (!(*c.sites)[i].hub.empty()) satellites_[(*c.sites)[i].hub].push_back(i);
    }

    Status run(std::span<const StockHistoryDelivery> given) {
        std::vector<StockHistoryDelivery> ds(given.begin(), given.end());
        std::stable_sort(ds.begin(), ds.end(), [](const StockHistoryDelivery& a, const StockHistoryDelivery& b) {
            return std::tie(a.round->period_start, a.site) < std::tie(b.round->period_start, b.site);
        });
        // The last delivered Pfizer round leaves a few transfers in transit.
        for (const auto& d : ds)
            if (d.round->product == VaccineProduct::pfizer_12) last_pfizer_ = d.round;
        bool january_done = false;
        for (const auto& d : ds) {
            if (!january_done && d.round->period_start > k_january_due) {
                if (auto s = january_counts(); !s) return s;
                january_done = true;
            }
            if (auto s = delivery(d); !s) return s;
        }
        if (!january_done)
            if (auto s = january_counts(); !s) return s;
        return open_request();
    }

private:
    std::int64_t next(std::initializer_list<std::string_view> orgs) {
        std::int64_t o = 0;
        for (auto org : orgs) o = std::max(o, order_[std::string(org)]);
        ++o;
        for (auto org : orgs) order_[std::string(org)] = o;
        return o;
    }

    OrgIndex prefecture_of(OrgIndex i) const {
        while (i != k_no_org && c_.tree->level(i) != OrgLevel::prefecture) i = c_.tree->parent(i);
        return i;
    }

    Status event(const std::string& owner, const char* kind, const std::string& id, const StockEvent& e, int hour) {
        return c_.write(owner, kind, id, single_event_to_json(e), e.date, hour, 0);
    }

    // [SECTION] Receipts of the deliveries

    Status delivery(const StockHistoryDelivery& d) {
        const Site* site = c_.site_of(d.site);
        if (!site) return ok_status();
        const Round& r = *d.round;
        DemoRng rng(c_.seed ^ k_salt_receipt ^ hash_text(r.code), d.site);
        if (rng.chance(14)) return ok_status();  // not confirmed yet: 受入 waits
        const ProductSpec* spec = c_.catalog->product_of(r);
        if (!spec) return ok_status();
        const StockRules& rules = StockRules::builtin();
        const std::string org = site_org_id(*site);
        StockReceiptDoc doc;
        doc.round = r.code;
        doc.product = r.product;
        doc.date = add_days(r.period_start, rng.below(5));
        doc.expected_vials = d.boxes * spec->vials_per_box;
        const Date made = add_days(doc.date, -30 - static_cast<std::int64_t>(rng.below(30)));
        const Date expiry = add_months_clamped(made, std::max(1, rules.shelf_life_months(r.product, made)));
        const int nlots = doc.expected_vials >= 20 && rng.chance(40) ? 2 : 1;
        std::int64_t left = doc.expected_vials;
        for (int k = 0; k < nlots; ++k) {
            const std::int64_t v = k + 1 == nlots ? left : left * (40 + rng.below(21)) / 100;
            left -= v;
            doc.lines.push_back({lot_name(r, static_cast<int>(rng.below(3)) + k), expiry, v});
        }
        if (nlots == 2 && doc.lines[0].lot == doc.lines[1].lot) doc.lines[1].lot = lot_name(r, 5);
        doc.order = next({org});
        if (auto s = c_.write(org, k_stock_receipt_kind, r.code, receipt_to_json(doc), doc.date, 10, 0); !s) return s;
        for (const auto& l : doc.lines) {
            Lot& lot = lots_[{org, l.lot}];
            lot.product = r.product;
            lot.expiry = l.expiry;
            lot.basis = doc.date;
            lot.on_hand += l.vials;
        }
        if (r.product == VaccineProduct::pfizer_12)
            if (auto s = transfers(*site, r, doc.date, doc.lines.front().lot); !s) return s;
        return wastage(*site, r, doc.date, d.site);
    }

    // [SECTION] Transfers from hubs to satellites

    // A hub passes a few vials to each of up to two satellites, in a cool bag.
    Status transfers(const Site& hub, const Round& r, const Date& received, const std::string& lot_id) {
        const std::string from = site_org_id(hub);
        int n = 0;
        const auto sats = satellites_.find(hub.code);
        if (sats == satellites_.end()) return ok_status();
        for (std::size_t i : sats->second) {
            if (n == 2) break;
            const Site& sat = (*c_.sites)[i];
            const OrgIndex at = c_.tree->find(site_org_id(sat));
            // Only within the hub's prefecture, so a prefecture's history is the national one filtered.
            if (at == k_no_org || !c_.site_of(at) || prefecture_of(at) != prefecture_of(c_.tree->find(from))) continue;
            ++n;
            DemoRng rng(c_.seed ^ k_salt_transfer ^ hash_text(r.code), at);
            Lot& lot = lots_[{from, lot_id}];
            const std::int64_t vials = std::min<std::int64_t>(2 + rng.below(4), lot.on_hand);
            if (vials <= 0) continue;
            StockEvent t;
            t.kind = StockEventKind::transfer;
            t.date = add_days(received, 1 + rng.below(6));
            t.site = from;
            t.to = site_org_id(sat);
            t.product = r.product;
            t.lot = lot_id;
            t.expiry = lot.expiry;
            t.expiry_basis = lot.basis;
            t.vials = vials;
            t.condition = "cool_2_8_3h";
            t.order = next({t.site, t.to});
            const std::string id = "T" + to_iso(t.date).substr(0, 4) + to_iso(t.date).substr(5, 2) + to_iso(t.date).substr(8, 2) +
                                   "-" + sat.code + "-" + r.code;
            if (auto s = event(from, k_stock_transfer_kind, id, t, 14); !s) return s;
            lot.on_hand -= vials;
            if (&r == last_pfizer_ && rng.chance(15)) continue;  // still in transit
            const std::string key = from + "/" + k_stock_transfer_kind + "/" + id;
            StockEvent a;
            a.site = t.to;
            a.transfer = key;
            a.date = add_days(t.date, rng.below(2));
            a.product = t.product;
            a.lot = t.lot;
            a.vials = vials;
            a.order = next({t.to, from});
            if (rng.chance(8)) {
                a.kind = StockEventKind::transfer_refusal;
                a.reason = "condition";
                lot.on_hand += vials;  // returns to the hub
            } else {
                a.kind = StockEventKind::transfer_receipt;
                Lot& in = lots_[{t.to, lot_id}];
                in.product = t.product;
                in.expiry = lot.expiry;
                in.basis = lot.basis;
                in.on_hand += vials;
            }
            if (auto s = event(t.to, k_stock_transfer_answer_kind, transfer_answer_id(key), a, 11); !s) return s;
        }
        return ok_status();
    }

    // [SECTION] Wastage

    // About one receipt in ten is followed by a wastage report, its reason drawn from the site and
    // round so every reason of the data appears.
    Status wastage(const Site& site, const Round& r, const Date& received, OrgIndex at) {
        DemoRng rng(c_.seed ^ k_salt_wastage ^ hash_text(r.code), at);
        if (!rng.chance(10)) return ok_status();
        const std::string org = site_org_id(site);
        const auto reasons = StockRules::builtin().reasons(ReasonList::wastage);
        if (reasons.empty()) return ok_status();
        const StockReason& reason = *reasons[(hash_text(org) + hash_text(r.code)) % reasons.size()];
        for (auto it = lots_.lower_bound({org, ""}); it != lots_.end() && it->first.first == org; ++it) {
            auto& [key, lot] = *it;
            if (lot.product != r.product || lot.on_hand <= 0) continue;
            StockEvent w;
            w.kind = StockEventKind::wastage;
            w.site = org;
            w.product = lot.product;
            w.lot = key.second;
            w.reason = reason.id;
            w.date = add_days(received, 3 + rng.below(10));
            w.vials = std::min<std::int64_t>(1 + rng.below(3), lot.on_hand);
            if (reason.id == "expired") w.date = add_days(lot.expiry, 1);
            if (reason.id == "open_vial_time_limit") w.vials = 0, w.doses = 1 + rng.below(5);
            if (reason.needs == ReasonNeeds::text) w.text = "落下により使用不可";
            if (reason.needs == ReasonNeeds::excursion) {
                const std::string day = to_iso(w.date);
                const int h = 8 + static_cast<int>(rng.below(8));
                w.excursion = Excursion{day + "T" + two(h) + ":10", day + "T" + two(h + 2) + ":40",
                                        90 + static_cast<std::int64_t>(rng.below(60))};
            }
            if (w.date > c_.today) return ok_status();
            w.order = next({org});
            const std::string id = "W" + to_iso(w.date).substr(0, 4) + to_iso(w.date).substr(5, 2) +
                                   to_iso(w.date).substr(8, 2) + "-" + r.code;
            if (auto s = event(org, k_stock_wastage_kind, id, w, 16); !s) return s;
            lot.on_hand -= w.vials;
            return ok_status();
        }
        return ok_status();
    }

    // [SECTION] Counts: the purged January counts and the open request

    // A count of every lot of the request's products a site holds, most of it used.
    Status count(const std::string& org, const std::string& request_key, VaccineProducts products, const Date& day,
                 DemoRng& rng, int hour) {
        StockCountDoc doc;
        doc.date = day;
        doc.request = request_key;
        for (auto it = lots_.lower_bound({org, ""}); it != lots_.end() && it->first.first == org; ++it) {
            auto& [key, lot] = *it;
            if (!products.has(lot.product) || lot.on_hand <= 0) continue;
            const std::int64_t counted = lot.on_hand * rng.below(40) / 100;
            doc.lines.push_back({lot.product, key.second, counted, counted < lot.on_hand ? "used" : "", ""});
            lot.on_hand = counted;
        }
        if (doc.lines.empty()) return ok_status();
        doc.order = next({org});
        const std::string id = "C" + to_iso(day).substr(0, 4) + to_iso(day).substr(5, 2) + to_iso(day).substr(8, 2);
        return c_.write(org, k_stock_count_kind, id, count_to_json(doc), day, hour, 0);
    }

    std::vector<std::string> holders() const {
        std::vector<std::string> out;
        for (const auto& [key, lot] : lots_)
            if (lot.on_hand > 0 && (out.empty() || out.back() != key.first)) out.push_back(key.first);
        return out;
    }

    Status january_counts() {
        StockRequestDoc req;
        req.issued = k_january_request;
        req.due = k_january_due;
        req.products.add(VaccineProduct::pfizer_12);
        req.products.add(VaccineProduct::takeda_moderna);
        req.note = "1月17日時点の在庫量を報告してください";
        const std::string id = "N20220117";
        if (auto s = c_.write("nation", k_stock_request_kind, id, stock_request_to_json(req), req.issued, 10, 0); !s) return s;
        const std::string key = std::string("nation/") + k_stock_request_kind + "/" + id;
        for (const std::string& org : holders()) {
            DemoRng rng(c_.seed ^ k_salt_count, hash_text(org));
            if (!rng.chance(60)) continue;
            if (auto s = count(org, key, req.products, add_days(k_january_request, 2 + rng.below(3)), rng, 15); !s) return s;
        }
        return ok_status();
    }

    Status open_request() {
        StockRequestDoc req;
        req.issued = add_days(c_.today, -2);
        req.due = add_days(c_.today, 5);
        for (int p = 0; p < 3; ++p) req.products.add(static_cast<VaccineProduct>(p));
        req.note = "現在の在庫量をロットごとに報告してください";
        const std::string id = "N" + to_iso(req.issued).substr(0, 4) + to_iso(req.issued).substr(5, 2) +
                               to_iso(req.issued).substr(8, 2);
        if (auto s = c_.write("nation", k_stock_request_kind, id, stock_request_to_json(req), req.issued, 10, 0); !s) return s;
        const std::string key = std::string("nation/") + k_stock_request_kind + "/" + id;
        for (const std::string& org : holders()) {
            DemoRng rng(c_.seed ^ k_salt_count ^ 1, hash_text(org));
            if (!rng.chance(50)) continue;
            if (auto s = count(org, key, req.products, add_days(c_.today, -1), rng, 11); !s) return s;
        }
        return ok_status();
    }

    const StockHistoryContext& c_;
    std::unordered_map<std::string, std::vector<std::size_t>> satellites_;  // hub code → its satellites
    const Round* last_pfizer_ = nullptr;
    // (site org, lot) → lot. A site's lots are read from lower_bound({org, ""}): walking the whole
    // map for each site made the national history quadratic (50 s of `vsys report --demo`).
    std::map<std::pair<std::string, std::string>, Lot> lots_;
    std::unordered_map<std::string, std::int64_t> order_;       // Lamport clock per site
};

}  // namespace

// [SECTION] Entry point

Status demo_stock_history(const StockHistoryContext& ctx, std::span<const StockHistoryDelivery> deliveries) {
    return StockHistory(ctx).run(deliveries);
}

}  // namespace vsys
