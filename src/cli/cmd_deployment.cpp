// `vsys deployment init DIR [--key FILE] [--account ID] [--name NAME]`: starts a new deployment
// (ARCHITECTURE.md "Identity"). Draws a fresh root key and writes it, secret, to FILE (default
// DIR/root.key, mode 0600, never overwritten: keep it offline; whoever holds it can enrol a
// nation; required when DIR is an s3:// or http:// exchange, open_exchange.hpp); gives DIR the exchange layout with deployment.json naming the root's public key and
// the lookup file of the nation's first enrolment code; prints the root's fingerprint and the
// code. The nation's first device claims the code and publishes the enrolment certificate as
// a document in its first bundle.
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <ostream>
#include <unistd.h>

#include "app/base/i18n.hpp"
#include "cli/cli.hpp"
#include "core/base/input.hpp"
#include "platform/native/open_exchange.hpp"
#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/directory.hpp"
#include "sync/identity.hpp"

namespace vsys::cli {

namespace {

int usage(std::ostream& err) {
    err << "usage: vsys deployment init DIR|s3://HOST:PORT/BUCKET[/prefix]|http://HOST/ [--key FILE] [--account ID] [--name NAME]\n"
           "       (--key is required for an exchange that is not a folder: the root key never goes onto it)\n"
           "       vsys deployment s3-users s3://HOST:PORT/BUCKET[/prefix] --org ID [--org ID]... [--rotate ID]... --out DIR\n";
    return 2;
}

// Created, never replaced, readable by its owner only.
bool write_secret_file(const std::string& path, const std::string& text, std::ostream& err) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
        err << "vsys: cannot create " << input::excerpt(path) << " (it must not exist yet)\n";
        return false;
    }
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ok = ::close(fd) == 0 && ok;
    if (!ok) err << "vsys: cannot write " << input::excerpt(path) << "\n";
    return ok;
}

}  // namespace

int cmd_deployment(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    if (!args.empty() && args[0] == "s3-users") return s3_users_command(args, out, err);
    if (args.size() < 2 || args[0] != "init") return usage(err);
    const std::string dir = args[1];
    std::string key_file;
    sync::Account nation{"VN000000", "国 管理者", "nation", "nation", "active"};
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (i + 1 >= args.size()) return usage(err);
        if (args[i] == "--key") key_file = args[++i];
        else if (args[i] == "--account") nation.vsys_id = args[++i];
        else if (args[i] == "--name") nation.name = args[++i];
        else return usage(err);
    }
    const auto& strings = Strings::builtin();
    if (auto s = sync::validate_account(nation); !s) {
        err << "vsys: " << strings.error_message(input::for_display(s.error()), Language::en) << "\n";
        return 2;
    }
    auto opened = open_exchange(dir);
    if (!opened) {
        err << "vsys: " << strings.error_message(input::for_display(opened.error()), Language::en) << "\n";
        return 2;
    }
    if (key_file.empty()) {
        if (opened->remote()) return usage(err);
        key_file = dir + "/root.key";
    }
    ExchangeStore& exchange = *opened->store;
    if (exchange.holds_deployment()) {
        err << "vsys: " << input::excerpt(dir) << " already holds a deployment\n";
        return 1;
    }
    if (!opened->remote()) {
        // A folder gets the layout's folders at once (an object store has no empty folders).
        std::error_code ec;
        for (const char* sub : {"feeds", "inbox", "news", "directory/enrolment"})
            std::filesystem::create_directories(dir + "/" + sub, ec);
        if (ec) {
            err << "vsys: cannot create " << input::excerpt(dir) << ": " << ec.message() << "\n";
            return 1;
        }
    }

    const sync::UtcTime now = std::chrono::duration_cast<std::chrono::seconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
    const sync::UtcTime code_until = now + 30 * sync::k_seconds_per_day;
    const sync::UtcTime device_until = now + 3 * 365 * sync::k_seconds_per_day;
    const sync::KeyPair root = sync::generate_key_pair();
    auto deployment = sync::init_deployment(root, nation, now, code_until, device_until);
    if (!deployment) {
        err << "vsys: " << strings.error_message(input::for_display(deployment.error()), Language::en) << "\n";
        return 1;
    }
    auto key_text = sync::canonical(nlohmann::json{{"type", "vsys-root-key"},
                                     {"public", root.public_hex},
                                     {"seed", crypto::to_hex(root.seed.data(), root.seed.size())}});
    if (!key_text || !write_secret_file(key_file, *key_text + "\n", err)) return 1;

    const auto& e = deployment->nation_enrolment;
    sync::DeploymentManifest manifest{root.public_hex, sync::format_utc(now)};
    for (auto [path, bytes] : {std::pair{std::string(sync::k_manifest_path), sync::encode_manifest(manifest)},
                               {sync::enrolment_entry_path(e.cert.key), sync::encode_enrolment_entry({e.cert, {}})}}) {
        if (auto s = exchange.put_new(path, bytes); !s) {
            err << "vsys: " << strings.error_message(input::for_display(s.error()), Language::en) << "\n";
            return 1;
        }
    }
    const std::string& pub = root.public_hex;
    out << "deployment\t" << dir << "\n";
    out << "root key\t" << pub << "\n";
    out << "fingerprint\t" << pub.substr(0, 4) << "-" << pub.substr(4, 4) << "-" << pub.substr(8, 4) << "-"
        << pub.substr(12, 4) << "\n";
    out << "root secret\t" << key_file << " (mode 0600: keep it offline; never publish it with the exchange)\n";
    out << "nation account\t" << nation.vsys_id << "\n";
    out << "enrolment code\t" << e.code << "\n";
    out << "code valid until\t" << e.cert.valid_until << "\n";
    return 0;
}

}  // namespace vsys::cli
