// The browser's S3 exchange (docs/PROTOCOL.md §15): sync.js hands each request of a sync round
// here, performs the HTTP request a step names with fetch and hands back every answer so far,
// until the step answers (platform/s3_steps.hpp). Signing and the XML stay in C++; a PUT is
// signed with the signed-in organisation's store key when this device holds one.
#include <emscripten.h>

#include <ctime>
#include <optional>
#include <string>

#include "app/base/app.hpp"
#include "platform/s3_steps.hpp"
#include "platform/web/web_app.hpp"

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* vsys_s3_step(const char* in) {
    static std::string out;
    std::optional<vsys::sync::s3::Credentials> writer;
    if (vsys::App* app = vsys::web::current_app())
        if (auto key = app->sync().store_key()) writer = vsys::sync::s3::Credentials{key->access_key, key->secret_key};
    out = vsys::s3_step_json(in ? in : "", writer, static_cast<vsys::sync::UtcTime>(std::time(nullptr)));
    return out.c_str();
}

}  // extern "C"
