// `vsys deployment s3-users s3://HOST:PORT/BUCKET[/prefix] --org ID [--org ID]... [--rotate ID]... --out DIR`: one
// store user per organisation on an S3 store with the admin API of Ceph's RADOS Gateway
// (/admin/user), and the bucket policy that lets each write only what the protocol lets it write
// (docs/PROTOCOL.md "S3 transport"): its own feeds/<org>/ and news/<org>/, its pointers
// inbox/<any>/<day>/<org>.… in every audience's inbox, its packs packs/<parent>/<day>/<org>.… (§16),
// and enrolment lookup files. Everyone may
// read (§9). The store's admin credentials come from VSYS_S3_ACCESS_KEY / VSYS_S3_SECRET_KEY,
// never from arguments. Each new user's keys are written to DIR/<org>.env (mode 0600, never
// overwritten); an organisation whose DIR/<org>.env exists keeps those keys (its user is made
// again if the store lost it), and one whose user exists without the file keeps its keys
// unknown here (the policy statement is rewritten). The policy's other statements are kept.
// Then each organisation's key is sealed (sync/store_credential.hpp) to every device key of its
// feeds and every enrolment code key of its lookup files found on the exchange, as
// credentials/<org>/<key>.sealed, put-new (a recipient sealed before is skipped): a browser
// fetches and opens its own, so no key is handed over by hand (PROTOCOL §15).
// --rotate ID replaces that organisation's key (PROTOCOL §15 "Rotation"): a new key of version
// N+1 (N the highest of its .env file and of its sealed files on the exchange) is made as a store
// user of its own (vsys-<org>-v<N+1>), DIR/<org>.env is written anew with the earlier file kept
// as DIR/<org>.env.v<N>, the new key is sealed to every recipient as
// credentials/<org>/<key>/<N+1>.sealed (put-new: nothing on the exchange is overwritten), and
// only then does the bucket policy's statement for the organisation name the new user instead of
// the old. The old key still signs, so the store answers its writes 403 AccessDenied with the
// bucket's CORS headers, which a browser can read (a removed key's InvalidAccessKeyId comes
// without them, and a browser sees only a network failure), and devices fetch the new key.
// Exit 0 when every user, the policy and the sealed keys were written; 1 otherwise; 2 usage.
//
// Index:
// [SECTION] the policy, key files and sealed names
// [SECTION] the command: users (and rotations), the policy, sealing, the old keys removed
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <optional>
#include <set>
#include <ostream>
#include <sodium.h>
#include <unistd.h>

#include "app/base/i18n.hpp"
#include "cli/cli.hpp"
#include "core/base/input.hpp"
#include "platform/native/open_exchange.hpp"
#include "platform/transport_s3.hpp"
#include "sync/authority.hpp"
#include "sync/crypto.hpp"
#include "sync/directory.hpp"
#include "sync/exchange.hpp"
#include "sync/keys.hpp"
#include "sync/store_credential.hpp"

