// The builders: assemble the next version of the owner's document from the user's input and the
// levels above, then run the same validation a received version gets.
#include "core/allocation/chain_commands.hpp"

#include <algorithm>
#include <set>

#include "core/allocation/chain_detail.hpp"

namespace vsys {
namespace {

using namespace chain_detail;

Result<DocumentVersion> finish(const ChainWorld& w, const DocumentStore& s, Result<DocumentVersion> v, const Date& today) {
    if (!v) return v;
    if (auto st = validate_chain_version(w, s, *v, today); !st) return st.error();
    return v;
}

Result<OrgIndex> org_at(const ChainWorld& w, std::string_view org, OrgLevel level) {
    OrgIndex o = w.hierarchy().find(org);
    if (o == k_no_org) return Error{"chain.unknown_org", "unknown organisation", {{"org", std::string(org)}}};
    if (w.hierarchy().level(o) != level)
        return org_error(w, "chain.wrong_level", "this organisation does not write this document", org,
                         {{"kind", org_level_id(level)}});
    return o;
}

// Sorted by org, no duplicates, every number in range.
template <class Row, class Key>
Status normalise(std::vector<Row>& rows, Key key) {
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return key(a) < key(b); });
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (key(rows[i]) == key(rows[i - 1]))
            return Error{"chain.duplicate_child", "an organisation appears twice", {{"child", key(rows[i])}}};
    return ok_status();
}

Status check_amounts(AmountsBody& body) {
    if (auto s = normalise(body.shares, [](const Share& x) { return x.org; }); !s) return s;
    for (const auto& x : body.shares)
        if (auto s = boxes_in_range(x.boxes, x.org); !s) return s;
    return boxes_in_range(body.unallocated, "unallocated");
}

// The current entries of a lock document, or none.
Result<std::vector<LockEntry>> lock_entries(const DocumentStore& s, const std::string& key) {
    auto lock = read_lock(s, key);
    if (!lock) return lock.error();
    return *lock ? (*lock)->body.entries : std::vector<LockEntry>{};
}

}  // namespace

Result<DocumentVersion> build_request(const ChainWorld& world, const DocumentStore& store, std::string_view site,
                                      std::string_view round, std::int64_t boxes, const Date& today) {
    if (auto s = boxes_in_range(boxes, "boxes"); !s) return s.error();
    auto r = accessible_round(world, store, round, today);
    if (!r) return r.error();
    RequestBody body{(*r)->code, (*r)->product, boxes};
    return finish(world, store, store.successor(std::string(site), k_request_kind, body.round, request_to_json(body)), today);
}

Result<DocumentVersion> build_round_state(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                                          RoundState state, const Date& today) {
    RoundStateBody body{std::string(round), state};
    if (!world.catalog().find_round(round))
        return Error{"chain.unknown_round", "unknown round", {{"round", std::string(round)}}};
    return finish(world, store, store.successor("nation", k_round_kind, body.round, round_state_to_json(body)), today);
}

Result<DocumentVersion> build_nation_amounts(const ChainWorld& world, const DocumentStore& store,
                                             std::string_view round, AmountsBody body, const Date& today) {
    if (auto s = check_amounts(body); !s) return s.error();
    body.round = std::string(round);
    body.amount = body.sum() + body.unallocated;
    if (auto s = boxes_in_range(body.amount, "amount"); !s) return s.error();
    return finish(world, store, store.successor("nation", k_allocation_kind, body.round, amounts_to_json(body)), today);
}

Result<DocumentVersion> build_municipality_amounts(const ChainWorld& world, const DocumentStore& store,
                                                   std::string_view round, std::string_view prefecture,
                                                   AmountsBody body, const Date& today) {
    if (auto o = org_at(world, prefecture, OrgLevel::prefecture); !o) return o.error();
    if (auto s = check_amounts(body); !s) return s.error();
    body.round = std::string(round);
    auto one = read_amounts(store, allocation_key("nation", round));
    if (!one) return one.error();
    body.amount = *one ? (*one)->body.boxes_of(prefecture).value_or(0) : 0;
    return finish(world, store,
                  store.successor(std::string(prefecture), k_allocation_kind, body.round, amounts_to_json(body)), today);
}

Result<DocumentVersion> build_nation_lock(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                                          std::string_view prefecture, const Date& today) {
    if (auto o = org_at(world, prefecture, OrgLevel::prefecture); !o) return o.error();
    LockBody body{std::string(round), std::string(prefecture), LockStep::municipality_amounts, {}, false, {}, {}};
    auto two = read_amounts(store, allocation_key(prefecture, round));
    if (!two) return two.error();
    if (*two) body.entries.push_back({body.prefecture, (*two)->version->hash});
    else  // ask the validation to name the missing step in its own words
        body.entries.push_back({body.prefecture, std::string()});
    body.changed = {body.prefecture};
    auto old = lock_entries(store, nation_lock_key(round, prefecture));
    if (!old) return old.error();
    if (!old->empty() && old->front().hash == body.entries.front().hash)
        return org_error(world, "chain.already_locked", "this is locked already", prefecture);
    return finish(world, store,
                  store.successor("nation", k_lock_kind, nation_lock_id(round, prefecture), lock_to_json(body)), today);
}

