// Benchmark: the nation's largest reports over the national demo world with its history, as the
// nation sees them (issue 14 target: computed in <= 300 ms in wasm), and the real R101's exports.
// The App runs over in-memory storage; the history is received as verified versions, as
// `vsys report --demo` does. Prints Markdown rows and BENCH lines for tools/bench reports.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "bench_timing.hpp"

#include "../unit/memory_storage.hpp"
#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/reports/report_exports.hpp"
#include "core/demo/demo_history.hpp"
#include "sync/canonical.hpp"

using namespace vsys;
using vsys::bench::bench_line;
using vsys::bench::median_ms;

int main() {
#ifdef __EMSCRIPTEN__
    const char* platform = "wasm";
#else
    const char* platform = "native";
#endif
    test::MemoryStorage storage;
    App app(storage, "/data/vsys", {"bench", "bench", false}, [] { return sync::UtcTime{1648771200}; });  // 2022-04-01
    app.open();
    const Directory& dir = app.directory();
    DemoHistoryOptions o;
    o.today = std::max(allocation_today(app), k_demo_history_as_of);
    o.seal = [](DocumentVersion& v) { return sync::seal(v); };
    auto t0 = std::chrono::steady_clock::now();
    auto history = demo_history_documents(dir.demo(), dir.tree(), Catalog::builtin(), o);
    if (!history) {
        std::fprintf(stderr, "bench_reports: %s\n", history.error().detail.c_str());
        return 1;
    }
    std::vector<const DocumentVersion*> versions;
    for (const auto& v : *history) versions.push_back(&v);
    app.receive_verified(versions);
    const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("| reports: the national history generated and received (%zu documents) | %.0f ms | %s |\n", versions.size(),
                load_ms, platform);
    app.set_session(session_for(*dir.account("VN000000"), sync::KeyPair{}));

    std::size_t largest_rows = 0;
    std::optional<ReportRun> largest;
    // Every report the nation sees (folder R1), each over the whole country.
    std::vector<std::string> ids;
    for (const ReportDefinition* d : reports_for_user(app)) ids.push_back(d->id);
    for (const std::string& id : ids) {
        std::size_t rows = 0;
        bool ok = true;
        // CPU time beside the wall time: the machine is shared, and load stretches the wall time.
        const std::clock_t cpu0 = std::clock();
        const double ms = median_ms(5, [&] {
            auto run = run_report(app, {id, "", "", "", ""});
            ok = ok && run.ok();
            if (run) rows = run->result.table.rows.size();
            if (run && rows > largest_rows) largest_rows = rows, largest = std::move(*run);
        });
        if (!ok) {
            std::fprintf(stderr, "bench_reports: %s failed\n", id.c_str());
            return 1;
        }
        const double cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC / 5;
        std::printf("| reports: %s as the nation, latest round (%zu rows) | %.1f ms | median of 5, %s; CPU time %.1f ms per run (mean) |\n",
                    id.c_str(), rows, ms, platform, cpu_ms);
        bench_line(("run." + id).c_str(), (id + " as the nation (" + std::to_string(rows) + " rows)").c_str(), ms, "ms");
    }
    // The largest one's files, as the export dialog writes them.
    for (ExportFormat f : {ExportFormat::csv_utf8, ExportFormat::csv_cp932, ExportFormat::xlsx}) {
        std::size_t size = 0;
        const double ms = median_ms(f == ExportFormat::xlsx ? 1 : 3, [&] {
            auto file = export_report(largest->result.table, f, export_options(app, *largest));
            size = file ? file->bytes.size() : 0;
        });
        std::printf("| reports: %s (%zu rows) as %s (%zu bytes) | %.1f ms | %s |\n", largest->def->id.c_str(), largest_rows,
                    export_format_id(f), size, ms, platform);
        bench_line((std::string("export.") + export_format_id(f)).c_str(), (largest->def->id + " as " + export_format_id(f)).c_str(), ms, "ms");
    }
    bench_line("rows", "rows of the largest report", static_cast<double>(largest_rows), "rows");
    return 0;
}
