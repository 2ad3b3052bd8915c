list(APPEND VSYS_EMBEDDED_ASSETS "permissions_tsv|assets/access/permissions.tsv|app")
