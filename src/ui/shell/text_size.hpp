// The text size of the device (UX.md: scalable by Ctrl + wheel or a setting, for kiosks and low
// vision). The wheel handler (ui/shell/wheel.cpp) calls text_size_step once a notch with Ctrl
// held: +1 larger (wheel up, as a browser's zoom), -1 smaller.
#pragma once

namespace vsys::ui {

class Shell;

// Not yet wired to a setting: the text size setting (issue 13, the "layout" work) implements
// this step; until it lands Ctrl + wheel only stops the page from scrolling or zooming.
void text_size_step(Shell& shell, int steps);

}  // namespace vsys::ui