Result<DocumentVersion> build_nation_unlock(const ChainWorld& world, const DocumentStore& store,
                                            std::string_view round, std::string_view prefecture, std::string reason,
                                            const Date& today) {
    if (auto o = org_at(world, prefecture, OrgLevel::prefecture); !o) return o.error();
    auto old = lock_entries(store, nation_lock_key(round, prefecture));
    if (!old) return old.error();
    if (old->empty()) return org_error(world, "chain.not_locked", "nothing here is locked", prefecture);
    LockBody body{std::string(round), std::string(prefecture), LockStep::municipality_amounts, {}, true,
                  {std::string(prefecture)}, std::move(reason)};
    return finish(world, store,
                  store.successor("nation", k_lock_kind, nation_lock_id(round, prefecture), lock_to_json(body)), today);
}

Result<DocumentVersion> build_site_amounts(const ChainWorld& world, const DocumentStore& store, std::string_view round,
                                           std::string_view municipality, SiteAmountsBody body, const Date& today) {
    auto o = org_at(world, municipality, OrgLevel::municipality);
    if (!o) return o.error();
    if (auto s = normalise(body.deliveries, [](const Delivery& d) { return d.site; }); !s) return s.error();
    for (const auto& d : body.deliveries)
        for (auto n : {d.boxes, d.needle_boxes, d.syringe_boxes})
            if (auto s = boxes_in_range(n, d.site); !s) return s.error();
    if (auto s = boxes_in_range(body.unallocated, "unallocated"); !s) return s.error();
    body.round = std::string(round);
    const std::string& pref = world.hierarchy().id(world.hierarchy().parent(*o));
    auto two = read_amounts(store, allocation_key(pref, round));
    if (!two) return two.error();
    body.amount = *two ? (*two)->body.boxes_of(municipality).value_or(0) : 0;
    return finish(world, store,
                  store.successor(std::string(municipality), k_allocation_kind, body.round, site_amounts_to_json(body)),
                  today);
}

Result<DocumentVersion> build_prefecture_lock(const ChainWorld& world, const DocumentStore& store,
                                              std::string_view round, std::string_view prefecture,
                                              const std::vector<std::string>& municipalities, const Date& today) {
    auto o = org_at(world, prefecture, OrgLevel::prefecture);
    if (!o) return o.error();
    const Round* r = world.catalog().find_round(round);
    if (!r) return Error{"chain.unknown_round", "unknown round", {{"round", std::string(round)}}};
    auto key = prefecture_lock_key(round, prefecture);
    auto old = lock_entries(store, key);
    if (!old) return old.error();
    std::vector<std::string> named = municipalities;
    if (named.empty())
        for (OrgIndex m : world.split_children(*o, r->product)) named.push_back(world.hierarchy().id(m));
    LockBody body{std::string(round), std::string(prefecture), LockStep::site_amounts, *old, false, {}, {}};
    std::set<std::string> have;
    for (const auto& e : *old) have.insert(e.org);
    for (const auto& m : named) {
        if (have.count(m)) continue;
        have.insert(m);
        const auto* four = store.current(allocation_key(m, round));
        body.entries.push_back({m, four ? four->hash : std::string()});
        body.changed.push_back(m);
    }
    std::sort(body.entries.begin(), body.entries.end(), [](const LockEntry& a, const LockEntry& b) { return a.org < b.org; });
    std::sort(body.changed.begin(), body.changed.end());
    return finish(world, store, store.successor(std::string(prefecture), k_lock_kind, body.round, lock_to_json(body)),
                  today);
}

Result<DocumentVersion> build_prefecture_unlock(const ChainWorld& world, const DocumentStore& store,
                                                std::string_view round, std::string_view prefecture,
                                                const std::vector<std::string>& municipalities, std::string reason,
                                                const Date& today) {
    if (auto o = org_at(world, prefecture, OrgLevel::prefecture); !o) return o.error();
    auto key = prefecture_lock_key(round, prefecture);
    auto old = lock_entries(store, key);
    if (!old) return old.error();
    std::set<std::string> remove(municipalities.begin(), municipalities.end());
    LockBody body{std::string(round), std::string(prefecture), LockStep::site_amounts, {}, true, {}, std::move(reason)};
    for (const auto& e : *old) {
        if (remove.empty() || remove.count(e.org)) body.changed.push_back(e.org);
        else body.entries.push_back(e);
    }
    for (const auto& m : remove)
        if (std::none_of(old->begin(), old->end(), [&](const LockEntry& e) { return e.org == m; }))
            return org_error(world, "chain.not_locked", "nothing here is locked", m);
    if (body.changed.empty()) return org_error(world, "chain.not_locked", "nothing here is locked", prefecture);
    return finish(world, store, store.successor(std::string(prefecture), k_lock_kind, body.round, lock_to_json(body)),
                  today);
}

}  // namespace vsys
