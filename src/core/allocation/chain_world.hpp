// What the allocation chain knows besides documents: the organisation tree, the catalog, and per
// organisation a display name, the handled vaccines (取扱ワクチン) of each site and the eligible
// (12+) and child (5-11) populations of each municipality and prefecture.
//
// Invariants: facts are indexed by OrgIndex of the hierarchy given at build; a prefecture's
// populations are the sums of its active municipalities'; the hierarchy and catalog must outlive
// the world (it keeps references). Rebuild the world when approved site data changes (O(n)).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/directory/catalog.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "core/directory/site.hpp"

namespace vsys {

struct OrgFacts {
    std::string name;            // 東京都, 千代田区, the site's name
    VaccineCategories vaccines;  // sites and venues only
    std::int64_t eligible = 0;   // 接種対象者数 (12+)
    std::int64_t child = 0;      // 小児人口 (5-11)
};

class ChainWorld {
public:
    // Sites and venues unknown to the hierarchy are ignored; a municipality missing from
    // `populations` has populations 0.
    ChainWorld(const Hierarchy& hierarchy, const Catalog& catalog, std::span<const Site> sites,
               std::span<const MunicipalityPopulation> populations);

    const Hierarchy& hierarchy() const { return *hierarchy_; }
    const Catalog& catalog() const { return *catalog_; }
    const OrgFacts& facts(OrgIndex i) const { return facts_[i]; }

    // The children that share a split at `parent` for a product: the 47 prefectures under the
    // nation, the active municipalities of a prefecture, and the sites of a municipality that
    // request the product (not satellites, not workplace venues). In hierarchy order.
    std::vector<OrgIndex> split_children(OrgIndex parent, VaccineProduct p) const;
    // Sites in the subtree of `root` that may request the product.
    std::vector<OrgIndex> requesting_sites(OrgIndex root, VaccineProduct p) const;
    bool may_request(OrgIndex site, VaccineProduct p) const;

private:
    const Hierarchy* hierarchy_;
    const Catalog* catalog_;
    std::vector<OrgFacts> facts_;
};

}  // namespace vsys
