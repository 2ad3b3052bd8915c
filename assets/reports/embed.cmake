# Report definitions embedded into the core library (see cmake/generated.cmake).
list(APPEND VSYS_EMBEDDED_ASSETS "reports_tsv|assets/reports/reports.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "report_columns_tsv|assets/reports/columns.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "report_folders_tsv|assets/reports/folders.tsv|core")
