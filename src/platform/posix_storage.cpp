#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

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
    // In blocks into a string of the file's size. A stream copied into a stringstream went
    // character by character, each call through Emscripten's exception thunks: reading the
    // nation's 600 MB segment took 60 of the 87 s its device took to open in the browser, and
    // held the file twice.
    // Asked first: a folder is no file.
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    std::string out;
    if (const auto size = fs::file_size(path, ec); !ec) out.reserve(static_cast<std::size_t>(size));
    std::vector<char> block(1 << 20);
    std::size_t n = 0;
    while ((n = std::fread(block.data(), 1, block.size(), f)) > 0) out.append(block.data(), n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return std::nullopt;
    return out;
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
