// The demo world's history (core/demo/demo_history.hpp): deterministic, valid by every rule the
// app applies where a version is written and where it is received, reconciling at every level
// of the chain, and published as a verified exchange.
//
// [SECTION] A small national world
// [SECTION] Deterministic, and valid by every rule
// [SECTION] Rounds, claims and reservation lists
// [SECTION] A prefecture's history, and proxy versions without site devices
// [SECTION] The demo exchange, and the legacy ticket-form counts
#include <doctest/doctest.h>

#include <array>
#include <map>
#include <set>

#include "core/allocation/chain_commands.hpp"
#include "core/claims/claims_json.hpp"
#include "core/claims/kinds.hpp"
#include "core/demo/demo_history.hpp"
#include "core/documents/sealed_body.hpp"
#include "core/reservations/reservations.hpp"
#include "sync/canonical.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/exchange.hpp"
#include "sync/hierarchy_relations.hpp"
#include "sync/kinds.hpp"
#include "sync/replay.hpp"
#include "sync/sealed_body.hpp"

TEST_SUITE_BEGIN("demo");

using namespace vsys;

// [SECTION] A small national world

namespace {

constexpr Date k_today{2026, 12, 5};

// A small national data set: one site per municipality and a few more, every prefecture.
struct World {
    DemoData data;
    Hierarchy tree;
    explicit World(std::uint64_t seed = 7) {
        DemoOptions o;
        o.seed = seed;
        o.sites = 6000;
        o.venues = 20;
        data = generate_demo_data(o);
        auto refs = data.site_refs();
        tree = std::move(*Hierarchy::build(refs));
    }
    std::vector<DocumentVersion> history(std::string prefecture = "", bool site_devices = true) const {
        DemoHistoryOptions h;
        h.today = k_today;
        h.prefecture = std::move(prefecture);
        h.site_devices = site_devices;
        h.seal = [](DocumentVersion& v) { return sync::seal(v); };
        auto docs = demo_history_documents(data, tree, Catalog::builtin(), h);
        REQUIRE_MESSAGE(docs, (docs ? "" : docs.error().code + " " + docs.error().detail));
        return std::move(*docs);
    }
};

const World& world() {
    static const World w;
    return w;
}

std::vector<std::string> hashes(const std::vector<DocumentVersion>& docs) {
    std::vector<std::string> out;
    for (const auto& d : docs) out.push_back(d.hash);
    return out;
}

}  // namespace

// [SECTION] Deterministic, and valid by every rule

TEST_CASE("the same seed gives the same history, version for version; another seed another") {
    const auto a = world().history();
    const auto b = world().history();
    REQUIRE(!a.empty());
    CHECK(hashes(a) == hashes(b));
    const World other(8);
    CHECK(hashes(other.history()) != hashes(a));
}

TEST_CASE("every version passes its kind's validate and, in order, the chain's rules and the store's checks") {
    const World& w = world();
    const auto docs = w.history();
    ChainWorld chain(w.tree, Catalog::builtin(), w.data.sites, w.data.populations);
    DocumentStore store;
    std::map<std::string, std::size_t> kinds;
    for (const auto& v : docs) {
        INFO(v.key());
        CHECK(validate_version(sync::document_kinds(), v));
        CHECK(validate_chain_version(chain, store, v, k_today));
        auto copy = v;
        CHECK(sync::seal(copy));
        CHECK(copy.hash == v.hash);  // sealed as App::commit seals
        CHECK(store.check(v));
        REQUIRE(store.apply(v, Origin::remote));
        ++kinds[v.kind];
    }
    for (const char* k : {"request", "round", "allocation", "lock", "claim", "claim_routing", "reservations", "ticket_forms"})
        CHECK_MESSAGE(kinds[k] > 0, k);
}

// [SECTION] Rounds, claims and reservation lists

TEST_CASE("every round state is present and the amounts reconcile from ① down to each site's boxes") {
    const World& w = world();
    DocumentStore store;
    for (const auto& v : w.history()) REQUIRE(store.apply(v, Origin::remote));
    std::set<RoundState> states;
    for (const auto& hr : demo_history_rounds()) {
        const Round* r = Catalog::builtin().find_round(hr.code);
        REQUIRE(r);
        CHECK(round_state(store, *r) == hr.state);
        states.insert(round_state(store, *r));
        if (hr.state == RoundState::requests) {
            CHECK(store.current(allocation_key("nation", r->code)) == nullptr);
            continue;
        }
        auto one = read_amounts(store, allocation_key("nation", r->code));
        REQUIRE(one);
        REQUIRE(*one);
        CHECK((*one)->body.sum() + (*one)->body.unallocated == (*one)->body.amount);
        CHECK((*one)->body.amount == hr.boxes);
        std::size_t seconds = 0, fourths = 0;
        for (const auto& share : (*one)->body.shares) {
            auto two = read_amounts(store, allocation_key(share.org, r->code));
            REQUIRE(two);
            if (!*two) continue;
            ++seconds;
            CHECK((*two)->body.amount == share.boxes);
            CHECK((*two)->body.sum() + (*two)->body.unallocated == share.boxes);
            for (const auto& m : (*two)->body.shares) {
                auto four = read_site_amounts(store, allocation_key(m.org, r->code));
                REQUIRE(four);
                if (!*four) continue;
                ++fourths;
                CHECK((*four)->body.amount == m.boxes);
                CHECK((*four)->body.sum() + (*four)->body.unallocated == m.boxes);
                for (const auto& d : (*four)->body.deliveries)
                    if (d.boxes > 0) CHECK(d.needle_boxes > 0);
            }
        }
        CHECK(seconds > 0);
        CHECK(fourths > 0);
        if (hr.state >= RoundState::locked) CHECK(seconds == (*one)->body.shares.size());
    }
    CHECK(states.size() == 5);
}

