#include "sync/transport.hpp"

namespace vsys::sync {

Result<std::vector<std::string>> MemoryTransport::list(std::string_view folder) {
    if (offline) return Error{"transport.offline", "the exchange cannot be reached"};
    ++lists;
    std::string prefix(folder);
    if (!prefix.empty() && prefix.back() != '/') prefix.push_back('/');
    std::vector<std::string> out;
    for (auto it = files.lower_bound(prefix); it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it) {
        std::string rest = it->first.substr(prefix.size());
        std::string entry = rest.substr(0, rest.find('/'));
        if (!out.empty() && out.back() == entry) continue;
        bytes_read += entry.size() + 32;  // about what a JSON listing spends per entry
        out.push_back(std::move(entry));
    }
    return out;
}

Result<std::string> MemoryTransport::get(std::string_view path) {
    if (offline) return Error{"transport.offline", "the exchange cannot be reached"};
    ++gets;
    auto it = files.find(std::string(path));
    if (it == files.end()) return Error{"transport.not_found", "no such file on the exchange", {{"path", std::string(path)}}};
    // What an exchange serving precompressed twins (gzip_static) sends a client that accepts gzip.
    auto gz = files.find(std::string(path) + ".gz");
    bytes_read += gz != files.end() ? gz->second.size() : it->second.size();
    return it->second;
}

Status MemoryTransport::put_new(std::string_view path, std::string_view bytes) {
    if (offline) return Error{"transport.offline", "the exchange cannot be reached"};
    ++puts;
    auto [it, fresh] = files.emplace(std::string(path), std::string(bytes));
    if (!fresh) return Error{"transport.exists", "the file already exists on the exchange", {{"path", std::string(path)}}};
    return ok_status();
}

}  // namespace vsys::sync
