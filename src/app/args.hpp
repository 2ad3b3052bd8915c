// Reads the arguments of a Command or View request from JSON, strictly: a missing required
// field, a wrongly typed field or an unknown field is an error naming the field, so a caller
// (the UI, window.vsys, a kiosk script) learns exactly what was wrong and nothing changes.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace vsys {

class ArgReader {
public:
    // `ignored` fields (such as "type") are allowed without being read.
    ArgReader(const nlohmann::json& obj, std::set<std::string> ignored = {"type"});

    std::optional<std::string> optional_string(const std::string& name);
    std::optional<std::int64_t> optional_int(const std::string& name);
    std::optional<bool> optional_bool(const std::string& name);
    std::string string(const std::string& name);
    std::int64_t integer(const std::string& name);

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
