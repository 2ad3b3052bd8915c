#include "app/allocation/allocation_app.hpp"

#include <memory>

#include "app/allocation/chain_fields.hpp"
#include "app/base/app.hpp"
#include "app/base/args.hpp"

namespace vsys {

const ChainWorld& allocation_world(App& app) {
    // Built lazily (O(n) over ~70,000 sites) and owned by the App, beside the directory it
    // points into: a new App (a test, a second device) builds its own.
    return app.derived<ChainWorld>([&app]() {
        const Directory& dir = app.directory();
        return std::make_unique<ChainWorld>(dir.tree(), Catalog::builtin(), dir.demo().sites, dir.demo().populations);
    });
}

Date allocation_today(const App& app) {
    // The demo rounds are dated 2021-2022 but stay listed while they are not closed (rounds.tsv
    // leaves listed_until empty), so the device's own date works for them; only the closed
    // round 9 answers "no access", as an old round should.
    constexpr sync::UtcTime k_japan_offset = 9 * 3600;
    auto d = parse_iso_date(sync::utc_day(app.now() + k_japan_offset));
    return d ? *d : Date{};
}

std::optional<SplitLevel> split_level_of(const ChainWorld& world, std::string_view org) {
    const OrgIndex i = world.hierarchy().find(org);
    if (i == k_no_org) return std::nullopt;
    switch (world.hierarchy().level(i)) {
        case OrgLevel::nation:
            return SplitLevel::nation;
        case OrgLevel::prefecture:
            return SplitLevel::prefecture;
        case OrgLevel::municipality:
            return SplitLevel::municipality;
        default:
            return std::nullopt;
    }
}

Result<std::vector<Share>> shares_from_json(const nlohmann::json& j, const std::string& name) {
    if (!j.is_object()) return Error{"arg.type", name + " must be an object", {{"name", name}, {"expected", "object"}}};
    std::vector<Share> out;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!it->is_number_integer())
            return Error{"arg.type", name + " values must be integers", {{"name", name + "." + it.key()}, {"expected", "integer"}}};
        if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(k_max_boxes))
            return Error{"chain.boxes_range", "too many boxes",
                         {{"field", it.key()}, {"value", it->dump()}, {"max", std::to_string(k_max_boxes)}}};
        out.push_back({it.key(), it->get<std::int64_t>()});
    }
    return out;
}

}  // namespace vsys
