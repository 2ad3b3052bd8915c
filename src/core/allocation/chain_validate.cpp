// validate_chain_version: the rules of docs/CHAIN.md, one function per document of the chain.
// Checks run in the order a user needs to hear them: who may write it, the round, the order of
// the steps, locks, then the numbers.
//
// [SECTION] The context and the checks the documents share
// [SECTION] Requests and the round
// [SECTION] Allocations: the amounts for prefectures, municipalities and sites
// [SECTION] Locks
// [SECTION] validate_chain_version: each kind to its rules
#include <algorithm>
#include <set>

#include "core/allocation/chain_commands.hpp"
#include "core/allocation/chain_detail.hpp"

namespace vsys {

// [SECTION] The context and the checks the documents share

namespace {

using namespace chain_detail;

struct Ctx {
    const ChainWorld& w;
    const DocumentStore& s;
    const Date& today;
    const Hierarchy& h() const { return w.hierarchy(); }
};

Result<OrgIndex> owner_at(const Ctx& c, const DocumentVersion& v, std::initializer_list<OrgLevel> levels) {
    OrgIndex o = c.h().find(v.owner);
    if (o == k_no_org) return Error{"chain.unknown_org", "unknown organisation", {{"org", v.owner}}};
    for (auto l : levels)
        if (c.h().level(o) == l) return o;
    return org_error(c.w, "chain.wrong_level", "this organisation does not write this document", v.owner,
                     {{"kind", v.kind}});
}

Status same_round(const DocumentVersion& v, std::string_view round) {
    if (v.id != round) return Error{"chain.malformed", "the document id is not its round", {{"field", "round"}}};
    return ok_status();
}

Status check_mode(const Round& r, SplitLevel level, const std::string& mode) {
    // A split in tranches checked each part's mode when it ran; the version records only the sum.
    // A result registered while 固定値 was a mode records "fixed": what it registered still holds.
    if (mode == "manual" || mode == k_tranches_mode || mode == k_legacy_fixed_mode) return ok_status();
    auto m = parse_sim_mode(mode);
    if (m && mode_valid(r.product, level, *m)) return ok_status();
    return Error{"chain.mode_invalid", "this simulation mode does not fit the product at this level",
                 {{"mode", mode}, {"product", vaccine_product_id(r.product)}, {"level", split_level_id(level)}}};
}

Status check_sum(const ChainWorld& w, std::string_view org, std::int64_t sum, std::int64_t unallocated,
                 std::int64_t amount) {
    if (sum + unallocated == amount) return ok_status();
    return org_error(w, "chain.sum", "the shares plus the unallocated rest do not add up to the amount", org,
                     {{"sum", std::to_string(sum)}, {"unallocated", std::to_string(unallocated)},
                      {"amount", std::to_string(amount)}});
}

Status check_children(const Ctx& c, OrgIndex parent, const Round& r, const std::vector<std::string>& ids) {
    auto kids = c.w.split_children(parent, r.product);
    std::set<std::string_view> allowed;
    for (OrgIndex k : kids) allowed.insert(c.h().id(k));
    for (const auto& id : ids) {
        if (allowed.count(id)) continue;
        OrgIndex k = c.h().find(id);
        if (k != k_no_org && c.h().parent(k) == parent && c.h().level(k) == OrgLevel::site)
            if (auto s = may_request(c.w.facts(k).vaccines, r.product, id); !s) return s;
        return org_error(c.w, "chain.unknown_child", "this organisation does not share this split", id,
                         {{"parent", c.h().id(parent)}});
    }
    return ok_status();
}

// [SECTION] Requests and the round

Status validate_request(const Ctx& c, const DocumentVersion& v) {
    auto o = owner_at(c, v, {OrgLevel::site, OrgLevel::venue});
    if (!o) return o.error();
    auto b = request_from_json(v.body);
    if (!b) return b.error();
    if (auto s = same_round(v, b->round); !s) return s;
    auto r = accessible_round(c.w, c.s, b->round, c.today);
    if (!r) return r.error();
    if (!requests_open(**r, round_state(c.s, **r), c.today))
        return Error{"chain.requests_closed", "requests for this round are closed", {{"round", b->round}}};
    if (b->product != (*r)->product)
        return Error{"chain.wrong_product", "the request names another product than the round's",
                     {{"round", b->round}, {"product", vaccine_product_id(b->product)}}};
    return may_request(c.w.facts(*o).vaccines, b->product, v.owner);
}

Status validate_round(const Ctx& c, const DocumentVersion& v) {
    if (auto o = owner_at(c, v, {OrgLevel::nation}); !o) return o.error();
    auto b = round_state_from_json(v.body);
    if (!b) return b.error();
    if (auto s = same_round(v, b->round); !s) return s;
    const Round* r = c.w.catalog().find_round(b->round);
    if (!r) return Error{"chain.unknown_round", "unknown round", {{"round", b->round}}};
    auto from = round_state(c.s, *r), to = b->state;
    bool back_to_requests = from == RoundState::allocating && to == RoundState::requests &&
                            c.s.heads(allocation_key("nation", r->code)).empty();
    bool back_to_allocating = from == RoundState::locked && to == RoundState::allocating;
    bool ok = from != RoundState::closed && (to > from || back_to_requests || back_to_allocating);
    if (!ok)
        return Error{"chain.round_transition", "the round cannot move to this state",
                     {{"round", r->code}, {"from", round_state_id(from)}, {"to", round_state_id(to)}}};
    // 配分を確定 confirms what was allocated: with no ① registered there is nothing to confirm,
    // and a round locked empty would only have to be unlocked again.
    if (from == RoundState::allocating && to == RoundState::locked && c.s.heads(allocation_key("nation", r->code)).empty())
        return Error{"chain.nothing_allocated", "no amounts were registered in this round", {{"round", r->code}}};
    return ok_status();
}

// [SECTION] Allocations: the amounts for prefectures, municipalities and sites

std::vector<std::string> share_ids(const AmountsBody& b) {
    std::vector<std::string> out;
    for (const auto& s : b.shares) out.push_back(s.org);
    return out;
}

Status validate_nation_amounts(const Ctx& c, const DocumentVersion& v, const AmountsBody& b, const Round& r) {
    if (auto s = check_mode(r, SplitLevel::nation, b.mode); !s) return s;
    if (auto s = check_children(c, Hierarchy::nation(), r, share_ids(b)); !s) return s;
    auto old = read_amounts(c.s, allocation_key("nation", r.code));
    if (!old) return old.error();
    for (OrgIndex p : c.w.split_children(Hierarchy::nation(), r.product)) {
        const std::string& id = c.h().id(p);
        auto before = *old ? (*old)->body.boxes_of(id) : std::nullopt;
        if (before != b.boxes_of(id) && nation_locked(c.s, r.code, id))
            return org_error(c.w, "chain.nation_amount_locked", "the prefecture's municipality amounts are locked", id);
    }
    return check_sum(c.w, v.owner, b.sum(), b.unallocated, b.amount);
}

Status validate_municipality_amounts(const Ctx& c, const DocumentVersion& v, OrgIndex pref, const AmountsBody& b,
                                     const Round& r) {
    auto one = read_amounts(c.s, allocation_key("nation", r.code));
    if (!one) return one.error();
    auto expected = *one ? (*one)->body.boxes_of(v.owner) : std::nullopt;
    if (!expected)
        return org_error(c.w, "chain.needs_nation_amounts", "the nation has not set this prefecture's amount", v.owner);
    if ((!v.replaces.empty() && c.s.is_locked(v.replaces)) || nation_locked(c.s, r.code, v.owner))
        return org_error(c.w, "chain.locked_by_nation", "the nation has locked these municipality amounts", v.owner);
    if (auto s = check_mode(r, SplitLevel::prefecture, b.mode); !s) return s;
    if (auto s = check_children(c, pref, r, share_ids(b)); !s) return s;
    if (b.amount != *expected)
        return org_error(c.w, "chain.stale_amount", "the amount is not the one given from above", v.owner,
                         {{"amount", std::to_string(b.amount)}, {"expected", std::to_string(*expected)}});
    return check_sum(c.w, v.owner, b.sum(), b.unallocated, b.amount);
}

Status validate_site_amounts(const Ctx& c, const DocumentVersion& v, OrgIndex muni, const SiteAmountsBody& b,
                             const Round& r) {
    const std::string& pref = c.h().id(c.h().parent(muni));
    if (!nation_locked(c.s, r.code, pref))
        return org_error(c.w, "chain.needs_nation_lock", "the nation has not locked the municipality amounts", pref);
    if ((!v.replaces.empty() && c.s.is_locked(v.replaces)) || prefecture_locked(c.s, r.code, v.owner, pref))
        return org_error(c.w, "chain.locked_by_prefecture", "the prefecture has locked these site amounts", v.owner);
    if (auto s = check_mode(r, SplitLevel::municipality, b.mode); !s) return s;
    std::vector<std::string> ids;
    for (const auto& d : b.deliveries) ids.push_back(d.site);
    if (auto s = check_children(c, muni, r, ids); !s) return s;
    auto two = read_amounts(c.s, allocation_key(pref, r.code));
    if (!two) return two.error();
    auto expected = *two ? (*two)->body.boxes_of(v.owner) : std::nullopt;
    if (b.amount != expected.value_or(0))
        return org_error(c.w, "chain.stale_amount", "the amount is not the one given from above", v.owner,
                         {{"amount", std::to_string(b.amount)}, {"expected", std::to_string(expected.value_or(0))}});
    return check_sum(c.w, v.owner, b.sum(), b.unallocated, b.amount);
}

Status validate_allocation(const Ctx& c, const DocumentVersion& v) {
    auto o = owner_at(c, v, {OrgLevel::nation, OrgLevel::prefecture, OrgLevel::municipality});
    if (!o) return o.error();
    auto level = c.h().level(*o);
    auto r = round_in_state(c.w, c.s, v.id, RoundState::allocating, c.today);
    if (!r) return r.error();
    if (level == OrgLevel::municipality) {
        auto b = site_amounts_from_json(v.body);
        if (!b) return b.error();
        if (auto s = same_round(v, b->round); !s) return s;
        return validate_site_amounts(c, v, *o, *b, **r);
    }
    auto b = amounts_from_json(v.body);
    if (!b) return b.error();
    if (auto s = same_round(v, b->round); !s) return s;
    if (level == OrgLevel::nation) return validate_nation_amounts(c, v, *b, **r);
    return validate_municipality_amounts(c, v, *o, *b, **r);
}

// [SECTION] Locks

std::set<std::string> orgs_of(const std::vector<LockEntry>& e) {
    std::set<std::string> out;
    for (const auto& x : e) out.insert(x.org);
    return out;
}

// ③ adds or removes the prefecture's single entry.
Status validate_nation_lock_entry(const Ctx& c, const Round& r, const LockBody& b, const std::string& added,
                                  const std::string& removed) {
    const std::string& pref = b.prefecture;
    if (!added.empty()) {
        if (added != pref) return org_error(c.w, "chain.unknown_child", "a lock names another organisation", added);
        auto two = read_amounts(c.s, allocation_key(pref, r.code));
        if (!two) return two.error();
        if (!*two)
            return org_error(c.w, "chain.needs_municipality_amounts", "the prefecture has not registered its amounts", pref);
        auto one = read_amounts(c.s, allocation_key("nation", r.code));
        auto expected = one && *one ? (*one)->body.boxes_of(pref) : std::nullopt;
        if (!expected || (*two)->body.amount != *expected)
            return org_error(c.w, "chain.stale", "the registered amounts no longer match the amount from above", pref);
        if (b.entry_of(pref)->hash != (*two)->version->hash)
            return org_error(c.w, "chain.lock_entries", "a lock must name the current version", pref);
    }
    if (!removed.empty()) {
        auto five = read_lock(c.s, prefecture_lock_key(r.code, pref));
        if (!five) return five.error();
        if (*five && !(*five)->body.entries.empty())
            return org_error(c.w, "chain.later_step_locked", "the prefecture has locked site amounts: undo that first", pref);
    }
    return ok_status();
}

// ⑤ adds or removes municipalities' entries.
Status validate_prefecture_lock_entry(const Ctx& c, OrgIndex pref, const Round& r, const LockBody& b,
                                      const std::string& added) {
    OrgIndex m = c.h().find(added);
    if (m == k_no_org || c.h().parent(m) != pref || c.h().level(m) != OrgLevel::municipality || !c.h().active(m))
        return org_error(c.w, "chain.unknown_child", "this organisation does not share this split", added,
                         {{"parent", b.prefecture}});
    auto four = read_site_amounts(c.s, allocation_key(added, r.code));
    if (!four) return four.error();
    if (!*four) return org_error(c.w, "chain.needs_site_amounts", "the municipality has not registered its site amounts", added);
    if (!nation_locked(c.s, r.code, b.prefecture))
        return org_error(c.w, "chain.needs_nation_lock", "the nation has not locked the municipality amounts", b.prefecture);
    auto two = read_amounts(c.s, allocation_key(b.prefecture, r.code));
    auto expected = two && *two ? (*two)->body.boxes_of(added) : std::nullopt;
    if ((*four)->body.amount != expected.value_or(0))
        return org_error(c.w, "chain.stale", "the registered amounts no longer match the amount from above", added);
    if (b.entry_of(added)->hash != (*four)->version->hash)
        return org_error(c.w, "chain.lock_entries", "a lock must name the current version", added);
    return ok_status();
}

Status validate_lock(const Ctx& c, const DocumentVersion& v) {
    auto o = owner_at(c, v, {OrgLevel::nation, OrgLevel::prefecture});
    if (!o) return o.error();
    auto b = lock_from_json(v.body);
    if (!b) return b.error();
    bool third = c.h().level(*o) == OrgLevel::nation;
    OrgIndex pref = third ? c.h().find(b->prefecture) : *o;
    if (pref == k_no_org || c.h().level(pref) != OrgLevel::prefecture || (!third && b->prefecture != v.owner))
        return Error{"chain.malformed", "the lock names another prefecture", {{"field", "prefecture"}}};
    auto step = third ? LockStep::municipality_amounts : LockStep::site_amounts;
    std::string id = third ? nation_lock_id(b->round, b->prefecture) : b->round;
    if (b->step != step || v.id != id) return Error{"chain.malformed", "the lock's id or step is wrong", {{"field", "step"}}};
    auto r = round_in_state(c.w, c.s, b->round, RoundState::allocating, c.today);
    if (!r) return r.error();

    std::vector<LockEntry> before;
    if (const auto* parent = v.replaces.empty() ? nullptr : c.s.find(v.replaces)) {
        auto old = lock_from_json(parent->body);
        if (!old) return old.error();
        before = old->entries;
    }
    auto old_orgs = orgs_of(before), new_orgs = orgs_of(b->entries);
    std::vector<std::string> added, removed;
    for (const auto& e : b->entries) {
        const LockEntry* prev = nullptr;
        for (const auto& x : before)
            if (x.org == e.org) prev = &x;
        if (!prev) added.push_back(e.org);
        else if (prev->hash != e.hash)
            return org_error(c.w, "chain.lock_entries", "a lock must name the current version", e.org);
    }
    for (const auto& o2 : old_orgs)
        if (!new_orgs.count(o2)) removed.push_back(o2);
    std::set<std::string> changed(b->changed.begin(), b->changed.end());
    std::set<std::string> diff(added.begin(), added.end());
    diff.insert(removed.begin(), removed.end());
    if (changed != diff) return Error{"chain.malformed", "\"changed\" must list what this version changed", {{"field", "changed"}}};
    if (b->unlock ? !added.empty() : !removed.empty())
        return Error{"chain.malformed", "a lock version only adds and an unlock version only removes", {{"field", "action"}}};
    if (diff.empty()) {
        if (b->unlock) return org_error(c.w, "chain.not_locked", "nothing here is locked", b->prefecture);
        return org_error(c.w, "chain.nothing_to_lock", "everything named is locked already", b->prefecture);
    }
    for (const auto& a : added) {
        auto s = third ? validate_nation_lock_entry(c, **r, *b, a, {}) : validate_prefecture_lock_entry(c, pref, **r, *b, a);
        if (!s) return s;
    }
    if (third)
        for (const auto& x : removed)
            if (auto s = validate_nation_lock_entry(c, **r, *b, {}, x); !s) return s;
    return ok_status();
}

}  // namespace

// [SECTION] validate_chain_version: each kind to its rules

Status validate_chain_version(const ChainWorld& world, const DocumentStore& store, const DocumentVersion& v,
                              const Date& today) {
    Ctx c{world, store, today};
    if (v.kind == k_request_kind) return validate_request(c, v);
    if (v.kind == k_round_kind) return validate_round(c, v);
    if (v.kind == k_allocation_kind) return validate_allocation(c, v);
    // Other features may own locks too; the chain's name their step.
    auto step = v.body.find("step");
    bool chain_lock = step != v.body.end() && step->is_string() &&
                      (*step == lock_step_id(LockStep::municipality_amounts) || *step == lock_step_id(LockStep::site_amounts));
    if (v.kind == k_lock_kind && chain_lock) return validate_lock(c, v);
    return ok_status();
}

}  // namespace vsys
