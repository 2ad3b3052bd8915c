# Claims data embedded into the core library (see cmake/generated.cmake).
list(APPEND VSYS_EMBEDDED_ASSETS "claims_fees_tsv|assets/claims/fees.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "claims_addon_rules_tsv|assets/claims/addon_rules.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "holidays_jp_tsv|assets/claims/holidays_jp.tsv|core")
