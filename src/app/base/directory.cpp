#include "app/base/directory.hpp"

#include "core/directory/local_gov.hpp"

namespace vsys {

Directory::Directory(const DemoOptions& options) : demo_(generate_demo_data(options)) {
    auto refs = demo_.site_refs();
    auto tree = Hierarchy::build(refs);
    if (tree) tree_ = std::move(*tree);  // the generator's invariants make this succeed (tested)
    search_ = SiteSearchIndex::build(demo_.sites);
    for (std::size_t i = 0; i < demo_.sites.size(); ++i) site_by_code_.emplace(demo_.sites[i].code, i);
    for (std::size_t i = 0; i < demo_.accounts.size(); ++i) {
        account_by_id_.emplace(demo_.accounts[i].vsys_id, i);
        account_by_org_.emplace(demo_.accounts[i].org, i);  // the first one stays
    }
}

std::string Directory::parent_of(std::string_view org) const {
    OrgIndex i = tree_.find(org);
    if (i == k_no_org) return {};
    OrgIndex p = tree_.parent(i);
    return p == k_no_org ? std::string() : tree_.id(p);
}

std::string Directory::org_name(std::string_view org) const {
    if (org == "nation") return "厚生労働省";
    if (org == "support") return "V-SYS サポートデスク";
    auto colon = org.find(':');
    if (colon == std::string_view::npos) return std::string(org);
    auto prefix = org.substr(0, colon), code = org.substr(colon + 1);
    if (prefix == "site" || prefix == "venue") {
        if (const Site* s = generated_site(code)) return s->name;
        return std::string(code);
    }
    const LocalGov* g = find_local_gov(code);
    std::string name = g ? g->name : std::string(code);
    if (prefix == "federation") name += "国民健康保険団体連合会";
    return name;
}

const Site* Directory::generated_site(std::string_view code) const {
    auto i = site_index(code);
    return i ? &demo_.sites[*i] : nullptr;
}

std::optional<std::size_t> Directory::site_index(std::string_view code) const {
    auto it = site_by_code_.find(code);
    if (it == site_by_code_.end()) return std::nullopt;
    return it->second;
}

const DemoAccount* Directory::account(std::string_view vsys_id) const {
    auto it = account_by_id_.find(vsys_id);
    return it == account_by_id_.end() ? nullptr : &demo_.accounts[it->second];
}

const DemoAccount* Directory::account_of_org(std::string_view org) const {
    auto it = account_by_org_.find(org);
    return it == account_by_org_.end() ? nullptr : &demo_.accounts[it->second];
}

std::vector<const DemoAccount*> Directory::sample_accounts() const {
    std::vector<const DemoAccount*> out;
    auto add = [&](const std::string& vsys_id) {
        if (const DemoAccount* a = account(vsys_id)) out.push_back(a);
    };
    add("VN000000");
    add("VP130001");
    add("VM131016");
    int sites = 0;
    for (const auto& s : demo_.sites)
        if (s.municipality == "131016" && sites < 2) {
            add((s.kind == SiteKind::site ? "VS" : "VW") + s.code);
            ++sites;
        }
    add("VM131024");
    add("VF130001");
    add("VH000001");
    return out;
}

}  // namespace vsys
