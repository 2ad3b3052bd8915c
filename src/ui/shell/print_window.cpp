#include "ui/shell/print_window.hpp"

#include "ui/shell/host.hpp"
#include "ui/shell/shell.hpp"

namespace vsys::ui {

void open_print_window(Shell& shell, std::string html, bool print_now) {
    PrintPage page{std::move(html), shell.tr("common.print_page"), print_now};
    if (!shell.host().open_print_window(page)) shell.toast(shell.tr("common.print_blocked"), true);
}

}  // namespace vsys::ui
