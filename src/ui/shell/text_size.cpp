#include "ui/shell/text_size.hpp"

namespace vsys::ui {

void text_size_step(Shell&, int) {}

}  // namespace vsys::ui
