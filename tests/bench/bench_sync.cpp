// Sync benchmark (issue 5 targets). Two exchanges, both written with the product's writers
// (write_bundle, then the pointers a push writes: pointer_folders, pointer_name, feed_folder)
// into a MemoryTransport (WireTransport: listings counted as nginx's gzipped JSON autoindex),
// which counts the requests and bytes each sync_once serves. The documents are the chain's own
// (round, shares, deliveries, requests) and must all be accepted:
// 1. Tokyo: 62 municipalities, 9,000 sites, one device each; 9 rounds of requests and
//    allocations. The prefecture verifies and applies all of it (documents per second, by wall
//    clock and by the process's CPU time: the machine is shared, so CPU time is the steadier
//    figure for wasm/native); then, on a day with one new round, a site's and the
//    prefecture's daily sync.
// 2. The nation: the real 47 prefectures and 1,741 municipalities, 40 sites each (69,640),
//    three days on which everyone publishes once (day 1 begins every feed, so its bundles carry
//    the device chains). The nation syncs after day 2; its day-3 sync is the daily cost. Then a
//    municipality's new device makes its first sync (its subtree and its ancestors' news),
//    compared with the size of the whole exchange.
// Prints Markdown rows and `BENCH {json}` lines for tests/bench/run.mjs.
// Peak memory: about 2 GB natively, most of it the national exchange and the nation's store.
//
// [SECTION] Sizes, timers and bench lines
// [SECTION] The chain's documents of a day
// [SECTION] nginx's listings as they cross the wire
// [SECTION] A deployment, its readers, packers and what a sync costs
// [SECTION] Tokyo
// [SECTION] The nation
// [SECTION] main
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif
#include <zlib.h>

#include "core/allocation/chain_documents.hpp"
#include "core/allocation/kinds.hpp"
#include "core/directory/local_gov.hpp"
#include "sync/canonical.hpp"
#include "sync/exchange.hpp"
#include "sync/identity.hpp"

using namespace vsys;
using namespace vsys::sync;

// [SECTION] Sizes, timers and bench lines

