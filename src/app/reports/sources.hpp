// The rows reports read (assets/reports/reports.tsv "source"): each source computes its rows
// from this device's documents through the core's own readers (the chain's state, the claims'
// pricing), so a report reconciles with the screen it reports on. A source may compute more
// rows than the viewer may see: the engine keeps only those in scope.
#pragma once

#include <optional>
#include <string>

#include "core/allocation/chain_world.hpp"
#include "core/base/calendar.hpp"
#include "core/reports/report_engine.hpp"

namespace vsys {

class App;

struct SourceContext {
    std::string viewer;              // the viewer's organisation id
    bool everywhere = false;         // the report's scope is every organisation (support's)
    const Round* round = nullptr;  // the chosen round; nullptr: every round (reports without a round filter)
    // No month: a source gives every month's rows, each naming its month (SourceRow::month);
    // the engine filters them and lists the months there are for the filter's choices.
};

using SourceFn = Result<SourceRows> (*)(App& app, const SourceContext& ctx);

// nullptr for a name no source has.
SourceFn find_source(const std::string& name);

// The sources (sources_chain.cpp, sources_claims.cpp, sources_accounts.cpp, sources_reservations.cpp).
Result<SourceRows> source_requests(App& app, const SourceContext& ctx);
Result<SourceRows> source_allocation_prefectures(App& app, const SourceContext& ctx);
Result<SourceRows> source_allocation_municipalities(App& app, const SourceContext& ctx);
Result<SourceRows> source_allocation_sites(App& app, const SourceContext& ctx);
Result<SourceRows> source_deliveries(App& app, const SourceContext& ctx);
Result<SourceRows> source_claims_by_site(App& app, const SourceContext& ctx);
Result<SourceRows> source_claims_by_residence(App& app, const SourceContext& ctx);
Result<SourceRows> source_claims_of_site_by_residence(App& app, const SourceContext& ctx);
Result<SourceRows> source_ticket_form_counts(App& app, const SourceContext& ctx);
Result<SourceRows> source_ticket_form_counts_of_site(App& app, const SourceContext& ctx);
Result<SourceRows> source_accounts(App& app, const SourceContext& ctx);
Result<SourceRows> source_reservations(App& app, const SourceContext& ctx);
// sources_stock.cpp
Result<SourceRows> source_stock_by_municipality(App& app, const SourceContext& ctx);
Result<SourceRows> source_stock_by_site(App& app, const SourceContext& ctx);
Result<SourceRows> source_stock_moves(App& app, const SourceContext& ctx);
Result<SourceRows> source_stock_ledger(App& app, const SourceContext& ctx);

// Helpers the sources share (sources.cpp): where an organisation sits, with codes and names.
struct OrgPlace {
    std::string prefecture_code, prefecture_name;
    std::string municipality_code, municipality_name;
    std::string site_code, site_name;
};
OrgPlace org_place(const ChainWorld& world, OrgIndex i);
// "2021-08-02" in Japan time from a stored UTC time; "" when malformed.
std::string japan_date(const std::string& utc_text);

}  // namespace vsys
