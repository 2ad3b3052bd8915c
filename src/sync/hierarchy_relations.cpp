#include "sync/hierarchy_relations.hpp"

namespace vsys::sync {

std::string HierarchyRelations::parent_of(std::string_view org) const {
    OrgIndex i = tree_.find(org);
    if (i == k_no_org) return {};
    OrgIndex p = tree_.parent(i);
    return p == k_no_org ? std::string() : tree_.id(p);
}

}  // namespace vsys::sync
