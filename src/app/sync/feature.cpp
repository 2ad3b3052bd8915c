// The sync panel: runs, export and import of bundle files (cmd_sync.cpp).
#include "app/base/feature.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    {"sync", "home.group.system", "screen.sync", "screen.sync.desc", k_signed_in, "", "", waiting_sync_problems},
};
}  // namespace

const Feature& sync_feature() {
    static const Feature f{"sync", sync_commands(), sync_views(), k_screens};
    return f;
}

}  // namespace vsys