TEST_CASE("claims are submitted, price without error and are addressed to their payers; forms follow the dates") {
    const World& w = world();
    const auto docs = w.history();
    RoutingSettings routing;
    for (const auto& v : docs)
        if (v.kind == k_claim_routing_kind && v.body.at("commissioned") == true) routing.commissioned.push_back(v.owner.substr(5));
    CHECK(!routing.commissioned.empty());
    std::size_t claims = 0, other_residents = 0, old_form = 0, later_forms = 0;
    for (const auto& v : docs) {
        if (v.kind != k_claim_kind) continue;
        ++claims;
        CHECK(v.body.at("submitted") == true);
        auto entry = site_claim_from_json(v.body);
        REQUIRE(entry);
        CHECK(v.id == to_iso(entry->month));
        auto c = compute_claim(*entry, routing, k_today);
        REQUIRE_MESSAGE(c, (c ? "" : c.error().code));
        CHECK(c->total.amount > 0);
        std::set<std::string> to;
        for (const auto& m : municipality_claims(*c))
            for (const auto& o : m.addressed_to()) to.insert(o);
        std::set<std::string> stored;
        for (const auto& o : v.body.at("addressed_to")) stored.insert(o.get<std::string>());
        CHECK(stored == to);
        for (const auto& l : entry->lines) {
            other_residents += l.municipality != entry->site_municipality;
            if (l.form == ClaimForm::old_form) {
                ++old_form;
                CHECK(entry->month <= YearMonth{2021, 11});
            } else {
                ++later_forms;
                CHECK(entry->month >= YearMonth{2021, 12});
            }
        }
    }
    CHECK(claims > 0);
    CHECK(other_residents > 0);
    CHECK(old_form > 0);
    CHECK(later_forms > 0);
}

TEST_CASE("reservation lists are the municipality's, addressed to their site alone, and end on 2022-01-31") {
    const World& w = world();
    sync::HierarchyRelations rel(w.tree);
    std::size_t lists = 0;
    for (const auto& v : w.history()) {
        if (v.kind != k_reservations_kind) continue;
        ++lists;
        CHECK(v.owner.rfind("muni:", 0) == 0);
        const auto audience = kind_audience(sync::document_kinds(), v, rel);
        REQUIRE(audience.size() == 1);
        CHECK(audience.front() == "site:" + v.id);
        CHECK(rel.parent_of(audience.front()) == v.owner);
        auto list = reservation_list_from_json(v.body);
        REQUIRE(list);
        CHECK(!list->rows.empty());
        for (const auto& r : list->rows) {
            CHECK(r.date <= k_reservations_ended);
            CHECK(!r.name.empty());
            CHECK(!r.reading.empty());
        }
    }
    CHECK(lists > 0);
    // Refused as malformed: a row after the function ended, or a list whose site is not its id.
    DocumentVersion bad;
    for (const auto& v : w.history())
        if (v.kind == k_reservations_kind) {
            bad = v;
            break;
        }
    bad.body["rows"][0]["date"] = "2022-02-01";
    CHECK_FALSE(validate_version(sync::document_kinds(), bad));
    bad.body["rows"][0]["date"] = "2021-08-01";
    bad.id = "0000000000";
    CHECK_FALSE(validate_version(sync::document_kinds(), bad));
}

// [SECTION] A prefecture's history, and proxy versions without site devices

TEST_CASE("a prefecture's history is the national history filtered to it, version for version") {
    const World& w = world();
    const auto all = hashes(w.history());
    const std::set<std::string> national(all.begin(), all.end());
    const auto tottori = w.history("310000");
    REQUIRE(!tottori.empty());
    for (const auto& v : tottori) {
        CHECK(national.count(v.hash) == 1);
        CHECK((v.owner == "nation" || w.tree.in_subtree(v.owner, "pref:310000")));
    }
}

TEST_CASE("without site devices, sites' requests and claims are their municipality's proxy versions") {
    for (const auto& v : world().history("310000", false)) {
        if (v.kind != k_request_kind && v.kind != k_claim_kind) continue;
        CHECK(v.proxy);
        CHECK(v.author.rfind("VM", 0) == 0);
    }
}

