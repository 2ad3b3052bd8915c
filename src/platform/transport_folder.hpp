// The exchange as a local folder (ARCHITECTURE.md principle 5): the `vsys` tool's transport,
// and in the browser a folder of Emscripten's file system. Same contract as sync/transport.hpp:
// list() names the entries of a folder (sorted; hidden names starting with '.' are left out:
// they are this transport's unfinished writes), get() reads a file, put_new() never
// overwrites. A file appears whole or not at all: it is written under a hidden name, then
// linked to its real name (refused if that exists; on file systems without hard links, such as
// FAT on a USB stick or the browser's, renamed after an existence check: two writers of one
// name write the same bytes, since exchange names carry the content hash).
// Paths are exchange paths: relative, '/'-separated, no "." or ".." segments.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sync/transport.hpp"

namespace vsys {

class FolderTransport final : public sync::Transport {
public:
    explicit FolderTransport(std::string root) : root_(std::move(root)) {}

    Result<std::vector<std::string>> list(std::string_view folder) override;
    // Errors: transport.not_found {path}, transport.too_large {path} {size} {max},
    // transport.failed {detail}.
    Result<std::string> get(std::string_view path) override;
    // Errors: transport.exists {path}, transport.failed {detail}.
    Status put_new(std::string_view path, std::string_view bytes) override;

    // Files larger than this are refused unread (an exchange holds bundles of at most 4 MiB).
    std::size_t max_read = 16u << 20;

private:
    Result<std::string> full_path(std::string_view path) const;
    std::string root_;
    unsigned long tmp_counter_ = 0;
};

}  // namespace vsys
