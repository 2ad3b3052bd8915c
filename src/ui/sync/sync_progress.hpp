// A running sync's progress, as the 同期 screen and the sign-out question (shell/sign_out.cpp)
// show it: what it is doing in words (its phase: 受信しています, 送信しています, …) and a bar of
// the requests answered of those known so far, with the bytes.
#pragma once

#include "app/sync/sync_contract.hpp"

namespace vsys::ui {

class Shell;

// Draws `st`'s progress (a running sync's) in `width` pixels at most, less where the line is
// shorter (a phone); anchors <anchor>.phase and <anchor>.
void sync_progress(Shell& shell, const SyncStatusView& st, const std::string& anchor, float width = 420);

}  // namespace vsys::ui
