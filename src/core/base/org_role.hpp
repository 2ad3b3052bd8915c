// Organisation ids and the roles they imply, as the whole code base needs them: the document
// kinds (core/documents/kind_registry.hpp) name their owning roles, the sync engine checks a
// signer's role against them (sync/authority.hpp), the app answers its views by them.
//
//   "nation", "support", or "<prefix>:<code>" with prefix pref / muni / site / venue /
//   federation and a code of 1-34 ASCII letters and digits (an id is at most 40 bytes).
//
// The role of an organisation follows from its id alone; the hierarchy (who is whose parent)
// is passed in through OrgRelations, so nothing here depends on how it is stored.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace vsys {

enum class OrgRole { nation, prefecture, municipality, site, venue, federation, support };
inline constexpr OrgRole k_all_org_roles[] = {OrgRole::nation, OrgRole::prefecture, OrgRole::municipality, OrgRole::site,
                                       OrgRole::venue,  OrgRole::federation, OrgRole::support};

const char* role_name(OrgRole r);
bool parse_role(std::string_view name, OrgRole& out);
// The role an organisation id implies: "pref:130001" → prefecture. False for a malformed id.
bool role_of_org(std::string_view org, OrgRole& out);
bool valid_org_id(std::string_view org);

// A set of roles, e.g. the roles that may own a document kind.
class RoleSet {
public:
    constexpr RoleSet() = default;
    constexpr RoleSet(std::initializer_list<OrgRole> roles) {
        for (OrgRole r : roles) bits_ |= bit(r);
    }
    static constexpr RoleSet all() { return RoleSet(0x7f); }
    constexpr bool has(OrgRole r) const { return (bits_ & bit(r)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }

private:
    constexpr explicit RoleSet(std::uint8_t bits) : bits_(bits) {}
    static constexpr std::uint8_t bit(OrgRole r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
    std::uint8_t bits_ = 0;
};

// The hierarchy as the rules need it. parent_of returns "" for the nation and for an unknown
// organisation.
struct OrgRelations {
    virtual ~OrgRelations() = default;
    virtual std::string parent_of(std::string_view org) const = 0;
};

}  // namespace vsys