namespace vsys::cli {

namespace {

// [SECTION] the policy, key files and sealed names

int usage(std::ostream& err) {
    err << "usage: vsys deployment s3-users s3://HOST:PORT/BUCKET[/prefix] --org ID [--org ID]... [--rotate ID]... --out DIR\n"
           "       (the store's admin keys from VSYS_S3_ACCESS_KEY and VSYS_S3_SECRET_KEY; --rotate ID replaces\n"
           "       that organisation's key with the next version and lets the old one write no more)\n";
    return 2;
}

std::string random_text(std::size_t n, const char* alphabet) {
    const std::string chars(alphabet);
    std::string out;
    while (out.size() < n) out += chars[randombytes_uniform(static_cast<std::uint32_t>(chars.size()))];
    return out;
}

// The store user of an organisation's key version: "vsys-<seg>" for version 1, "vsys-<seg>-v<N>"
// after rotations (one user per version: see the rotation below).
std::string user_id(const std::string& seg, int version) {
    return "vsys-" + seg + (version <= 1 ? std::string() : "-v" + std::to_string(version));
}

// What the organisation may write, as policy resources ('*' stays within one path segment on RGW),
// granted to the user of its current key only.
nlohmann::json write_statement(const S3Location& at, const std::string& seg, const std::string& uid) {
    const std::string base = "arn:aws:s3:::" + at.bucket + "/" + at.prefix;
    return {{"Sid", "write-" + seg},
            {"Effect", "Allow"},
            {"Principal", {{"AWS", {"arn:aws:iam:::user/" + uid}}}},
            {"Action", {"s3:PutObject"}},
            {"Resource",
             {base + "feeds/" + seg + "/*", base + "news/" + seg + "/*", base + "inbox/*/*/" + seg + ".*",
              base + "packs/*/*/" + seg + ".*", base + "directory/enrolment/*"}}};
}

// KEY=VALUE lines of an .env file written by an earlier run; empty keys when it cannot be read.
sync::StoreCredential read_env(const std::string& file, const std::string& org) {
    sync::StoreCredential c{org, "", "", 1};
    std::FILE* f = std::fopen(file.c_str(), "r");
    if (!f) return c;
    char line[512];
    while (std::fgets(line, sizeof line, f)) {
        std::string l(line);
        while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
        const auto eq = l.find('=');
        if (eq == std::string::npos) continue;
        const std::string name = l.substr(0, eq), value = l.substr(eq + 1);
        if (name == "VSYS_S3_ACCESS_KEY") c.access_key = value;
        else if (name == "VSYS_S3_SECRET_KEY") c.secret_key = value;
        else if (name == "VSYS_S3_KEY_VERSION") c.version = std::atoi(value.c_str()) > 0 ? std::atoi(value.c_str()) : 1;
    }
    std::fclose(f);
    return c;
}

// Who may receive an organisation's sealed key: the device keys of its feeds (from the chain of
// each feed's first bundle) and the code keys of its enrolment lookup files.
struct Recipients {
    std::vector<std::string> devices, codes;
};

// The text of DIR/<org>.env.
std::string env_text(const sync::StoreCredential& c, const std::string& where) {
    return "VSYS_S3_ACCESS_KEY=" + c.access_key + "\nVSYS_S3_SECRET_KEY=" + c.secret_key +
           "\nVSYS_S3_KEY_VERSION=" + std::to_string(c.version) + "\nVSYS_S3_URL=" + where + "\nVSYS_ORG=" + c.org + "\n";
}

// Writes a new file (mode 0600) that must not exist yet; false when it exists or cannot be written.
bool write_new_file(const std::string& file, const std::string& text) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return false;
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) ::unlink(file.c_str());
    return written;
}

