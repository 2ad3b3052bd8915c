#include "cli/exchange_check.hpp"

#include <algorithm>
#include <optional>
#include <ostream>

#include "app/base/i18n.hpp"
#include "core/base/input.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "sync/crypto.hpp"
#include "sync/directory.hpp"
#include "sync/hierarchy_relations.hpp"
#include "sync/pack.hpp"
#include "sync/store_credential.hpp"
#include "sync/pack_twin.hpp"

namespace vsys::cli {

namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        auto slash = path.find('/', start);
        parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) return parts;
        start = slash + 1;
    }
}

bool valid_day(const std::string& day) {
    auto t = sync::parse_utc(day + "T00:00:00Z");
    return t && sync::utc_day(*t) == day;
}

}  // namespace

Result<ExchangeCheck> check_exchange(ExchangeStore& exchange, sync::Transport& reader, const std::string& pinned) {
    auto all = exchange.all_files();
    if (!all) return all.error();
    ExchangeCheck c;
    c.files = std::move(*all);
    c.pinned = !pinned.empty();
    auto& bad = c.bad;
    // No file of an exchange is larger than a bundle may be: a larger one is refused unread.
    // Packs (docs/PROTOCOL.md §16) may be larger: a day of a prefecture.
    auto too_large = [&](const ExchangeFile& file) {
        const std::size_t max =
            file.path.rfind("packs/", 0) == 0 ? sync::k_max_pack_bytes : sync::k_default_max_bundle_bytes;
        if (file.size <= max) return false;
        bad.push_back({file.path, Error{"bundle.too_large", "the file is over the size limit",
                                        {{"size", std::to_string(file.size)}, {"max", std::to_string(max)}}}});
        return true;
    };

    // The root and the organisation tree.
    std::optional<sync::DeploymentManifest> manifest;
    const auto manifest_file = std::find_if(c.files.begin(), c.files.end(),
                                            [](const ExchangeFile& f) { return f.path == sync::k_manifest_path; });
    if (manifest_file == c.files.end() || too_large(*manifest_file)) {
        // none, or reported
    } else if (auto text = reader.get(sync::k_manifest_path); text) {
        auto m = sync::parse_manifest(*text);
        if (m) manifest = *m;
        else bad.push_back({sync::k_manifest_path, m.error()});
    }
    c.root = !pinned.empty() ? pinned : manifest ? manifest->root_key : std::string();
    if (c.root.empty()) return Error{"exchange.no_root", "no valid deployment.json; give the root key with --root"};
    if (manifest && manifest->root_key != c.root)
        bad.push_back({sync::k_manifest_path, Error{"deployment.root", "deployment.json names another root key"}});
    else if (manifest)
        c.good.insert(sync::k_manifest_path);
    DemoData demo;
    if (manifest && manifest->demo) {
        DemoOptions o;
        o.seed = manifest->seed;
        o.sites = manifest->sites;
        o.venues = manifest->venues;
        demo = generate_demo_data(o);
    }
    const auto refs = demo.site_refs();
    auto tree = Hierarchy::build(refs);
    if (!tree) return tree.error();
    sync::HierarchyRelations rel(*tree);

    // Every file, by kind.
    std::vector<std::string> feeds, pointers, lookups, packs, credentials;
    for (const ExchangeFile& file : c.files) {
        const std::string& path = file.path;
        const auto parts = split(path);
        if (path == sync::k_manifest_path) continue;
        if (too_large(file)) continue;
        if (path == "root.key") c.root_key_here = true;
        else if (parts[0] == "feeds") feeds.push_back(path);
        else if (parts[0] == "inbox" || parts[0] == "news") pointers.push_back(path);
        else if (parts[0] == "packs") packs.push_back(path);
        else if (parts.size() == 3 && parts[0] == "directory" && parts[1] == "enrolment") lookups.push_back(path);
        else if ((parts.size() == 3 || parts.size() == 4) && parts[0] == "credentials") credentials.push_back(path);
        else bad.push_back({path, Error{"exchange.path", "the file is not where a bundle belongs", {{"path", path}}}});
    }
    c.bundles = feeds.size();
    c.pointers = pointers.size();
    c.lookups = lookups.size();

    // Bundles.
    sync::TrustState trust;
    trust.root_key = c.root;
    DocumentStore store;
    sync::ReplayReport rep = sync::replay_feeds(reader, feeds, rel, trust, store);
    bad.insert(bad.end(), rep.rejected.begin(), rep.rejected.end());
    for (const auto& b : rep.accepted) {
        c.good.insert(b.path);
        c.documents += b.documents;
    }
    c.versions_applied = store.size();

    // Pointers: well named, naming a bundle that is there, and every accepted bundle pointed to
    // from each folder its readers list.
    const std::set<std::string> feed_set(feeds.begin(), feeds.end());
    std::set<std::pair<std::string, std::string>> pointed;  // (folder without the day, pointer name)
    for (const auto& path : pointers) {
        const auto parts = split(path);
        sync::PointerTarget target;
        const std::string audience = parts.size() == 4 ? sync::org_from_segment(parts[1]) : std::string();
        if (parts.size() != 4 || !sync::valid_org_id(audience) || sync::org_segment(audience) != parts[1] ||
            !valid_day(parts[2]) || !sync::parse_pointer(parts[3], target)) {
            bad.push_back({path, Error{"pointer.name", "the pointer's folder or name is not valid", {{"path", path}}}});
            continue;
        }
        if (parts[0] == "news" && target.org != audience) {
            bad.push_back({path, Error{"pointer.folder", "a news pointer must name a bundle of its own organisation",
                                       {{"path", path}}}});
            continue;
        }
        auto content = reader.get(path);
        if (!content) {
            bad.push_back({path, content.error()});
            continue;
        }
        if (*content != target.path()) {
            bad.push_back({path, Error{"pointer.content", "the pointer's content does not match its name", {{"path", path}}}});
            continue;
        }
        if (!feed_set.count(target.path())) {
            bad.push_back({path, Error{"pointer.target", "the pointer names a bundle that is not there",
                                       {{"path", target.path()}}}});
            continue;
        }
        pointed.insert({parts[0] + "/" + parts[1], parts[3]});
        if (c.good.count(target.path())) c.good.insert(path);  // a pointer to a refused bundle is not copied
    }
    for (const auto& b : rep.accepted) {
        const std::string name = sync::pointer_name(b.org, b.device, b.path.substr(b.path.rfind('/') + 1));
        for (const auto& folder : sync::pointer_folders(rel, b.org, b.to))
            if (!pointed.count({folder, name})) {
                bad.push_back({b.path, Error{"pointer.missing", "no pointer to this bundle in a folder its readers list",
                                             {{"folder", folder}}}});
                break;
            }
    }

    // Enrolment lookup files.
    for (const auto& path : lookups) {
        auto text = reader.get(path);
        if (!text) {
            bad.push_back({path, text.error()});
            continue;
        }
        auto entry = sync::parse_enrolment_entry(*text);
        if (!entry) {
            bad.push_back({path, entry.error()});
            continue;
        }
        if (sync::enrolment_entry_path(entry->enrolment.key) != path) {
            bad.push_back({path, Error{"exchange.path", "the file is not where a bundle belongs", {{"path", path}}}});
            continue;
        }
        if (auto s = sync::check_enrolment_entry(*entry, c.root, rel, &trust.cert_cache); !s) bad.push_back({path, s.error()});
        else c.good.insert(path);
    }
    // Store keys sealed to devices (PROTOCOL §15): well formed and well named. They belong to
    // this store's users, so they are never good for a copy (vsys mirror leaves them).
    for (const auto& path : credentials) {
        auto text = reader.get(path);
        if (!text) bad.push_back({path, text.error()});
        else if (auto s = sync::check_credential_file(path, *text); !s) bad.push_back({path, s.error()});
    }
    // Packs: named as §16 says, bytes hashing to the name, a manifest its packer signed that
    // agrees with the content; a .gz twin must hold exactly its pack's bytes.
    const std::set<std::string> pack_set(packs.begin(), packs.end());
    for (const auto& path : packs) {
        const auto parts = split(path);
        const std::string audience = parts.size() == 4 ? sync::org_from_segment(parts[1]) : std::string();
        const bool twin = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
        const std::string name = parts.size() == 4 ? (twin ? parts[3].substr(0, parts[3].size() - 3) : parts[3]) : "";
        sync::PackName pn;
        if (parts.size() != 4 || !sync::valid_org_id(audience) || sync::org_segment(audience) != parts[1] ||
            !valid_day(parts[2]) || !sync::parse_pack_name(name, pn)) {
            bad.push_back({path, Error{"exchange.path", "the file is not where a bundle belongs", {{"path", path}}}});
            continue;
        }
        auto bytes = reader.get(path);
        if (!bytes) {
            bad.push_back({path, bytes.error()});
            continue;
        }
        if (twin) {
            const std::string pack_path = path.substr(0, path.size() - 3);
            auto plain = sync::gunzip_pack_twin(*bytes, sync::k_max_pack_bytes);
            auto pack = pack_set.count(pack_path) ? reader.get(pack_path) : Result<std::string>(Error{"pack.gzip", ""});
            if (!plain || !pack || *plain != *pack) bad.push_back({path, Error{"pack.gzip", "the pack's gzip twin is not the pack"}});
            else c.good.insert(path);
            continue;
        }
        if (crypto::blake2b_256_hex(*bytes) != pn.hash) {
            bad.push_back({path, Error{"pack.hash", "the pack's bytes do not hash to its name"}});
            continue;
        }
        auto opened = sync::open_pack(*bytes, pn, c.root, rel, trust.spent, &trust.cert_cache);
        if (!opened.faults.empty()) bad.push_back({path, opened.faults.front()});
        else c.good.insert(path);
    }
    c.packs = packs.size();

    c.accepted = std::move(rep.accepted);
    return c;
}

bool root_key_text(const std::string& s) {
    if (s.size() != 64) return false;
    for (char ch : s)
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
    return true;
}

void print_bad(const std::vector<sync::Rejection>& bad, std::ostream& out) {
    const auto& strings = Strings::builtin();
    for (const auto& b : bad)
        out << "bad\t" << input::excerpt(b.path, 4 * input::k_excerpt_chars) << "\t" << b.error.code << "\t"
            << strings.error_message(input::for_display(b.error), Language::en) << "\n";
}

}  // namespace vsys::cli
