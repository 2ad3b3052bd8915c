// Dialogs shared by the screens: the question before unsaved input is thrown away, and the one
// keyboard rule of every modal (Esc closes it, as the 閉じる/キャンセル button would).
#pragma once

#include <string>

namespace vsys::ui {

class Shell;

// 変更を破棄しますか？: opened when `ask` is set (the 変更を破棄 button sets it); true in the frame
// the user confirms. Anchors: <anchor>.yes, <anchor>.no. Esc or 入力に戻る keeps the input.
bool discard_question(Shell& shell, const std::string& anchor, bool& ask);

// Esc closes the modal on top, if any (ImGui 1.86 closes only non-modal popups on Esc); focus
// returns to the window that opened it. Called once a frame by the Shell, before the screen.
void close_modal_on_escape();

}  // namespace vsys::ui
