# Master-data assets embedded into the core library (see cmake/generated.cmake).
list(APPEND VSYS_EMBEDDED_ASSETS "census_2020_tsv|assets/master/census_2020.tsv|core")
