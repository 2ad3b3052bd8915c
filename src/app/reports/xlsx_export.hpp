// The XLSX export (issue 14), and the one entry point for every export format.
//
// XLSX is written by libxlsxwriter 1.1.4 (Debian's source, cmake/xlsxwriter.cmake): codes and
// text as strings (leading zeros kept, never a formula), counts and yen as numbers formatted
// #,##0 (the unit in the header: 「金額（円）」), dates as dates shown yyyy/mm/dd, the header bold
// and frozen with an autofilter over it, the totals row bold below the filtered range, columns
// as wide as their content, the sheet named after the report id. Same table and options, same
// bytes (ExportOptions::created_unix is the only time in the file).
//
// Why here and not in core/reports: libxlsxwriter 1.1.4 assembles the zip through temporary
// files and writes it to a file name (no in-memory output: `output_buffer` arrived in a later
// release, and USE_FMEMOPEN only covers images), so this writer does file I/O in the temporary
// directory (natively $TMPDIR or /tmp, in the browser Emscripten's MEMFS /tmp), reads the file
// back and removes it; core has no I/O.
#pragma once

#include <memory>

#include "core/reports/report_export.hpp"

namespace vsys {

std::unique_ptr<ReportExporter> make_xlsx_exporter(const ReportTable& table, const ExportOptions& options);

// Any format: the CSV writers of core/reports or the XLSX writer above. The table must outlive
// the exporter; dropping the exporter cancels the export and removes its temporary files.
std::unique_ptr<ReportExporter> make_report_exporter(const ReportTable& table, ExportFormat format,
                                                     const ExportOptions& options);
// The whole export at once (the CLI, the automation API, small reports).
Result<ExportedFile> export_report(const ReportTable& table, ExportFormat format, const ExportOptions& options);

}  // namespace vsys
