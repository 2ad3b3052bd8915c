// A small national demo data set (one site per municipality and a few more, seed 7) and its
// tree, for the tests that write demo deployments: fast enough for the wasm test run.
#pragma once

#include <utility>

#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"

namespace vsys::testing {

struct SmallDemoWorld {
    DemoData data;
    Hierarchy tree;

    SmallDemoWorld() {
        DemoOptions o;
        o.seed = 7;
        o.sites = 1800;
        o.venues = 20;
        data = generate_demo_data(o);
        auto refs = data.site_refs();
        tree = std::move(*Hierarchy::build(refs));
    }
};

}  // namespace vsys::testing
