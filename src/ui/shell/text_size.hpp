// The text size of the device (UX.md: scalable by Ctrl + wheel or a setting, for kiosks and low
// vision). The wheel handler (ui/shell/wheel.cpp) calls text_size_step once a notch with Ctrl
// held: +1 larger (wheel up, as a browser's zoom), -1 smaller.
#pragma once

namespace vsys::ui {

class Shell;

// Steps the device's text size setting (Shell::step_text_size), kept across reloads.
void text_size_step(Shell& shell, int steps);

}  // namespace vsys::ui
