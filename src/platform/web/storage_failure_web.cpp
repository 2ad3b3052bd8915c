// The answer window.vsys.command gives when its change could not be saved (glue.js): the code
// and message of storage_failure, in the page's language, from the string table.
#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/base/i18n.hpp"
#include "app/base/storage_failure.hpp"

extern "C" EMSCRIPTEN_KEEPALIVE const char* vsys_storage_failure(const char* detail, int english) {
    static std::string out;
    const vsys::Error e = vsys::storage_failure(detail ? detail : "");
    const auto lang = english ? vsys::Language::en : vsys::Language::ja;
    out = nlohmann::json{{"code", e.code}, {"message", vsys::Strings::builtin().error_message(e, lang)}}.dump();
    return out.c_str();
}
