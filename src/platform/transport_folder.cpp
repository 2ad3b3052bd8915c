#include "platform/transport_folder.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

#include "sync/archive.hpp"

namespace vsys {

namespace fs = std::filesystem;

namespace {

Error failed(const std::string& detail) {
    return Error{"transport.failed", "the exchange folder failed: " + detail, {{"detail", detail}}};
}

}  // namespace

Result<std::string> FolderTransport::full_path(std::string_view path) const {
    if (!path.empty() && !sync::valid_archive_path(path)) return failed("not an exchange path: " + std::string(path));
    return path.empty() ? root_ : root_ + "/" + std::string(path);
}

Result<std::vector<std::string>> FolderTransport::list(std::string_view folder) {
    auto dir = full_path(folder);
    if (!dir) return dir.error();
    std::vector<std::string> names;
    std::error_code ec;
    if (!fs::is_directory(*dir, ec)) return names;
    for (fs::directory_iterator it(*dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] != '.') names.push_back(std::move(name));
    }
    if (ec) return failed(ec.message());
    std::sort(names.begin(), names.end());
    return names;
}

Result<std::string> FolderTransport::get(std::string_view path) {
    auto file = full_path(path);
    if (!file) return file.error();
    std::error_code ec;
    if (!fs::is_regular_file(*file, ec))
        return Error{"transport.not_found", "no such file on the exchange", {{"path", std::string(path)}}};
    const auto size = fs::file_size(*file, ec);
    if (ec) return failed(ec.message());
    if (size > max_read)
        return Error{"transport.too_large", "the file is too large to read",
                     {{"path", std::string(path)}, {"size", std::to_string(size)}, {"max", std::to_string(max_read)}}};
    FILE* f = std::fopen(file->c_str(), "rb");
    if (!f) return failed(std::string(path) + ": " + std::strerror(errno));
    std::string bytes(static_cast<std::size_t>(size), '\0');
    const std::size_t got = std::fread(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    bytes.resize(got);
    return bytes;
}

Status FolderTransport::put_new(std::string_view path, std::string_view bytes) {
    auto file = full_path(path);
    if (!file || path.empty()) return file ? failed("empty path") : file.error();
    const Error exists{"transport.exists", "the file already exists on the exchange", {{"path", std::string(path)}}};
    std::error_code ec;
    if (fs::exists(*file, ec)) return exists;
    const fs::path target(*file);
    fs::create_directories(target.parent_path(), ec);
    if (ec) return failed(ec.message());
    const std::string tmp = (target.parent_path() / ("." + target.filename().string() + "." +
                                                    std::to_string(::getpid()) + "." + std::to_string(++tmp_counter_)))
                                .string();
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return failed(tmp + ": " + std::strerror(errno));
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) {
        fs::remove(tmp, ec);
        return failed("cannot write " + std::string(path));
    }
    if (::link(tmp.c_str(), file->c_str()) == 0) {
        fs::remove(tmp, ec);
        return ok_status();
    }
    const int link_errno = errno;
    if (link_errno == EEXIST) {
        fs::remove(tmp, ec);
        return exists;
    }
    if (fs::exists(*file, ec)) {
        fs::remove(tmp, ec);
        return exists;
    }
    fs::rename(tmp, *file, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return failed("cannot write " + std::string(path) + ": " + ec.message());
    }
    return ok_status();
}

}  // namespace vsys
