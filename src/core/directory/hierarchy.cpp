#include "core/directory/hierarchy.hpp"

#include <array>

#include "core/directory/local_gov.hpp"

namespace vsys {

namespace {

constexpr std::array<const char*, 7> k_level_ids = {"nation", "prefecture", "municipality", "site",
                                                    "venue", "federation", "support"};

}  // namespace

const char* org_level_id(OrgLevel level) { return k_level_ids[static_cast<int>(level)]; }

Result<Hierarchy> Hierarchy::build(std::span<const SiteRef> sites) {
    auto govs = local_governments();

    // Sites grouped by municipality (a counting sort keeps their given order within each).
    std::unordered_map<std::string_view, std::uint32_t> muni_slot;
    for (const auto& g : govs)
        if (g.kind == LocalGovKind::municipality) muni_slot.emplace(g.code, static_cast<std::uint32_t>(muni_slot.size()));
    std::vector<std::uint32_t> slot_of(sites.size());
    std::vector<std::uint32_t> start(muni_slot.size() + 1, 0);
    for (std::size_t i = 0; i < sites.size(); ++i) {
        auto it = muni_slot.find(sites[i].municipality);
        const LocalGov* g = it == muni_slot.end() ? nullptr : find_local_gov(sites[i].municipality);
        if (!g || !g->active)
            return Error{"hierarchy.unknown_municipality", "a site names an unknown or inactive municipality",
                         {{"site", std::string(sites[i].code)}, {"code", std::string(sites[i].municipality)}}};
        slot_of[i] = it->second;
        ++start[it->second + 1];
    }
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<std::uint32_t> grouped(sites.size());
    {
        auto next = start;
        for (std::size_t i = 0; i < sites.size(); ++i) grouped[next[slot_of[i]]++] = static_cast<std::uint32_t>(i);
    }

    Hierarchy h;
    std::size_t prefectures = 0;
    for (const auto& g : govs) prefectures += g.kind == LocalGovKind::prefecture;
    std::size_t total = 1 + govs.size() + sites.size() + prefectures + 1;
    h.id_.reserve(total);
    h.level_.reserve(total);
    h.active_.reserve(total);
    h.parent_.reserve(total);
    auto add = [&h](std::string id, OrgLevel level, OrgIndex parent, bool active) {
        auto i = static_cast<OrgIndex>(h.id_.size());
        h.id_.push_back(std::move(id));
        h.level_.push_back(level);
        h.active_.push_back(active ? 1 : 0);
        h.parent_.push_back(parent);
        return i;
    };

    add("nation", OrgLevel::nation, k_no_org, true);
    OrgIndex pref = k_no_org;
    for (const auto& g : govs) {
        if (g.kind == LocalGovKind::prefecture) {
            pref = add("pref:" + g.code, OrgLevel::prefecture, 0, g.active);
            continue;
        }
        OrgIndex muni = add("muni:" + g.code, OrgLevel::municipality, pref, g.active);
        auto slot = muni_slot.find(g.code)->second;
        for (auto k = start[slot]; k < start[slot + 1]; ++k) {
            const auto& s = sites[grouped[k]];
            bool venue = s.kind == SiteKind::workplace_venue;
            add(site_org_id(s.kind, s.code), venue ? OrgLevel::venue : OrgLevel::site, muni, true);
        }
    }
    for (const auto& g : govs)
        if (g.kind == LocalGovKind::prefecture) add("federation:" + g.code, OrgLevel::federation, 0, true);
    add("support", OrgLevel::support, 0, true);

    const auto n = h.id_.size();
    h.by_id_.reserve(n);
    for (OrgIndex i = 0; i < n; ++i)
        if (!h.by_id_.emplace(h.id_[i], i).second)
            return Error{"hierarchy.duplicate", "two organisations have the same id", {{"id", h.id_[i]}}};

    // Pre-order numbering: a node's subtree ends where the next node at its depth or above starts,
    // so one backwards pass over the parents computes every subtree end.
    h.subtree_end_.assign(n, 0);
    for (OrgIndex i = static_cast<OrgIndex>(n); i-- > 0;) {
        if (h.subtree_end_[i] == 0) h.subtree_end_[i] = i + 1;
        OrgIndex p = h.parent_[i];
        if (p != k_no_org && h.subtree_end_[p] < h.subtree_end_[i]) h.subtree_end_[p] = h.subtree_end_[i];
    }
    h.child_begin_.assign(n + 1, 0);
    for (OrgIndex i = 1; i < n; ++i) ++h.child_begin_[h.parent_[i] + 1];
    for (std::size_t k = 1; k <= n; ++k) h.child_begin_[k] += h.child_begin_[k - 1];
    h.children_.resize(n - 1);
    {
        std::vector<std::uint32_t> next(h.child_begin_.begin(), h.child_begin_.end() - 1);
        for (OrgIndex i = 1; i < n; ++i) h.children_[next[h.parent_[i]]++] = i;
    }
    return h;
}

OrgIndex Hierarchy::find(std::string_view org_id) const {
    auto it = by_id_.find(org_id);
    return it == by_id_.end() ? k_no_org : it->second;
}

bool Hierarchy::in_subtree(std::string_view node_id, std::string_view root_id) const {
    OrgIndex node = find(node_id), root = find(root_id);
    return node != k_no_org && root != k_no_org && in_subtree(node, root);
}

std::vector<OrgIndex> Hierarchy::ancestors(OrgIndex i) const {
    std::vector<OrgIndex> out;
    for (OrgIndex p = parent_[i]; p != k_no_org; p = parent_[p]) out.push_back(p);
    return out;
}

std::string_view Hierarchy::code(OrgIndex i) const {
    std::string_view id = id_[i];
    auto colon = id.find(':');
    return colon == std::string_view::npos ? std::string_view{} : id.substr(colon + 1);
}

}  // namespace vsys
