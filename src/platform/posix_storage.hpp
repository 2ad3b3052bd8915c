// The app's Storage (app/base/storage.hpp) over a POSIX file system: a folder for the native
// tool, Emscripten's FS with IDBFS mounted at /data in the browser.
#pragma once

#include "app/base/storage.hpp"

namespace vsys {

// A folder on a POSIX file system (created on first write).
class PosixStorage final : public Storage {
public:
    std::vector<std::string> list(const std::string& dir) override;
    std::optional<std::string> read(const std::string& path) override;
    Status write_atomic(const std::string& path, std::string_view data) override;
    Status remove(const std::string& path) override;
};

}  // namespace vsys
