// `vsys demo-data --exchange DIR [--prefecture CODE] [--seed N] [--bundle-kb N] [--codes N]`
// (cmd_demo_data hands over when it sees --exchange): writes the demo deployment
// (sync/demo_exchange.hpp) into an exchange — a folder, s3://… or http://… (open_exchange.hpp) —
// with its deployment.json, and prints what it
// wrote, how long it took, and a few demo enrolment codes. --prefecture limits it to the nation,
// one prefecture's subtree, its federation and support; --bundle-kb sets the bundle size (small
// values give feeds of many bundles, for tests); --codes the unclaimed codes per account;
// --no-site-devices has municipalities publish their sites' master data as proxy versions;
// --no-history leaves out the demo world's history (core/demo/demo_history.hpp); --time T (UTC,
// YYYY-MM-DDTHH:MM:SSZ) writes it as of T instead of now; --pack has the demo municipalities'
// and prefectures' devices pack its day for their parents (sync/demo_day.hpp).
// `vsys demo-data --exchange DIR --day [--time T]`: a deployment written before goes on by one
// day: every demo device publishes once, then the day is packed (issue 16's nation benchmark).
#include <charconv>
#include <chrono>
#include <optional>
#include <ostream>

#include "app/base/i18n.hpp"
#include "cli/cli.hpp"
#include "core/base/input.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "platform/native/open_exchange.hpp"
#include "sync/demo_day.hpp"
#include "sync/demo_exchange.hpp"
#include "sync/directory.hpp"

namespace vsys::cli {

namespace {

int usage(std::ostream& err) {
    err << "usage: vsys demo-data --exchange DIR|s3://HOST:PORT/BUCKET[/prefix]|http://HOST/ [--prefecture CODE] [--seed N] [--bundle-kb N] [--codes N]\n"
           "                                  [--no-site-devices] [--no-history] [--time T] [--pack]\n"
           "       vsys demo-data --exchange DIR --day [--time T]\n";
    return 2;
}

template <class T>
bool number(const std::string& text, T& out) {
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && p == text.data() + text.size();
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Prints an error as the CLI does (English) and returns the exit status 1.
int fail_with(std::ostream& err, const Error& e) {
    err << "vsys: " << Strings::builtin().error_message(input::for_display(e), Language::en) << "\n";
    return 1;
}

// The demo's municipalities and prefectures pack the day at `now` (--pack and --day alike),
// and the line that says so.
Result<sync::DemoDayReport> pack_day(const DemoData& data, const Hierarchy& tree, sync::UtcTime now,
                                     const std::string& prefecture, ExchangeStore& exchange, std::ostream& out) {
    const auto t0 = std::chrono::steady_clock::now();
    auto packed = sync::pack_demo_day(data, tree, {now, prefecture}, exchange);
    if (!packed) return packed.error();
    out << "packs\t" << packed->packs << " (the packers read " << packed->packer_fetched << " bundles, refused "
        << packed->packer_rejected << "), " << seconds_since(t0) << " s\n";
    return packed;
}


// --day: the deployment on the exchange (its manifest names the demo seed and prefecture) goes
// on by one day at `now`; its packers run a minute later.
int demo_day_command(ExchangeStore& exchange, const std::string& dir, sync::UtcTime now, std::ostream& out,
                     std::ostream& err) {
    auto fail = [&](const Error& e) { return fail_with(err, e); };
    auto text = exchange.get(sync::k_manifest_path);
    if (!text) return fail(text.error());
    auto m = sync::parse_manifest(*text);
    if (!m) return fail(m.error());
    if (!m->demo) {
        err << "vsys: " << input::excerpt(dir) << " holds no demo deployment\n";
        return 1;
    }
    const auto t0 = std::chrono::steady_clock::now();
    DemoOptions options;
    options.seed = m->seed;
    const DemoData data = generate_demo_data(options);
    const auto refs = data.site_refs();
    auto tree = Hierarchy::build(refs);
    if (!tree) return fail(tree.error());
    auto published = sync::publish_demo_day(data, *tree, {now, m->prefecture}, exchange);
    if (!published) return fail(published.error());
    out << "exchange\t" << dir << "\n";
    out << "day\t" << sync::utc_day(now) << " (round DEMO-" << sync::utc_day(now) << ")\n";
    out << "bundles\t" << published->bundles << " (" << published->documents << " documents, " << published->pointers
        << " pointers, " << published->bytes << " bytes), " << seconds_since(t0) << " s\n";
    auto packed = pack_day(data, *tree, now + 60, m->prefecture, exchange, out);
    if (!packed) return fail(packed.error());
    return packed->packer_rejected == 0 ? 0 : 1;
}

}  // namespace

int demo_exchange_command(const Args& args, std::ostream& out, std::ostream& err) {
    std::string dir, prefecture;
    std::uint64_t seed = 1;
    std::size_t bundle_kb = 512;
    std::uint32_t codes = 1;
    bool site_devices = true, history = true, pack = false, day = false;
    std::optional<sync::UtcTime> time;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--no-site-devices") {
            site_devices = false;
            continue;
        }
        if (args[i] == "--pack" || args[i] == "--day") {
            (args[i] == "--pack" ? pack : day) = true;
            continue;
        }
        if (args[i] == "--no-history") {
            history = false;
            continue;
        }
        if (i + 1 >= args.size()) return usage(err);
        const std::string& flag = args[i];
        const std::string& value = args[++i];
        bool ok = true;
        if (flag == "--exchange") dir = value;
        else if (flag == "--prefecture") prefecture = value;
        else if (flag == "--seed") ok = number(value, seed);
        else if (flag == "--bundle-kb") ok = number(value, bundle_kb) && bundle_kb >= 1 && bundle_kb <= 2048;
        else if (flag == "--codes") ok = number(value, codes) && codes <= 100;
        else if (flag == "--time") {
            auto t = sync::parse_utc(value);
            ok = static_cast<bool>(t);
            if (ok) time = *t;
        } else ok = false;
        if (!ok) return usage(err);
    }
    if (dir.empty()) return usage(err);
    auto fail = [&](const Error& e) { return fail_with(err, e); };
    auto opened = open_exchange(dir);
    if (!opened) {
        fail(opened.error());
        return 2;
    }
    ExchangeStore& exchange = *opened->store;
    const sync::UtcTime now = time ? *time
                                   : std::chrono::duration_cast<std::chrono::seconds>(
                                         std::chrono::system_clock::now().time_since_epoch()).count();
    if (day) return demo_day_command(exchange, dir, now, out, err);
    if (exchange.holds_deployment()) {
        err << "vsys: " << input::excerpt(dir) << " already holds a deployment\n";
        return 1;
    }
    auto t0 = std::chrono::steady_clock::now();
    DemoOptions options;
    options.seed = seed;
    const DemoData data = generate_demo_data(options);
    const auto refs = data.site_refs();
    auto tree = Hierarchy::build(refs);
    if (!tree) return fail(tree.error());

