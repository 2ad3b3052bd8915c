// Accounts with their restriction state and open unlock requests (R104, R205, R306, R507, and
// R701 for the service desk, every account). The state is the
// account document's as the managing organisation published it (sync/identity.hpp); a lock after
// wrong passwords lives on one device and is never published, so it is not here.
#include <map>
#include <unordered_map>

#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "app/reports/sources.hpp"
#include "sync/authority.hpp"
#include "sync/identity.hpp"

namespace vsys {

Result<SourceRows> source_accounts(App& app, const SourceContext& ctx) {
    SourceRows out;
    out.fields = {{"org_code", CellType::code}, {"org_name", CellType::text}, {"role", CellType::text},
                  {"vsys_id", CellType::code},  {"name", CellType::text},     {"status", CellType::text},
                  {"unlock_requests", CellType::count}};
    const Directory& dir = app.directory();
    const ChainWorld& world = allocation_world(app);
    const Hierarchy& h = dir.tree();
    // One pass over the documents: the published state of each account, and the unlock requests
    // not yet answered by the account's managing organisation, per V-SYS ID.
    std::unordered_map<std::string, std::string> states;
    std::unordered_map<std::string, std::int64_t> open_requests;
    // (for_each_current: no copy of the store's keys, no sort; the nation's R104 passed its
    // 300 ms in wasm only without them.)
    app.store().for_each_current([&](const std::string&, const DocumentVersion& d) {
        if (d.kind == "account") {
            if (auto acc = sync::account_from_document(d)) states[acc->vsys_id] = acc->state;
        } else if (d.kind == "unlock_request") {
            const std::string id = d.body.value("vsys_id", "");
            const auto* u = app.current(sync::managing_org(dir, d.owner), "unlock", id);
            if (!(u && u->time >= d.time)) ++open_requests[id];
        }
    });
    // The service desk's report covers the whole tree (the nation and below).
    const OrgIndex root = h.find(ctx.everywhere ? "nation" : ctx.viewer);
    if (root == k_no_org) return out;
    std::map<std::string, std::string> role_names, status_names;  // translated once, not per row
    const std::string active = "active";
    for (const auto& a : dir.demo().accounts) {
        const OrgIndex o = h.find(a.org);
        if (o == k_no_org || !h.in_subtree(o, root)) continue;
        auto st = states.find(a.vsys_id);
        auto& role = role_names[a.role];
        if (role.empty()) role = app.tr("role." + a.role);
        SourceRow row;
        row.org = a.org;
        for (OrgIndex at = o; at != k_no_org; at = h.parent(at))
            if (h.level(at) == OrgLevel::municipality) row.municipality = std::string(h.code(at));
        auto it = open_requests.find(a.vsys_id);
        const std::string& state = st == states.end() ? active : st->second;
        auto& status = status_names[state];
        if (status.empty()) status = app.tr("report.account_" + state);
        // The hierarchy's facts name sites and local governments; the nation, a federation and
        // the desk are named by the directory (厚生労働省, …国民健康保険団体連合会).
        const std::string& known = world.facts(o).name;
        row.cells = {text_cell(std::string(h.code(o))), text_cell(known.empty() ? dir.org_name(a.org) : known), text_cell(role),
                     text_cell(a.vsys_id), text_cell(a.name), text_cell(status),
                     number_cell(it == open_requests.end() ? 0 : it->second)};
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace vsys
