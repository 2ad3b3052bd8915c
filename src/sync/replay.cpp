#include "sync/replay.hpp"

#include <algorithm>
#include <map>
#include <queue>
#include <tuple>

#include "sync/utc_time.hpp"

namespace vsys::sync {
namespace {

struct Entry {
    std::string path, name, hash;
    std::uint64_t seq = 0;
    UtcTime hint = 0;
};

struct Feed {
    std::string org, device;
    int rank = 0;
    std::vector<Entry> entries;
};

bool lower_hex16(std::string_view s) {
    if (s.size() != 16) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// Ancestors first when times tie: a prefecture's allocation before its municipalities' use of it.
int rank_of(std::string_view org) {
    Role r = Role::site;
    role_of_org(org, r);
    switch (r) {
        case Role::nation: return 0;
        case Role::prefecture: return 1;
        case Role::municipality: return 2;
        case Role::federation:
        case Role::support: return 3;
        default: return 4;
    }
}

// The signing time a canonical bundle declares: its top-level "time" is the last "time" member
// of the text, since only "to" (organisation ids) follows it. 0 when absent or malformed.
UtcTime time_hint(std::string_view bytes) {
    constexpr std::string_view key = "\"time\":\"";
    auto at = bytes.rfind(key);
    if (at == std::string_view::npos || at + key.size() + 20 > bytes.size()) return 0;
    auto t = parse_utc(bytes.substr(at + key.size(), 20));
    return t ? *t : 0;
}

Error bad_path(const std::string& path) {
    return Error{"exchange.path", "the file is not where a bundle belongs", {{"path", path}}};
}

}  // namespace

ReplayReport replay_feeds(Transport& t, const std::vector<std::string>& paths, const OrgRelations& rel,
                          TrustState& trust, DocumentStore& store, const AuthorityRules& rules,
                          std::size_t max_bytes) {
    ReplayReport rep;
    rep.files = paths.size();
    std::map<std::string, Feed> feeds;  // "<org>/<device>"
    for (const auto& path : paths) {
        std::vector<std::string_view> parts;
        std::string_view rest = path;
        while (true) {
            auto slash = rest.find('/');
            parts.push_back(rest.substr(0, slash));
            if (slash == std::string_view::npos) break;
            rest = rest.substr(slash + 1);
        }
        const std::string org = parts.size() == 4 ? org_from_segment(parts[1]) : std::string();
        if (parts.size() != 4 || parts[0] != "feeds" || !valid_org_id(org) || org_segment(org) != parts[1] ||
            !lower_hex16(parts[2])) {
            rep.rejected.push_back({path, bad_path(path)});
            continue;
        }
        Entry e;
        e.path = path;
        e.name = std::string(parts[3]);
        if (!parse_bundle_name(e.name, e.seq, e.hash)) {
            rep.rejected.push_back({path, Error{"bundle.name", "the file name is not <seq>-<hash>.json", {{"name", e.name}}}});
            continue;
        }
        if (auto bytes = t.get(path)) e.hint = time_hint(*bytes);
        Feed& f = feeds[org + "/" + std::string(parts[2])];
        f.org = org;
        f.device = std::string(parts[2]);
        f.rank = rank_of(org);
        f.entries.push_back(std::move(e));
    }

    // Merge the feeds by declared time; within a feed the order is the sequence, whatever the
    // times say, so a feed's effective time never goes back.
    using Key = std::tuple<UtcTime, int, std::string, std::size_t>;
    std::priority_queue<Key, std::vector<Key>, std::greater<Key>> queue;
    for (auto& [id, f] : feeds) {
        std::sort(f.entries.begin(), f.entries.end(),
                  [](const Entry& a, const Entry& b) { return std::tie(a.seq, a.name) < std::tie(b.seq, b.name); });
        queue.emplace(f.entries.front().hint, f.rank, id, 0);
    }
    while (!queue.empty()) {
        auto [when, rank, id, index] = queue.top();
        queue.pop();
        Feed& f = feeds[id];
        if (index + 1 < f.entries.size())
            queue.emplace(std::max(when, f.entries[index + 1].hint), rank, id, index + 1);
        const Entry& e = f.entries[index];

        auto known = trust.feeds.find(id);
        if (known != trust.feeds.end() && e.seq <= known->second.hashes.size() &&
            known->second.hashes[e.seq - 1] == e.hash) {
            ++rep.skipped;
            continue;
        }
        auto bytes = t.get(e.path);
        if (!bytes) {
            rep.rejected.push_back({e.path, bytes.error()});
            continue;
        }
        VerifyContext ctx{trust, store, rel, rules, max_bytes};
        Verdict v = verify_bundle(*bytes, e.name, ctx, &trust.cert_cache);
        // A signed bundle copied into another feed's folder would otherwise count for its own feed.
        if (!v.feed.empty() && v.feed != id && (v.accepted() || v.advances_feed)) {
            rep.rejected.push_back({e.path, Error{"bundle.folder", "the bundle is not in its own feed's folder",
                                                  {{"feed", v.feed}}}});
            continue;
        }
        if (auto c = commit(v, trust, store); !c) v.error = c.error();
        if (v.accepted())
            rep.accepted.push_back({e.path, f.org, f.device, std::move(v.to), v.docs.size()});
        else
            rep.rejected.push_back({e.path, std::move(v.error)});
    }
    return rep;
}

}  // namespace vsys::sync
