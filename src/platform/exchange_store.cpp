#include "platform/exchange_store.hpp"

#include <algorithm>
#include <filesystem>

#include "sync/directory.hpp"

namespace vsys {

namespace fs = std::filesystem;

bool ExchangeStore::holds_deployment() {
    auto names = list("");
    return names && std::find(names->begin(), names->end(), sync::k_manifest_path) != names->end();
}

Result<std::vector<ExchangeFile>> FolderStore::all_files() {
    std::vector<ExchangeFile> files;
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) return files;
    for (fs::recursive_directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        const auto size = it->file_size(ec);
        files.push_back({fs::relative(it->path(), root_, ec).generic_string(), ec ? 0 : size});
    }
    if (ec) return Error{"transport.failed", "the exchange folder failed: " + ec.message(), {{"detail", ec.message()}}};
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
}

}  // namespace vsys
