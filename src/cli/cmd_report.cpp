// `vsys report`: the reports of the app (assets/reports/) run natively, as an organisation sees
// them — the nightly job of an analyst with a mirror of the exchange, or a look at the demo.
//   vsys report --list
//   vsys report ID (--demo | --exchange DIR [--root HEX]) --as WHO [--format csv|csv-cp932|xlsx]
//               [-o FILE] [--round R] [--month YYYY-MM] [--product P] [--municipality CODE] [--xlsx-table FILE]
// WHO is a V-SYS ID (VM131016, VP130001, VN000000, VS1310000011, VF130001) or an organisation id
// (muni:131016). --demo: the national demo data set with its history; --exchange: every bundle
// of an exchange folder, verified as a client verifies it (a refused bundle is reported and
// left out), against the root --root pins (refused when deployment.json names another) or else
// the one deployment.json names (said so on stderr). The file goes to FILE (default: its own name, R313_千代田区_2022-01-31.csv, in the
// current folder), the summary to stderr. --xlsx-table FILE also writes the table and options
// as the browser hands them to its XLSX worker (core/reports/report_table_codec.hpp), so a test
// can hold the worker's bytes to this writer's. Exit 0, 1 on a refusal, 2 on a usage error.
#include <filesystem>
#include <fstream>
#include <ostream>

#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/reports/report_exports.hpp"
#include "cli/exchange_check.hpp"
#include "cli/cli.hpp"
#include "core/base/input.hpp"
#include "core/demo/demo_history.hpp"
#include "core/reports/report_table_codec.hpp"
#include "platform/posix_storage.hpp"
#include "platform/transport_folder.hpp"
#include "sync/canonical.hpp"
#include "sync/directory.hpp"
#include "sync/hierarchy_relations.hpp"
#include "sync/replay.hpp"
#include "sync/utc_time.hpp"

