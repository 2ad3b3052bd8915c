// Sync benchmark (issue 5 targets): a Tokyo-sized history (62 municipalities, ~9,000 sites,
// 10 rounds of requests and allocations) written as signed feeds into an in-memory exchange;
// the prefecture verifies and applies all of it (documents per second); then, on a day with one
// new round, the bytes and requests of a site's and of the prefecture's daily sync.
// Prints Markdown table rows for docs/BENCHMARKS.md.
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "sync/canonical.hpp"
#include "sync/exchange.hpp"
#include "sync/identity.hpp"

using namespace vsys;
using namespace vsys::sync;

namespace {

constexpr int k_munis = 62, k_sites = 9000, k_rounds = 10;

struct Relations : OrgRelations {
    std::map<std::string, std::string> parent;
    std::string parent_of(std::string_view org) const override {
        auto it = parent.find(std::string(org));
        return it == parent.end() ? std::string() : it->second;
    }
};

struct Writer {
    FeedWriter feed;
    DocumentStore store;  // its own documents, for successor()
};

Seed seed_of(int n) {
    Seed s{};
    for (int i = 0; i < 4; ++i) s[i] = static_cast<std::uint8_t>(n >> (8 * i));
    s[5] = 0x77;
    return s;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// One machine-readable line per figure, for tools/bench (which compares native and wasm).
void bench_line(const std::string& id, const std::string& label, double value, const char* unit) {
    std::printf("BENCH {\"id\":\"%s\",\"label\":\"%s\",\"value\":%.10g,\"unit\":\"%s\"}\n", id.c_str(), label.c_str(),
                value, unit);
}

}  // namespace

int main() {
    const UtcTime t0 = *parse_utc("2021-06-01T00:00:00Z");
    Relations rel;
    std::vector<std::string> munis, sites;
    rel.parent["pref:130001"] = "nation";
    for (int m = 0; m < k_munis; ++m) {
        munis.push_back("muni:13" + std::to_string(1000 + m * 10));
        rel.parent[munis.back()] = "pref:130001";
    }
    for (int s = 0; s < k_sites; ++s) {
        sites.push_back("site:13" + std::to_string(10000000 + s));
        rel.parent[sites.back()] = munis[s % k_munis];
    }

    // Enrolment: root → nation → prefecture → wards → sites, one device each.
    KeyPair root = key_pair_from_seed(seed_of(1));
    std::map<std::string, Writer> dev;
    int next = 2;
    auto enrol = [&](const std::string& org) {
        Role r;
        role_of_org(org, r);
        std::string id = "U-" + org.substr(org.find(':') + 1);
        Account a{id, "Bench", role_name(r), org, "active"};
        IssuedEnrolment e;
        std::vector<Certificate> chain;
        if (org == "nation") {
            e = init_deployment(root, a, t0, t0 + 86400, t0 + 400 * 86400)->nation_enrolment;
        } else {
            auto mgr = managing_org(rel, org);
            e = *issue_enrolment(rel, dev[mgr].feed.key, mgr, "U", a, t0, t0 + 86400, t0 + 400 * 86400);
            chain = dev[mgr].feed.chain;
        }
        auto en = claim_enrolment(e.code, e.cert, chain, {}, key_pair_from_seed(seed_of(next++)), t0);
        dev[org].feed = FeedWriter{org, en->device, en->chain, 0, ""};
    };
    enrol("nation");
    enrol("pref:130001");
    for (const auto& m : munis) enrol(m);
    for (const auto& s : sites) enrol(s);

    MemoryTransport ex;
    std::size_t docs_written = 0;
    auto publish = [&](const std::string& org, std::vector<std::pair<std::string, nlohmann::json>> items,
                       UtcTime now, const std::string& kind) {
        Writer& w = dev[org];
        std::vector<DocumentVersion> docs;
        for (auto& [id, body] : items) {
            auto d = *w.store.successor(org, kind, id, std::move(body));
            d.author = "U";
            d.time = format_utc(now);
            seal(d);
            w.store.apply(d, Origin::local);
            docs.push_back(std::move(d));
        }
        docs_written += docs.size();
        auto f = *write_bundle(w.feed, now, docs, {});
        const std::string device = device_id_of(w.feed.key.public_hex);
        ex.put_new(feed_folder(org, device) + "/" + f.name, f.bytes);
        for (const auto& folder : pointer_folders(rel, org, {}))
            ex.put_new(folder + "/" + utc_day(now) + "/" + pointer_name(org, device, f.name), f.name);
    };
    auto write_round = [&](int r) {
        const UtcTime day = t0 + (r + 1) * 86400 + 3600;
        const std::string round = "r" + std::to_string(r);
        publish("nation", {{round, {{"pref:130001", 100000}}}}, day, "round");
        std::vector<std::pair<std::string, nlohmann::json>> pref_alloc;
        for (const auto& m : munis) pref_alloc.push_back({round + "-" + m, {{"round", round}, {"muni", m}, {"boxes", 1600}}});
        publish("pref:130001", pref_alloc, day, "allocation");
        for (int m = 0; m < k_munis; ++m) {
            std::vector<std::pair<std::string, nlohmann::json>> alloc;
            for (int s = m; s < k_sites; s += k_munis)
                alloc.push_back({round + "-" + sites[s], {{"round", round}, {"site", sites[s]}, {"boxes", 11}}});
            publish(munis[m], alloc, day, "allocation");
        }
        for (const auto& s : sites) publish(s, {{round, {{"round", round}, {"boxes", 12}, {"doses", 1170}}}}, day, "request");
    };
    auto t = std::chrono::steady_clock::now();
    for (int r = 1; r < k_rounds; ++r) write_round(r);
    const double write_s = seconds_since(t);

    // The prefecture verifies and applies rounds 1..9; a site and the prefecture catch up.
    auto reader = [&](const std::string& org) {
        struct R { TrustState trust; DocumentStore store; SyncState state; };
        R x;
        x.trust.root_key = root.public_hex;
        return x;
    };
    auto pref = reader("pref:130001");
    auto site = reader(sites[0]);
    t = std::chrono::steady_clock::now();
    auto rep = sync_once(ex, rel, "pref:130001", pref.state, pref.trust, pref.store, t0 + 10 * 86400);
    const double verify_s = seconds_since(t);
    sync_once(ex, rel, sites[0], site.state, site.trust, site.store, t0 + 10 * 86400);

    // Day 11: one new round. Count what each reader's daily sync costs.
    write_round(k_rounds);
    auto cost = [&](auto& r, const std::string& org) {
        MemoryTransport& m = ex;
        std::size_t l0 = m.lists, g0 = m.gets, b0 = m.bytes_read;
        auto tt = std::chrono::steady_clock::now();
        auto rr = sync_once(ex, rel, org, r.state, r.trust, r.store, t0 + 11 * 86400 + 7200);
        const double took = seconds_since(tt);
        std::printf("| sync: %s daily sync, one new round | %zu listings + %zu files | %zu bytes | %.2f s | %zu docs |\n",
                    org.c_str(), m.lists - l0, m.gets - g0, m.bytes_read - b0, took, r.store.size());
        const std::string id = org.rfind("site:", 0) == 0 ? "daily.site" : "daily.prefecture";
        const std::string who = org.rfind("site:", 0) == 0 ? "a site" : "the prefecture";
        bench_line(id + ".bytes", "bytes " + who + " downloads on a daily sync", static_cast<double>(m.bytes_read - b0), "bytes");
        bench_line(id + ".requests", "requests (listings + files) of " + who + "'s daily sync",
                   static_cast<double>(m.lists - l0 + m.gets - g0), "requests");
        bench_line(id + ".time", "time of " + who + "'s daily sync", took, "s");
        return rr;
    };

    std::printf("| benchmark | amount | result | time | notes |\n|---|---|---|---|---|\n");
    std::printf("| sync: write Tokyo history (9 rounds) | %zu docs, %zu files | %.0f docs/s | %.2f s | signing + sealing |\n",
                docs_written, ex.files.size(), docs_written / write_s, write_s);
    std::printf("| sync: verify + apply Tokyo history (prefecture) | %zu bundles, %zu docs | %.0f docs/s | %.2f s | %zu rejected |\n",
                rep.fetched, pref.store.size(), pref.store.size() / verify_s, verify_s, rep.rejected);
    bench_line("write.rate", "write Tokyo history: signing + sealing", docs_written / write_s, "docs/s");
    bench_line("verify.rate", "verify + apply Tokyo history (prefecture)", pref.store.size() / verify_s, "docs/s");
    bench_line("verify.time", "verify + apply Tokyo history (prefecture), total", verify_s, "s");
    cost(site, sites[0]);
    cost(pref, std::string("pref:130001"));
    return 0;
}