sync::StoreCredential fresh_key(const std::string& org, int version) {
    return {org, "VSYS" + random_text(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
            random_text(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), version};
}

// credentials/<seg>/<recipient>.sealed (version 1) or credentials/<seg>/<recipient>/<N>.sealed:
// {segment, recipient, version}; version 0 for any other path.
struct SealedName {
    std::string seg, recipient;
    int version = 0;
};
SealedName sealed_name(const std::string& path) {
    SealedName n;
    if (path.rfind("credentials/", 0) != 0) return n;
    const auto a = path.find('/', 12);
    if (a == std::string::npos) return n;
    n.seg = path.substr(12, a - 12);
    const std::string rest = path.substr(a + 1);
    const auto b = rest.find('/');
    if (b == std::string::npos) {
        if (rest.size() == 64 + 7 && rest.compare(64, 7, ".sealed") == 0) n.recipient = rest.substr(0, 64), n.version = 1;
    } else if (b == 64) {
        n.recipient = rest.substr(0, 64);
        n.version = sync::credential_version_of(rest.substr(b + 1));
    }
    return n;
}

std::map<std::string, Recipients> find_recipients(S3Transport& store, const std::vector<ExchangeFile>& files,
                                                  const std::set<std::string>& orgs, const std::set<std::string>& sealed,
                                                  std::ostream& err) {
    std::map<std::string, Recipients> out;
    std::map<std::string, std::string> segs;  // segment → organisation
    for (const auto& o : orgs) segs[sync::org_segment(o)] = o;
    std::set<std::string> feeds_seen;
    for (const auto& f : files) {
        const std::string& p = f.path;
        if (p.rfind("feeds/", 0) == 0) {
            // feeds/<seg>/<device>/<seq>-<hash>.json: the first listed is the lowest seq.
            const auto a = p.find('/', 6), b = a == std::string::npos ? a : p.find('/', a + 1);
            if (b == std::string::npos) continue;
            const std::string seg = p.substr(6, a - 6), device = p.substr(a + 1, b - a - 1);
            if (!segs.count(seg) || !feeds_seen.insert(seg + "/" + device).second) continue;
            auto text = store.get(p);
            if (!text) continue;
            auto j = input::parse_json(*text);
            if (!j || !j->is_object() || !(*j)["chain"].is_array() || (*j)["chain"].empty() ||
                !(*j)["chain"][0].is_object() || !(*j)["chain"][0]["key"].is_string())
                continue;
            const std::string key = (*j)["chain"][0]["key"].get<std::string>();
            if (sync::device_id_of(key) != device || sealed.count(key)) continue;
            out[segs[seg]].devices.push_back(key);
        } else if (p.rfind("directory/enrolment/", 0) == 0 && p.size() == 20 + 64 + 5) {
            const std::string key = p.substr(20, 64);
            if (sealed.count(key)) continue;
            auto text = store.get(p);
            if (!text) {
                err << "vsys: cannot read " << p << "\n";
                continue;
            }
            auto entry = sync::parse_enrolment_entry(*text);
            if (entry && orgs.count(entry->enrolment.org)) out[entry->enrolment.org].codes.push_back(key);
        }
    }
    return out;
}

}  // namespace

// [SECTION] the command: users (and rotations), the policy, sealing, the old keys removed

