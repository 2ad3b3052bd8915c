// One registration point per feature (ARCHITECTURE.md "Adding a feature"): a feature's folder
// under src/app/ defines one `Feature` with its commands, views and screens, and
// app/base/features.cpp lists the features, one line each. The command and view tables, the
// screen table (home buttons, breadcrumb, routes) and the "home" view are all derived from that
// list, so a feature appears everywhere at once or not at all. Access to each command and view is
// decided by the permission table (assets/access/permissions.tsv), and the document kinds a
// feature writes are registered in its core folder (core/documents/kind_registry.hpp).
#pragma once

#include <span>

#include "app/base/command_table.hpp"
#include "app/base/screens.hpp"

namespace vsys {

struct Feature {
    const char* name;
    std::span<const CommandEntry> commands;
    std::span<const ViewEntry> views;
    std::span<const ScreenInfo> screens;
};

// Every feature, in the order their screens appear within a home group.
std::span<const Feature> features();

// The features (each defined in src/app/<feature>/feature.cpp).
const Feature& session_feature();
const Feature& settings_feature();
const Feature& enrolment_feature();
const Feature& site_feature();
const Feature& claims_feature();
const Feature& allocation_feature();
const Feature& sync_feature();
const Feature& kiosk_feature();
const Feature& reports_feature();
const Feature& stock_feature();

}  // namespace vsys
