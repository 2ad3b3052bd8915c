// The sync engine over the exchange's folders (exchange.hpp): where bundles and pointers go, the
// outbox, and one run of push, discover, fetch and pack (sync_once).
//
// [SECTION] Helpers: days, pack size, refusals (reading packs: pack_read.cpp)
// [SECTION] The folder layout: feeds, inboxes, news and pointers
// [SECTION] The outbox: queueing a bundle
// [SECTION] sync_once: the exchange's day, then push
// [SECTION] sync_once: discover the days since each cursor
// [SECTION] sync_once: packs addressed to us, then fetch each feed
// [SECTION] sync_once: pack for the parent, then the cursors
#include "sync/exchange.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "sync/crypto.hpp"
#include "sync/pack_read.hpp"

namespace vsys::sync {

// [SECTION] Helpers: days, pack size, refusals (reading packs: pack_read.cpp)

namespace {

bool has_children(std::string_view org) {
    Role r;
    return role_of_org(org, r) && (r == Role::nation || r == Role::prefecture || r == Role::municipality);
}

std::string day_before(const std::string& day) {
    auto t = parse_utc(day + "T00:00:00Z");
    return t ? utc_day(*t - k_seconds_per_day) : std::string();
}

// Bundles per pack at most (a pack adds its manifest): well under the 16 MiB an nginx exchange
// takes in one request (web/nginx.conf.in client_max_body_size), and under k_max_pack_bytes.
constexpr std::size_t k_pack_split_bytes = 8u << 20;

// The child of `reader` whose subtree holds `org` ("" when `org` is not below `reader`).
std::string child_towards(const OrgRelations& rel, std::string_view reader, std::string_view org) {
    std::string cur(org);
    for (int i = 0; i < 8 && !cur.empty(); ++i) {
        std::string up = rel.parent_of(cur);
        if (up == reader) return cur;
        cur = std::move(up);
    }
    return {};
}

// The refusals a run keeps, once per path: looked up by path, since a day of thousands of refused
// bundles (a bad actor, or a rule the writers do not meet yet) must not cost a scan per refusal.
class Refusals {
public:
    explicit Refusals(SyncState& state) : state_(state) {
        for (const auto& r : state.rejected) paths_.insert(r.path);
    }
    void note(const std::string& path, const Error& e) {
        if (paths_.insert(path).second) state_.rejected.push_back({path, e});
    }
    // A refusal noted earlier (e.g. by an imported file) is stale once the bundle is accepted.
    void accepted(const std::string& path) {
        if (paths_.erase(path)) stale_.insert(path);
    }
    ~Refusals() {
        if (!stale_.empty()) std::erase_if(state_.rejected, [&](const Rejection& r) { return stale_.count(r.path) > 0; });
    }

private:
    SyncState& state_;
    std::unordered_set<std::string> paths_, stale_;
};

}  // namespace

// [SECTION] The folder layout: feeds, inboxes, news and pointers

bool packs_for_parent(std::string_view org) {
    Role r;
    return role_of_org(org, r) && (r == Role::prefecture || r == Role::municipality);
}

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

// [SECTION] The outbox: queueing a bundle

Status queue_bundle(FeedWriter& feed, SyncState& state, TrustState& trust, const std::vector<DocumentVersion>& docs,
                    const std::vector<std::string>& to, UtcTime now) {
    if (feed.chain.empty()) return Error{"cert.chain_empty", "the device has no certificate"};
    auto file = write_bundle(feed, now, docs, to);
    if (!file) return file.error();
    const Certificate& cert = feed.chain.front();
    const std::string device = device_id_of(feed.key.public_hex);
    auto& own = trust.feeds[feed.org + "/" + device];
    if (own.hashes.empty()) {
        own.key = feed.key.public_hex;
        own.signer = Signer{cert.key, cert.account, cert.org, Role::site, device};
        parse_role(cert.role, own.signer.role);
    }
    own.hashes.push_back(file->hash);
    own.last_time = now;
    Outgoing out{*file, feed.org, device, to, {}};
    for (const auto& d : docs) out.doc_hashes.push_back(d.hash);
    state.outbox.push_back(std::move(out));
    return ok_status();
}

// [SECTION] sync_once: the exchange's day, then push

SyncReport sync_once(Transport& t, const OrgRelations& rel, std::string_view reader_org, SyncState& state,
                     TrustState& trust, DocumentStore& store, UtcTime now, const AuthorityRules& rules,
                     const FeedWriter* packer) {
    SyncReport rep;
    // The day of pointers and cursors is the exchange's (its Date header), not this device's:
    // a writer whose clock is behind would otherwise point from a day readers have passed, and
    // a reader whose clock is ahead would skip the days others write into. A transport that
    // will report the exchange's time but has not yet holds what depends on the day.
    const std::optional<UtcTime> exchange_now = t.exchange_time();
    const bool day_known = exchange_now || !t.exchange_time_pending();
    const std::string today = utc_day(exchange_now ? *exchange_now : now);
    auto fail = [&](Error e) {
        rep.error = std::move(e);
        return rep;
    };

    // A host that performs the I/O itself (pending_transport.hpp) answers "transport.pending"
    // for what it has not fetched yet: note it, go on with whatever does not depend on it, and
    // report the run incomplete so the host fetches everything noted and runs again.
    bool pending = false;
    auto is_pending = [](const Error& e) { return e.code == k_transport_pending; };

    // Push: the bundle first, then its pointers, so a pointer never names a missing file.
    // Every bundle of the outbox is put in the same run: they are independent files.
    auto written = [](const Status& s) { return s.ok() || s.error().code == "transport.exists"; };
    for (auto o = state.outbox.begin(); o != state.outbox.end();) {
        const std::string path = feed_folder(o->org, o->device) + "/" + o->file.name;
        auto s = t.put_new(path, o->file.bytes);
        if (!written(s) && !is_pending(s.error())) return fail(s.error());
        bool up = written(s);
        if (up) {
            // Read back: published means readers get these bytes under this name.
            auto back = t.get(path);
            if (!back && is_pending(back.error())) {
                up = false;
            } else if (!back && back.error().code != "transport.not_found") {
                return fail(back.error());
            } else if (!back || crypto::blake2b_256_hex(*back) != o->file.hash) {
                rep.not_yet.push_back(path);  // stays in the outbox; the next run puts it again
                ++o;
                continue;
            }
        }
        if (up && !day_known) up = false;  // the pointers wait for the exchange's day
        if (up) {
            for (const auto& folder : pointer_folders(rel, o->org, o->to)) {
                auto p = t.put_new(folder + "/" + today + "/" + pointer_name(o->org, o->device, o->file.name),
                                   feed_folder(o->org, o->device) + "/" + o->file.name);
                if (written(p)) continue;
                if (!is_pending(p.error())) return fail(p.error());
                up = false;
            }
        }
        if (!up) {
            pending = true;
            ++o;
            continue;
        }
        if (packer) state.to_pack[today][feed_folder(o->org, o->device) + "/" + o->file.name] = o->file.bytes;
        store.mark_pushed(o->doc_hashes);
        o = state.outbox.erase(o);
        ++rep.pushed;
    }

    auto put_files = [&]() -> Status {
        for (auto f = state.files.begin(); f != state.files.end();) {
            // A pack's gzip twin goes first, so a reader that sees the pack finds its twin.
            if (is_pack_path(f->first))
                if (const std::string gz = pack_gzip(f->second); !gz.empty()) {
                    auto s = t.put_new(f->first + ".gz", gz);
                    if (!written(s)) {
                        if (!is_pending(s.error())) return s.error();
                        pending = true;
                        ++f;
                        continue;
                    }
                }
            auto s = t.put_new(f->first, f->second);
            if (written(s)) {
                f = state.files.erase(f);
                continue;
            }
            if (!is_pending(s.error())) return s.error();
            pending = true;
            ++f;
        }
        return ok_status();
    };
    if (auto s = put_files(); !s) return fail(s.error());

    // [SECTION] sync_once: discover the days since each cursor

    // Discover: the days since each cursor, one day back for a pointer written just before the
    // exchange's midnight by a run that read its time a moment earlier.
    std::map<std::string, std::map<std::uint64_t, std::string>> wanted;  // feed → seq → file name
    std::map<std::string, std::pair<std::string, std::string>> feed_ids;  // feed → (org, device)
    std::map<std::string, std::set<std::string>> pointed_from;            // feed → pull folders
    std::map<std::string, std::map<std::uint64_t, std::string>> inbox_day;  // feed → seq → day in our inbox
    std::set<std::string> held;  // folders whose cursor stays: a file they led to was not there yet
    const std::string own_inbox = inbox_folder(reader_org);
    std::string from_day;  // the earliest day our inbox was listed from ("" = all)
    for (const auto& folder : pull_folders(rel, reader_org)) {
        auto days = t.list(folder);
        if (!days && is_pending(days.error())) {
            pending = true;
            continue;
        }
        if (!days) return fail(days.error());
        // A cursor past the exchange's today (set by a clock that was ahead) counts as today.
        const std::string from =
            state.cursors.count(folder) ? day_before(std::min(state.cursors[folder], today)) : std::string();
        if (folder == own_inbox) from_day = from;
        for (const auto& day : *days) {
            if (day < from) continue;
            auto names = t.list(folder + "/" + day);
            if (!names && is_pending(names.error())) {
                pending = true;
                continue;
            }
            if (!names) return fail(names.error());
            for (const auto& n : *names) {
                PointerTarget p;
                if (!parse_pointer(n, p)) continue;
                const std::string feed = p.org + "/" + p.device;
                auto f = trust.feeds.find(feed);
                if (f != trust.feeds.end() && p.seq <= f->second.hashes.size()) continue;
                wanted[feed][p.seq] = p.name;
                feed_ids[feed] = {p.org, p.device};
                pointed_from[feed].insert(folder);
                if (folder == own_inbox) inbox_day[feed][p.seq] = day;
            }
        }
    }

    // [SECTION] sync_once: packs addressed to us, then fetch each feed

    // Packs addressed to us: the bundles they deliver stand in for single fetches.
    std::map<std::string, std::string> delivered;  // path → bytes (each hashes to its name)
    std::map<std::string, std::set<std::string>> packs_taken;
    // A host that answers asynchronously (pending_transport.hpp) has not read the packs yet on
    // its first runs: until it has, what a pack may bring waits, or a run that names the packs
    // would also fetch every bundle in them one by one (the nation's whole country).
    bool packs_pending = false;
    if (has_children(reader_org)) {
        if (auto s = read_packs(t, rel, reader_org, from_day, state, trust, delivered, packs_taken, rep, packs_pending);
            !s)
            return fail(s.error());
        pending = pending || packs_pending;
    }

    // On the open day (the exchange's today) a packing child's subtree comes in that child's
    // pack, unless it is small enough to fetch at once: a child's own bundles always come at
    // once (a ward's answer the prefecture waits for), its descendants' wait for the pack when
    // more than k_pack_wait_bundles of them are new. What no pack brought is fetched one by
    // one once the day has closed.
    std::map<std::string, std::size_t> open_day_below;  // packing child → its descendants' new bundles today
    if (has_children(reader_org))
        for (const auto& [feed, seqs] : wanted) {
            const auto& org = feed_ids[feed].first;
            const std::string child = child_towards(rel, reader_org, org);
            if (child.empty() || child == org || !packs_for_parent(child)) continue;
            for (const auto& [seq, name] : seqs) {
                const auto d = inbox_day[feed].find(seq);
                if (d != inbox_day[feed].end() && d->second == today &&
                    !delivered.count(feed_folder(org, feed_ids[feed].second) + "/" + name))
                    ++open_day_below[child];
            }
        }

    // Fetch each feed in sequence order; a hole is filled from the feed's own listing. The
    // refusals go into the state as they come; stale ones leave it when the run returns.
    Refusals refusals(state);
    for (auto& [feed, seqs] : wanted) {
        const auto& [org, device] = feed_ids[feed];
        auto f = trust.feeds.find(feed);
        std::uint64_t next = f == trust.feeds.end() ? 1 : f->second.hashes.size() + 1;
        bool contiguous = seqs.begin()->first == next && seqs.rbegin()->first - next + 1 == seqs.size();
        if (!contiguous) {
            auto names = t.list(feed_folder(org, device));
            if (!names && is_pending(names.error())) {
                pending = true;
                continue;
            }
            if (!names) return fail(names.error());
            for (const auto& n : *names) {
                std::uint64_t seq;
                std::string hash;
                if (parse_bundle_name(n, seq, hash) && seq >= next && !seqs.count(seq)) seqs[seq] = n;
            }
        }
        const std::string child = has_children(reader_org) ? child_towards(rel, reader_org, org) : std::string();
        const bool in_a_pack = !child.empty() && child != org && packs_for_parent(child);
        const bool wait_for_pack = in_a_pack && open_day_below[child] > k_pack_wait_bundles;
        const bool ours = org == reader_org || !child.empty();
        for (const auto& [seq, name] : seqs) {
            if (seq < next) continue;
            const std::string path = feed_folder(org, device) + "/" + name;
            const auto day_it = inbox_day[feed].find(seq);
            const std::string day = day_it == inbox_day[feed].end() ? std::string() : day_it->second;
            const auto from_pack = delivered.find(path);
            if (from_pack == delivered.end() && ((wait_for_pack && day == today) || (in_a_pack && packs_pending))) {
                rep.deferred += seqs.size() - static_cast<std::size_t>(std::distance(seqs.begin(), seqs.find(seq)));
                break;
            }
            // A pack's bundle leaves `delivered` as it is taken: the run holds each once.
            Result<std::string> bytes = std::string();
            if (from_pack != delivered.end()) {
                bytes = std::move(from_pack->second);
                delivered.erase(from_pack);
                ++rep.from_packs;
            } else {
                bytes = t.get(path);
            }
            if (!bytes && bytes.error().code == k_transport_released) {
                next = seq + 1;  // applied by an earlier pass of this run
                continue;
            }
            if (!bytes && is_pending(bytes.error())) {
                // Ask for the rest of the feed now too: one round trip fetches it all.
                pending = true;
                for (auto later = seqs.upper_bound(seq); later != seqs.end(); ++later)
                    (void)t.get(feed_folder(org, device) + "/" + later->second);
                break;
            }
            if (!bytes) return fail(bytes.error());
            ++rep.fetched;
            // The name commits to the bytes: other bytes are not this bundle (a write still in
            // progress, or a name overwritten), so they are no verdict on it. Ask again next run;
            // later bundles of the feed chain on this one.
            std::uint64_t name_seq = 0;
            std::string name_hash;
            if (parse_bundle_name(name, name_seq, name_hash) && crypto::blake2b_256_hex(*bytes) != name_hash) {
                rep.not_yet.push_back(path);
                held.insert(pointed_from[feed].begin(), pointed_from[feed].end());
                break;
            }
            VerifyContext ctx{trust, store, rel, rules};
            Verdict v = verify_bundle(*bytes, name, ctx, &trust.cert_cache);
            if (auto c = commit(v, trust, store); !c) v.error = c.error();
            // Only the last two days are packed: older ones were packed by then, or read one by
            // one long ago (a new device's first sync does not repack its subtree's history).
            if (packer && ours && !day.empty() && day >= day_before(today) && (v.accepted() || v.advances_feed))
                state.to_pack[day][path] = std::move(*bytes);
            // Past this bundle for good: a transport that keeps answers for the run drops it.
            if (v.accepted() || v.advances_feed) t.release(path);
            if (v.accepted()) {
                ++rep.accepted;
                next = seq + 1;
                refusals.accepted(path);
                continue;
            }
            ++rep.rejected;
            refusals.note(path, v.error);
            if (!v.advances_feed) break;  // later bundles of this feed cannot chain past it
            next = seq + 1;
        }
    }

    // [SECTION] sync_once: pack for the parent, then the cursors

    // Pack for the parent what this run read and wrote of the subtree: once per day's worth,
    // into the files to put, so a run the host repeats (pending_transport.hpp) puts the same pack.
    if (packer && packs_for_parent(reader_org) && day_known && !pending) {
        const std::string parent = rel.parent_of(reader_org);
        for (auto d = state.to_pack.begin(); d != state.to_pack.end() && !parent.empty();) {
            // A day larger than one upload may be (nginx takes 16 MiB a request) goes in several
            // packs of at most k_pack_split_bytes of bundles each.
            std::map<std::string, std::string> part;
            std::size_t part_bytes = 0;
            for (auto b = d->second.begin(); b != d->second.end(); ++b) {
                part_bytes += b->second.size();
                part.insert(*b);
                if (std::next(b) != d->second.end() && part_bytes + std::next(b)->second.size() <= k_pack_split_bytes)
                    continue;
                auto pack = make_pack(*packer, d->first, exchange_now ? *exchange_now : now, part);
                if (!pack) return fail(pack.error());
                state.files[packs_folder(parent) + "/" + d->first + "/" + pack->name] = std::move(pack->bytes);
                ++rep.packs_written;
                part.clear();
                part_bytes = 0;
            }
            d = state.to_pack.erase(d);
        }
        if (auto s = put_files(); !s) return fail(s.error());
    }

    if (pending) return fail(Error{k_transport_pending, "waiting for the exchange's answers"});
    for (auto& [day, names] : packs_taken) state.packs_read[day].insert(names.begin(), names.end());
    std::erase_if(state.packs_read, [&](const auto& e) { return !from_day.empty() && e.first < from_day; });
    if (day_known)
        for (const auto& folder : pull_folders(rel, reader_org))
            if (!held.count(folder)) state.cursors[folder] = today;
    if (rep.not_yet.empty()) state.last_success = now;
    rep.complete = true;
    return rep;
}

}  // namespace vsys::sync
