// The demo world's history (demo_history.hpp): rounds through the chain's own builders, claims
// priced by compute_claim, reservation lists. Every random choice comes from a DemoRng stream of
// its own (seed, salt, item), so adding a round or a site does not shift the others' draws.
//
// [SECTION] The rounds, the salts of the random streams and small helpers
// [SECTION] History: the scope and the run, part by part
// [SECTION] Writing: a version filled, sealed, applied and kept
// [SECTION] Rounds through the chain's own builders
// [SECTION] Claims: routing, the doses of each site priced by compute_claim, the old form's ticket forms
// [SECTION] R505: the retired reservation function
// [SECTION] Stock: receipts, transfers, wastage, counts (demo_history_stock.hpp)
// [SECTION] Entry points
#include "core/demo/demo_history.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/allocation/chain_commands.hpp"
#include "core/allocation/chain_simulation.hpp"
#include "core/claims/claims_documents.hpp"
#include "core/claims/claims_json.hpp"
#include "core/claims/kinds.hpp"
#include "core/demo/demo_data_names.hpp"
#include "core/demo/demo_data_rng.hpp"
#include "core/demo/demo_history_stock.hpp"
#include "core/directory/local_gov.hpp"
#include "core/documents/document_store.hpp"
#include "core/reservations/reservations.hpp"

