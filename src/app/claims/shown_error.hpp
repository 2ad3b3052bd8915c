// A refusal inside a claims view's answer (a saved month the rules now refuse, a typed line's
// first broken rule): the error as the user reads it, translated when the view was built, and
// its JSON at the window.vsys edge ({code, message, args?}, as App::error_json writes it).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/base/result.hpp"

namespace vsys {

class App;

struct ShownError {
    Error error;          // as shown: arguments cut to excerpts (input::for_display)
    std::string message;  // in the user's language
};

ShownError shown_error(const App& app, const Error& e);
nlohmann::json to_json(const ShownError& e);

}  // namespace vsys
