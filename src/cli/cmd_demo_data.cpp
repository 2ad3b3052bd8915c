// `vsys demo-data --summary [--seed N]`: generates the national demo data set and prints its
// counts per level, the population totals against the 2020 census, and the generation time.
// `vsys demo-data --history [--prefecture CODE] [--seed N]`: generates the demo world's history
// (core/demo/demo_history.hpp) in memory and prints its documents and bytes per kind and the time.
#include <charconv>
#include <chrono>
#include <map>
#include <ostream>

#include "cli/cli.hpp"
#include "core/demo/demo_data.hpp"
#include "core/demo/demo_history.hpp"
#include "core/directory/hierarchy.hpp"
#include "core/directory/local_gov.hpp"
#include "sync/canonical.hpp"
#include "sync/utc_time.hpp"

namespace vsys::cli {

namespace {

int usage(std::ostream& err) {
    err << "usage: vsys demo-data --summary [--seed N]\n"
           "       vsys demo-data --history [--prefecture CODE] [--seed N]\n"
           "       vsys demo-data --exchange DIR [--prefecture CODE] [--seed N] [--bundle-kb N] [--codes N]\n";
    return 2;
}

// The history in memory: documents and canonical bytes per kind, and the time it took.
int history_summary(const DemoOptions& options, const std::string& prefecture, std::ostream& out, std::ostream& err) {
    const DemoData d = generate_demo_data(options);
    const auto refs = d.site_refs();
    auto tree = Hierarchy::build(refs);
    if (!tree) {
        err << "vsys: " << tree.error().detail << "\n";
        return 1;
    }
    DemoHistoryOptions ho;
    ho.prefecture = prefecture;
    ho.seal = [](DocumentVersion& v) { return sync::seal(v); };
    const auto now = std::chrono::system_clock::now();
    auto today = parse_iso_date(sync::utc_day(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() + 9 * 3600));
    if (today) ho.today = *today;
    auto t0 = std::chrono::steady_clock::now();
    auto docs = demo_history_documents(d, *tree, Catalog::builtin(), ho);
    auto t1 = std::chrono::steady_clock::now();
    if (!docs) {
        err << "vsys: " << docs.error().code << " " << docs.error().detail << "\n";
        return 1;
    }
    std::map<std::string, std::pair<std::size_t, std::size_t>> kinds;
    std::size_t bytes = 0;
    for (const auto& v : *docs) {
        auto text = sync::canonical(to_json(v));
        const std::size_t n = text ? text->size() : 0;
        kinds[v.kind].first += 1;
        kinds[v.kind].second += n;
        bytes += n;
    }
    out << "scope\t" << (prefecture.empty() ? std::string("whole country") : prefecture) << "\n";
    for (const auto& [kind, c] : kinds) out << "kind " << kind << "\t" << c.first << " documents, " << c.second << " bytes\n";
    out << "documents\t" << docs->size() << "\n";
    out << "bytes\t" << bytes << "\n";
    out << "generation time\t" << std::chrono::duration<double, std::milli>(t1 - t0).count() << " ms\n";
    return 0;
}

}  // namespace

int cmd_demo_data(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    // --exchange DIR: the demo deployment as signed feeds (demo_exchange_folder.cpp reads its options).
    for (const auto& a : args)
        if (a == "--exchange") return demo_exchange_command(args, out, err);
    bool summary = false, history = false;
    std::string prefecture;
    DemoOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--summary") summary = true;
        else if (args[i] == "--history") history = true;
        else if (args[i] == "--prefecture" && i + 1 < args.size()) prefecture = args[++i];
        else if (args[i] == "--seed" && i + 1 < args.size()) {
            const auto& v = args[++i];
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), options.seed);
            if (ec != std::errc{} || p != v.data() + v.size()) return usage(err);
        } else return usage(err);
    }
    if (history) return history_summary(options, prefecture, out, err);
    if (!summary) return usage(err);

    auto t0 = std::chrono::steady_clock::now();
    DemoData d = generate_demo_data(options);
    auto t1 = std::chrono::steady_clock::now();
    auto refs = d.site_refs();
    auto tree = Hierarchy::build(refs);
    auto t2 = std::chrono::steady_clock::now();
    if (!tree) {
        err << "vsys: " << tree.error().detail << "\n";
        return 1;
    }
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };

    int prefectures = 0, active = 0, inactive = 0;
    for (const auto& g : local_governments()) {
        if (g.kind == LocalGovKind::prefecture) ++prefectures;
        else (g.active ? active : inactive)++;
    }
    std::size_t venues = 0, insurance = 0, similar = 0, doctors = 0;
    std::size_t categories[5] = {};
    for (const auto& s : d.sites) {
        venues += s.kind == SiteKind::workplace_venue;
        (s.code_kind == InstitutionCodeKind::insurance ? insurance : similar)++;
        doctors += s.doctors.size();
        for (int c = 0; c < 5; ++c) categories[c] += s.vaccines.has(static_cast<VaccineCategory>(c));
    }
    std::map<std::string, std::size_t> roles;
    for (const auto& a : d.accounts) ++roles[a.role];
    std::int64_t census = 0, total = 0, eligible = 0, child = 0;
    for (const auto& c : census_2020()) census += c.total;
    for (const auto& p : d.populations) {
        total += p.total;
        eligible += p.eligible;
        child += p.child;
    }

    out << "seed\t" << d.seed << "\n";
    out << "prefectures\t" << prefectures << "\n";
    out << "municipalities\t" << active << " active, " << inactive << " inactive (Northern Territories)\n";
    out << "sites\t" << d.sites.size() - venues << "\n";
    out << "workplace venues\t" << venues << "\n";
    out << "codes\t" << insurance << " insurance, " << similar << " 類似コード\n";
    for (int c = 0; c < 5; ++c)
        out << "category " << vaccine_category_id(static_cast<VaccineCategory>(c)) << "\t" << categories[c] << "\n";
    out << "doctors\t" << doctors << "\n";
    out << "accounts\t" << d.accounts.size();
    for (const auto& [role, n] : roles) out << ", " << role << " " << n;
    out << "\n";
    out << "organisations in the tree\t" << tree->size() << "\n";
    out << "population\t" << total << " (census 2020: " << census << (total == census ? ", equal" : ", DIFFERENT") << ")\n";
    out << "eligible 12+ (synthetic share " << d.shares.eligible_per_10000 / 100.0 << " %)\t" << eligible << "\n";
    out << "child 5-11 (synthetic share " << d.shares.child_per_10000 / 100.0 << " %)\t" << child << "\n";
    out << "generation time\t" << ms(t0, t1) << " ms (tree " << ms(t1, t2) << " ms)\n";
    return 0;
}

}  // namespace vsys::cli
