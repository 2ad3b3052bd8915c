// An in-memory Storage for tests, able to simulate a save cut off half-way: with
// `fail_after_bytes` set, the next write_atomic leaves a truncated .tmp file and fails, as a
// closed tab or a full disk would.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "app/base/storage.hpp"

namespace vsys::test {

class MemoryStorage final : public Storage {
public:
    std::map<std::string, std::string> files;
    std::optional<std::size_t> fail_after_bytes;

    std::vector<std::string> list(const std::string& dir) override {
        std::vector<std::string> out;
        const std::string prefix = dir + "/";
        for (const auto& [path, _] : files)
            if (path.rfind(prefix, 0) == 0 && path.find('/', prefix.size()) == std::string::npos)
                out.push_back(path.substr(prefix.size()));
        return out;
    }
    std::optional<std::string> read(const std::string& path) override {
        auto it = files.find(path);
        if (it == files.end()) return std::nullopt;
        return it->second;
    }
    Status write_atomic(const std::string& path, std::string_view data) override {
        if (fail_after_bytes) {
            files[path + ".tmp"] = std::string(data.substr(0, *fail_after_bytes));
            fail_after_bytes.reset();
            return Error{"storage.write", "interrupted", {{"detail", "interrupted"}}};
        }
        files[path] = std::string(data);
        return ok_status();
    }
    Status remove(const std::string& path) override {
        files.erase(path);
        return ok_status();
    }
};

}  // namespace vsys::test
