# Vaccine products and allocation rounds embedded into the core library (see cmake/generated.cmake).
list(APPEND VSYS_EMBEDDED_ASSETS "catalog_products_tsv|assets/catalog/products.tsv|core")
list(APPEND VSYS_EMBEDDED_ASSETS "catalog_rounds_tsv|assets/catalog/rounds.tsv|core")