    sync::DemoExchangeOptions o;
    o.now = now;
    o.prefecture = prefecture;
    o.bundle_bytes = bundle_kb << 10;
    o.codes_per_account = codes;
    o.site_devices = site_devices;
    o.history = history;
    if (auto today = parse_iso_date(sync::utc_day(o.now + 9 * 3600))) o.today = *today;  // the day in Japan
    auto t1 = std::chrono::steady_clock::now();
    auto rep = sync::write_demo_exchange(data, *tree, o, exchange);
    if (!rep) return fail(rep.error());
    sync::DeploymentManifest m{rep->root_key, sync::format_utc(o.now), true, seed, options.sites, options.venues,
                               prefecture};
    if (auto s = exchange.put_new(sync::k_manifest_path, sync::encode_manifest(m)); !s) return fail(s.error());
    auto t2 = std::chrono::steady_clock::now();
    auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };

    out << "exchange\t" << dir << "\n";
    out << "root key\t" << rep->root_key << " (demo: derived from seed " << seed << ", trust it nowhere else)\n";
    out << "organisations\t" << rep->organisations << "\n";
    out << "bundles\t" << rep->bundles << "\n";
    out << "documents\t" << rep->documents << " (history " << rep->history << ")\n";
    out << "pointers\t" << rep->pointers << "\n";
    out << "enrolment lookup files\t" << rep->lookup_files << "\n";
    out << "bytes\t" << rep->bytes << "\n";
    out << "time\t" << seconds(t0, t1) << " s demo data, " << seconds(t1, t2) << " s signing and writing\n";
    if (pack)
        if (auto packed = pack_day(data, *tree, o.now + 60, prefecture, exchange, out); !packed) return fail(packed.error());

    // A few accounts to try: the nation, and the first prefecture, municipality and site written.
    std::vector<std::string> samples = {"nation"};
    OrgIndex pref = prefecture.empty() ? tree->children(Hierarchy::nation()).front() : tree->find("pref:" + prefecture);
    for (OrgIndex i = pref; i != k_no_org && samples.size() < 4;) {
        samples.push_back(tree->id(i));
        OrgIndex next = k_no_org;
        for (OrgIndex c : tree->children(i))
            if (tree->active(c)) {
                next = c;
                break;
            }
        i = next;
    }
    for (const auto& org : samples)
        for (const auto& a : data.accounts)
            if (a.org == org)
                for (std::uint32_t n = 1; n <= codes; ++n)
                    out << "demo code\t" << a.vsys_id << "\t" << sync::demo_enrolment_code(seed, a.vsys_id, n) << "\n";
    return 0;
}

}  // namespace vsys::cli