namespace vsys {
namespace {

// [SECTION] The rounds, the salts of the random streams and small helpers

// Oldest first. The request share bounds the size: the national history must stay well within
// the browser's memory budget (docs/BENCHMARKS.md).
constexpr DemoHistoryRound k_rounds[] = {
    {"PF12_R7", RoundState::closed, 25, 9'000},
    {"PF12_R8", RoundState::delivered, 25, 9'000},
    {"PF12_R11", RoundState::requests, 15, 0},
    {"TM3rd02クール", RoundState::locked, 25, 40'000},
    {"PFchild02クール", RoundState::allocating, 20, 20'000},
};

// Salts of the random streams (any distinct constants).
constexpr std::uint64_t k_salt_request = 0x5245515545535431ull;
constexpr std::uint64_t k_salt_claim = 0x434C41494D530001ull;
constexpr std::uint64_t k_salt_routing = 0x524F5554494E4701ull;
constexpr std::uint64_t k_salt_reservation = 0x5245534552564501ull;

Error history_error(std::string_view round, const Error& e) {
    return Error{"demo.history", e.code + ": " + e.detail, {{"round", std::string(round)}, {"reason", e.code}}};
}

// A moment of a day in Japan time (hour 9..17) as the UTC text of DocumentVersion::time.
std::string time_at(const Date& d, int hour_jst, int minute = 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00Z", to_iso(d).c_str(), hour_jst - 9, minute);
    return buf;
}

std::uint64_t text_hash(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a: a stable salt from a round code
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

// [SECTION] History: the scope and the run, part by part

class History {
public:
    History(const DemoData& data, const Hierarchy& tree, const Catalog& catalog, const DemoHistoryOptions& o)
        : data_(data),
          tree_(tree),
          own_world_(o.world ? std::nullopt
                             : std::optional<ChainWorld>(std::in_place, tree, catalog, data.sites, data.populations)),
          world_(o.world ? *o.world : *own_world_),
          o_(o) {
        if (!o.prefecture.empty()) scope_ = tree.find("pref:" + o.prefecture);
        // Views into data (it outlives the generator); out of scope only the nation's account.
        // A municipality code starts with its prefecture's two digits (local_gov.hpp).
        const std::string_view pref2 = std::string_view(o.prefecture).substr(0, 2);
        auto in_scope_code = [&](std::string_view code) { return pref2.empty() || code.substr(0, 2) == pref2; };
        for (const auto& a : data.accounts) {
            const std::string_view org = a.org;
            const auto colon = org.find(':');
            const bool keep = colon == std::string_view::npos ||
                              (org.substr(0, colon) == "muni" ? in_scope_code(org.substr(colon + 1)) : true);
            if (keep) account_.emplace(org, a.vsys_id);
        }
        for (std::size_t i = 0; i < data.sites.size(); ++i)
            if (in_scope_code(data.sites[i].municipality)) site_at_.emplace(tree.find(site_org_id(data.sites[i])), i);
    }

    // Whether the organisation's documents are generated at all: outside the scope nothing
    // below the nation is, which keeps a prefecture's history cheap. Nothing in scope depends on
    // anything outside it (① splits by population, uncapped), so a prefecture's history is the
    // national history filtered, version for version.
    bool wanted(OrgIndex i) const { return scope_ == k_no_org || tree_.in_subtree(i, scope_); }

    Result<std::vector<DocumentVersion>> run() {
        if (!o_.seal) return Error{"demo.history", "no sealing function", {{"round", ""}, {"reason", "seal"}}};
        if (!o_.prefecture.empty() && scope_ == k_no_org)
            return Error{"demo.prefecture", "no such prefecture", {{"code", o_.prefecture}}};
        for (const auto& hr : k_rounds)
            if (auto s = round(hr); !s) return history_error(hr.code, s.error());
        if (auto s = routing(); !s) return history_error("claim_routing", s.error());
        if (auto s = claims(); !s) return history_error("claim", s.error());
        if (auto s = reservations(); !s) return history_error("reservations", s.error());
        if (auto s = stock(); !s) return history_error("stock", s.error());
        return std::move(out_);
    }

private:
    // [SECTION] Writing: a version filled, sealed, applied and kept

    bool in_scope(const DocumentVersion& v) const {
        if (scope_ == k_no_org) return true;
        if (v.owner == "federation:" + o_.prefecture) return true;
        if (v.owner == "nation") {
            auto at = v.id.find("@pref:");  // ③ of another prefecture is not this deployment's
            return at == std::string::npos || v.id.substr(at + 1) == tree_.id(scope_);
        }
        OrgIndex i = tree_.find(v.owner);
        return i != k_no_org && tree_.in_subtree(i, scope_);
    }

    // Fills the version as App::successor/commit would, seals it, applies it and keeps it.
    Status add(Result<DocumentVersion> built, const Date& day, int hour_jst, int minute = 0) {
        if (!built) return built.error();
        DocumentVersion v = std::move(*built);
        std::string writer = v.owner;
        OrgIndex o = tree_.find(v.owner);
        if (!o_.site_devices && o != k_no_org &&
            (tree_.level(o) == OrgLevel::site || tree_.level(o) == OrgLevel::venue)) {
            writer = tree_.id(tree_.parent(o));
            v.proxy = true;
        }
        auto a = account_.find(writer);
        if (a == account_.end()) return Error{"account.invalid", "no demo account", {{"field", writer}}};
        v.author = std::string(a->second);
        v.time = time_at(day, hour_jst, minute);
        if (auto s = o_.seal(v); !s) return s;
        // Only the chain's builders read the store; claims and reservation lists (most of the
        // bytes) are written once each, so keeping them out halves the generator's memory.
        if (v.kind == k_request_kind || v.kind == k_round_kind || v.kind == k_allocation_kind || v.kind == k_lock_kind)
            if (auto r = store_.apply(v, Origin::remote); !r) return r.error();
        if (in_scope(v)) out_.push_back(std::move(v));
        return ok_status();
    }

    // [SECTION] Rounds through the chain's own builders

    Status round(const DemoHistoryRound& hr) {
        const Round* r = world_.catalog().find_round(hr.code);
        if (!r) return Error{"chain.unknown_round", "the catalog lacks a history round", {{"round", hr.code}}};
        const Date& t0 = r->requests_from;
        const std::uint64_t salt = text_hash(hr.code);
        const std::string code = r->code;

        // Boxes a site asks for: Pfizer 12+ boxes hold 1,170 doses, the others 100.
        const std::uint32_t max_boxes = r->product == VaccineProduct::pfizer_12 ? 2 : 6;
        for (OrgIndex s : world_.requesting_sites(Hierarchy::nation(), r->product)) {
            if (!wanted(s)) continue;
            DemoRng rng(data_.seed ^ k_salt_request ^ salt, s);
            if (!rng.chance(hr.request_percent)) continue;
            const std::int64_t boxes = 1 + rng.below(max_boxes);
            if (auto st = add(build_request(world_, store_, tree_.id(s), code, boxes, o_.today),
                              add_days(t0, rng.below(10)), 9 + static_cast<int>(rng.below(8)), 10 * rng.below(6));
                !st)
                return st;
        }
        if (hr.state == RoundState::requests) return ok_status();

        auto move_to = [&](RoundState s, const Date& day) {
            return add(build_round_state(world_, store_, code, s, o_.today), day, 10);
        };
        if (auto s = move_to(RoundState::allocating, add_days(t0, 14)); !s) return s;
        const bool partial = hr.state == RoundState::allocating;  // a round still being split

        // ① the round's boxes by the product's default mode (a population: requests elsewhere
        // must not change a prefecture's share, see wanted()).
        SimulationSpec one;
        one.mode = valid_modes(r->product, SplitLevel::nation).front();
        one.total = hr.boxes;
        auto sim = simulate(world_, store_, code, "nation", one, o_.today);
        if (!sim) return sim.error();
        if (auto s = add(build_nation_amounts(world_, store_, code, amounts_from_simulation(*sim), o_.today),
                         add_days(t0, 15), 11);
            !s)
            return s;

        // ② and ③ per prefecture; a round still allocating has only part of them done.
        std::vector<OrgIndex> locked;
        const auto prefectures = world_.split_children(Hierarchy::nation(), r->product);
        for (std::size_t k = 0; k < prefectures.size(); ++k) {
            const std::string& pref = tree_.id(prefectures[k]);
            if (partial && k % 3 == 2) continue;
            if (!wanted(prefectures[k])) continue;
            SimulationSpec two;
            two.mode = valid_modes(r->product, SplitLevel::prefecture).front();
            two.cap_by_request = true;
            auto s2 = simulate(world_, store_, code, pref, two, o_.today);
            if (!s2) return s2.error();
            if (auto s = add(build_municipality_amounts(world_, store_, code, pref, amounts_from_simulation(*s2), o_.today),
                             add_days(t0, 17), 10 + static_cast<int>(k % 7));
                !s)
                return s;
            if (partial && k % 3 == 1) continue;
            if (auto s = add(build_nation_lock(world_, store_, code, pref, o_.today), add_days(t0, 19), 10); !s) return s;
            locked.push_back(prefectures[k]);
        }

        // ④ per municipality of a locked prefecture, then ⑤ for the whole prefecture.
        for (std::size_t k = 0; k < locked.size(); ++k) {
            const std::string& pref = tree_.id(locked[k]);
            const bool lock_it = !partial || k % 2 == 0;
            for (OrgIndex m : world_.split_children(locked[k], r->product)) {
                SimulationSpec four;
                four.mode = valid_modes(r->product, SplitLevel::municipality).front();
                auto s4 = simulate(world_, store_, code, tree_.id(m), four, o_.today);
                if (!s4) return s4.error();
                SiteAmountsBody body = site_amounts_from_simulation(world_, *s4);
                if (auto s = add(build_site_amounts(world_, store_, code, tree_.id(m), body, o_.today),
                                 add_days(t0, 21), 9 + static_cast<int>(m % 8));
                    !s)
                    return s;
                if (lock_it && hr.state >= RoundState::locked)
                    for (const auto& d : body.deliveries)
                        if (d.boxes > 0) deliveries_.push_back({r, tree_.find(d.site), d.boxes});
            }
            if (!lock_it) continue;
            if (auto s = add(build_prefecture_lock(world_, store_, code, pref, {}, o_.today), add_days(t0, 23), 15); !s)
                return s;
        }
        if (partial) return ok_status();
        if (auto s = move_to(RoundState::locked, add_days(t0, 24)); !s) return s;
        if (hr.state >= RoundState::delivered)
            if (auto s = move_to(RoundState::delivered, add_days(r->period_end, 1)); !s) return s;
        if (hr.state >= RoundState::closed)
            if (auto s = move_to(RoundState::closed, add_days(r->period_end, 30)); !s) return s;
        return ok_status();
    }

    // [SECTION] Claims: routing, and the doses of each site priced by compute_claim

    Status routing() {
        for (OrgIndex p : tree_.children(Hierarchy::nation()))
            for (OrgIndex m : tree_.children(p)) {
                if (tree_.level(m) != OrgLevel::municipality || !tree_.active(m)) continue;
                municipalities_[p].push_back(std::string(tree_.code(m)));
                if (!wanted(m)) continue;
                DemoRng rng(data_.seed ^ k_salt_routing, m);
                if (!rng.chance(25)) continue;  // a quarter commission the federation (国保連)
                routing_.commissioned.push_back(std::string(tree_.code(m)));
                if (auto s = add(store_.successor(tree_.id(m), k_claim_routing_kind, "main", {{"commissioned", true}}),
                                 Date{2021, 6, 1}, 10);
                    !s)
                    return s;
            }
        return ok_status();
    }

    // Another municipality whose residents came: mostly of the same prefecture.
    const std::string& other_municipality(DemoRng& rng, OrgIndex pref) {
        if (rng.chance(20)) {
            auto it = municipalities_.begin();
            std::advance(it, rng.below(static_cast<std::uint32_t>(municipalities_.size())));
            return rng.pick(it->second);
        }
        return rng.pick(municipalities_[pref]);
    }

    // The doses a site gave in each month and form, from the deliveries of the rounds it had.
    struct SiteMonth {
        std::array<std::int64_t, 3> doses{};  // by ClaimForm
    };

    Status claims() {
        std::map<OrgIndex, std::map<YearMonth, SiteMonth>> given;
        for (const auto& d : deliveries_) {
            const ProductSpec* spec = world_.catalog().product_of(*d.round);
            if (!spec) continue;
            DemoRng rng(data_.seed ^ k_salt_claim ^ text_hash(d.round->code), d.site);
            const std::int64_t doses = d.boxes * spec->doses_per_box() * (70 + rng.below(26)) / 100;
            // Given in the delivery period's month (the periods are two weeks): one claim month
            // per delivery keeps the national history small.
            const YearMonth first = month_of(d.round->period_start);
            // 3rd doses (武田/モデルナ 3回目) from December 2021 are the additional-dose form.
            const bool third = d.round->product == VaccineProduct::takeda_moderna && first >= YearMonth{2021, 12};
            const ClaimForm form = third ? ClaimForm::additional
                                         : (first >= YearMonth{2021, 12} ? ClaimForm::new_form : ClaimForm::old_form);
            given[d.site][first].doses[static_cast<int>(form)] += doses;
        }
        for (const auto& [site, months] : given) {
            const Site& s = data_.sites[site_at_.at(site)];
            const OrgIndex pref = tree_.parent(tree_.parent(site));
            for (const auto& entry_month : months) {
                const YearMonth month = entry_month.first;  // a copy: lambdas below capture it
                const SiteMonth& m = entry_month.second;
                DemoRng rng(data_.seed ^ k_salt_claim, static_cast<std::uint64_t>(site) << 16 | (month.year - 2020) << 4 |
                                                          static_cast<std::uint64_t>(month.month));
                std::map<std::tuple<std::string, int, int>, ClaimCounts> lines;
                auto put = [&](const std::string& muni, ClaimForm f, RecipientCategory c, std::int64_t n) {
                    if (n <= 0) return;
                    ClaimCounts& x = lines[{muni, static_cast<int>(f), static_cast<int>(c)}];
                    if (month >= YearMonth{2021, 12}) {  // add-ons are claimed in V-SYS from December 2021
                        const std::int64_t holiday = n * 8 / 100, outside = n * 5 / 100;
                        x.holiday += holiday;
                        x.outside_hours += outside;
                        x.normal += n - holiday - outside;
                    } else {
                        x.normal += n;
                    }
                    x.pre_exam_only += n / 60;
                };
                for (int f = 0; f < 3; ++f) {
                    std::int64_t n = m.doses[f];
                    if (n <= 0) continue;
                    const auto form = static_cast<ClaimForm>(f);
                    if (form == ClaimForm::old_form && month <= YearMonth{2021, 8}) {  // 医療従事者等 first
                        const std::int64_t staff = n / 20;
                        put(s.municipality, form, RecipientCategory::no_coupon, staff);
                        n -= staff;
                    }
                    const std::int64_t own = n * (75 + rng.below(16)) / 100;
                    put(s.municipality, form, RecipientCategory::with_coupon, own);
                    std::int64_t rest = n - own;
                    for (std::uint32_t k = 1 + rng.below(3); k > 0 && rest > 0; --k) {
                        const std::int64_t part = k == 1 ? rest : rest * (30 + rng.below(40)) / 100;
                        put(other_municipality(rng, pref), form, RecipientCategory::with_coupon, part);
                        rest -= part;
                    }
                    // Late first and second doses beside the 3rd: the new form, own residents.
                    if (form == ClaimForm::additional)
                        put(s.municipality, ClaimForm::new_form, RecipientCategory::with_coupon, n / 12);
                }
                if (lines.empty()) continue;
                SiteClaim entry{s.code, s.municipality, month, {}};
                for (const auto& [k, c] : lines)
                    entry.lines.push_back({std::get<0>(k), static_cast<ClaimForm>(std::get<1>(k)),
                                           static_cast<RecipientCategory>(std::get<2>(k)), c});
                auto computed = compute_claim(entry, routing_, o_.today);
                if (!computed) return computed.error();
                std::vector<std::string> to;
                for (const auto& mc : municipality_claims(*computed))
                    for (auto& org : mc.addressed_to()) to.push_back(std::move(org));
                std::sort(to.begin(), to.end());
                to.erase(std::unique(to.begin(), to.end()), to.end());
                nlohmann::json body = to_json(entry);
                body["submitted"] = true;
                body["addressed_to"] = to;
                const Date sent = add_days(first_day(next_month(month)), 2 + rng.below(7));
                if (auto st = add(store_.successor(tree_.id(site), k_claim_kind, to_iso(month), std::move(body)), sent,
                                  9 + static_cast<int>(rng.below(8)));
                    !st)
                    return st;
                if (auto st = ticket_forms(entry, site, sent); !st) return st;
            }
        }
        return ok_status();
    }

    // The old form's 接種券付き予診票 column (R313, R533), entered with the month's claim and
    // sent with it.
    Status ticket_forms(const SiteClaim& entry, OrgIndex site, const Date& sent) {
        const auto counts = demo_ticket_forms(entry, data_.seed);
        if (counts.empty()) return ok_status();
        return add(store_.successor(tree_.id(site), k_ticket_forms_kind, to_iso(entry.month), ticket_forms_body(counts)),
                   sent, 9, 30);
    }

    // [SECTION] R505: the retired reservation function

    ReservationRow person_row(DemoRng& rng) {
        const auto& sur = rng.pick(demo_names::surnames());
        const auto& given = rng.pick(demo_names::given_names());
        ReservationRow r;
        r.name = std::string(sur.text) + " " + std::string(given.text);
        r.reading = std::string(sur.reading) + " " + std::string(given.reading);
        r.birth = Date{1930 + static_cast<int>(rng.below(80)), 1 + static_cast<int>(rng.below(12)),
                       1 + static_cast<int>(rng.below(28))};
        return r;
    }

    Status reservations() {
        // Sites that gave Pfizer doses in 2021 took reservations through V-SYS until it ended.
        std::map<OrgIndex, Date> first_day_of;
        for (const auto& d : deliveries_)
            if (d.round->product == VaccineProduct::pfizer_12) {
                auto [it, fresh] = first_day_of.emplace(d.site, d.round->period_start);
                if (!fresh) it->second = std::min(it->second, d.round->period_start);
            }
        const ReservationStatus after_first[] = {ReservationStatus::vaccinated, ReservationStatus::cancelled,
                                                 ReservationStatus::no_show};
        for (const auto& [site, start] : first_day_of) {
            const Site& s = data_.sites[site_at_.at(site)];
            DemoRng rng(data_.seed ^ k_salt_reservation, site);
            ReservationList list{s.code, s.municipality, {}};
            for (std::uint32_t n = 3 + rng.below(5); n > 0; --n) {
                ReservationRow p = person_row(rng);
                auto slot = [&]() {
                    const std::uint32_t half_hours = rng.below(16);  // 09:00 .. 16:30
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "%02u:%02u", 9 + half_hours / 2, half_hours % 2 * 30);
                    return std::string(buf);
                };
                ReservationRow one = p;
                one.date = add_days(start, rng.below(14));
                one.slot = slot();
                const std::uint32_t roll = rng.below(100);
                one.status = after_first[roll < 90 ? 0 : roll < 96 ? 1 : 2];
                list.rows.push_back(one);
                if (one.status != ReservationStatus::vaccinated) continue;
                ReservationRow two = p;
                two.date = add_days(one.date, 21);
                two.slot = slot();
                two.dose = 2;
                two.status = rng.chance(95) ? ReservationStatus::vaccinated : ReservationStatus::cancelled;
                list.rows.push_back(two);
                if (!rng.chance(20)) continue;  // a 3rd dose booked before the function ended
                ReservationRow three = p;
                three.date = Date{2022, 1, 10 + static_cast<int>(rng.below(22))};
                three.slot = slot();
                three.dose = 3;
                three.status = three.date >= Date{2022, 1, 25} ? ReservationStatus::reserved : ReservationStatus::vaccinated;
                list.rows.push_back(three);
            }
            std::stable_sort(list.rows.begin(), list.rows.end(), [](const ReservationRow& a, const ReservationRow& b) {
                return std::tie(a.date, a.slot) < std::tie(b.date, b.slot);
            });
            if (auto st = add(store_.successor("muni:" + s.municipality, k_reservations_kind, s.code, to_json(list)),
                              k_reservations_ended, 17);
                !st)
                return st;
        }
        return ok_status();
    }

    // [SECTION] Stock: receipts, transfers, wastage, counts (demo_history_stock.hpp)
    Status stock() {
        std::vector<StockHistoryDelivery> given;
        given.reserve(deliveries_.size());
        for (const auto& d : deliveries_) given.push_back({d.round, d.site, d.boxes});
        StockHistoryContext ctx;
        ctx.seed = data_.seed;
        ctx.tree = &tree_;
        ctx.catalog = &world_.catalog();
        ctx.today = o_.today;
        ctx.sites = &data_.sites;
        ctx.site_of = [this](OrgIndex i) -> const Site* {
            if (!wanted(i)) return nullptr;
            auto it = site_at_.find(i);
            return it == site_at_.end() ? nullptr : &data_.sites[it->second];
        };
        ctx.write = [this](const std::string& owner, const char* kind, const std::string& id, nlohmann::json body,
                           const Date& day, int hour, int minute) {
            return add(store_.successor(owner, kind, id, std::move(body)), day, hour, minute);
        };
        return demo_stock_history(ctx, given);
    }

    struct Given {
        const Round* round;
        OrgIndex site;
        std::int64_t boxes;
    };

    const DemoData& data_;
    const Hierarchy& tree_;
    std::optional<ChainWorld> own_world_;  // when the caller has none
    const ChainWorld& world_;
    const DemoHistoryOptions& o_;
    OrgIndex scope_ = k_no_org;
    DocumentStore store_;
    std::vector<DocumentVersion> out_;
    std::unordered_map<std::string_view, std::string_view> account_;  // org → V-SYS ID (into data)
    std::unordered_map<OrgIndex, std::size_t> site_at_;     // tree index → data.sites index
    std::vector<Given> deliveries_;                         // confirmed by ⑤, in rounds locked or later
    RoutingSettings routing_;
    std::map<OrgIndex, std::vector<std::string>> municipalities_;  // active ones per prefecture
};

}  // namespace

// [SECTION] Entry points

std::span<const DemoHistoryRound> demo_history_rounds() { return k_rounds; }

Result<std::vector<DocumentVersion>> demo_history_documents(const DemoData& data, const Hierarchy& tree,
                                                            const Catalog& catalog,
                                                            const DemoHistoryOptions& options) {
    return History(data, tree, catalog, options).run();
}

}  // namespace vsys
