// The XLSX export (issue 14), and the one entry point for every export format.
//
// Where the XLSX file is written depends on the build, and CMake picks the file that decides:
// natively (the CLI, the tests, the benchmarks) in process, by xlsx_export.cpp; in the browser
// app in a Web Worker with a wasm module of its own (platform/web/xlsx_worker_client.cpp, which
// hands the worker the table encoded by core/reports/report_table_codec.hpp), so that deflating
// the zip never blocks the page; the worker runs make_xlsx_writer below on the decoded table,
// hence the same bytes. Only the in-process build links libxlsxwriter (cmake/xlsxwriter.cmake).
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

// libxlsxwriter in this process: writes the rows in step(), assembles and deflates in finish().
std::unique_ptr<ReportExporter> make_xlsx_writer(const ReportTable& table, const ExportOptions& options);

// The build's XLSX exporter: make_xlsx_writer natively, the Web Worker in the browser app, whose
// step() encodes the rows and then, with ExportProgress::compressing, waits for the worker;
// its finish() before the worker has answered gives ExportedFile::worker_job instead of bytes.
std::unique_ptr<ReportExporter> make_xlsx_exporter(const ReportTable& table, const ExportOptions& options);

// Any format: the CSV writers of core/reports or the XLSX writer above. The table must outlive
// the exporter; dropping the exporter cancels the export and removes its temporary files.
std::unique_ptr<ReportExporter> make_report_exporter(const ReportTable& table, ExportFormat format,
                                                     const ExportOptions& options);
// The whole export at once (the CLI, the automation API, small reports).
Result<ExportedFile> export_report(const ReportTable& table, ExportFormat format, const ExportOptions& options);

}  // namespace vsys
