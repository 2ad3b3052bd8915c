#include "core/allocation/chain_world.hpp"

#include "core/directory/local_gov.hpp"

namespace vsys {

ChainWorld::ChainWorld(const Hierarchy& hierarchy, const Catalog& catalog, std::span<const Site> sites,
                       std::span<const MunicipalityPopulation> populations)
    : hierarchy_(&hierarchy), catalog_(&catalog), facts_(hierarchy.size()) {
    const auto& h = hierarchy;
    for (OrgIndex i = 0; i < h.size(); ++i) {
        auto level = h.level(i);
        if (level == OrgLevel::prefecture || level == OrgLevel::municipality)
            if (const auto* g = find_local_gov(h.code(i))) facts_[i].name = g->name;
    }
    facts_[Hierarchy::nation()].name = "国";
    for (const auto& s : sites) {
        OrgIndex i = h.find(site_org_id(s));
        if (i == k_no_org) continue;
        facts_[i].name = s.name;
        facts_[i].vaccines = s.vaccines;
    }
    for (const auto& p : populations) {
        OrgIndex m = h.find("muni:" + p.code);
        if (m == k_no_org || !h.active(m)) continue;
        facts_[m].eligible = p.eligible;
        facts_[m].child = p.child;
        OrgIndex pref = h.parent(m);
        facts_[pref].eligible += p.eligible;
        facts_[pref].child += p.child;
    }
}

bool ChainWorld::may_request(OrgIndex site, VaccineProduct p) const {
    if (hierarchy_->level(site) != OrgLevel::site) return false;
    // As vsys::may_request, without building the refusal: this runs once per site of a subtree.
    for (int i = 0; i < VaccineCategories::size; ++i) {
        auto c = static_cast<VaccineCategory>(i);
        if (facts_[site].vaccines.has(c) && requested_product(c) == p) return true;
    }
    return false;
}

std::vector<OrgIndex> ChainWorld::split_children(OrgIndex parent, VaccineProduct p) const {
    std::vector<OrgIndex> out;
    auto level = hierarchy_->level(parent);
    for (OrgIndex c : hierarchy_->children(parent)) {
        auto cl = hierarchy_->level(c);
        bool take = (level == OrgLevel::nation && cl == OrgLevel::prefecture && hierarchy_->active(c)) ||
                    (level == OrgLevel::prefecture && cl == OrgLevel::municipality && hierarchy_->active(c)) ||
                    (level == OrgLevel::municipality && may_request(c, p));
        if (take) out.push_back(c);
    }
    return out;
}

std::vector<OrgIndex> ChainWorld::requesting_sites(OrgIndex root, VaccineProduct p) const {
    std::vector<OrgIndex> out;
    OrgIndex end = root + hierarchy_->subtree_size(root);
    for (OrgIndex i = root; i < end; ++i)
        if (may_request(i, p)) out.push_back(i);
    return out;
}

}  // namespace vsys
