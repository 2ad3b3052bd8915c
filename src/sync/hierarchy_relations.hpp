// The organisation tree (core/directory/hierarchy.hpp) as the sync code sees it (authority.hpp's
// OrgRelations): parent_of answers from the tree, "" for the nation and for an organisation the
// tree does not know, so a bundle of an unknown site fails its authority and chain checks.
// Holds a reference: the Hierarchy must outlive it.
#pragma once

#include <string>
#include <string_view>

#include "core/directory/hierarchy.hpp"
#include "sync/authority.hpp"

namespace vsys::sync {

class HierarchyRelations final : public OrgRelations {
public:
    explicit HierarchyRelations(const Hierarchy& tree) : tree_(tree) {}
    std::string parent_of(std::string_view org) const override;

private:
    const Hierarchy& tree_;
};

}  // namespace vsys::sync
