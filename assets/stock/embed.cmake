# Stock rules (dated data) embedded into the core library (see cmake/generated.cmake).
list(APPEND VSYS_EMBEDDED_ASSETS "stock_doses_tsv|assets/stock/doses.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "stock_shelf_life_tsv|assets/stock/shelf_life.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "stock_transfer_matrix_tsv|assets/stock/transfer_matrix.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "stock_transfer_conditions_tsv|assets/stock/transfer_conditions.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "stock_transfer_caps_tsv|assets/stock/transfer_caps.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "stock_reasons_tsv|assets/stock/reasons.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "stock_purge_tsv|assets/stock/purge.tsv|core")
