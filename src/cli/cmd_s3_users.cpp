// `vsys deployment s3-users s3://HOST:PORT/BUCKET[/prefix] --org ID [--org ID]... --out DIR`: one
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
// Exit 0 when every user, the policy and the sealed keys were written; 1 otherwise; 2 usage.
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <map>
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

int usage(std::ostream& err) {
    err << "usage: vsys deployment s3-users s3://HOST:PORT/BUCKET[/prefix] --org ID [--org ID]... --out DIR\n"
           "       (the store's admin keys from VSYS_S3_ACCESS_KEY and VSYS_S3_SECRET_KEY)\n";
    return 2;
}

std::string random_text(std::size_t n, const char* alphabet) {
    const std::string chars(alphabet);
    std::string out;
    while (out.size() < n) out += chars[randombytes_uniform(static_cast<std::uint32_t>(chars.size()))];
    return out;
}

// What the organisation may write, as policy resources ('*' stays within one path segment on RGW).
nlohmann::json write_statement(const S3Location& at, const std::string& seg) {
    const std::string base = "arn:aws:s3:::" + at.bucket + "/" + at.prefix;
    return {{"Sid", "write-" + seg},
            {"Effect", "Allow"},
            {"Principal", {{"AWS", {"arn:aws:iam:::user/vsys-" + seg}}}},
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

int s3_users_command(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.size() < 2) return usage(err);
    std::vector<std::string> orgs;
    std::string out_dir;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (i + 1 >= args.size()) return usage(err);
        if (args[i] == "--org") orgs.push_back(args[++i]);
        else if (args[i] == "--out") out_dir = args[++i];
        else return usage(err);
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

    int failures = 0;
    std::map<std::string, sync::StoreCredential> keys;  // organisation → its store key, when known here
    for (const auto& org : orgs) {
        const std::string seg = sync::org_segment(org);
        const std::string uid = "vsys-" + seg;
        const std::string file = out_dir + "/" + seg + ".env";
        auto create_user = [&](const sync::StoreCredential& c) {
            return store->request("PUT", "/admin/user",
                                  {{"uid", uid}, {"display-name", "V-SYS " + org}, {"key-type", "s3"},
                                   {"access-key", c.access_key}, {"secret-key", c.secret_key}},
                                  "");
        };
        // Keys of an earlier run: kept, and sealed again to recipients found since.
        if (sync::StoreCredential known = read_env(file, org); !known.access_key.empty() && !known.secret_key.empty()) {
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
        const sync::StoreCredential fresh{org, "VSYS" + random_text(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
                                          random_text(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), 1};
        // The file first: a user whose secret was never written down would be lost.
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0) {
            err << "vsys: cannot create " << input::excerpt(file) << " (it must not exist yet)\n";
            ++failures;
            continue;
        }
        const std::string text = "VSYS_S3_ACCESS_KEY=" + fresh.access_key + "\nVSYS_S3_SECRET_KEY=" + fresh.secret_key +
                                 "\nVSYS_S3_KEY_VERSION=1\nVSYS_S3_URL=" + store->where() + "\nVSYS_ORG=" + org + "\n";
        const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        ::close(fd);
        HttpResponse r = written ? create_user(fresh) : HttpResponse{};
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

    // The bucket policy: statements for these organisations replaced, all others kept.
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
    for (const auto& org : orgs) kept.push_back(write_statement(at, sync::org_segment(org)));
    policy["Statement"] = kept;
    HttpResponse put = store->request("PUT", "/" + at.bucket, {{"policy", ""}}, policy.dump());
    if (put.status != 200 && put.status != 204) return store_error(put, "cannot write the bucket's policy");
    out << "policy\t" << kept.size() << " statements (" << orgs.size() << " organisations written)\n";

    // Each key sealed to its organisation's devices and enrolment codes found on the exchange.
    auto files = store->all_files();
    if (!files) {
        err << "vsys: " << message(files.error()) << "\n";
        return 1;
    }
    std::set<std::string> wanted, sealed;  // organisations with a known key; recipients already served
    for (const auto& [org, key] : keys) wanted.insert(org);
    for (const auto& f : *files)
        if (f.path.rfind("credentials/", 0) == 0) {
            const std::string org_seg = f.path.substr(12, f.path.find('/', 12) - 12);
            for (const auto& org : wanted)
                if (sync::org_segment(org) == org_seg && f.path.size() > 7 + 64)
                    sealed.insert(f.path.substr(f.path.size() - 7 - 64, 64));
        }
    auto recipients = find_recipients(*store, *files, wanted, sealed, err);
    for (const auto& org : wanted) {
        const Recipients& r = recipients[org];  // none new: says so, 0 and 0
        std::size_t n = 0;
        for (const auto* list : {&r.devices, &r.codes})
            for (const auto& key : *list) {
                auto file = sync::seal_store_credential(keys[org], key);
                if (!file) continue;
                auto put = store->put_new(sync::credential_path(org, key), *file);
                if (put || put.error().code == "transport.exists") {
                    ++n;
                    continue;
                }
                ++failures;
                err << "vsys: cannot write " << sync::credential_path(org, key) << ": " << message(put.error()) << "\n";
            }
        out << "sealed\t" << org << "\t" << r.devices.size() << " devices, " << r.codes.size() << " enrolment codes ("
            << n << " files)\n";
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace vsys::cli
