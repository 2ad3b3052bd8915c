// `vsys verify DIR [--root HEX]`: checks every file of an exchange — a folder, s3://… or http://…
// (open_exchange.hpp) — as a client would before trusting it (cli/exchange_check.hpp: bundles,
// pointers, lookup files, deployment.json). The root key is --root when given (pinned), else the
// one deployment.json names. Prints a summary and each bad file with its reason; exit 0 when everything verifies, 1 when
// a file is bad, 2 on a usage error.
#include <filesystem>
#include <map>
#include <ostream>

#include "app/base/i18n.hpp"
#include "cli/cli.hpp"
#include "cli/exchange_check.hpp"
#include "core/base/input.hpp"
#include "platform/native/open_exchange.hpp"

namespace vsys::cli {

namespace {

namespace fs = std::filesystem;

int usage(std::ostream& err) {
    err << "usage: vsys verify DIR|s3://HOST:PORT/BUCKET[/prefix]|http://HOST/ [--root HEX]   (HEX: the root's public key, 64 lower-case hex digits)\n";
    return 2;
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
    if (root_given && !root_key_text(pinned)) {
        err << "vsys: --root must be the root's public key, 64 lower-case hex digits (got '" << input::excerpt(pinned)
            << "')\n";
        return 2;
    }
    const auto& strings = Strings::builtin();
    std::error_code ec;
    auto opened = open_exchange(dir);
    if (!opened) {
        err << "vsys: " << strings.error_message(input::for_display(opened.error()), Language::en) << "\n";
        return 2;
    }
    if (!opened->remote() && !fs::is_directory(dir, ec)) {
        err << "vsys: " << input::excerpt(dir) << " is not a folder\n";
        return 2;
    }
    ExchangeStore& exchange = *opened->store;
    auto checked = check_exchange(exchange, exchange, pinned);
    if (!checked) {
        err << "vsys: " << input::excerpt(dir) << ": "
            << strings.error_message(input::for_display(checked.error()), Language::en) << "\n";
        return 1;
    }
    const ExchangeCheck& c = *checked;
    std::map<std::string, std::size_t> reasons;
    for (const auto& b : c.bad) ++reasons[b.error.code];
    out << "exchange\t" << dir << "\n";
    out << "root\t" << c.root << (c.pinned ? " (pinned)" : " (named by deployment.json, not pinned)") << "\n";
    out << "files\t" << c.files.size() << " (" << c.bundles << " bundles, " << c.pointers << " pointers, "
        << c.lookups << " enrolment lookup files, " << c.packs << " pack files)\n";
    out << "bundles\t" << c.accepted.size() << " verified of " << c.bundles << "\n";
    out << "documents\t" << c.documents << " (" << c.versions_applied << " versions applied)\n";
    out << "rejected\t" << c.bad.size() << "\n";
    for (const auto& [code, n] : reasons) out << "  " << code << "\t" << n << "\n";
    if (c.root_key_here)
        err << "warning: root.key is a secret key inside the exchange folder: keep it offline, never publish it\n";
    print_bad(c.bad, out);
    return c.bad.empty() ? 0 : 1;
}

}  // namespace vsys::cli