int s3_users_command(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.size() < 2) return usage(err);
    std::vector<std::string> orgs;
    std::set<std::string> rotate;
    std::string out_dir;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (i + 1 >= args.size()) return usage(err);
        if (args[i] == "--org" || args[i] == "--rotate") {
            const std::string& org = args[i + 1];
            if (args[i] == "--rotate") rotate.insert(org);
            if (std::find(orgs.begin(), orgs.end(), org) == orgs.end()) orgs.push_back(org);
            ++i;
        } else if (args[i] == "--out") {
            out_dir = args[++i];
        } else {
            return usage(err);
        }
    }
    if (orgs.empty() || out_dir.empty()) return usage(err);
    for (const auto& org : orgs)
        if (!sync::valid_org_id(org)) {
            err << "vsys: not an organisation id: " << input::excerpt(org) << "\n";
            return 2;
        }
    crypto::init();  // the keys below come from libsodium's generator
    const auto& strings = Strings::builtin();
    auto message = [&](const Error& e) { return strings.error_message(input::for_display(e), Language::en); };
    if (!std::getenv("VSYS_S3_ACCESS_KEY") || !std::getenv("VSYS_S3_SECRET_KEY")) {
        err << "vsys: the store's admin keys must be in VSYS_S3_ACCESS_KEY and VSYS_S3_SECRET_KEY\n";
        return 2;
    }
    auto opened = open_exchange(args[1]);
    if (!opened) {
        err << "vsys: " << message(opened.error()) << "\n";
        return 2;
    }
    auto* store = dynamic_cast<S3Transport*>(opened->store.get());
    if (!store) return usage(err);
    const S3Location& at = store->location();
    auto store_error = [&](const HttpResponse& r, const std::string& what) {
        err << "vsys: " << what << ": "
            << (r.status == 0 ? r.error : "HTTP " + std::to_string(r.status) + " " + input::excerpt(r.body)) << "\n";
        return 1;
    };

    // What the exchange holds: the recipients to seal to, and the versions sealed so far.
    auto files = store->all_files();
    if (!files) {
        err << "vsys: " << message(files.error()) << "\n";
        return 1;
    }
    std::map<std::string, int> sealed_version;  // organisation segment → highest version sealed
    for (const auto& f : *files)
        if (const SealedName n = sealed_name(f.path); n.version > 0)
            sealed_version[n.seg] = std::max(sealed_version[n.seg], n.version);

    int failures = 0;
    std::map<std::string, sync::StoreCredential> keys;  // organisation → its store key, when known here
    std::map<std::string, std::string> rotated;          // organisation → the user of its earlier key
    for (const auto& org : orgs) {
        const std::string seg = sync::org_segment(org);
        const std::string file = out_dir + "/" + seg + ".env";
        auto create_user = [&](const sync::StoreCredential& c) {
            return store->request("PUT", "/admin/user",
                                  {{"uid", user_id(seg, c.version)}, {"display-name", "V-SYS " + org}, {"key-type", "s3"},
                                   {"access-key", c.access_key}, {"secret-key", c.secret_key}},
                                  "");
        };
        const sync::StoreCredential known = read_env(file, org);
        const bool known_keys = !known.access_key.empty() && !known.secret_key.empty();
        const std::string uid = user_id(seg, known_keys ? known.version : std::max(sealed_version[seg], 1));
        if (rotate.count(org)) {
            // The next version after any this tool or the exchange has seen.
            const int before = std::max(known_keys ? known.version : 0, sealed_version[seg]);
            const sync::StoreCredential fresh = fresh_key(org, std::max(before, 1) + 1);
            const std::string backup = file + ".v" + std::to_string(before), next = file + ".new";
            if (known_keys && ::access(backup.c_str(), F_OK) == 0) {
                err << "vsys: cannot rotate " << org << ": " << input::excerpt(backup) << " exists (an earlier key is kept there)\n";
                ++failures;
                continue;
            }
            // The new key written down before the store knows it, as for a new user.
            if (!write_new_file(next, env_text(fresh, store->where()))) {
                err << "vsys: cannot create " << input::excerpt(next) << " (it must not exist yet)\n";
                ++failures;
                continue;
            }
            HttpResponse r = create_user(fresh);
            if (r.status != 200) {
                ::unlink(next.c_str());
                ++failures;
                store_error(r, "cannot create the store user " + user_id(seg, fresh.version));
                continue;
            }
            // The earlier file kept beside, never lost: the new one takes its name.
            if ((known_keys && ::link(file.c_str(), backup.c_str()) != 0) || ::rename(next.c_str(), file.c_str()) != 0) {
                err << "vsys: the new key of " << org << " is in " << input::excerpt(next) << ": cannot move it to "
                    << input::excerpt(file) << "\n";
                ++failures;
                continue;
            }
            out << "rotated\t" << org << "\tversion " << fresh.version << "\t" << user_id(seg, fresh.version) << "\t" << file
                << (known_keys ? " (version " + std::to_string(known.version) + " kept in " + backup + ")" : std::string()) << "\n";
            keys[org] = fresh;
            rotated[org] = uid;
            continue;
        }
        // Keys of an earlier run: kept, and sealed again to recipients found since.
        if (known_keys) {
            HttpResponse r = create_user(known);
            if (r.status != 200 && r.status != 409) {
                ++failures;
                store_error(r, "cannot create the store user " + uid);
                continue;
            }
            out << "user\t" << org << "\t" << uid << "\t" << file << " (kept)\n";
            keys[org] = known;
            continue;
        }
        const sync::StoreCredential fresh = fresh_key(org, 1);
        // The file first: a user whose secret was never written down would be lost.
        if (!write_new_file(file, env_text(fresh, store->where()))) {
            err << "vsys: cannot create " << input::excerpt(file) << " (it must not exist yet)\n";
            ++failures;
            continue;
        }
        HttpResponse r = create_user(fresh);
        if (r.status == 200) {
            out << "user\t" << org << "\t" << uid << "\t" << file << "\n";
            keys[org] = fresh;
            continue;
        }
        ::unlink(file.c_str());
        if (r.status == 409) {
            out << "user\t" << org << "\t" << uid << "\t(exists: its keys stay as they were, unknown here: not sealed)\n";
            continue;
        }
        ++failures;
        store_error(r, "cannot create the store user " + uid);
    }

    // Each key sealed to its organisation's devices and enrolment codes found on the exchange,
    // at its version's name; a recipient that has that version already is skipped.
    std::set<std::string> wanted, sealed;  // organisations with a known key; recipients already served
    for (const auto& [org, key] : keys) wanted.insert(org);
    for (const auto& f : *files)
        if (const SealedName n = sealed_name(f.path); n.version > 0)
            for (const auto& org : wanted)
                if (sync::org_segment(org) == n.seg && keys[org].version == n.version) sealed.insert(n.recipient);
    auto recipients = find_recipients(*store, *files, wanted, sealed, err);
    for (const auto& org : wanted) {
        const Recipients& r = recipients[org];  // none new: says so, 0 and 0
        std::size_t n = 0;
        int failed = 0;
        for (const auto* list : {&r.devices, &r.codes})
            for (const auto& key : *list) {
                const std::string path = sync::credential_path(org, key, keys[org].version);
                auto file = sync::seal_store_credential(keys[org], key);
                if (!file) continue;
                auto put = store->put_new(path, *file);
                if (put || put.error().code == "transport.exists") {
                    ++n;
                    continue;
                }
                ++failed;
                err << "vsys: cannot write " << path << ": " << message(put.error()) << "\n";
            }
        failures += failed;
        out << "sealed\t" << org << "\t" << r.devices.size() << " devices, " << r.codes.size() << " enrolment codes ("
            << n << " files)\n";
    }

    // The bucket policy, once the keys are sealed: statements for these organisations replaced (a
    // rotated one's now names its new user, so the old key is refused from here on), all others kept.
    HttpResponse got = store->request("GET", "/" + at.bucket, {{"policy", ""}}, "");
    nlohmann::json policy = {{"Version", "2012-10-17"}, {"Statement", nlohmann::json::array()}};
    if (got.status == 200) {
        auto parsed = input::parse_json(got.body);
        if (!parsed || !parsed->is_object() || !(*parsed)["Statement"].is_array()) {
            err << "vsys: the bucket's policy is not the JSON expected\n";
            return 1;
        }
        policy = *parsed;
    } else if (got.status != 404) {
        return store_error(got, "cannot read the bucket's policy");
    }
    nlohmann::json kept = nlohmann::json::array();
    for (const auto& s : policy["Statement"]) {
        bool replaced = false;
        for (const auto& org : orgs) replaced |= s.value("Sid", "") == "write-" + sync::org_segment(org);
        if (!replaced) kept.push_back(s);
    }
    for (const auto& org : orgs) {
        const std::string seg = sync::org_segment(org);
        kept.push_back(write_statement(at, seg, user_id(seg, keys.count(org) ? keys[org].version : std::max(sealed_version[seg], 1))));
    }
    policy["Statement"] = kept;
    HttpResponse put = store->request("PUT", "/" + at.bucket, {{"policy", ""}}, policy.dump());
    if (put.status != 200 && put.status != 204) return store_error(put, "cannot write the bucket's policy");
    out << "policy\t" << kept.size() << " statements (" << orgs.size() << " organisations written)\n";

    for (const auto& [org, old_uid] : rotated)
        out << "revoked\t" << org << "\t" << old_uid << " (no longer in the policy: its key is refused)\n";
    return failures == 0 ? 0 : 1;
}

}  // namespace vsys::cli
