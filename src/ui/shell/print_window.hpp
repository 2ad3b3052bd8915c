// Opens a print window for a page the app made (a claim form, an enrolment code) through the
// Host, with the page's own print button in the user's language; a window the browser refused
// (a pop-up blocker) is said in a toast, so the press is never lost without a word.
#pragma once

#include <string>

namespace vsys::ui {

class Shell;

void open_print_window(Shell& shell, std::string html, bool print_now = false);

}  // namespace vsys::ui
