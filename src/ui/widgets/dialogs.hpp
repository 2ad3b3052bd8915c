// Dialogs shared by the screens: the one confirmation every destructive or final act asks first
// (UX.md "Forms": a modal that names what will happen), the question before unsaved input is
// thrown away, and the one keyboard rule of every modal (Esc closes it, as キャンセル would).
//
// A confirmation is declarative: the screen says every frame whether it wants it open (its own
// state: a chosen row, a command waiting) and draws it with the same call; the dialog opens,
// closes when the screen no longer wants it, and answers `cancelled` in the frame the user
// pressed キャンセル or Esc, so the screen clears its state. Its width is modal_text_width's:
// on a phone the question and any detail wrap inside the screen, and its buttons stand on one
// line where they fit whole, else one under the other, always on the screen.
#pragma once

#include <functional>
#include <string>

namespace vsys::ui {

class Shell;

struct Confirmation {
    // The popup's id and its anchors' prefix: <anchor>.text (the question), <anchor>.ok (confirm),
    // <anchor>.cancel and <anchor>.other, unless named below.
    std::string anchor;
    std::string title;     // above a rule ("" none)
    std::string question;  // what will happen, wrapped
    std::string confirm_label;
    std::string cancel_label;  // "" → 「キャンセル」
    std::string other_label;   // a third answer between the two ("" none)
    std::string confirm_anchor, cancel_anchor, other_anchor, text_anchor;
    // The harmless answer first, where the keyboard starts (変更を破棄: Enter keeps the input).
    bool harmless_first = false;
    bool destructive = false;  // the confirming label in the error colour
    bool touch = false;        // buttons a finger hits (the training kiosk)
    float width = 560;         // the widest its text wraps at, less on a narrow screen
    std::string error;         // why the last answer did not go through, above the buttons
    // Fields between the question and the buttons (a reason, a date); false keeps the confirming
    // button disabled.
    std::function<bool()> detail;
    // Run when the user confirms (or takes the other answer): true closes the dialog, false keeps
    // it open (the command was refused: `error` says why). None: the answer closes it.
    std::function<bool()> on_confirm, on_other;
};

enum class Answer { none, confirmed, other, cancelled };

// Draws the confirmation while `open` (opening it the first frame); answers what the user did
// this frame. `cancelled` also when Esc closed it.
Answer confirmation(Shell& shell, bool open, const Confirmation& c);
// The same for a screen whose wish is one flag: any answer clears `open`; true in the frame the
// user confirmed.
bool confirm(Shell& shell, bool& open, const Confirmation& c);

// 変更を破棄しますか？: opened when `ask` is set (the 変更を破棄 button sets it); true in the frame
// the user confirms. Anchors: <anchor>.yes, <anchor>.no. Esc or 入力に戻る keeps the input.
bool discard_question(Shell& shell, const std::string& anchor, bool& ask);

// Centres the modal begun next on the screen when it opens and when the screen changed size (a
// tablet turned, a browser window resized): ImGui centres a modal only the first time ever, so
// one first opened on a narrow window kept its place after the window widened. Not every frame:
// a modal that grows while it works (an export's progress) would move under the pointer.
void centre_next_modal();

// Esc closes the modal on top, if any (ImGui 1.86 closes only non-modal popups on Esc); focus
// returns to the window that opened it. Called once a frame by the Shell, before the screen.
void close_modal_on_escape();

}  // namespace vsys::ui
