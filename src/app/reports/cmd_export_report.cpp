// export_report: filled in with the exporters (core/reports/report_export.hpp).
#include "app/base/command_table.hpp"

namespace vsys {

std::span<const CommandEntry> reports_commands() { return {}; }

}  // namespace vsys
