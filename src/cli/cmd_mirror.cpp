// `vsys mirror SRC DST [--root HEX]`: copies an exchange from one transport to another — folder,
// s3://… or http://… (open_exchange.hpp) — moving a deployment from nginx to an object store, or
// feeding an analyst's folder. Everything is checked as `vsys verify` checks it
// (cli/exchange_check.hpp) and only what passes is copied: a bundle whose bytes do not hash to its
// name or that does not verify is reported and left behind, and so are the pointers to it. What
// DST already has is skipped (put-new: nothing is ever overwritten). Bundles go first, in feed
// order, then lookup files, then pointers (a pointer never names a bundle not yet there), then
// deployment.json, so an interrupted mirror is a smaller exchange, never a broken one, and running
// it again finishes it. The source's files are read once: the check's reads are kept in memory
// until copied (about the exchange's size in bundles).
// Exit 0 when everything was copied or already there; 1 when a file was refused or a write
// failed, or DST holds another deployment; 2 on a usage error.
#include <chrono>
#include <map>
#include <ostream>
#include <set>

#include "app/base/i18n.hpp"
#include "cli/cli.hpp"
#include "cli/exchange_check.hpp"
#include "core/base/input.hpp"
#include "platform/native/open_exchange.hpp"
#include "sync/directory.hpp"

namespace vsys::cli {

namespace {

int usage(std::ostream& err) {
    err << "usage: vsys mirror SRC DST [--root HEX]   (SRC, DST: a folder, s3://HOST:PORT/BUCKET[/prefix] or "
           "http://HOST/)\n";
    return 2;
}

// The source as the check reads it, remembering each file's bytes for the copy.
class RememberingReader final : public sync::Transport {
public:
    explicit RememberingReader(sync::Transport& source) : source_(source) {}
    Result<std::vector<std::string>> list(std::string_view folder) override { return source_.list(folder); }
    Result<std::string> get(std::string_view path) override {
        const std::string key(path);
        if (auto it = kept_.find(key); it != kept_.end()) return it->second;
        auto bytes = source_.get(path);
        if (bytes) kept_[key] = *bytes;
        return bytes;
    }
    Status put_new(std::string_view, std::string_view) override {
        return Error{"transport.failed", "the mirror's source is read only", {{"detail", "read only"}}};
    }
    // The bytes read for path, handed over once.
    Result<std::string> take(const std::string& path) {
        auto it = kept_.find(path);
        if (it == kept_.end()) return source_.get(path);
        std::string bytes = std::move(it->second);
        kept_.erase(it);
        return bytes;
    }

private:
    sync::Transport& source_;
    std::map<std::string, std::string> kept_;
};

int rank(const std::string& path) {
    if (path.rfind("feeds/", 0) == 0) return 0;
    if (path.rfind("directory/", 0) == 0) return 1;
    if (path == sync::k_manifest_path) return 4;
    if (path.rfind("packs/", 0) == 0) return path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0 ? 2 : 3;
    return 2;  // pointers, and a pack's gzip twin before its pack
}

}  // namespace

int cmd_mirror(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    if (args.size() < 2) return usage(err);
    std::string pinned;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--root" && i + 1 < args.size() && pinned.empty()) pinned = args[++i];
        else return usage(err);
    }
    if (args.size() > 2 && !root_key_text(pinned)) {
        err << "vsys: --root must be the root's public key, 64 lower-case hex digits\n";
        return 2;
    }
    const auto& strings = Strings::builtin();
    auto message = [&](const Error& e) { return strings.error_message(input::for_display(e), Language::en); };
    auto src = open_exchange(args[0]);
    auto dst = open_exchange(args[1]);
    for (auto* opened : {&src, &dst})
        if (!*opened) {
            err << "vsys: " << message(opened->error()) << "\n";
            return 2;
        }
    const auto t0 = std::chrono::steady_clock::now();
    ExchangeStore& from = *src->store;
    ExchangeStore& to = *dst->store;
    RememberingReader reader(from);
    auto checked = check_exchange(from, reader, pinned);
    if (!checked) {
        err << "vsys: " << input::excerpt(args[0]) << ": " << message(checked.error()) << "\n";
        return 1;
    }
    const ExchangeCheck& c = *checked;

    auto present = to.all_files();
    if (!present) {
        err << "vsys: " << input::excerpt(args[1]) << ": " << message(present.error()) << "\n";
        return 1;
    }
    std::set<std::string> there;
    for (const auto& f : *present) there.insert(f.path);
    if (there.count(sync::k_manifest_path) && c.good.count(sync::k_manifest_path)) {
        auto mine = reader.get(sync::k_manifest_path);
        auto theirs = to.get(sync::k_manifest_path);
        if (!mine || !theirs || *mine != *theirs) {
            err << "vsys: " << input::excerpt(args[1]) << " holds another deployment (its deployment.json differs)\n";
            return 1;
        }
    }

    // The copy order: bundles in feed order, lookup files, pointers, deployment.json.
    std::vector<std::string> order;
    for (const auto& b : c.accepted) order.push_back(b.path);
    std::vector<std::string> rest;
    for (const auto& path : c.good)
        if (rank(path) > 0) rest.push_back(path);
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return rank(a) < rank(b); });
    order.insert(order.end(), rest.begin(), rest.end());

    std::size_t copied = 0, skipped = 0, bytes = 0;
    std::vector<sync::Rejection> failed;
    for (const auto& path : order) {
        if (there.count(path)) {
            reader.take(path);  // drops what was kept
            ++skipped;
            continue;
        }
        auto data = reader.take(path);
        if (!data) {
            failed.push_back({path, data.error()});
            continue;
        }
        auto s = to.put_new(path, *data);
        if (s) {
            ++copied;
            bytes += data->size();
        } else if (s.error().code == "transport.exists") {
            ++skipped;
        } else {
            failed.push_back({path, s.error()});
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::map<std::string, std::size_t> reasons;
    for (const auto& b : c.bad) ++reasons[b.error.code];
    out << "source\t" << from.where() << "\n";
    out << "destination\t" << to.where() << "\n";
    out << "root\t" << c.root << (c.pinned ? " (pinned)" : " (named by deployment.json, not pinned)") << "\n";
    out << "files\t" << c.files.size() << " (" << c.bundles << " bundles, " << c.pointers << " pointers, " << c.lookups
        << " enrolment lookup files)\n";
    out << "copied\t" << copied << " (" << bytes << " bytes)\n";
    out << "skipped\t" << skipped << " (already there)\n";
    out << "refused\t" << c.bad.size() << "\n";
    for (const auto& [code, n] : reasons) out << "  " << code << "\t" << n << "\n";
    out << "failed\t" << failed.size() << "\n";
    out << "time\t" << seconds << " s\n";
    if (c.root_key_here) err << "warning: the source holds root.key, a secret key: not copied; keep it offline\n";
    print_bad(c.bad, out);
    for (const auto& f : failed)
        out << "failed\t" << input::excerpt(f.path, 4 * input::k_excerpt_chars) << "\t" << f.error.code << "\t"
            << message(f.error) << "\n";
    return c.bad.empty() && failed.empty() ? 0 : 1;
}

}  // namespace vsys::cli
