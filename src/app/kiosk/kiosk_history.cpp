#include "app/kiosk/kiosk_history.hpp"

#include <algorithm>

#include "app/allocation/allocation_app.hpp"
#include "app/base/app.hpp"
#include "core/demo/demo_history.hpp"
#include "sync/canonical.hpp"

namespace vsys {

std::vector<DocumentVersion> kiosk_history(App& app) {
    const Directory& dir = app.directory();
    DemoHistoryOptions o;
    // A device whose clock is before the history's last day (a test's fixed clock) still gets
    // the history, checked as of that day.
    o.today = std::max(allocation_today(app), k_demo_history_as_of);
    o.prefecture = k_kiosk_history_prefecture;
    o.world = &allocation_world(app);  // built once per App; the allocation screens use it too
    o.seal = [](DocumentVersion& v) { return sync::seal(v); };
    auto docs = demo_history_documents(dir.demo(), dir.tree(), Catalog::builtin(), o);
    return docs ? std::move(*docs) : std::vector<DocumentVersion>{};
}

}  // namespace vsys
