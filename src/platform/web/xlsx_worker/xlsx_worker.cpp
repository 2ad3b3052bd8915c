// The XLSX worker's module (cmake/web.cmake target vsys_xlsx_worker): a table encoded by the
// page (core/reports/report_table_codec.hpp) in, the workbook's bytes out, written by the same
// in-process writer as the native build (app/reports/xlsx_export.hpp), so the file is the same
// byte for byte. Run inside a Web Worker by worker_main.js; one export at a time:
// vsys_xlsx_write, then the bytes (or the error) read, then vsys_xlsx_release.
#include <emscripten.h>

#include <string>

#include "app/reports/xlsx_export.hpp"
#include "core/reports/report_table_codec.hpp"

namespace {

std::string g_bytes;  // the last file written, until released
std::string g_error;  // or why it could not be

}  // namespace

extern "C" {

// Returns the file's first byte (its length from vsys_xlsx_size()), or 0 with vsys_xlsx_error().
EMSCRIPTEN_KEEPALIVE const char* vsys_xlsx_write(const char* data, int size) {
    g_bytes.clear();
    g_error.clear();
    auto decoded = vsys::decode_report_table(std::string_view(data, size > 0 ? static_cast<std::size_t>(size) : 0));
    if (!decoded) {
        g_error = decoded.error().detail;
        return nullptr;
    }
    auto file = vsys::make_xlsx_writer(decoded->table, decoded->options)->finish();
    if (!file) {
        g_error = file.error().detail.empty() ? file.error().code : file.error().detail;
        return nullptr;
    }
    g_bytes = std::move(file->bytes);
    return g_bytes.data();
}

EMSCRIPTEN_KEEPALIVE int vsys_xlsx_size() { return static_cast<int>(g_bytes.size()); }

EMSCRIPTEN_KEEPALIVE const char* vsys_xlsx_error() { return g_error.c_str(); }

EMSCRIPTEN_KEEPALIVE void vsys_xlsx_release() {
    std::string().swap(g_bytes);
    std::string().swap(g_error);
}

}  // extern "C"
