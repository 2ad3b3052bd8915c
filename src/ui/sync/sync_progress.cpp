#include "ui/sync/sync_progress.hpp"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

void sync_progress(Shell& shell, const SyncStatusView& st, const std::string& anchor, float width) {
    const std::string phase = "sync.phase." + st.phase;
    text_wrapped(shell.tr(phase));  // a phase without words of its own would show its key: a unit test lists them
    shell.anchor(anchor + ".phase");
    const double total = std::max<double>(1.0, static_cast<double>(st.total));
    const float fraction = static_cast<float>(static_cast<double>(st.done) / total);
    char label[96];
    std::snprintf(label, sizeof label, "%lld / %lld  (%.1f KB)", static_cast<long long>(st.done),
                  static_cast<long long>(st.total), static_cast<double>(st.bytes) / 1024.0);
    ImGui::ProgressBar(fraction, ImVec2(std::min(width, ImGui::GetContentRegionAvail().x), 0), label);
    shell.anchor(anchor);
}

}  // namespace vsys::ui
