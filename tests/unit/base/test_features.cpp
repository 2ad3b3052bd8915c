// The list of features (app/base/features.cpp) is the one place commands, views and screens are
// registered: names never collide across features and the screen table keeps the home groups
// together.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "app/base/feature.hpp"

TEST_SUITE_BEGIN("base");

TEST_CASE("no two features register the same command, view or screen") {
    std::set<std::string> commands, views, screens, names;
    std::size_t n_commands = 0, n_views = 0, n_screens = 0;
    for (const vsys::Feature& f : vsys::features()) {
        CHECK(names.insert(f.name).second);
        for (const auto& c : f.commands) commands.insert(c.type), ++n_commands;
        for (const auto& v : f.views) views.insert(v.name), ++n_views;
        for (const auto& s : f.screens) screens.insert(s.id), ++n_screens;
    }
    CHECK(commands.size() == n_commands);
    CHECK(views.size() == n_views);
    CHECK(screens.size() == n_screens);
    CHECK(vsys::command_table().size() == n_commands);
    CHECK(vsys::view_table().size() == n_views);
    CHECK(vsys::screens().size() == n_screens);
}

TEST_CASE("the screen table keeps each home group together, and every breadcrumb parent is a screen") {
    std::set<std::string> closed;
    std::string current;
    for (const auto& s : vsys::screens()) {
        CAPTURE(s.id);
        if (current != s.group_key) {
            CHECK(closed.insert(s.group_key).second);  // a group seen before would be split on the home page
            current = s.group_key;
        }
        if (s.parent[0] != '\0') CHECK(vsys::find_screen(s.parent) != nullptr);
    }
}

TEST_SUITE_END();
