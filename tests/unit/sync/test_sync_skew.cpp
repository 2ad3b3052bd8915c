// Clock skew (docs/PROTOCOL.md "Clock skew"): devices whose clocks are two days behind or ahead
// still find each other's bundles, because the days of pointers and cursors are the exchange's
// (its Date header), and they still enrol, because validity periods are compared with the
// protocol's tolerance of three days.
//
// [SECTION] Devices, browsers and the demo deployment at a given clock
// [SECTION] Writers and readers two days off: the exchange's day
// [SECTION] The browser's way: the exchange's Date with each answer
// [SECTION] Enrolment and certificates under skew
// [SECTION] In the app: enrolling and syncing two days off
#include <doctest/doctest.h>

#include <set>

#include "app_fixture.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/directory.hpp"
#include "sync/exchange.hpp"
#include "sync/pending_transport.hpp"
#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;

// [SECTION] Devices, browsers and the demo deployment at a given clock

namespace {

constexpr UtcTime k_day = k_seconds_per_day;

// The true time of the scenarios: ten days after the test deployment's devices were enrolled.
UtcTime now_true() { return t0() + 10 * k_day + 9 * 3600; }

// A document written and queued as a bundle on a device whose clock reads `clock`.
void write_at(Device& d, const std::string& id, UtcTime clock, std::vector<std::string> to = {}) {
    auto doc = *d.store.successor(d.org, "report", id, {{"vials", 1}});
    doc.author = "U";
    doc.time = format_utc(clock);
    seal(doc);
    d.store.apply(doc, Origin::local);
    REQUIRE(queue_bundle(*d.feed, d.state, d.trust, {doc}, to, clock));
}

SyncReport sync_at(Transport& t, World& w, Device& d, UtcTime clock) {
    return sync_once(t, w.rel, d.org, d.state, d.trust, d.store, clock);
}

// The days under which pointers were filed on the exchange (inbox/<org>/<day>/<pointer>).
std::set<std::string> pointer_days(const MemoryTransport& ex) {
    std::set<std::string> days;
    for (const auto& [path, bytes] : ex.files) {
        if (path.rfind("inbox/", 0) != 0 && path.rfind("news/", 0) != 0) continue;
        auto a = path.find('/', path.find('/') + 1);
        days.insert(path.substr(a + 1, 10));
    }
    return days;
}

// Plays the browser: performs the requests against `ex` and delivers each answer with the
// exchange's time (its Date header) when `dated`, until the run ends.
SyncReport drive(MemoryTransport& ex, World& w, Device& d, UtcTime clock, bool dated) {
    PendingTransport t;
    SyncReport sum;
    for (int round = 0; round < 50; ++round) {
        auto last = sync_once(t, w.rel, d.org, d.state, d.trust, d.store, clock);
        sum.pushed += last.pushed;
        sum.accepted += last.accepted;
        if (last.complete || last.error.code != k_transport_pending) {
            sum.complete = last.complete;
            sum.error = last.error;
            return sum;
        }
        for (const auto& r : t.take_requests()) {
            switch (r.kind) {
                case TransportRequest::Kind::list: t.answer_list(r.path, ex.list(r.path)); break;
                case TransportRequest::Kind::get: t.answer_get(r.path, ex.get(r.path)); break;
                case TransportRequest::Kind::put: t.answer_put(r.path, ex.put_new(r.path, r.body)); break;
            }
            t.answer_time(dated ? ex.clock : std::nullopt);
        }
    }
    FAIL("the run did not finish");
    return sum;
}

// The demo deployment of 鳥取県 on an exchange whose clock reads `clock` (as tools/serve writes it).
void write_demo(MemoryTransport& ex, test::AppFixture& f, UtcTime clock) {
    DemoExchangeOptions o;
    o.now = clock;
    o.prefecture = "310000";
    o.codes_per_account = 3;
    auto rep = write_demo_exchange(f.app.directory().demo(), f.app.directory().tree(), o, ex);
    REQUIRE(rep);
    DeploymentManifest m;
    m.root_key = rep->root_key;
    m.created = format_utc(clock);
    m.demo = true;
    m.seed = k_demo_seed;
    m.prefecture = "310000";
    ex.put_new(k_manifest_path, encode_manifest(m));
}

// Plays the browser: performs each request of the app's run against `ex` and delivers the
// answers with the exchange's Date, as sync.js does, until the run ends.
nlohmann::json app_sync(App& app, MemoryTransport& ex) {
    REQUIRE(app.command_json(R"({"type":"sync"})")["ok"] == true);
    for (int round = 0; round < 40 && app.sync().run().running; ++round) {
        std::vector<std::pair<TransportRequest, Result<std::string>>> answers;
        std::vector<std::string> dates;
        for (auto& r : app.sync().take_requests()) {
            Result<std::string> a = std::string();
            if (r.kind == TransportRequest::Kind::get) {
                a = ex.get(r.path);
            } else if (r.kind == TransportRequest::Kind::list) {
                auto names = ex.list(r.path);
                std::string text;
                if (names)
                    for (const auto& n : *names) text += n + "\n";
                a = names ? Result<std::string>(text) : Result<std::string>(names.error());
            } else if (auto s = ex.put_new(r.path, r.body); !s) {
                a = s.error();
            }
            answers.emplace_back(std::move(r), std::move(a));
            dates.push_back(format_utc(*ex.clock));
        }
        app.sync().deliver(answers, dates);
    }
    CHECK_FALSE(app.sync().run().running);
    return app.view_json("sync_status", "{}")["view"];
}

}  // namespace