// [SECTION] The demo exchange, and the legacy ticket-form counts

TEST_CASE("the demo exchange carries the history in its writers' feeds, and every bundle verifies") {
    const World& w = world();
    for (bool site_devices : {true, false}) {
        sync::MemoryTransport ex;
        sync::DemoExchangeOptions o;
        o.now = *sync::parse_utc("2026-12-05T00:00:00Z");
        o.today = k_today;
        o.prefecture = "310000";
        o.site_devices = site_devices;
        auto rep = sync::write_demo_exchange(w.data, w.tree, o, ex);
        REQUIRE(rep);
        CHECK(rep->history == w.history("310000", site_devices).size());
        std::vector<std::string> feeds;
        for (const auto& [path, bytes] : ex.files)
            if (path.rfind("feeds/", 0) == 0) feeds.push_back(path);
        sync::HierarchyRelations rel(w.tree);
        sync::TrustState trust;
        trust.root_key = sync::demo_root_key(7).public_hex;
        DocumentStore store;
        auto replay = sync::replay_feeds(ex, feeds, rel, trust, store);
        CHECK(replay.rejected.empty());
        CHECK(store.size() == rep->documents);
        // Every version of the history is there; a reservation list sealed (its hash is the
        // envelope's), opening with its site's demo device or unclaimed code to the very list.
        std::size_t sealed = 0;
        for (const auto& v : w.history("310000", site_devices)) {
            if (v.kind != k_reservations_kind) {
                CHECK(store.contains(v.hash));
                continue;
            }
            const DocumentVersion* got = store.current(v.key());
            REQUIRE(got);
            CHECK(is_sealed_body(got->body));
            CHECK(got->body.dump().find("\"rows\"") == std::string::npos);
            // The site (or venue: 接種会場, VW) that the list is of.
            const std::array<sync::KeyPair, 4> keys{
                sync::demo_device_key(7, site_devices ? "site:" + v.id : "nobody"),
                sync::demo_device_key(7, site_devices ? "venue:" + v.id : "nobody"),
                sync::enrolment_key(sync::demo_code_secret(7, "VS" + v.id, 1)),
                sync::enrolment_key(sync::demo_code_secret(7, "VW" + v.id, 1))};
            auto opened = sync::open_body(*got, keys);
            REQUIRE_MESSAGE(opened, opened.error().code);
            CHECK(*opened == v.body);
            ++sealed;
        }
        CHECK(sealed > 0);
        // A reservation list is pointed at its site's inbox.
        bool pointed = false;
        for (const auto& [path, bytes] : ex.files)
            pointed |= path.rfind("inbox/site_", 0) == 0 && path.find("/muni_") != std::string::npos;
        CHECK(pointed);
    }
}

TEST_CASE("the old form's ticket-form counts come with the claims of months up to 2021-11, each a valid document") {
    // Every site's claim of a month up to 2021-11 carries its counts in a "ticket_forms"
    // document of the same owner and month: per municipality of residence, at most the old
    // form's doses with a coupon claimed for those residents; none for a later month.
    const auto docs = world().history();
    std::map<std::string, const DocumentVersion*> claims;
    std::size_t forms = 0, elsewhere = 0;
    for (const auto& v : docs)
        if (v.kind == k_claim_kind) claims[v.owner + "/" + v.id] = &v;
    for (const auto& v : docs) {
        if (v.kind != k_ticket_forms_kind) continue;
        ++forms;
        auto counts = ticket_forms_from_document(v.owner, v.id, v.body);
        REQUIRE(counts);
        auto claim = claims.find(v.owner + "/" + v.id);
        REQUIRE_MESSAGE(claim != claims.end(), v.key());
        auto entry = site_claim_from_json(claim->second->body);
        REQUIRE(entry);
        CHECK(!(k_last_ticket_form_month < entry->month));
        for (const auto& c : *counts) {
            std::int64_t doses = 0;
            for (const auto& l : entry->lines)
                if (l.municipality == c.municipality && l.form == ClaimForm::old_form &&
                    l.category == RecipientCategory::with_coupon)
                    doses += l.counts.normal;
            CHECK(c.count > 0);
            CHECK(c.count <= doses);
            elsewhere += c.municipality != entry->site_municipality;
        }
        // The same claim gives the same counts.
        const auto again = demo_ticket_forms(*entry, world().data.seed);
        REQUIRE(again.size() == counts->size());
        for (std::size_t i = 0; i < again.size(); ++i) CHECK(again[i].count == (*counts)[i].count);
    }
    CHECK(forms > 0);
    CHECK(elsewhere > 0);  // residents treated at sites of other municipalities
    for (const auto& [key, claim] : claims) {
        auto entry = site_claim_from_json(claim->body);
        REQUIRE(entry);
        if (k_last_ticket_form_month < entry->month) CHECK(demo_ticket_forms(*entry, world().data.seed).empty());
    }
}

TEST_SUITE_END();
