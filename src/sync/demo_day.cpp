// A day of the demo deployment (demo_day.hpp): every demo device publishes once, then the
// municipalities and prefectures pack the day.
//
// [SECTION] The organisations of the day, and a feed continued from the exchange
// [SECTION] publish_demo_day
// [SECTION] pack_demo_day
#include "sync/demo_day.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "core/allocation/chain_documents.hpp"
#include "sync/bundle.hpp"
#include "sync/canonical.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/exchange.hpp"
#include "sync/hierarchy_relations.hpp"
#include "sync/identity.hpp"

namespace vsys::sync {

// [SECTION] The organisations of the day, and a feed continued from the exchange

namespace {

// The organisations that take part, parents before children: the nation, the prefectures
// (of `prefecture` only, when given), their municipalities and those municipalities' sites.
// Venues, federations and support publish nothing on such a day.
Result<std::vector<OrgIndex>> day_orgs(const Hierarchy& tree, const std::string& prefecture) {
    const OrgIndex only = prefecture.empty() ? k_no_org : tree.find("pref:" + prefecture);
    if (!prefecture.empty() && only == k_no_org)
        return Error{"demo.prefecture", "no such prefecture", {{"code", prefecture}}};
    std::vector<OrgIndex> orgs{Hierarchy::nation()}, munis, sites;
    for (OrgIndex p : tree.children(Hierarchy::nation())) {
        if (!tree.active(p) || tree.level(p) != OrgLevel::prefecture || (only != k_no_org && p != only)) continue;
        orgs.push_back(p);
        for (OrgIndex m : tree.children(p)) {
            if (!tree.active(m) || tree.level(m) != OrgLevel::municipality) continue;
            munis.push_back(m);
            for (OrgIndex s : tree.children(m))
                if (tree.active(s) && tree.level(s) == OrgLevel::site) sites.push_back(s);
        }
    }
    orgs.insert(orgs.end(), munis.begin(), munis.end());
    orgs.insert(orgs.end(), sites.begin(), sites.end());
    return orgs;
}

// The demo device's feed as it stands on the exchange: its last bundle's sequence number and
// hash, and (with `with_chain`, for a packer) the certificate chain its first bundle carries.
Result<FeedWriter> continue_feed(Transport& t, std::uint64_t seed, const std::string& org, bool with_chain) {
    FeedWriter w{org, demo_device_key(seed, org), {}, 0, ""};
    const std::string folder = feed_folder(org, device_id_of(w.key.public_hex));
    auto names = t.list(folder);
    if (!names) return names.error();
    std::string first;
    for (const auto& n : *names) {
        std::uint64_t seq;
        std::string hash;
        if (!parse_bundle_name(n, seq, hash)) continue;
        if (seq == 1) first = n;
        if (seq > w.seq) {
            w.seq = seq;
            w.last_hash = hash;
        }
    }
    if (w.seq == 0 || first.empty())
        return Error{"demo.feed", "the organisation's demo feed is not on the exchange", {{"org", org}}};
    if (with_chain) {
        auto bytes = t.get(folder + "/" + first);
        if (!bytes) return bytes.error();
        const auto j = nlohmann::json::parse(*bytes, nullptr, false);
        if (!j.is_object() || !j.contains("chain") || !j["chain"].is_array())
            return Error{"demo.feed", "the feed's first bundle carries no chain", {{"org", org}}};
        for (const auto& c : j["chain"]) {
            auto cert = certificate_from_json(c);
            if (!cert) return cert.error();
            w.chain.push_back(std::move(*cert));
        }
    }
    return w;
}

std::vector<std::string> active_children(const Hierarchy& tree, OrgIndex i, OrgLevel level) {
    std::vector<std::string> out;
    for (OrgIndex c : tree.children(i))
        if (tree.active(c) && tree.level(c) == level) out.push_back(tree.id(c));
    std::sort(out.begin(), out.end());
    return out;
}

// The chain's documents an organisation publishes on the day (bench_sync's, on the demo tree):
// the round, the allocation of a prefecture or the nation (① ②: shares per child), a
// municipality's deliveries per site (④), a site's request.
std::vector<std::pair<std::string, nlohmann::json>> documents_of(const Hierarchy& tree, OrgIndex i,
                                                                 const std::string& round) {
    std::vector<std::pair<std::string, nlohmann::json>> docs;
    const OrgLevel level = tree.level(i);
    if (level == OrgLevel::nation) docs.emplace_back(k_round_kind, round_state_to_json({round, RoundState::requests}));
    if (level == OrgLevel::nation || level == OrgLevel::prefecture) {
        AmountsBody b;
        b.round = round;
        const std::int64_t each = level == OrgLevel::nation ? 20000 : 500;
        for (const auto& c : active_children(tree, i, level == OrgLevel::nation ? OrgLevel::prefecture : OrgLevel::municipality))
            b.shares.push_back({c, each});
        b.amount = each * static_cast<std::int64_t>(b.shares.size());
        docs.emplace_back(k_allocation_kind, amounts_to_json(b));
    } else if (level == OrgLevel::municipality) {
        SiteAmountsBody b;
        b.round = round;
        for (const auto& s : active_children(tree, i, OrgLevel::site)) b.deliveries.push_back({s, 11, 0, 0});
        b.amount = 11 * static_cast<std::int64_t>(b.deliveries.size());
        docs.emplace_back(k_allocation_kind, site_amounts_to_json(b));
    } else if (level == OrgLevel::site) {
        docs.emplace_back(k_request_kind, request_to_json({round, VaccineProduct::pfizer_12, 12}));
    }
    return docs;
}

}  // namespace

// [SECTION] publish_demo_day

Result<DemoDayReport> publish_demo_day(const DemoData& data, const Hierarchy& tree, const DemoDayOptions& o,
                                       Transport& exchange) {
    auto orgs = day_orgs(tree, o.prefecture);
    if (!orgs) return orgs.error();
    const HierarchyRelations rel(tree);
    const std::string day = utc_day(o.now), round = "DEMO-" + day;
    std::unordered_map<std::string, const DemoAccount*> accounts;
    for (const auto& a : data.accounts) accounts.emplace(a.org, &a);
    DemoDayReport rep;
    for (OrgIndex i : *orgs) {
        const std::string& org = tree.id(i);
        auto w = continue_feed(exchange, data.seed, org, false);
        if (!w) return w.error();
        std::vector<DocumentVersion> docs;
        for (auto& [kind, body] : documents_of(tree, i, round)) {
            DocumentVersion d;
            d.owner = org;
            d.kind = kind;
            d.id = round;
            auto a = accounts.find(org);
            d.author = a == accounts.end() ? std::string() : a->second->vsys_id;
            d.time = format_utc(o.now);
            d.body = std::move(body);
            if (auto s = seal(d); !s) return s.error();
            docs.push_back(std::move(d));
        }
        auto put = put_demo_bundle(exchange, rel, *w, o.now, docs, {});
        if (!put) return put.error();
        rep.bytes += put->bytes;
        rep.pointers += put->pointers;
        ++rep.bundles;
        rep.documents += docs.size();
    }
    return rep;
}

// [SECTION] pack_demo_day

Result<DemoDayReport> pack_demo_day(const DemoData& data, const Hierarchy& tree, const DemoDayOptions& o,
                                    Transport& exchange) {
    auto orgs = day_orgs(tree, o.prefecture);
    if (!orgs) return orgs.error();
    const HierarchyRelations rel(tree);
    const std::string root = demo_root_key(data.seed).public_hex;
    DemoDayReport rep;
    // Wards first: a prefecture's device packs what its municipalities' packs brought it.
    for (const OrgLevel level : {OrgLevel::municipality, OrgLevel::prefecture}) {
        for (OrgIndex i : *orgs) {
            if (tree.level(i) != level) continue;
            const std::string& org = tree.id(i);
            auto packer = continue_feed(exchange, data.seed, org, true);
            if (!packer) return packer.error();
            // A device of its own for the evening's run: it reads its subtree from nothing and
            // is dropped after (what it packs is only the last two days, exchange.cpp).
            TrustState trust;
            trust.root_key = root;
            SyncState state;
            DocumentStore store;
            auto r = sync_once(exchange, rel, org, state, trust, store, o.now, default_authority_rules(), &*packer);
            if (!r.complete) return r.error;
            rep.packs += r.packs_written;
            rep.packer_fetched += r.fetched;
            rep.packer_rejected += r.rejected;
        }
    }
    return rep;
}

}  // namespace vsys::sync
