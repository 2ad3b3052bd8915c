// The device's stock documents read into a StockWorld (parsed once per version, replayed when
// stock changed), and the typed views of a site's
// stock and of a requester's stock requests (stock_app.hpp).
//
// [SECTION] Parsing each stock version once
// [SECTION] Today, the world and the sites' categories
// [SECTION] A site's stock (StockSiteView)
// [SECTION] Transfer targets
// [SECTION] Stock requests: the sites asked and who answered
// [SECTION] Reasons and the dated transfer cap (data for the screens)
#include "app/stock/stock_app.hpp"

#include <algorithm>
#include <unordered_set>

#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/site/site_app.hpp"
#include "core/allocation/chain_state.hpp"
#include "core/base/utc_text.hpp"
#include "sync/utc_time.hpp"

namespace vsys {

namespace {

constexpr sync::UtcTime k_japan_offset = 9 * 3600;

}  // namespace

bool later_answer(const StockAnswer& a, const StockAnswer& b) {
    if (a.date != b.date) return a.date > b.date;
    if (a.time != b.time) return a.time > b.time;
    return a.key > b.key;
}

// One stock version as read once: its request, its answer, its ledger events.
struct ParsedStockVersion {
    bool ok = true;
    std::optional<StockRequestInfo> request;
    std::optional<StockAnswer> answer;
    std::optional<std::int64_t> entered;
    bool events_read = false;
    std::vector<StockEvent> events;
};

// [SECTION] Parsing each stock version once
namespace {

// The world kept beside the directory (App::derived), with every version parsed so far.
struct StockCache {
    struct Key {
        std::uint64_t changes = 0, epoch = 0;
        bool purge_active = false, purge_notice = false;
        friend bool operator==(const Key&, const Key&) = default;
    };
    mutable std::shared_ptr<const StockWorld> world;
    mutable Key key;
    mutable std::unordered_map<std::string, std::shared_ptr<ParsedStockVersion>> parsed;  // by version hash
};

constexpr const char* k_stock_kinds[] = {k_stock_receipt_kind, k_stock_transfer_kind, k_stock_transfer_answer_kind,
                                         k_stock_wastage_kind,  k_stock_count_kind,    k_stock_request_kind};

std::shared_ptr<ParsedStockVersion> parse_version(const std::string& key, const DocumentVersion& v) {
    auto p = std::make_shared<ParsedStockVersion>();
    p->entered = utc_seconds(v.time);
    if (v.kind == k_stock_request_kind) {
        auto doc = stock_request_from_json(v.body);
        if (doc) p->request = StockRequestInfo{key, v.owner, v.time, std::move(*doc)};
        else p->ok = false;
    } else if (v.kind == k_stock_count_kind && v.body.contains("request")) {
        // An answer is a count naming a request (an upper level reads nothing else).
        auto count = count_from_json(v.body);
        if (count && !count->request.empty())
            p->answer = StockAnswer{key, v.owner, std::move(count->request), count->date, v.time, std::move(count->lines)};
        else if (!count) p->ok = false;
    }
    return p;
}

std::shared_ptr<const StockWorld> build_world(App& app, const StockCache& cache, bool purge_active, bool purge_notice,
                                              bool with_ledger) {
    auto w = std::make_shared<StockWorld>();
    const StockRules& rules = StockRules::builtin();
    w->has_ledger = with_ledger;
    w->purge_active = purge_active;
    w->purge_notice = purge_notice;
    w->revision = app.revision();
    std::vector<StockEvent> events;
    std::size_t current = 0;  // stock versions seen: the cache is swept when it holds far more
    w->answers.reserve(cache.parsed.size());
    w->parsed.reserve(cache.parsed.size());
    w->latest.reserve(cache.parsed.size());
    app.store().for_each_current([&](const std::string& key, const DocumentVersion& v) {
        if (v.kind.size() < 6 || v.kind.compare(0, 6, "stock_") != 0) return;
        if (v.kind != k_stock_request_kind && !is_stock_event_kind(v.kind)) return;
        ++current;
        std::shared_ptr<ParsedStockVersion>& p = cache.parsed[v.hash];
        if (!p) p = parse_version(key, v);
        if (with_ledger && !p->events_read && v.kind != k_stock_request_kind) {
            auto evs = stock_events_of(v);
            if (evs) p->events = std::move(*evs);
            else p->ok = false;
            p->events_read = true;
        }
        if (!p->ok) {
            ++w->malformed;
            return;
        }
        w->parsed.push_back(p);
        if (p->request) w->requests.push_back(*p->request);
        if (v.kind == k_stock_receipt_kind) w->receipts[v.owner].insert(v.id);
        if (p->answer && !(purge_active && p->entered && *p->entered < rules.purge().cutoff_unix)) {
            const StockAnswer* a = &*p->answer;
            w->answers.push_back(a);
            const StockAnswer*& best = w->latest[{a->request, a->site}];
            if (!best || later_answer(*a, *best)) best = a;
        }
        if (with_ledger) events.insert(events.end(), p->events.begin(), p->events.end());
    });
    // Versions replaced or removed since: dropped once they are as many as the current ones.
    if (cache.parsed.size() > 2 * current + 64) {
        std::unordered_set<const ParsedStockVersion*> live;
        for (const auto& p : w->parsed) live.insert(p.get());
        for (auto it = cache.parsed.begin(); it != cache.parsed.end();)
            it = live.count(it->second.get()) ? std::next(it) : cache.parsed.erase(it);
    }
    if (with_ledger) {
        ReplayOptions options;
        options.lines = true;
        if (purge_active) options.now_unix = app.now();
        w->ledger = replay_stock(rules, std::move(events), options);
    }
    std::sort(w->requests.begin(), w->requests.end(), [](const StockRequestInfo& a, const StockRequestInfo& b) {
        if (a.doc.issued != b.doc.issued) return a.doc.issued > b.doc.issued;
        return a.key > b.key;
    });
    return w;
}

// [SECTION] Today, the world and the sites' categories
std::string code_of_org(const std::string& org) {
    const auto c = org.find(':');
    return c == std::string::npos ? std::string() : org.substr(c + 1);
}

bool handles_any(VaccineCategories cats, VaccineProducts products) {
    for (int i = 0; i < VaccineCategories::size; ++i) {
        const auto c = static_cast<VaccineCategory>(i);
        if (cats.has(c) && products.has(product_of(c))) return true;
    }
    return false;
}

}  // namespace

Date stock_today(const App& app) {
    auto d = parse_iso_date(sync::utc_day(app.now() + k_japan_offset));
    return d ? *d : Date{};
}

const StockRequestInfo* StockWorld::find_request(std::string_view key) const {
    for (const auto& r : requests)
        if (r.key == key) return &r;
    return nullptr;
}

const StockAnswer* StockWorld::answer_of(std::string_view request, std::string_view site) const {
    auto it = latest.find({request, site});
    return it == latest.end() ? nullptr : it->second;
}

const StockWorld& stock_world(App& app, StockNeeds needs) { return *stock_world_shared(app, needs); }

std::shared_ptr<const StockWorld> stock_world_shared(App& app, StockNeeds needs) {
    const auto& cache = app.derived<StockCache>([] { return std::make_unique<StockCache>(); });
    const PurgeRule& purge = StockRules::builtin().purge();
    const sync::UtcTime now = app.now();
    StockCache::Key key;
    for (const char* kind : k_stock_kinds) key.changes += app.store().kind_changes(kind);
    key.epoch = app.session_epoch();  // a reset of the local data starts the counts again
    key.purge_active = now >= purge.cutoff_unix;
    key.purge_notice = !key.purge_active &&
                       now >= purge.cutoff_unix - static_cast<sync::UtcTime>(purge.notice_days) * 86400;
    const bool with_ledger = needs == StockNeeds::ledger;
    if (!cache.world || !(cache.key == key) || (with_ledger && !cache.world->has_ledger)) {
        cache.world = build_world(app, cache, key.purge_active, key.purge_notice, with_ledger);
        cache.key = key;
    }
    return cache.world;
}

SiteCategoriesLookup stock_categories(App& app) {
    return [&app](std::string_view org) -> std::optional<VaccineCategories> {
        OrgRole role;
        if (!role_of_org(org, role) || (role != OrgRole::site && role != OrgRole::venue)) return std::nullopt;
        auto site = site_as_it_stands(app, code_of_org(std::string(org)));
        if (!site) return std::nullopt;
        return site->vaccines;
    };
}

// [SECTION] A site's stock (StockSiteView)
Result<StockSiteView> stock_site_view(App& app, const std::string& site_code) {
    auto site = site_as_it_stands(app, site_code);
    if (!site) return site.error();
    const StockRules& rules = StockRules::builtin();
    auto shared = stock_world_shared(app);
    const StockWorld& w = *shared;
    StockSiteView v;
    v.world = shared;
    v.purge_active = w.purge_active;
    v.purge_notice = w.purge_notice;
    v.purge_cutoff = sync::format_utc(rules.purge().cutoff_unix);
    v.org = site_org_id(*site);
    v.code = site->code;
    v.name = site->name;
    v.categories = site->vaccines;
    v.today = stock_today(app);
    for (const LotBalance* lot : w.ledger.lots_of(v.org)) {
        StockLotView l;
        l.lot = lot;
        if (lot->expiry) {
            l.effective_expiry =
                effective_expiry(rules, lot->product, *lot->expiry, lot->expiry_basis.value_or(*lot->expiry), v.today);
            l.days_left = days_since_epoch(l.effective_expiry) - days_since_epoch(v.today);
        }
        l.doses = stock_doses(rules, lot->product, DoseKind::primary, std::max<std::int64_t>(lot->on_hand, 0), v.today);
        l.booster_doses = stock_doses(rules, lot->product, DoseKind::booster, std::max<std::int64_t>(lot->on_hand, 0), v.today);
        v.conflicts += lot->conflict;
        v.lots.push_back(l);
    }
    for (const auto& t : w.ledger.in_transit) {
        if (t.from == v.org) v.outgoing.push_back(&t);
        if (t.to == v.org) {
            TransferToAnswer a;
            a.transfer = w.ledger.find_event(t.transfer);
            if (!a.transfer) continue;
            a.from_name = app.directory().org_name(t.from);
            if (const auto* c = rules.find_condition(a.transfer->condition))
                a.condition_name = app.language() == Language::en ? c->name_en : c->name_ja;
            if (a.transfer->expiry)
                a.effective_expiry = effective_expiry(rules, a.transfer->product, *a.transfer->expiry,
                                                      a.transfer->expiry_basis.value_or(*a.transfer->expiry), v.today);
            v.incoming.push_back(a);
        }
    }
    // ⑤ deliveries not yet confirmed (受入), newest round first.
    const ChainWorld& world = allocation_world(app);
    const auto confirmed = w.receipts.find(v.org);
    const auto& rounds = world.catalog().rounds();
    for (auto r = rounds.rbegin(); r != rounds.rend(); ++r) {
        if (confirmed != w.receipts.end() && confirmed->second.count(r->code)) continue;
        auto orders = delivery_orders(world, app.store(), r->code, v.org);
        if (!orders) continue;
        for (const auto& o : *orders) {
            if (o.site != v.org || o.delivery.boxes <= 0) continue;
            v.deliveries.push_back({r->code, r->name, r->product, o.delivery.boxes, o.vials});
        }
    }
    // Stock requests reaching the site: open ones (not answered) first, newest first.
    const Directory& dir = app.directory();
    for (const auto& r : w.requests) {
        if (!dir.in_subtree(v.org, r.owner) || !handles_any(v.categories, r.doc.products)) continue;
        SiteStockRequest s;
        s.request = &r;
        s.requester_name = dir.org_name(r.owner);
        s.answer = w.answer_of(r.key, v.org);
        s.overdue = !s.answer && v.today > r.doc.due;
        v.requests.push_back(s);
    }
    std::stable_partition(v.requests.begin(), v.requests.end(), [](const SiteStockRequest& s) { return !s.answer; });
    // The ledger and the trend per product (on hand after the last event of each day).
    std::map<VaccineProduct, std::int64_t> running;
    for (const auto& line : w.ledger.lines) {
        if (line.site != v.org) continue;
        v.lines.push_back(&line);
        const StockEvent& e = *line.event;
        std::int64_t& total = running[e.product];
        total += line.change;
        auto& points = v.trend[e.product];
        if (!points.empty() && points.back().date == e.date) points.back().vials = total;
        else points.push_back({e.date, total});
    }
    for (const auto& e : w.ledger.purged)
        if (e.site == v.org) v.purged.push_back(&e);
    return v;
}

// [SECTION] Transfer targets
std::vector<TransferTarget> transfer_targets(App& app, const std::string& site_code, VaccineProduct product) {
    std::vector<TransferTarget> out;
    auto site = site_as_it_stands(app, site_code);
    if (!site) return out;
    const StockRules& rules = StockRules::builtin();
    const auto from = category_for_product(site->vaccines, product);
    std::set<std::string> seen{site->code};
    auto add = [&](const std::string& code) {
        if (!seen.insert(code).second) return;
        auto s = site_as_it_stands(app, code);
        if (!s) return;
        TransferTarget t;
        t.code = s->code;
        t.org = site_org_id(*s);
        t.name = s->name;
        t.categories = s->vaccines;
        t.category = category_for_product(s->vaccines, product);
        t.allowed = from && t.category && rules.matrix_allows(*from, *t.category);
        out.push_back(std::move(t));
    };
    // The cold chain's own links first: the site's hub and the hub's satellites.
    const std::string hub = site->hub.empty() ? site->code : site->hub;
    if (!site->hub.empty()) add(site->hub);
    const Directory& dir = app.directory();
    for (const Site& s : dir.demo().sites)
        if (s.hub == hub) add(s.code);
    // Then the sites of its municipality.
    const Hierarchy& tree = dir.tree();
    const OrgIndex muni = tree.find("muni:" + site->municipality);
    if (muni != k_no_org)
        for (OrgIndex i = muni; i < muni + tree.subtree_size(muni); ++i) {
            const OrgLevel level = tree.level(i);
            if (level == OrgLevel::site || level == OrgLevel::venue) add(std::string(tree.code(i)));
        }
    return out;
}

// [SECTION] Stock requests: the sites asked and who answered
std::vector<std::string> request_sites(App& app, const std::string& org, VaccineProducts products) {
    std::vector<std::string> out;
    const ChainWorld& world = allocation_world(app);
    const Hierarchy& tree = world.hierarchy();
    const OrgIndex root = tree.find(org);
    if (root == k_no_org) return out;
    for (OrgIndex i = root; i < root + tree.subtree_size(root); ++i) {
        const OrgLevel level = tree.level(i);
        if ((level == OrgLevel::site || level == OrgLevel::venue) && tree.active(i) &&
            handles_any(world.facts(i).vaccines, products))
            out.push_back(tree.id(i));
    }
    return out;
}

Result<std::vector<RequestProgress>> stock_requests_of(App& app, const std::string& org) {
    const StockWorld& w = stock_world(app, StockNeeds::answers);
    const ChainWorld& world = allocation_world(app);
    const Hierarchy& tree = world.hierarchy();
    if (tree.find(org) == k_no_org) return Error{"stock.unknown_org", "unknown organisation", {{"org", org}}};
    std::vector<RequestProgress> out;
    for (const auto& r : w.requests) {
        if (r.owner != org) continue;
        RequestProgress p;
        p.request = &r;
        for (const std::string& site : request_sites(app, org, r.doc.products)) {
            const OrgIndex i = tree.find(site);
            RequestSiteRow row;
            row.org = site;
            row.code = std::string(tree.code(i));
            row.name = world.facts(i).name;
            row.municipality = world.facts(tree.parent(i)).name;
            row.answer = w.answer_of(r.key, site);
            if (row.answer)
                for (const auto& line : row.answer->lines) row.vials[line.product] += line.vials;
            p.answered += row.answer != nullptr;
            p.rows.push_back(std::move(row));
        }
        p.sites = static_cast<std::int64_t>(p.rows.size());
        std::stable_partition(p.rows.begin(), p.rows.end(), [](const RequestSiteRow& row) { return !row.answer; });
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace vsys

// [SECTION] Reasons and the dated transfer cap (data for the screens)
namespace vsys {

std::vector<StockChoice> stock_reasons(const App& app, ReasonList list) {
    std::vector<StockChoice> out;
    const bool en = app.language() == Language::en;
    for (const StockReason* r : StockRules::builtin().reasons(list)) out.push_back({r->id, en ? r->name_en : r->name_ja, r->needs});
    return out;
}

std::vector<StockChoice> stock_conditions(const App& app, VaccineProduct product, VaccineCategories receiver,
                                          const Date& on) {
    std::vector<StockChoice> out;
    const bool en = app.language() == Language::en;
    for (const TransferCondition* c : StockRules::builtin().conditions_for(product, receiver, on))
        out.push_back({c->id, en ? c->name_en : c->name_ja});
    return out;
}

std::optional<TransferCapInfo> stock_transfer_cap(const Date& on) {
    const TransferCap* cap = StockRules::builtin().cap_on(on);
    if (!cap || !cap->max_vials) return std::nullopt;
    return TransferCapInfo{*cap->max_vials, cap->valid_to};
}

}  // namespace vsys
