// The reports' document kind, registered with the kind registry:
//   report_export  an export of a report with personal data (R505 予約者一覧), recorded by the
//                  organisation that made it: {report, format, rows, file_name}; id the
//                  export's time and a counter, so every export is a document of its own.
#pragma once

#include "core/documents/kind_registry.hpp"

namespace vsys {

inline constexpr const char* k_report_export_kind = "report_export";

void register_reports_kinds(KindRegistry& kinds);

}  // namespace vsys
