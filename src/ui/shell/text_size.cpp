#include "ui/shell/text_size.hpp"

#include "ui/shell/shell.hpp"

namespace vsys::ui {

void text_size_step(Shell& shell, int steps) { shell.step_text_size(steps); }

}  // namespace vsys::ui