namespace {

constexpr int k_munis = 62, k_sites = 9000, k_rounds = 10;
constexpr int k_national_sites_per_muni = 40;
constexpr UtcTime k_day = 86400;

// Every bundle the benchmark writes is valid: one refused means the figures measure the
// rejection path, not the product's, and the run fails (the count is printed at the end).
std::size_t g_rejected = 0;

struct Relations : OrgRelations {
    std::map<std::string, std::string> parent;
    std::string parent_of(std::string_view org) const override {
        auto it = parent.find(std::string(org));
        return it == parent.end() ? std::string() : it->second;
    }
};

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// CPU time of the whole process (under node: every thread of it, V8's compiler and GC included).
double cpu_seconds() {
#ifdef __EMSCRIPTEN__
    return EM_ASM_DOUBLE({
        const u = process.cpuUsage();
        return (u.user + u.system) / 1e6;
    });
#else
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
#endif
}

struct Timer {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu = cpu_seconds();
    double wall_s() const { return seconds_since(wall); }
    double cpu_s() const { return cpu_seconds() - cpu; }
};

// One machine-readable line per figure, for tools/bench (which compares native and wasm).
void bench_line(const std::string& id, const std::string& label, double value, const char* unit) {
    std::printf("BENCH {\"id\":\"%s\",\"label\":\"%s\",\"value\":%.10g,\"unit\":\"%s\"}\n", id.c_str(), label.c_str(),
                value, unit);
}

Seed seed_of(int n) {
    Seed s{};
    for (int i = 0; i < 4; ++i) s[i] = static_cast<std::uint8_t>(n >> (8 * i));
    s[5] = 0x77;
    return s;
}

// [SECTION] The chain's documents of a day

struct Item {
    std::string kind, id;
    nlohmann::json body;
};
using Items = std::vector<Item>;

// The documents of a day of the allocation chain, in the product's own encodings, so that every
// reader's kind validation accepts them (a bench of rejections would measure the wrong path):
// the round (the nation), ① and ② (shares per child), ④ (deliveries per site), and a request.
Items round_item(const std::string& round) {
    return {{k_round_kind, round, round_state_to_json({round, RoundState::requests})}};
}
Items shares_item(const std::string& round, const std::vector<std::string>& children, std::int64_t each) {
    AmountsBody b;
    b.round = round;
    for (const auto& c : children) b.shares.push_back({c, each});
    std::sort(b.shares.begin(), b.shares.end(), [](const Share& x, const Share& y) { return x.org < y.org; });
    b.amount = each * static_cast<std::int64_t>(children.size());
    return {{k_allocation_kind, round, amounts_to_json(b)}};
}
Items deliveries_item(const std::string& round, const std::vector<std::string>& sites, std::int64_t each) {
    SiteAmountsBody b;
    b.round = round;
    for (const auto& s : sites) b.deliveries.push_back({s, each, 0, 0});
    std::sort(b.deliveries.begin(), b.deliveries.end(),
              [](const Delivery& x, const Delivery& y) { return x.site < y.site; });
    b.amount = each * static_cast<std::int64_t>(sites.size());
    return {{k_allocation_kind, round, site_amounts_to_json(b)}};
}
Items request_item(const std::string& round, std::int64_t boxes) {
    return {{k_request_kind, round, request_to_json({round, VaccineProduct::pfizer_12, boxes})}};
}

// [SECTION] nginx's listings as they cross the wire

// nginx's answer to a listing, as it crosses the wire: the JSON autoindex (one object per
// entry with its type, mtime and size) gzipped on the fly at nginx's default level 1, since the
// exchange's `gzip_types` include application/json (web/nginx.conf.in). Counted instead of
// MemoryTransport's flat estimate, so the bytes are those a browser would receive.
class WireTransport : public MemoryTransport {
public:
    Result<std::vector<std::string>> list(std::string_view folder) override {
        const std::size_t before = bytes_read;
        auto r = MemoryTransport::list(folder);
        if (!r) return r;
        bytes_read = before;
        std::string json = "[\n";
        for (const auto& name : *r) {
            json += "{ \"name\":\"" + name + "\", \"type\":\"file\", \"mtime\":\"Sun, 06 Jun 2021 01:00:00 GMT\", \"size\":1234 },\n";
        }
        json += "]\n";
        bytes_read += json.size() < 1024 ? json.size() : gzip_level1_size(json);
        return r;
    }

private:
    static std::size_t gzip_level1_size(const std::string& text) {
        z_stream z{};
        deflateInit2(&z, 1, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
        std::string out(deflateBound(&z, text.size()), '\0');
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
        z.avail_in = static_cast<uInt>(text.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        deflate(&z, Z_FINISH);
        const std::size_t n = z.total_out;
        deflateEnd(&z);
        return n;
    }
};

// [SECTION] A deployment, its readers, packers and what a sync costs

// A deployment whose organisations have one device each, publishing into one exchange.
struct Deployment {
    Relations rel;
    KeyPair root = key_pair_from_seed(seed_of(1));
    std::map<std::string, FeedWriter> feeds, packers;
    WireTransport ex;
    UtcTime t0 = *parse_utc("2021-06-01T00:00:00Z");
    int next_seed = 2;
    std::size_t docs_written = 0, bundles_written = 0;

    // Enrolment through the normal chain: a code issued by the managing organisation's device.
    void enrol(const std::string& org) {
        Role r;
        role_of_org(org, r);
        Account a{"U-" + org.substr(org.find(':') + 1), "Bench", role_name(r), org, "active"};
        IssuedEnrolment e;
        std::vector<Certificate> chain;
        if (org == "nation") {
            e = init_deployment(root, a, t0, t0 + k_day, t0 + 400 * k_day)->nation_enrolment;
        } else {
            const FeedWriter& mgr = feeds[managing_org(rel, org)];  // enrolled before its children
            e = *issue_enrolment(rel, mgr.key, mgr.org, "U", a, t0, t0 + k_day, t0 + 400 * k_day);
            chain = mgr.chain;
        }
        auto en = claim_enrolment(e.code, e.cert, chain, {}, key_pair_from_seed(seed_of(next_seed++)), t0);
        feeds[org] = FeedWriter{org, en->device, en->chain, 0, ""};
        packers[org] = feeds[org];  // publish() drops the chain after a feed's first bundle; a pack carries it
    }

    // Version 1 of each (kind, id): the benchmark's documents are new every round. The bundle
    // goes up first, then its pointers, as sync_once's push does.
    void publish(const std::string& org, Items items, UtcTime now) {
        FeedWriter& w = feeds[org];
        std::vector<DocumentVersion> docs;
        for (auto& [kind, id, body] : items) {
            DocumentVersion d;
            d.owner = org;
            d.kind = kind;
            d.id = id;
            d.author = "U";
            d.time = format_utc(now);
            d.body = std::move(body);
            seal(d);
            docs.push_back(std::move(d));
        }
        docs_written += docs.size();
        ++bundles_written;
        auto f = *write_bundle(w, now, docs, {});
        w.chain.clear();  // only a feed's first bundle carries it
        const std::string device = device_id_of(w.key.public_hex);
        const std::string path = feed_folder(org, device) + "/" + f.name;
        ex.put_new(path, f.bytes);
        for (const auto& folder : pointer_folders(rel, org, {}))
            ex.put_new(folder + "/" + utc_day(now) + "/" + pointer_name(org, device, f.name), path);
    }

    std::size_t exchange_bytes() const {
        std::size_t n = 0;
        for (const auto& [path, bytes] : ex.files) n += bytes.size();
        return n;
    }
};

struct Reader {
    TrustState trust;
    DocumentStore store;
    SyncState state;
};

// The devices that pack for their parent (docs/PROTOCOL.md §16), one per organisation: each
// syncs once after the day's bundles are up, wards before prefectures, as their clocks would
// have them in the evening. Returns the requests, bytes and packs they cost in all.
struct PackingCost {
    std::size_t requests = 0, bytes = 0, packs = 0, pack_bytes = 0, from_packs = 0, rejected = 0;
    double wall = 0;
};
PackingCost run_packers(Deployment& d, std::map<std::string, Reader>& readers, const std::vector<std::string>& orgs,
                        UtcTime now) {
    PackingCost c;
    const std::size_t l0 = d.ex.lists, g0 = d.ex.gets, p0 = d.ex.puts, b0 = d.ex.bytes_read;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& org : orgs) {
        auto [it, fresh] = readers.try_emplace(org);
        if (fresh) it->second.trust.root_key = d.root.public_hex;
        Reader& r = it->second;
        auto rep = sync_once(d.ex, d.rel, org, r.state, r.trust, r.store, now, default_authority_rules(), &d.packers[org]);
        c.packs += rep.packs_written;
        c.from_packs += rep.from_packs;
        c.rejected += rep.rejected;
    }
    c.wall = seconds_since(start);
    g_rejected += c.rejected;
    c.requests = (d.ex.lists - l0) + (d.ex.gets - g0) + (d.ex.puts - p0);
    c.bytes = d.ex.bytes_read - b0;
    for (const auto& [path, bytes] : d.ex.files)
        if (path.rfind("packs/", 0) == 0 && path.size() > 5 && path.compare(path.size() - 5, 5, ".pack") == 0)
            c.pack_bytes += bytes.size();
    return c;
}

void print_packing(const std::string& id, const std::string& who, const PackingCost& c) {
    std::printf("| sync: %s pack their day | %zu packs, %zu bytes of packs on the exchange | %zu requests, %zu bytes read | %.2f s | %zu bundles from packs, %zu rejected |\n",
                who.c_str(), c.packs, c.pack_bytes, c.requests, c.bytes, c.wall, c.from_packs, c.rejected);
    bench_line(id + ".packs", "packs written by " + who, static_cast<double>(c.packs), "packs");
}

Reader reader_of(const Deployment& d) {
    Reader r;
    r.trust.root_key = d.root.public_hex;
    return r;
}

// One sync_once, with the requests and bytes it cost.
struct Cost {
    SyncReport report;
    std::size_t lists = 0, gets = 0, bytes = 0;
    double wall = 0, cpu = 0;
};

Cost sync_cost(Deployment& d, Reader& r, const std::string& org, UtcTime now) {
    MemoryTransport& m = d.ex;
    const std::size_t l0 = m.lists, g0 = m.gets, b0 = m.bytes_read;
    Timer t;
    Cost c;
    c.report = sync_once(m, d.rel, org, r.state, r.trust, r.store, now);
    g_rejected += c.report.rejected;
    c.wall = t.wall_s();
    c.cpu = t.cpu_s();
    c.lists = m.lists - l0;
    c.gets = m.gets - g0;
    c.bytes = m.bytes_read - b0;
    return c;
}

void print_cost(const std::string& id, const std::string& who, const std::string& what, const Cost& c,
                const Reader& r) {
    std::printf("| sync: %s, %s | %zu listings + %zu files | %zu bytes | %.2f s (CPU %.2f s) | %zu fetched, %zu rejected, %zu docs held |\n",
                who.c_str(), what.c_str(), c.lists, c.gets, c.bytes, c.wall, c.cpu, c.report.fetched,
                c.report.rejected, r.store.size());
    bench_line(id + ".bytes", "bytes " + who + " downloads: " + what, static_cast<double>(c.bytes), "bytes");
    bench_line(id + ".requests", "requests (listings + files) of " + who + ": " + what,
               static_cast<double>(c.lists + c.gets), "requests");
    bench_line(id + ".time", "time of " + who + ": " + what, c.wall, "s");
}

// [SECTION] Tokyo

void tokyo() {
    Deployment d;
    std::vector<std::string> munis, sites;
    d.rel.parent["pref:130001"] = "nation";
    for (int m = 0; m < k_munis; ++m) {
        munis.push_back("muni:13" + std::to_string(1000 + m * 10));
        d.rel.parent[munis.back()] = "pref:130001";
    }
    for (int s = 0; s < k_sites; ++s) {
        sites.push_back("site:13" + std::to_string(10000000 + s));
        d.rel.parent[sites.back()] = munis[s % k_munis];
    }
    d.enrol("nation");
    d.enrol("pref:130001");
    for (const auto& m : munis) d.enrol(m);
    for (const auto& s : sites) d.enrol(s);

    std::map<std::string, Reader> packing;  // the wards' devices, packing for the prefecture
    auto write_round = [&](int r) {
        const UtcTime day = d.t0 + (r + 1) * k_day + 3600;
        const std::string round = "r" + std::to_string(r);
        d.publish("nation", round_item(round), day);
        d.publish("pref:130001", shares_item(round, munis, 1600), day);
        for (int m = 0; m < k_munis; ++m) {
            std::vector<std::string> own;
            for (int s = m; s < k_sites; s += k_munis) own.push_back(sites[s]);
            d.publish(munis[m], deliveries_item(round, own, 11), day);
        }
        for (const auto& s : sites) d.publish(s, request_item(round, 12), day);
        return run_packers(d, packing, munis, day + 3000);  // each ward syncs and packs that evening
    };
    Timer w;
    for (int r = 1; r < k_rounds; ++r) write_round(r);
    const double write_wall = w.wall_s(), write_cpu = w.cpu_s();
    const std::size_t written = d.docs_written;

    // The prefecture verifies and applies rounds 1..9; a site catches up too.
    Reader pref = reader_of(d), site = reader_of(d);
    Timer v;
    auto rep = sync_once(d.ex, d.rel, "pref:130001", pref.state, pref.trust, pref.store, d.t0 + 10 * k_day);
    const double verify_wall = v.wall_s(), verify_cpu = v.cpu_s();
    g_rejected += rep.rejected;
    g_rejected += sync_once(d.ex, d.rel, sites[0], site.state, site.trust, site.store, d.t0 + 10 * k_day).rejected;

    std::printf("| benchmark | amount | result | time | notes |\n|---|---|---|---|---|\n");
    std::printf("| sync: write Tokyo history (9 rounds) | %zu docs, %zu bundles, %zu files | %.0f docs/s (CPU %.0f docs/s) | %.2f s (CPU %.2f s) | signing + sealing |\n",
                written, d.bundles_written, d.ex.files.size(), written / write_wall, written / write_cpu, write_wall, write_cpu);
    std::printf("| sync: verify + apply Tokyo history (prefecture) | %zu bundles, %zu docs | %.0f docs/s (CPU %.0f docs/s) | %.2f s (CPU %.2f s) | %zu rejected |\n",
                rep.fetched, pref.store.size(), pref.store.size() / verify_wall, pref.store.size() / verify_cpu,
                verify_wall, verify_cpu, rep.rejected);
    bench_line("write.rate", "write Tokyo history: signing + sealing", written / write_wall, "docs/s");
    bench_line("verify.rate", "verify + apply Tokyo history (prefecture), wall clock", pref.store.size() / verify_wall, "docs/s");
    bench_line("verify.cpu_rate", "verify + apply Tokyo history (prefecture), CPU time", pref.store.size() / verify_cpu, "docs/s");
    bench_line("verify.time", "verify + apply Tokyo history (prefecture), total", verify_wall, "s");
    bench_line("verify.rejected", "bundles rejected while verifying the Tokyo history", static_cast<double>(rep.rejected), "bundles");

    // Day 11: one new round, which the wards read and pack. What each reader's daily sync costs.
    print_packing("daily.munis", "Tokyo's 62 wards", write_round(k_rounds));
    const UtcTime now = d.t0 + 11 * k_day + 7200;
    print_cost("daily.site", "a site", "daily sync, one new round", sync_cost(d, site, sites[0], now), site);
    print_cost("daily.prefecture", "the prefecture", "daily sync, one new round", sync_cost(d, pref, "pref:130001", now), pref);
}

// [SECTION] The nation

void nation() {
    Deployment d;
    std::vector<std::string> prefs, munis, sites;
    std::map<std::string, std::vector<std::string>> children;
    for (const auto& g : local_governments()) {
        if (!g.active) continue;
        if (g.kind == LocalGovKind::prefecture) {
            prefs.push_back("pref:" + g.code);
            d.rel.parent[prefs.back()] = "nation";
            children["nation"].push_back(prefs.back());
        }
    }
    for (const auto& g : local_governments()) {
        if (!g.active || g.kind == LocalGovKind::prefecture) continue;
        const std::string m = "muni:" + g.code, p = "pref:" + g.parent;
        if (!d.rel.parent.count(p)) continue;
        munis.push_back(m);
        d.rel.parent[m] = p;
        children[p].push_back(m);
        for (int s = 0; s < k_national_sites_per_muni; ++s) {
            sites.push_back("site:" + g.code + std::to_string(1000 + s));
            d.rel.parent[sites.back()] = m;
            children[m].push_back(sites.back());
        }
    }
    d.enrol("nation");
    for (const auto& p : prefs) d.enrol(p);
    for (const auto& m : munis) d.enrol(m);
    for (const auto& s : sites) d.enrol(s);

    // A day on which every organisation publishes once: the round, the allocations, a request.
    auto write_day = [&](int day_no) {
        const UtcTime day = d.t0 + day_no * k_day + 3600;
        const std::string round = "n" + std::to_string(day_no);
        Items nation_docs = round_item(round);
        for (auto& item : shares_item(round, children["nation"], 20000)) nation_docs.push_back(std::move(item));
        d.publish("nation", nation_docs, day);
        for (const auto& org : prefs) d.publish(org, shares_item(round, children[org], 500), day);
        for (const auto& org : munis) d.publish(org, deliveries_item(round, children[org], 11), day);
        for (const auto& s : sites) d.publish(s, request_item(round, 12), day);
    };
    Timer w;
    write_day(1);
    write_day(2);
    const double write_wall = w.wall_s();

    // The wards' and prefectures' devices read each day and pack it (wards first).
    std::map<std::string, Reader> packing;
    for (int day_no = 1; day_no <= 2; ++day_no) {
        const UtcTime evening = d.t0 + day_no * k_day + 7000;
        run_packers(d, packing, munis, evening);
        run_packers(d, packing, prefs, evening + 100);
    }
    Reader nat = reader_of(d);
    const Cost catch_up = sync_cost(d, nat, "nation", d.t0 + 2 * k_day + 7200);
    write_day(3);
    print_packing("daily.munis", "the 1,741 municipalities", run_packers(d, packing, munis, d.t0 + 3 * k_day + 7000));
    print_packing("daily.prefs", "the 47 prefectures", run_packers(d, packing, prefs, d.t0 + 3 * k_day + 7100));
    const std::size_t day_bundles = 1 + prefs.size() + munis.size() + sites.size();
    std::printf("| sync: write the national history (3 days) | %zu organisations, %zu bundles, %zu docs, %zu files | %zu bytes | %.2f s | days 1-2 only in the time |\n",
                d.feeds.size(), d.bundles_written, d.docs_written, d.ex.files.size(), d.exchange_bytes(), write_wall);
    std::printf("| sync: the nation catches up on days 1-2 | %zu listings + %zu files | %zu bytes | %.2f s (CPU %.2f s) | %zu fetched, %zu rejected |\n",
                catch_up.lists, catch_up.gets, catch_up.bytes, catch_up.wall, catch_up.cpu, catch_up.report.fetched,
                catch_up.report.rejected);

    const Cost daily = sync_cost(d, nat, "nation", d.t0 + 3 * k_day + 7200);
    print_cost("daily.nation", "the nation", "daily sync, every organisation published once (" +
                                                 std::to_string(day_bundles) + " bundles)", daily, nat);
    bench_line("daily.nation.rejected", "bundles rejected in the nation's daily sync", static_cast<double>(daily.report.rejected), "bundles");

    // A municipality's new device: its first sync, from nothing.
    const std::string muni = "muni:131016";
    Reader fresh = reader_of(d);
    const Cost first = sync_cost(d, fresh, muni, d.t0 + 3 * k_day + 7200);
    const std::size_t total = d.exchange_bytes();
    print_cost("first.municipality", "a new municipality device (" + muni + ")", "first sync of its subtree", first, fresh);
    std::printf("| sync: the whole national exchange | %zu files | %zu bytes | | the first sync above read %.3f%% of it |\n",
                d.ex.files.size(), total, 100.0 * static_cast<double>(first.bytes) / static_cast<double>(total));
    // Its scope: its own feed, its sites' feeds and its two ancestors' (through their news).
    const std::size_t in_scope = 3 * (1 + children[muni].size() + 2);
    const double outside = static_cast<double>(first.report.fetched) - static_cast<double>(in_scope);
    std::printf("| sync: bundles in the new device's scope (3 days of itself, its %zu sites, its prefecture, the nation) | %zu bundles | %zu fetched | | %.0f from outside its scope |\n",
                children[muni].size(), in_scope, first.report.fetched, outside);
    bench_line("exchange.national.bytes", "bytes of every file on the national exchange", static_cast<double>(total), "bytes");
    bench_line("first.municipality.outside", "bundles from outside its scope in the new municipality's first sync", outside,
               "bundles");
    bench_line("first.municipality.rejected", "bundles rejected in the new municipality's first sync",
               static_cast<double>(first.report.rejected), "bundles");
}

}  // namespace

// [SECTION] main

// `bench_sync tokyo` or `bench_sync nation` runs one part; no argument runs both.
int main(int argc, char** argv) {
    const std::string only = argc > 1 ? argv[1] : "";
    if (only.empty() || only == "tokyo") tokyo();
    if (only.empty() || only == "nation") nation();
    if (g_rejected > 0) {
        std::fprintf(stderr, "bench_sync: %zu bundles were rejected; the figures above are not the product's\n", g_rejected);
        return 1;
    }
    return 0;
}