namespace vsys::cli {

namespace {

namespace fs = std::filesystem;

int usage(std::ostream& err) {
    err << "usage: vsys report --list\n"
           "       vsys report ID (--demo | --exchange DIR [--root HEX]) --as WHO [--format csv|csv-cp932|xlsx] [-o FILE]\n"
           "                  [--round R] [--month YYYY-MM] [--product P] [--municipality CODE] [--xlsx-table FILE]\n";
    return 2;
}

int list(std::ostream& out) {
    const auto& folders = report_folders();
    for (const auto& f : folders) {
        out << f.name_ja << "\n";
        for (const auto& d : report_definitions()) {
            if (d.folder != f.id) continue;
            std::string roles;
            for (OrgRole r : d.roles) roles += (roles.empty() ? "" : ",") + std::string(role_name(r));
            out << "  " << d.id << "\t" << d.title_ja << "\t" << d.title_en << "\t(" << roles << ")\n";
        }
    }
    return 0;
}

// The bundles of an exchange folder, verified against its deployment's root: the one pinned
// (--root, as `vsys verify`), or else the one deployment.json names, said so on stderr (anyone
// who can write the folder can name another root).
Result<std::size_t> load_exchange(App& app, const std::string& dir, const std::string& pinned, std::ostream& err) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{"cli.not_a_folder", dir + " is not a folder"};
    FolderTransport exchange(dir);
    auto text = exchange.get(sync::k_manifest_path);
    if (!text) return Error{"cli.no_manifest", dir + " has no deployment.json"};
    auto manifest = sync::parse_manifest(*text);
    if (!manifest) return manifest.error();
    std::vector<std::string> feeds;
    for (fs::recursive_directory_iterator it(fs::path(dir) / "feeds", ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().filename().string()[0] != '.')
            feeds.push_back(fs::relative(it->path(), dir, ec).generic_string());
    sync::HierarchyRelations rel(app.directory().tree());
    sync::TrustState trust;
    if (!pinned.empty() && manifest->root_key != pinned)
        return Error{"cli.root_mismatch", dir + "/deployment.json names another root than --root", {{"root", manifest->root_key}}};
    err << "vsys: root " << manifest->root_key << (pinned.empty() ? " (named by deployment.json, not pinned)" : " (pinned)")
        << "\n";
    trust.root_key = manifest->root_key;
    DocumentStore store;
    const auto rep = sync::replay_feeds(exchange, feeds, rel, trust, store);
    for (const auto& r : rep.rejected)
        err << "vsys: refused " << input::excerpt(r.path) << ": " << app.error_text(r.error, Language::en) << "\n";
    app.receive_verified(store.all());
    return rep.accepted.size();
}

}  // namespace

int cmd_report(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && args[0] == "--list") return list(out);
    if (args.empty() || args[0].rfind("--", 0) == 0) return usage(err);
    ReportQuery q;
    q.report = args[0];
    std::string who, exchange, root, output, table_output, format_id = "csv";
    bool demo = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--demo") demo = true;
        else if (a == "--exchange" && has_value) exchange = args[++i];
        else if (a == "--root" && has_value && root.empty()) root = args[++i];
        else if (a == "--as" && has_value) who = args[++i];
        else if (a == "--format" && has_value) format_id = args[++i];
        else if (a == "-o" && has_value) output = args[++i];
        else if (a == "--xlsx-table" && has_value) table_output = args[++i];
        else if (a == "--round" && has_value) q.round = args[++i];
        else if (a == "--month" && has_value) q.month = args[++i];
        else if (a == "--product" && has_value) q.product = args[++i];
        else if (a == "--municipality" && has_value) q.municipality = args[++i];
        else return usage(err);
    }
    if (who.empty() || demo == !exchange.empty() || (demo && !root.empty())) return usage(err);
    if (!root.empty() && !root_key_text(root)) {
        err << "vsys: --root must be the root's public key, 64 lower-case hex digits (got '" << input::excerpt(root) << "')\n";
        return 2;
    }
    auto format = parse_export_format(format_id);
    if (!format) {
        err << "vsys: unknown --format " << input::excerpt(format_id) << " (csv, csv-cp932, xlsx)\n";
        return 2;
    }

    // An App over a scratch folder: nothing of it is kept.
    std::error_code ec;
    const fs::path scratch = fs::temp_directory_path(ec) / ("vsys-report-" + std::to_string(::getpid()));
    fs::remove_all(scratch, ec);
    PosixStorage storage;
    const sync::UtcTime now = static_cast<sync::UtcTime>(std::time(nullptr));
    App app(storage, (scratch / "vsys").string(), {"cli", "cli", false}, [now] { return now; });
    app.open();
    const Directory& dir = app.directory();
    const DemoAccount* account = dir.account(who);
    if (!account) account = dir.account_of_org(who);
    if (!account) {
        err << "vsys: no account or organisation " << input::excerpt(who) << " in the demo data set\n";
        return 1;
    }
    // A reading session: no key, since a report signs nothing.
    Session s = session_for(*account, sync::KeyPair{});
    s.device_public.clear();
    app.set_session(s);

    if (demo) {
        DemoHistoryOptions o;
        o.today = std::max(allocation_today(app), k_demo_history_as_of);
        o.seal = [](DocumentVersion& v) { return sync::seal(v); };
        auto history = demo_history_documents(dir.demo(), dir.tree(), Catalog::builtin(), o);
        if (!history) {
            err << "vsys: " << app.error_text(history.error(), Language::en) << "\n";
            return 1;
        }
        std::vector<const DocumentVersion*> versions;
        for (const auto& v : *history) versions.push_back(&v);
        if (std::size_t refused = app.receive_verified(versions))
            err << "vsys: " << refused << " history documents were refused by the store\n";
    } else if (auto loaded = load_exchange(app, exchange, root, err); !loaded) {
        err << "vsys: " << app.error_text(loaded.error(), Language::en) << "\n";
        fs::remove_all(scratch, ec);
        return 1;
    }

    auto run = run_report(app, q);
    if (!run) {
        err << "vsys: " << app.error_text(run.error(), Language::en) << "\n";
        fs::remove_all(scratch, ec);
        return 1;
    }
    const ExportOptions options = export_options(app, *run);
    if (!table_output.empty()) {
        std::ofstream f(table_output, std::ios::binary);
        f << encode_report_table(run->result.table, options);
        if (!f) {
            err << "vsys: cannot write " << input::excerpt(table_output) << "\n";
            fs::remove_all(scratch, ec);
            return 1;
        }
    }
    auto file = export_report(run->result.table, *format, options);
    fs::remove_all(scratch, ec);
    if (!file) {
        err << "vsys: " << app.error_text(file.error(), Language::en) << "\n";
        return 1;
    }
    if (output.empty()) output = export_file_name(*run, *format);
    if (output == "-") {
        out.write(file->bytes.data(), static_cast<std::streamsize>(file->bytes.size()));
    } else {
        std::ofstream f(output, std::ios::binary);
        f.write(file->bytes.data(), static_cast<std::streamsize>(file->bytes.size()));
        if (!f) {
            err << "vsys: cannot write " << input::excerpt(output) << "\n";
            return 1;
        }
    }
    err << run->result.table.title << ": " << run->result.table.rows.size() << " rows as " << account->vsys_id << " ("
        << account->org << ")";
    for (std::size_t c = 0; c < run->result.totals.size(); ++c)
        if (run->result.totals[c]) err << "; " << run->result.table.columns[c].label << " " << *run->result.totals[c];
    // Personal data on the exchange is sealed to devices (PROTOCOL §2): a mirror reads none of it.
    if (run->result.unreadable)
        err << "; " << run->result.unreadable << " sealed documents for this organisation not readable here";
    err << (output == "-" ? "" : " → " + output) << "\n";
    for (const auto& u : file->unencodable)
        err << "  row " << u.row << ", column " << u.column + 1 << ": " << u.character << " written as " << u.replacement << "\n";
    return 0;
}

}  // namespace vsys::cli
