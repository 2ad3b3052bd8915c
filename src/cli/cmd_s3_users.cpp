// `vsys deployment s3-users s3://HOST:PORT/BUCKET[/prefix] --org ID [--org ID]... --out DIR`: one
// store user per organisation on an S3 store with the admin API of Ceph's RADOS Gateway
// (/admin/user), and the bucket policy that lets each write only what the protocol lets it write
// (docs/PROTOCOL.md "S3 transport"): its own feeds/<org>/ and news/<org>/, its pointers
// inbox/<any>/<day>/<org>.… in every audience's inbox, and enrolment lookup files. Everyone may
// read (§9). The store's admin credentials come from VSYS_S3_ACCESS_KEY / VSYS_S3_SECRET_KEY,
// never from arguments. Each new user's keys are written to DIR/<org>.env (mode 0600, never
// overwritten) for the operator to hand to the organisation's devices; an organisation that
// already has a user keeps its keys (the policy statement is rewritten). The policy's other
// statements are kept. Exit 0 when every user and the policy were written; 1 otherwise; 2 usage.
#include <fcntl.h>
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
#include "sync/exchange.hpp"

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
              base + "directory/enrolment/*"}}};
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
    for (const auto& org : orgs) {
        const std::string seg = sync::org_segment(org);
        const std::string uid = "vsys-" + seg;
        const std::string access = "VSYS" + random_text(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        const std::string secret =
            random_text(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        // The file first: a user whose secret was never written down would be lost.
        const std::string file = out_dir + "/" + seg + ".env";
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0) {
            err << "vsys: cannot create " << input::excerpt(file) << " (it must not exist yet)\n";
            ++failures;
            continue;
        }
        const std::string text = "VSYS_S3_ACCESS_KEY=" + access + "\nVSYS_S3_SECRET_KEY=" + secret + "\nVSYS_S3_URL=" +
                                 store->where() + "\nVSYS_ORG=" + org + "\n";
        const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        ::close(fd);
        HttpResponse r = written ? store->request("PUT", "/admin/user",
                                                  {{"uid", uid}, {"display-name", "V-SYS " + org}, {"key-type", "s3"},
                                                   {"access-key", access}, {"secret-key", secret}},
                                                  "")
                                 : HttpResponse{};
        if (r.status == 200) {
            out << "user\t" << org << "\t" << uid << "\t" << file << "\n";
            continue;
        }
        ::unlink(file.c_str());
        if (r.status == 409) {
            out << "user\t" << org << "\t" << uid << "\t(exists: its keys stay as they were)\n";
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
    return failures == 0 ? 0 : 1;
}

}  // namespace vsys::cli
