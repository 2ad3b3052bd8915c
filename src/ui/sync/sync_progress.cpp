#include "ui/sync/sync_progress.hpp"

#include <algorithm>

#include "core/base/numbers.hpp"
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
    // Files of this phase and the bytes received, in words: 「3 / 12 ファイル・1.2 MB 受信」.
    const std::string label = fill_placeholders(shell.tr("sync.progress.files"),
                                                {{"done", format_grouped(st.done)},
                                                 {"total", format_grouped(st.total)},
                                                 {"size", format_data_size(st.bytes)}});
    // Room for the words with a margin on either side: a bar no wider than its label reads as a
    // box of text, the fill hard to tell from the background (a prefecture's 「12,345 / 72,904」).
    const float room = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize() * 6;
    ImGui::ProgressBar(fraction, ImVec2(std::min(std::max(width, room), ImGui::GetContentRegionAvail().x), 0), label.c_str());
    shell.anchor(anchor);
}

}  // namespace vsys::ui
