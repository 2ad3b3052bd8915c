// Reads the arguments of a Command or View request from JSON, strictly: a missing required
// field, a wrongly typed field or an unknown field is an error naming the field, so a caller
// (the UI, window.vsys, a kiosk script) learns exactly what was wrong and nothing changes. A
// field name in an error is an excerpt (core/base/input.hpp), however long the name sent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/input.hpp"
#include "core/base/number_field.hpp"
#include "core/base/result.hpp"

namespace vsys {

// Limits of the text of a command or of a view's arguments, as App::command_json and
// App::view_json receive it from the page and window.vsys (docs/PROTOCOL.md "Input limits").
// A command may carry a whole bundle file (import_bundle's data: up to the archive limit of
// 256 MiB, a little longer once escaped as a JSON string); a view's arguments are a few fields;
// no command has more than a few thousand values (a municipality's sites, a claim's lines).
inline constexpr std::size_t k_max_command_bytes = 320u << 20;
inline constexpr std::size_t k_max_view_bytes = 1u << 20;
inline constexpr std::size_t k_max_view_name_bytes = 64;
inline constexpr std::size_t k_max_command_values = 200'000;
input::JsonLimits command_text_limits();
input::JsonLimits view_text_limits();

class ArgReader {
public:
    // `ignored` fields (such as "type") are allowed without being read.
    ArgReader(const nlohmann::json& obj, std::set<std::string> ignored = {"type"});

    std::optional<std::string> optional_string(const std::string& name);
    std::optional<std::int64_t> optional_int(const std::string& name);
    std::optional<bool> optional_bool(const std::string& name);
    std::string string(const std::string& name);
    std::int64_t integer(const std::string& name);
    // A number field (core/base/number_field.hpp): a JSON integer, or the text as typed in the
    // screen's field ("１２"), read by the same rule, so window.vsys gets the screen's answers.
    std::optional<std::int64_t> optional_number(const std::string& name, const NumberRule& rule);
    std::int64_t number(const std::string& name, const NumberRule& rule);

    // An optional object member read by a reader of its own (its unknown members refused too);
    // its first error becomes this reader's. False when the member is absent.
    bool optional_object(const std::string& name, const std::function<void(ArgReader&)>& read);

    // Records an error of the caller's own check (the first error met is kept).
    void refuse(Error e) { fail(std::move(e)); }

    // The first error met, or an "unknown field" error if a field was never read.
    std::optional<Error> finish();

private:
    const nlohmann::json* find(const std::string& name);
    void fail(Error e);

    const nlohmann::json& obj_;
    std::set<std::string> read_;
    std::optional<Error> error_;
};

}  // namespace vsys