// [SECTION] Writers and readers two days off: the exchange's day

TEST_CASE("a writer two days behind files its pointers under the exchange's day; a reader finds them") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    ex.clock = now_true();
    REQUIRE(sync_at(ex, w, muni, now_true()).complete);  // the reader is up to date today

    const UtcTime behind = now_true() - 2 * k_day;
    write_at(site, "a", behind);
    ex.clock = now_true() + 60;
    CHECK(sync_at(ex, w, site, behind + 60).pushed == 1);
    CHECK(pointer_days(ex) == std::set<std::string>{utc_day(now_true())});

    ex.clock = now_true() + 3600;
    auto r = sync_at(ex, w, muni, now_true() + 3600);
    CHECK(r.complete);
    CHECK(r.accepted == 1);
    CHECK(muni.store.size() == 1);
}

TEST_CASE("a writer two days ahead files its pointers under the exchange's day; a reader finds them") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    ex.clock = now_true();
    REQUIRE(sync_at(ex, w, muni, now_true()).complete);

    const UtcTime ahead = now_true() + 2 * k_day;
    write_at(site, "a", ahead);
    ex.clock = now_true() + 60;
    CHECK(sync_at(ex, w, site, ahead + 60).pushed == 1);
    CHECK(pointer_days(ex) == std::set<std::string>{utc_day(now_true())});
    // The writer's own cursors are the exchange's day too, not two days on.
    CHECK(site.state.cursors.at("inbox/site_0110113719") == utc_day(now_true()));

    ex.clock = now_true() + 3600;
    auto r = sync_at(ex, w, muni, now_true() + 3600);
    CHECK(r.accepted == 1);
}

TEST_CASE("a reader two days ahead keeps its cursor on the exchange's day and misses nothing written later") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    const UtcTime ahead = 2 * k_day;
    ex.clock = now_true();
    REQUIRE(sync_at(ex, w, muni, now_true() + ahead).complete);
    CHECK(muni.state.cursors.at("inbox/muni_131016") == utc_day(now_true()));

    // Later the same day a writer with a correct clock publishes.
    write_at(site, "a", now_true() + 60);
    ex.clock = now_true() + 60;
    REQUIRE(sync_at(ex, w, site, now_true() + 60).pushed == 1);

    ex.clock = now_true() + 3600;
    auto r = sync_at(ex, w, muni, now_true() + ahead + 3600);
    CHECK(r.accepted == 1);
    CHECK(muni.store.size() == 1);
}

TEST_CASE("a reader two days behind sets its cursor by the exchange's day and finds what was written") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    write_at(site, "a", now_true());
    ex.clock = now_true();
    REQUIRE(sync_at(ex, w, site, now_true()).pushed == 1);

    ex.clock = now_true() + 3600;
    auto r = sync_at(ex, w, muni, now_true() - 2 * k_day + 3600);
    CHECK(r.accepted == 1);
    CHECK(muni.state.cursors.at("inbox/muni_131016") == utc_day(now_true()));
    CHECK(sync_at(ex, w, muni, now_true() - 2 * k_day + 7200).fetched == 0);  // nothing twice
}

TEST_CASE("a cursor left ahead of the exchange's day by a clock that was ahead counts as today") {
    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    for (const auto& f : pull_folders(w.rel, muni.org)) muni.state.cursors[f] = utc_day(now_true() + 2 * k_day);
    write_at(site, "a", now_true());
    ex.clock = now_true();
    REQUIRE(sync_at(ex, w, site, now_true()).pushed == 1);

    ex.clock = now_true() + 3600;
    CHECK(sync_at(ex, w, muni, now_true() + 3600).accepted == 1);
    CHECK(muni.state.cursors.at("inbox/muni_131016") == utc_day(now_true()));
}

// [SECTION] The browser's way: the exchange's Date with each answer

TEST_CASE("in the browser's way of syncing, the exchange's Date with each answer sets the day") {
    PendingTransport t;
    CHECK(t.exchange_time_pending());  // nothing answered yet: the day is not known
    t.answer_time(now_true() + 5);
    t.answer_time(now_true());  // answers arrive out of order: the latest time wins
    CHECK_FALSE(t.exchange_time_pending());
    CHECK(t.exchange_time() == now_true() + 5);

    World w;
    MemoryTransport ex;
    Device site(w, "site:0110113719"), muni(w, "muni:131016");
    ex.clock = now_true();
    REQUIRE(drive(ex, w, muni, now_true(), true).complete);
    const UtcTime behind = now_true() - 2 * k_day;
    write_at(site, "a", behind);
    ex.clock = now_true() + 60;
    CHECK(drive(ex, w, site, behind + 60, true).pushed == 1);
    CHECK(pointer_days(ex) == std::set<std::string>{utc_day(now_true())});
    ex.clock = now_true() + 3600;
    CHECK(drive(ex, w, muni, now_true() + 3600, true).accepted == 1);

    // A host that cannot read the exchange's time falls back to the device's clock.
    write_at(site, "b", behind + 120);
    CHECK(drive(ex, w, site, behind + 120, false).pushed == 1);
    CHECK(pointer_days(ex) == std::set<std::string>{utc_day(behind), utc_day(now_true())});
}

