// `vsys verify DIR [--root HEX]`: checks every file of an exchange folder as a client would
// before trusting it: each feed's bundles (size, encoding, canonical form, hash, signature,
// certificate chain to the root, feed chain, authority; sync/replay.hpp), each pointer (its
// name, its content, the bundle it names), each bundle's pointers (a bundle nobody is pointed
// to is never discovered), the enrolment lookup files and deployment.json. The root key is
// --root when given (pinned), else the one deployment.json names. The organisation tree is the
// real one of local governments; for the demo deployment, with the demo data set's sites.
// Prints a summary and each bad file with its reason; exit 0 when everything verifies, 1 when
// a file is bad, 2 on a usage error.
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "app/base/i18n.hpp"
#include "cli/cli.hpp"
#include "core/demo/demo_data.hpp"
#include "core/base/input.hpp"
#include "core/directory/hierarchy.hpp"
#include "platform/transport_folder.hpp"
#include "sync/directory.hpp"
#include "sync/hierarchy_relations.hpp"
#include "sync/replay.hpp"

namespace vsys::cli {

namespace {

namespace fs = std::filesystem;

int usage(std::ostream& err) {
    err << "usage: vsys verify DIR [--root HEX]   (HEX: the root's public key, 64 lower-case hex digits)\n";
    return 2;
}

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

bool lower_hex_key(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool valid_day(const std::string& day) {
    auto t = sync::parse_utc(day + "T00:00:00Z");
    return t && sync::utc_day(*t) == day;
}

}  // namespace

int cmd_verify(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    if (args.empty()) return usage(err);
    const std::string dir = args[0];
    std::string pinned;
    bool root_given = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--root" && i + 1 < args.size() && !root_given) {
            pinned = args[++i];
            root_given = true;
        } else {
            return usage(err);
        }
    }
    if (root_given && !lower_hex_key(pinned)) {
        err << "vsys: --root must be the root's public key, 64 lower-case hex digits (got '" << input::excerpt(pinned)
            << "')\n";
        return 2;
    }
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        err << "vsys: " << input::excerpt(dir) << " is not a folder\n";
        return 2;
    }
    const auto& strings = Strings::builtin();
    FolderTransport exchange(dir);
    std::vector<sync::Rejection> bad;
    // No file of an exchange is larger than a bundle may be: a larger one is refused unread.
    auto too_large = [&](const fs::path& file, const std::string& path) {
        std::error_code size_ec;
        const auto size = fs::file_size(file, size_ec);
        if (size_ec || size <= sync::k_default_max_bundle_bytes) return false;
        bad.push_back({path, Error{"bundle.too_large", "the file is over the size limit",
                                   {{"size", std::to_string(size)},
                                    {"max", std::to_string(sync::k_default_max_bundle_bytes)}}}});
        return true;
    };

    // The root and the organisation tree.
    std::optional<sync::DeploymentManifest> manifest;
    if (too_large(fs::path(dir) / sync::k_manifest_path, sync::k_manifest_path)) {
        // reported; no manifest
    } else if (auto text = exchange.get(sync::k_manifest_path); text) {
        auto m = sync::parse_manifest(*text);
        if (m) manifest = *m;
        else bad.push_back({sync::k_manifest_path, m.error()});
    }
    const std::string root = !pinned.empty() ? pinned : manifest ? manifest->root_key : std::string();
    if (root.empty()) {
        err << "vsys: " << input::excerpt(dir) << " has no valid deployment.json; give the root key with --root\n";
        return 1;
    }
    if (manifest && manifest->root_key != root)
        bad.push_back({sync::k_manifest_path, Error{"deployment.root", "deployment.json names another root key"}});
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
    if (!tree) {
        err << "vsys: " << strings.error_message(input::for_display(tree.error()), Language::en) << "\n";
        return 1;
    }
    sync::HierarchyRelations rel(*tree);

    // Every file, by kind. Hidden names are a writer's unfinished files, not exchange entries.
    std::vector<std::string> feeds, pointers, lookups;
    std::size_t files = 0;
    bool root_key_here = false;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        const std::string path = fs::relative(it->path(), dir, ec).generic_string();
        ++files;
        const auto parts = split(path);
        if (path == sync::k_manifest_path) continue;
        if (too_large(it->path(), path)) continue;
        if (path == "root.key") root_key_here = true;
        else if (parts[0] == "feeds") feeds.push_back(path);
        else if ((parts[0] == "inbox" || parts[0] == "news") ) pointers.push_back(path);
        else if (parts.size() == 3 && parts[0] == "directory" && parts[1] == "enrolment") lookups.push_back(path);
        else bad.push_back({path, Error{"exchange.path", "the file is not where a bundle belongs", {{"path", path}}}});
    }
    if (ec) {
        err << "vsys: cannot read " << input::excerpt(dir) << ": " << ec.message() << "\n";
        return 1;
    }

    // Bundles.
    sync::TrustState trust;
    trust.root_key = root;
    DocumentStore store;
    const sync::ReplayReport rep = sync::replay_feeds(exchange, feeds, rel, trust, store);
    bad.insert(bad.end(), rep.rejected.begin(), rep.rejected.end());

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
        auto content = exchange.get(path);
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
        auto text = exchange.get(path);
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
        if (auto s = sync::check_enrolment_entry(*entry, root, rel, &trust.cert_cache); !s) bad.push_back({path, s.error()});
    }

    std::size_t documents = 0;
    for (const auto& b : rep.accepted) documents += b.documents;
    std::map<std::string, std::size_t> reasons;
    for (const auto& b : bad) ++reasons[b.error.code];
    out << "exchange\t" << dir << "\n";
    out << "root\t" << root << (pinned.empty() ? " (named by deployment.json, not pinned)" : " (pinned)") << "\n";
    out << "files\t" << files << " (" << feeds.size() << " bundles, " << pointers.size() << " pointers, "
        << lookups.size() << " enrolment lookup files)\n";
    out << "bundles\t" << rep.accepted.size() << " verified of " << feeds.size() << "\n";
    out << "documents\t" << documents << " (" << store.size() << " versions applied)\n";
    out << "rejected\t" << bad.size() << "\n";
    for (const auto& [code, n] : reasons) out << "  " << code << "\t" << n << "\n";
    if (root_key_here)
        err << "warning: root.key is a secret key inside the exchange folder: keep it offline, never publish it\n";
    // Paths and messages come from the folder's files: never a raw control character, and each
    // message quotes at most an excerpt of any input.
    for (const auto& b : bad)
        out << "bad\t" << input::excerpt(b.path, 4 * input::k_excerpt_chars) << "\t" << b.error.code << "\t"
            << strings.error_message(input::for_display(b.error), Language::en) << "\n";
    return bad.empty() ? 0 : 1;
}

}  // namespace vsys::cli
