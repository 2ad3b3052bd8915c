// The organisation tree: the nation → 47 prefectures → municipalities → sites and workplace
// venues, plus the nation-managed federations (国保連, one per prefecture) and support. Nodes are
// addressed by their organisation ids (document.hpp: "nation", "pref:130001", "muni:131016",
// "site:0110113719", "venue:<code>", "federation:130001", "support") or by a dense OrgIndex.
//
// Invariants: index 0 is the nation; nodes are numbered in depth-first pre-order, so a subtree is
// the index range [index, index + subtree_size), which makes the subtree test O(1) and the parent
// chain O(depth). Children are stored contiguously (CSR). Immutable once built; ~70,000 sites
// take a few MB.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/base/result.hpp"
#include "core/directory/site.hpp"

namespace vsys {

enum class OrgLevel : std::uint8_t { nation, prefecture, municipality, site, venue, federation, support };
const char* org_level_id(OrgLevel level);  // "nation", "prefecture", ...

using OrgIndex = std::uint32_t;
inline constexpr OrgIndex k_no_org = 0xFFFFFFFFu;

// What the tree needs to know of a site: its kind, code and municipality.
struct SiteRef {
    SiteKind kind;
    std::string_view code;
    std::string_view municipality;
};

class Hierarchy {
public:
    // Moves only: the id index holds views into the node ids.
    Hierarchy() = default;
    Hierarchy(Hierarchy&&) = default;
    Hierarchy& operator=(Hierarchy&&) = default;
    Hierarchy(const Hierarchy&) = delete;
    Hierarchy& operator=(const Hierarchy&) = delete;

    // Every local government of local_governments() (inactive ones included, flagged) and the
    // given sites. Refuses a duplicate site id or a site in an unknown or inactive municipality.
    static Result<Hierarchy> build(std::span<const SiteRef> sites);

    std::size_t size() const { return level_.size(); }
    static constexpr OrgIndex nation() { return 0; }

    OrgIndex find(std::string_view org_id) const;  // k_no_org when unknown
    const std::string& id(OrgIndex i) const { return id_[i]; }
    OrgLevel level(OrgIndex i) const { return level_[i]; }
    bool active(OrgIndex i) const { return active_[i] != 0; }
    OrgIndex parent(OrgIndex i) const { return parent_[i]; }  // k_no_org for the nation
    std::span<const OrgIndex> children(OrgIndex i) const {
        return {children_.data() + child_begin_[i], children_.data() + child_begin_[i + 1]};
    }
    // Nodes in the subtree of i, i itself included.
    std::uint32_t subtree_size(OrgIndex i) const { return subtree_end_[i] - i; }
    // True when node is root or below it. O(1).
    bool in_subtree(OrgIndex node, OrgIndex root) const { return node >= root && node < subtree_end_[root]; }
    bool in_subtree(std::string_view node_id, std::string_view root_id) const;
    // i's parent, grandparent, ... up to the nation. O(depth).
    std::vector<OrgIndex> ancestors(OrgIndex i) const;
    // The 6-digit code of a prefecture, municipality or federation; the 10-digit code of a site
    // or venue; "" for the nation and support.
    std::string_view code(OrgIndex i) const;

private:
    std::vector<std::string> id_;
    std::vector<OrgLevel> level_;
    std::vector<std::uint8_t> active_;
    std::vector<OrgIndex> parent_;
    std::vector<OrgIndex> subtree_end_;
    std::vector<std::uint32_t> child_begin_;  // size() + 1 offsets into children_
    std::vector<OrgIndex> children_;
    std::unordered_map<std::string_view, OrgIndex> by_id_;  // views into id_
};

}  // namespace vsys
