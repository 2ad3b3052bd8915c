#include "core/allocation/chain_state.hpp"

#include "core/base/calendar.hpp"

namespace vsys {
namespace {

template <class Body, class Parse>
Result<std::optional<ChainDoc<Body>>> read_doc(const DocumentStore& store, std::string_view key, Parse parse) {
    auto heads = store.heads(key);
    if (heads.empty()) return std::optional<ChainDoc<Body>>();
    if (heads.size() > 1)
        return Error{"store.conflict", "the document has conflicting versions; resolve them first", {{"key", std::string(key)}}};
    auto body = parse(heads.front()->body);
    if (!body) return body.error();
    return std::optional<ChainDoc<Body>>(ChainDoc<Body>{heads.front(), std::move(*body)});
}

Error unknown_org(std::string_view org) {
    return Error{"chain.unknown_org", "unknown organisation", {{"org", std::string(org)}}};
}

// Progress of ②/③ for one prefecture and ④/⑤ for its municipalities (all or just `only`).
struct PrefectureScan {
    bool registered = false, stale = false, locked = false;
    std::int64_t munis = 0, muni_registered = 0, muni_stale = 0, muni_locked = 0;
    std::optional<std::int64_t> muni_amount;  // of `only`
};

void note_conflict(const DocumentStore& store, const std::string& key, std::vector<std::string>& conflicts) {
    if (store.heads(key).size() > 1) conflicts.push_back(key);
}

PrefectureScan scan_prefecture(const ChainWorld& world, const DocumentStore& store, const Round& round,
                               OrgIndex pref, const std::optional<std::int64_t>& pref_amount, OrgIndex only,
                               std::vector<std::string>& conflicts) {
    const auto& h = world.hierarchy();
    PrefectureScan s;
    const std::string& pref_id = h.id(pref);
    auto two_key = allocation_key(pref_id, round.code);
    note_conflict(store, two_key, conflicts);
    auto two = read_amounts(store, two_key);
    std::optional<AmountsBody> two_body;
    if (two && *two) {
        s.registered = true;
        s.stale = !pref_amount || (*two)->body.amount != *pref_amount;
        s.locked = !s.stale && nation_locked(store, round.code, pref_id);
        two_body = (*two)->body;
    }
    auto five_key = prefecture_lock_key(round.code, pref_id);
    note_conflict(store, five_key, conflicts);
    auto five = read_lock(store, five_key);
    for (OrgIndex m : world.split_children(pref, round.product)) {
        if (only != k_no_org && m != only) continue;
        ++s.munis;
        std::optional<std::int64_t> amount;
        if (two_body) amount = two_body->boxes_of(h.id(m));
        if (m == only) s.muni_amount = amount;
        auto four_key = allocation_key(h.id(m), round.code);
        note_conflict(store, four_key, conflicts);
        auto four = read_site_amounts(store, four_key);
        if (!four || !*four) continue;
        bool stale = !amount || (*four)->body.amount != *amount;
        (stale ? s.muni_stale : s.muni_registered) += 1;
        const LockEntry* e = five && *five ? (*five)->body.entry_of(h.id(m)) : nullptr;
        if (!stale && e && e->hash == (*four)->version->hash) ++s.muni_locked;
    }
    return s;
}

std::int64_t site_request(const ChainWorld& world, const DocumentStore& store, const Round& round, OrgIndex site,
                          bool& reported) {
    reported = false;
    auto r = read_request(store, request_key(world.hierarchy().id(site), round.code));
    if (!r || !*r || (*r)->body.product != round.product || (*r)->body.round != round.code) return 0;
    reported = true;
    return (*r)->body.boxes;
}

RequestTotals totals_of(const ChainWorld& world, const DocumentStore& store, const Round& round, OrgIndex org) {
    RequestTotals t;
    t.org = world.hierarchy().id(org);
    t.name = world.facts(org).name;
    for (OrgIndex s : world.requesting_sites(org, round.product)) {
        bool reported = false;
        t.boxes += site_request(world, store, round, s, reported);
        t.reported += reported;
        ++t.sites;
    }
    return t;
}

}  // namespace

RoundState round_state(const DocumentStore& store, const Round& r) {
    auto doc = read_doc<RoundStateBody>(store, round_key(r.code), round_state_from_json);
    return doc && *doc && (*doc)->body.round == r.code ? (*doc)->body.state : r.state;
}

std::vector<const Round*> listed_rounds(const ChainWorld& world, const DocumentStore& store, const Date& today) {
    std::vector<const Round*> out;
    for (const auto& r : world.catalog().rounds())
        if (round_listed(r, round_state(store, r), today)) out.push_back(&r);
    return out;
}

Result<const Round*> accessible_round(const ChainWorld& world, const DocumentStore& store, std::string_view code,
                                      const Date& today) {
    const Round* r = world.catalog().find_round(code);
    if (!r) return Error{"chain.unknown_round", "unknown round", {{"round", std::string(code)}}};
    if (!round_listed(*r, round_state(store, *r), today))
        return Error{"chain.no_access", "this round is not open to you (closed or not listed)", {{"round", r->code}}};
    return r;
}

Result<std::optional<ChainDoc<RequestBody>>> read_request(const DocumentStore& store, std::string_view key) {
    return read_doc<RequestBody>(store, key, request_from_json);
}
Result<std::optional<ChainDoc<AmountsBody>>> read_amounts(const DocumentStore& store, std::string_view key) {
    return read_doc<AmountsBody>(store, key, amounts_from_json);
}
Result<std::optional<ChainDoc<SiteAmountsBody>>> read_site_amounts(const DocumentStore& store, std::string_view key) {
    return read_doc<SiteAmountsBody>(store, key, site_amounts_from_json);
}
Result<std::optional<ChainDoc<LockBody>>> read_lock(const DocumentStore& store, std::string_view key) {
    return read_doc<LockBody>(store, key, lock_from_json);
}

bool nation_locked(const DocumentStore& store, std::string_view round, std::string_view prefecture) {
    auto two = store.current(allocation_key(prefecture, round));
    auto lock = read_lock(store, nation_lock_key(round, prefecture));
    if (!two || !lock || !*lock) return false;
    const LockEntry* e = (*lock)->body.entry_of(prefecture);
    return e && e->hash == two->hash;
}

bool prefecture_locked(const DocumentStore& store, std::string_view round, std::string_view municipality,
                       std::string_view prefecture) {
    auto four = store.current(allocation_key(municipality, round));
    auto lock = read_lock(store, prefecture_lock_key(round, prefecture));
    if (!four || !lock || !*lock) return false;
    const LockEntry* e = (*lock)->body.entry_of(municipality);
    return e && e->hash == four->hash;
}

std::set<std::string> prefecture_locked_municipalities(const DocumentStore& store, std::string_view round,
                                                       std::string_view prefecture) {
    std::set<std::string> out;
    auto lock = read_lock(store, prefecture_lock_key(round, prefecture));
    if (!lock || !*lock) return out;
    for (const auto& e : (*lock)->body.entries)
        if (const auto* four = store.current(allocation_key(e.org, round)); four && four->hash == e.hash) out.insert(e.org);
    return out;
}

Result<ChainState> chain_state(const ChainWorld& world, const DocumentStore& store, std::string_view round_code,
                               std::string_view org, const Date& today) {
    const Round* round = world.catalog().find_round(round_code);
    if (!round) return Error{"chain.unknown_round", "unknown round", {{"round", std::string(round_code)}}};
    const auto& h = world.hierarchy();
    OrgIndex o = h.find(org);
    if (o == k_no_org) return unknown_org(org);
    auto level = h.level(o);
    if (level != OrgLevel::nation && level != OrgLevel::prefecture && level != OrgLevel::municipality &&
        level != OrgLevel::site && level != OrgLevel::venue)
        return unknown_org(org);

    ChainState st;
    st.round = round->code;
    st.round_state = round_state(store, *round);
    st.listed = round_listed(*round, st.round_state, today);
    st.requests_open = requests_open(*round, st.round_state, today);

    auto one_key = allocation_key("nation", round->code);
    note_conflict(store, one_key, st.conflicts);
    auto one = read_amounts(store, one_key);
    std::optional<AmountsBody> one_body;
    if (one && *one) one_body = (*one)->body;

    // The prefecture (and municipality) whose steps this organisation follows.
    OrgIndex muni = k_no_org, site = k_no_org;
    if (level == OrgLevel::site || level == OrgLevel::venue) site = o, muni = h.parent(o);
    if (level == OrgLevel::municipality) muni = o;
    OrgIndex pref = muni != k_no_org ? h.parent(muni) : (level == OrgLevel::prefecture ? o : k_no_org);

    std::vector<OrgIndex> prefs;
    if (pref != k_no_org) prefs.push_back(pref);
    else prefs = world.split_children(Hierarchy::nation(), round->product);
    st.nation_amounts.of = 1;
    if (pref == k_no_org) st.nation_amounts.done = one_body.has_value();
    for (OrgIndex p : prefs) {
        std::optional<std::int64_t> pref_amount;
        if (one_body) pref_amount = one_body->boxes_of(h.id(p));
        if (pref != k_no_org) {
            st.nation_amounts.done = pref_amount.has_value();
            if (level == OrgLevel::prefecture) st.amount = pref_amount;
        }
        auto s = scan_prefecture(world, store, *round, p, pref_amount, muni, st.conflicts);
        ++st.municipality_amounts.of;
        ++st.nation_locks.of;
        (s.stale ? st.municipality_amounts.stale : st.municipality_amounts.done) += s.registered;
        st.nation_locks.done += s.locked;
        st.site_amounts.of += s.munis;
        st.site_amounts.done += s.muni_registered;
        st.site_amounts.stale += s.muni_stale;
        st.prefecture_locks.of += s.munis;
        st.prefecture_locks.done += s.muni_locked;
        if (level == OrgLevel::municipality) st.amount = s.muni_amount;
    }
    if (site != k_no_org) {
        auto four = read_site_amounts(store, allocation_key(h.id(muni), round->code));
        if (four && *four)
            if (const Delivery* d = (*four)->body.delivery_of(h.id(site))) st.amount = d->boxes;
    }
    return st;
}

Result<RequestTotals> request_totals(const ChainWorld& world, const DocumentStore& store, std::string_view round_code,
                                     std::string_view org) {
    const Round* round = world.catalog().find_round(round_code);
    if (!round) return Error{"chain.unknown_round", "unknown round", {{"round", std::string(round_code)}}};
    OrgIndex o = world.hierarchy().find(org);
    if (o == k_no_org) return unknown_org(org);
    return totals_of(world, store, *round, o);
}

Result<std::vector<RequestTotals>> request_totals_by_child(const ChainWorld& world, const DocumentStore& store,
                                                           std::string_view round_code, std::string_view org) {
    const Round* round = world.catalog().find_round(round_code);
    if (!round) return Error{"chain.unknown_round", "unknown round", {{"round", std::string(round_code)}}};
    OrgIndex o = world.hierarchy().find(org);
    if (o == k_no_org) return unknown_org(org);
    std::vector<RequestTotals> out;
    for (OrgIndex c : world.split_children(o, round->product)) out.push_back(totals_of(world, store, *round, c));
    return out;
}

Result<std::vector<DeliveryOrder>> delivery_orders(const ChainWorld& world, const DocumentStore& store,
                                                   std::string_view round_code, std::string_view org) {
    const Round* round = world.catalog().find_round(round_code);
    if (!round) return Error{"chain.unknown_round", "unknown round", {{"round", std::string(round_code)}}};
    const auto& h = world.hierarchy();
    OrgIndex o = h.find(org);
    if (o == k_no_org) return unknown_org(org);
    const ProductSpec* spec = world.catalog().product_of(*round);
    std::vector<DeliveryOrder> out;
    OrgIndex end = o + h.subtree_size(o);
    for (OrgIndex m = o; m < end; ++m) {
        OrgIndex muni = h.level(m) == OrgLevel::municipality ? m : k_no_org;
        if (muni == k_no_org && (h.level(m) == OrgLevel::site || h.level(m) == OrgLevel::venue) && m == o)
            muni = h.parent(m);
        if (muni == k_no_org) continue;
        const std::string& muni_id = h.id(muni);
        if (!prefecture_locked(store, round->code, muni_id, h.id(h.parent(muni)))) continue;
        auto four = read_site_amounts(store, allocation_key(muni_id, round->code));
        if (!four || !*four) continue;
        for (const auto& d : (*four)->body.deliveries) {
            OrgIndex s = h.find(d.site);
            if (s == k_no_org || !h.in_subtree(s, o)) continue;
            if (d.boxes == 0 && d.needle_boxes == 0 && d.syringe_boxes == 0) continue;
            DeliveryOrder order{round->code, round->product, d.site, world.facts(s).name, muni_id, d, 0, 0,
                                (*four)->version->hash};
            if (spec) {
                order.vials = d.boxes * spec->vials_per_box;
                order.doses = order.vials * spec->doses_per_vial;
            }
            out.push_back(std::move(order));
        }
    }
    return out;
}

}  // namespace vsys
