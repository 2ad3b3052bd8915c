// The organisations this app knows: the real local governments and the national demo data set
// (generated in the browser from a seed, no download), its hierarchy and search index. Site
// master documents in the store override the generated sites (see App::site()).
// Built once, lazily: about 0.3 s in wasm for 70,000 sites.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "core/directory/site_search.hpp"
#include "sync/authority.hpp"

namespace vsys {

constexpr std::uint64_t k_demo_seed = 1;
// The one password every demo account shares (shown on the login screen in demo mode).
inline constexpr const char* k_demo_password = "vsys-demo";

class Directory final : public sync::OrgRelations {
public:
    explicit Directory(const DemoOptions& options);

    const DemoData& demo() const { return demo_; }
    const Hierarchy& tree() const { return tree_; }
    const SiteSearchIndex& search() const { return search_; }

    std::string parent_of(std::string_view org) const override;
    bool in_subtree(std::string_view org, std::string_view root) const { return tree_.in_subtree(org, root); }
    // Display name of an organisation id ("千代田区", "〇〇クリニック", "厚生労働省").
    std::string org_name(std::string_view org) const;
    const Site* generated_site(std::string_view code) const;
    std::optional<std::size_t> site_index(std::string_view code) const;
    const DemoAccount* account(std::string_view vsys_id) const;
    // The first account of an organisation (the one that speaks for it in the kiosk), or null.
    const DemoAccount* account_of_org(std::string_view org) const;
    // A few accounts to try, one per role, around 千代田区 (the sign-in screen's list and the
    // kiosk's role switcher): nation, 東京都, 千代田区 and two of its sites, 中央区, the
    // federation, support.
    std::vector<const DemoAccount*> sample_accounts() const;

private:
    DemoData demo_;
    Hierarchy tree_;
    SiteSearchIndex search_;
    std::unordered_map<std::string_view, std::size_t> site_by_code_;
    std::unordered_map<std::string_view, std::size_t> account_by_id_;
    std::unordered_map<std::string_view, std::size_t> account_by_org_;
};

}  // namespace vsys
