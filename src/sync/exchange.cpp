#include "sync/exchange.hpp"

#include <algorithm>
#include <set>

namespace vsys::sync {
namespace {

bool has_children(std::string_view org) {
    Role r;
    return role_of_org(org, r) && (r == Role::nation || r == Role::prefecture || r == Role::municipality);
}

std::string day_before(const std::string& day) {
    auto t = parse_utc(day + "T00:00:00Z");
    return t ? utc_day(*t - k_seconds_per_day) : std::string();
}

void note_rejection(SyncState& state, std::string path, Error e) {
    for (const auto& r : state.rejected)
        if (r.path == path) return;
    state.rejected.push_back({std::move(path), std::move(e)});
}

}  // namespace

std::string org_segment(std::string_view org) {
    std::string s(org);
    std::replace(s.begin(), s.end(), ':', '_');
    return s;
}

std::string org_from_segment(std::string_view segment) {
    std::string s(segment);
    std::replace(s.begin(), s.end(), '_', ':');
    return s;
}

std::string feed_folder(std::string_view org, std::string_view device) {
    return "feeds/" + org_segment(org) + "/" + std::string(device);
}
std::string inbox_folder(std::string_view audience) { return "inbox/" + org_segment(audience); }
std::string news_folder(std::string_view org) { return "news/" + org_segment(org); }

std::string pointer_name(std::string_view org, std::string_view device, std::string_view bundle_name) {
    return org_segment(org) + "." + std::string(device) + "." + std::string(bundle_name);
}

bool parse_pointer(std::string_view p, PointerTarget& out) {
    auto a = p.find('.');
    if (a == std::string_view::npos) return false;
    auto b = p.find('.', a + 1);
    if (b == std::string_view::npos) return false;
    out.org = org_from_segment(p.substr(0, a));
    out.device = std::string(p.substr(a + 1, b - a - 1));
    out.name = std::string(p.substr(b + 1));
    return valid_org_id(out.org) && out.device.size() == 16 && parse_bundle_name(out.name, out.seq, out.hash);
}

std::vector<std::string> pointer_folders(const OrgRelations& rel, std::string_view writer_org,
                                         const std::vector<std::string>& to) {
    std::set<std::string> audiences(to.begin(), to.end());
    std::string cur(writer_org);
    for (int i = 0; i < 8 && !cur.empty(); ++i) {
        audiences.insert(cur);
        cur = rel.parent_of(cur);
    }
    std::vector<std::string> out;
    for (const auto& a : audiences) out.push_back(inbox_folder(a));
    if (has_children(writer_org)) out.push_back(news_folder(writer_org));
    return out;
}

std::vector<std::string> pull_folders(const OrgRelations& rel, std::string_view reader_org) {
    std::vector<std::string> out = {inbox_folder(reader_org)};
    std::string cur = rel.parent_of(reader_org);
    for (int i = 0; i < 8 && !cur.empty(); ++i) {
        out.push_back(news_folder(cur));
        cur = rel.parent_of(cur);
    }
    return out;
}

SyncReport sync_once(Transport& t, const OrgRelations& rel, std::string_view reader_org, SyncState& state,
                     TrustState& trust, DocumentStore& store, UtcTime now, const AuthorityRules& rules) {
    SyncReport rep;
    const std::string today = utc_day(now);
    auto fail = [&](Error e) {
        rep.error = std::move(e);
        return rep;
    };

    // Push: the bundle first, then its pointers, so a pointer never names a missing file.
    while (!state.outbox.empty()) {
        const Outgoing& o = state.outbox.front();
        auto written = [](const Status& s) { return s.ok() || s.error().code == "transport.exists"; };
        auto s = t.put_new(feed_folder(o.org, o.device) + "/" + o.file.name, o.file.bytes);
        if (!written(s)) return fail(s.error());
        for (const auto& folder : pointer_folders(rel, o.org, o.to)) {
            auto p = t.put_new(folder + "/" + today + "/" + pointer_name(o.org, o.device, o.file.name),
                               feed_folder(o.org, o.device) + "/" + o.file.name);
            if (!written(p)) return fail(p.error());
        }
        store.mark_pushed(o.doc_hashes);
        state.outbox.erase(state.outbox.begin());
        ++rep.pushed;
    }

    // Discover: the days since each cursor (one day back, for writers whose clock is behind).
    std::map<std::string, std::map<std::uint64_t, std::string>> wanted;  // feed → seq → file name
    std::map<std::string, std::pair<std::string, std::string>> feed_ids;  // feed → (org, device)
    for (const auto& folder : pull_folders(rel, reader_org)) {
        auto days = t.list(folder);
        if (!days) return fail(days.error());
        const std::string from = state.cursors.count(folder) ? day_before(state.cursors[folder]) : std::string();
        for (const auto& day : *days) {
            if (day < from) continue;
            auto names = t.list(folder + "/" + day);
            if (!names) return fail(names.error());
            for (const auto& n : *names) {
                PointerTarget p;
                if (!parse_pointer(n, p)) continue;
                const std::string feed = p.org + "/" + p.device;
                auto f = trust.feeds.find(feed);
                if (f != trust.feeds.end() && p.seq <= f->second.hashes.size()) continue;
                wanted[feed][p.seq] = p.name;
                feed_ids[feed] = {p.org, p.device};
            }
        }
    }

    // Fetch each feed in sequence order; a hole is filled from the feed's own listing.
    for (auto& [feed, seqs] : wanted) {
        const auto& [org, device] = feed_ids[feed];
        auto f = trust.feeds.find(feed);
        std::uint64_t next = f == trust.feeds.end() ? 1 : f->second.hashes.size() + 1;
        bool contiguous = seqs.begin()->first == next && seqs.rbegin()->first - next + 1 == seqs.size();
        if (!contiguous) {
            auto names = t.list(feed_folder(org, device));
            if (!names) return fail(names.error());
            for (const auto& n : *names) {
                std::uint64_t seq;
                std::string hash;
                if (parse_bundle_name(n, seq, hash) && seq >= next && !seqs.count(seq)) seqs[seq] = n;
            }
        }
        for (const auto& [seq, name] : seqs) {
            if (seq < next) continue;
            const std::string path = feed_folder(org, device) + "/" + name;
            auto bytes = t.get(path);
            if (!bytes) return fail(bytes.error());
            ++rep.fetched;
            VerifyContext ctx{trust, store, rel, rules};
            Verdict v = verify_bundle(*bytes, name, ctx, &trust.cert_cache);
            if (auto c = commit(v, trust, store); !c) v.error = c.error();
            if (v.accepted()) {
                ++rep.accepted;
                next = seq + 1;
                continue;
            }
            ++rep.rejected;
            note_rejection(state, path, v.error);
            if (!v.advances_feed) break;  // later bundles of this feed cannot chain past it
            next = seq + 1;
        }
    }

    for (const auto& folder : pull_folders(rel, reader_org)) state.cursors[folder] = today;
    state.last_success = now;
    rep.complete = true;
    return rep;
}

}  // namespace vsys::sync
