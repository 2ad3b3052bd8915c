#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform/posix_storage.hpp"

namespace vsys {

namespace fs = std::filesystem;

std::vector<std::string> PosixStorage::list(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> PosixStorage::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

Status PosixStorage::write_atomic(const std::string& path, std::string_view data) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    const std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return Error{"storage.write", "cannot open " + tmp, {{"detail", tmp}}};
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    ok = std::fflush(f) == 0 && ok;
    ok = std::fclose(f) == 0 && ok;
    if (!ok) {
        fs::remove(tmp, ec);
        return Error{"storage.write", "cannot write " + tmp, {{"detail", tmp}}};
    }
    fs::rename(tmp, path, ec);
    if (ec) return Error{"storage.write", "cannot rename " + tmp + ": " + ec.message(), {{"detail", ec.message()}}};
    return ok_status();
}

Status PosixStorage::remove(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
    if (ec) return Error{"storage.write", "cannot remove " + path, {{"detail", ec.message()}}};
    return ok_status();
}

}  // namespace vsys