// [SECTION] Enrolment and certificates under skew

TEST_CASE("enrolment tolerates a claimer's clock two days behind or ahead, not more than three days") {
    World w;
    const std::string muni = "muni:131016";
    Account a = account_for("site:0110113719");
    auto issue = [&](UtcTime valid_for) {
        return *issue_enrolment(w.rel, w.dev[muni].key, muni, "U-x", a, now_true(), now_true() + valid_for,
                                now_true() + 365 * k_day);
    };
    int seed = 60;
    // Claims the code on a device whose clock reads `clock`, then publishes its first bundle
    // (which carries the chain) timed by that clock; "" when a reader accepts it.
    auto claim_and_publish = [&](const IssuedEnrolment& e, UtcTime clock) -> std::string {
        auto enrolled = claim_enrolment(e.code, e.cert, w.dev[muni].chain, w.trust.spent,
                                        key_pair_from_seed(seed_of(seed++)), clock);
        if (!enrolled) return enrolled.error().code;
        FeedWriter f{a.org, enrolled->device, enrolled->chain, 0, ""};
        return w.receive(*write_bundle(f, clock + 60, {enrolled->document}, {}));
    };
    // Issued just now with a correct clock, claimed on a device two days behind.
    CHECK(claim_and_publish(issue(14 * k_day), now_true() - 2 * k_day) == "");
    // A code that ends tomorrow, claimed today on a device two days ahead.
    CHECK(claim_and_publish(issue(k_day), now_true() + 2 * k_day) == "");
    // Beyond the tolerance the code is refused either way.
    CHECK(claim_and_publish(issue(14 * k_day), now_true() - 3 * k_day - 1) == "enrolment.expired");
    CHECK(claim_and_publish(issue(k_day), now_true() + 4 * k_day + 1) == "enrolment.expired");
}

TEST_CASE("a device whose clock falls two days behind its certificate still publishes") {
    World w;
    const std::string site = "site:0110113719";
    // The device was enrolled at t0 with a correct clock; now it reads two days earlier.
    FeedWriter feed = w.dev[site];
    CHECK(w.receive(*write_bundle(feed, t0() - 2 * k_day, {w.doc(site, "report", "a", {{"v", 1}})}, {})) == "");
    CHECK(w.receive(*write_bundle(feed, t0() - 2 * k_day + 60, {w.doc(site, "report", "b", {{"v", 1}})}, {})) == "");
    FeedWriter late = feed;
    CHECK(w.verify(*write_bundle(late, t0() - 3 * k_day - 1, {w.doc(site, "report", "c", {{"v", 1}})}, {})).error.code ==
          "cert.expired");
}

// [SECTION] In the app: enrolling and syncing two days off

TEST_CASE("in the app, a site two days behind enrols with a demo code and reaches its municipality two days ahead") {
    test::AppFixture site, muni;
    const UtcTime now = site.clock;
    MemoryTransport ex;
    ex.clock = now;
    write_demo(ex, site, now);
    site.clock = now - 2 * k_day;
    muni.clock = now + 2 * k_day;
    const Site* s = nullptr;
    for (const auto& c : site.app.directory().demo().sites)
        if (!s && c.kind == SiteKind::site && c.municipality.rfind("31", 0) == 0) s = &c;
    REQUIRE(s);

    REQUIRE(muni.login("VM" + s->municipality));
    auto st = app_sync(muni.app, ex);
    CHECK(st["error"].is_null());
    CHECK(st["enrolled"] == true);
    REQUIRE(site.login("VS" + s->code));
    st = app_sync(site.app, ex);
    CHECK(st["error"].is_null());
    CHECK(st["enrolled"] == true);  // the code, issued at the exchange's time, is two days ahead of the site

    REQUIRE(site.run({{"type", "update_site_info"}, {"site", s->code}, {"phone", "0857-00-1234"}})["ok"] == true);
    ex.clock = now + 3600;
    st = app_sync(site.app, ex);
    CHECK(st["outbox"] == 0);
    CHECK(pointer_days(ex) == std::set<std::string>{utc_day(now)});  // the demo's pointers and the site's

    ex.clock = now + 7200;
    st = app_sync(muni.app, ex);
    CHECK(st["error"].is_null());
    CHECK(st["rejected"].empty());
    auto v = muni.view("site", {{"site", s->code}});
    REQUIRE(v["ok"] == true);
    CHECK(v["view"].dump().find("0857-00-1234") != std::string::npos);
}

TEST_SUITE_END();
