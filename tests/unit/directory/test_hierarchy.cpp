#include <doctest/doctest.h>

#include <vector>

#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"

TEST_SUITE_BEGIN("directory");

namespace {

const vsys::Hierarchy& small_tree() {
    static const vsys::Hierarchy h = [] {
        std::vector<vsys::SiteRef> sites = {
            {vsys::SiteKind::site, "1311234569", "131016"},
            {vsys::SiteKind::site, "1391234567", "131016"},
            {vsys::SiteKind::workplace_venue, "1391234500", "131016"},
            {vsys::SiteKind::site, "0110113719", "011002"},
        };
        auto r = vsys::Hierarchy::build(sites);
        REQUIRE(r);
        return std::move(*r);
    }();
    return h;
}

}  // namespace

TEST_CASE("the tree holds the nation, 47 prefectures, every municipality, the sites, 47 federations and support") {
    const auto& h = small_tree();
    CHECK(h.size() == 1 + 47 + 1747 + 4 + 47 + 1);
    CHECK(h.id(vsys::Hierarchy::nation()) == "nation");
    CHECK(h.level(h.find("pref:130001")) == vsys::OrgLevel::prefecture);
    CHECK(h.level(h.find("muni:131016")) == vsys::OrgLevel::municipality);
    CHECK(h.level(h.find("site:0110113719")) == vsys::OrgLevel::site);
    CHECK(h.level(h.find("venue:1391234500")) == vsys::OrgLevel::venue);
    CHECK(h.level(h.find("federation:130001")) == vsys::OrgLevel::federation);
    CHECK(h.level(h.find("support")) == vsys::OrgLevel::support);
    CHECK(h.find("muni:011011") == vsys::k_no_org);  // a designated-city ward is not an organisation
    CHECK(h.code(h.find("site:0110113719")) == "0110113719");
    CHECK(h.code(vsys::Hierarchy::nation()).empty());
}

TEST_CASE("the Northern Territories villages are in the tree, inactive") {
    const auto& h = small_tree();
    auto tomari = h.find("muni:016969");
    REQUIRE(tomari != vsys::k_no_org);
    CHECK_FALSE(h.active(tomari));
    CHECK(h.active(h.find("muni:011002")));
}

TEST_CASE("parents and children link each level to the next") {
    const auto& h = small_tree();
    auto site = h.find("site:1311234569");
    auto chiyoda = h.find("muni:131016");
    auto tokyo = h.find("pref:130001");
    CHECK(h.parent(site) == chiyoda);
    CHECK(h.parent(chiyoda) == tokyo);
    CHECK(h.parent(tokyo) == vsys::Hierarchy::nation());
    CHECK(h.parent(vsys::Hierarchy::nation()) == vsys::k_no_org);
    CHECK(h.parent(h.find("federation:130001")) == vsys::Hierarchy::nation());
    CHECK(h.ancestors(site) == std::vector<vsys::OrgIndex>{chiyoda, tokyo, vsys::Hierarchy::nation()});
    auto kids = h.children(chiyoda);
    REQUIRE(kids.size() == 3);
    CHECK(h.id(kids[0]) == "site:1311234569");
    CHECK(h.id(kids[2]) == "venue:1391234500");
    CHECK(h.children(h.find("pref:130001")).size() == 62);  // Tokyo: 23 wards, 26 cities, 5 towns, 8 villages
    CHECK(h.children(vsys::Hierarchy::nation()).size() == 47 + 47 + 1);
    CHECK(h.children(site).empty());
}

TEST_CASE("subtree membership follows the tree and nothing else") {
    const auto& h = small_tree();
    CHECK(h.in_subtree("site:1311234569", "muni:131016"));
    CHECK(h.in_subtree("site:1311234569", "pref:130001"));
    CHECK(h.in_subtree("site:1311234569", "nation"));
    CHECK(h.in_subtree("muni:131016", "muni:131016"));
    CHECK_FALSE(h.in_subtree("site:0110113719", "muni:131016"));
    CHECK_FALSE(h.in_subtree("site:0110113719", "pref:130001"));
    CHECK_FALSE(h.in_subtree("muni:131016", "site:1311234569"));
    CHECK_FALSE(h.in_subtree("site:1311234569", "federation:130001"));
    CHECK_FALSE(h.in_subtree("site:1311234569", "muni:131024"));  // 中央区, the next ward
    CHECK_FALSE(h.in_subtree("site:9999999999", "nation"));
    CHECK(h.subtree_size(h.find("muni:131016")) == 4);
    CHECK(h.subtree_size(vsys::Hierarchy::nation()) == h.size());
}

TEST_CASE("a site in an unknown or inactive municipality, or a duplicate site, is refused") {
    std::vector<vsys::SiteRef> bad = {{vsys::SiteKind::site, "0110113719", "016969"}};
    CHECK(vsys::Hierarchy::build(bad).error().code == "hierarchy.unknown_municipality");
    bad = {{vsys::SiteKind::site, "0110113719", "999999"}};
    CHECK(vsys::Hierarchy::build(bad).error().code == "hierarchy.unknown_municipality");
    bad = {{vsys::SiteKind::site, "0110113719", "011002"}, {vsys::SiteKind::site, "0110113719", "012025"}};
    CHECK(vsys::Hierarchy::build(bad).error().code == "hierarchy.duplicate");
}

TEST_CASE("the subtree test agrees with the parent chain on every node of a demo tree") {
    auto demo = vsys::generate_demo_data({7, 3000, 50});
    auto refs = demo.site_refs();
    auto r = vsys::Hierarchy::build(refs);
    REQUIRE(r);
    const auto& h = *r;
    CHECK(h.size() == 1 + 47 + 1747 + demo.sites.size() + 47 + 1);
    auto chiyoda = h.find("muni:131016");
    auto tokyo = h.find("pref:130001");
    std::size_t mismatches = 0;
    for (vsys::OrgIndex i = 0; i < h.size(); ++i) {
        auto chain = h.ancestors(i);
        bool under_chiyoda = i == chiyoda, under_tokyo = i == tokyo;
        for (auto a : chain) {
            under_chiyoda = under_chiyoda || a == chiyoda;
            under_tokyo = under_tokyo || a == tokyo;
        }
        mismatches += under_chiyoda != h.in_subtree(i, chiyoda);
        mismatches += under_tokyo != h.in_subtree(i, tokyo);
        for (auto c : h.children(i)) mismatches += h.parent(c) != i;
    }
    CHECK(mismatches == 0);
}

TEST_SUITE_END();
