// Where the app keeps its local files: an interface the app declares and the platform layer
// implements (platform/posix_storage.hpp serves both the native tool, a folder, and the
// browser, Emscripten's FS with IDBFS mounted at /data; durability there is made by
// platform/web's syncfs, not here). Tests use an in-memory implementation that can fail on demand.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace vsys {

class Storage {
public:
    virtual ~Storage() = default;
    // File names (not paths) in dir, sorted; empty when the folder does not exist.
    virtual std::vector<std::string> list(const std::string& dir) = 0;
    virtual std::optional<std::string> read(const std::string& path) = 0;
    // Writes path.tmp completely, then renames it over path: a reader sees the old file or the
    // new one, never half of one.
    virtual Status write_atomic(const std::string& path, std::string_view data) = 0;
    virtual Status remove(const std::string& path) = 0;
};

}  // namespace vsys
