#include "sync/archive.hpp"

#include <charconv>
#include <set>

#include "core/base/input.hpp"
#include "sync/crypto.hpp"
#include "sync/transport.hpp"

namespace vsys::sync {
namespace {

constexpr std::string_view k_magic = "vsys-archive 1\n";

bool segment_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

Error malformed_at(std::size_t offset) {
    return Error{"archive.malformed", "the bundle file is damaged", {{"offset", std::to_string(offset)}}};
}

}  // namespace

bool valid_archive_path(std::string_view path) {
    if (path.empty() || path.size() > k_max_archive_path) return false;
    std::size_t start = 0;
    while (true) {
        auto slash = path.find('/', start);
        std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        for (char c : seg)
            if (!segment_char(c)) return false;
        if (slash == std::string_view::npos) return true;
        start = slash + 1;
    }
}

Result<std::string> encode_archive(const std::vector<ArchiveFile>& files) {
    std::string out(k_magic);
    std::set<std::string_view> seen;
    for (const auto& f : files) {
        if (!valid_archive_path(f.path))
            return Error{"archive.path", "a path in the bundle file is not allowed", {{"path", f.path}}};
        if (!seen.insert(f.path).second)
            return Error{"archive.duplicate", "the bundle file names a path twice", {{"path", f.path}}};
        out += std::to_string(f.bytes.size());
        out += ' ';
        out += f.path;
        out += '\n';
        out += f.bytes;
        out += '\n';
    }
    const std::string hash = crypto::blake2b_256_hex(out);
    out += "end " + std::to_string(files.size()) + " " + hash + "\n";
    return out;
}

Result<std::vector<ArchiveFile>> decode_archive(std::string_view bytes, std::size_t max_bytes, std::size_t max_files) {
    if (bytes.size() > max_bytes)
        return Error{"archive.too_large", "the bundle file is over the size limit",
                     {{"size", std::to_string(bytes.size())}, {"max", std::to_string(max_bytes)}}};
    const Error truncated{"archive.truncated", "the bundle file is cut short"};
    if (bytes.substr(0, k_magic.size()) != k_magic) {
        if (k_magic.substr(0, bytes.size()) == bytes) return truncated;
        return Error{"archive.format", "this is not a V-SYS bundle file"};
    }
    std::vector<ArchiveFile> files;
    std::set<std::string, std::less<>> seen;
    std::size_t pos = k_magic.size();
    while (true) {
        const auto end = bytes.find('\n', pos);
        if (end == std::string_view::npos) {
            if (bytes.size() - pos > k_max_archive_path + 100) return malformed_at(pos);
            return truncated;
        }
        const std::string_view line = bytes.substr(pos, end - pos);
        if (line.size() > k_max_archive_path + 100) return malformed_at(pos);
        if (line.substr(0, 4) == "end ") {
            std::string_view rest = line.substr(4);
            std::size_t count = 0;
            auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), count);
            std::string_view hash(p, static_cast<std::size_t>(rest.data() + rest.size() - p));
            if (ec != std::errc{} || hash.size() != 65 || hash[0] != ' ' || count != files.size() ||
                end + 1 != bytes.size())
                return malformed_at(pos);
            if (crypto::blake2b_256_hex(bytes.substr(0, pos)) != hash.substr(1))
                return Error{"archive.checksum", "the bundle file is damaged (checksum)"};
            return files;
        }
        if (files.size() == max_files)
            return Error{"archive.too_many_files", "the bundle file holds more files than the limit",
                         {{"max", std::to_string(max_files)}}};
        std::size_t size = 0;
        auto [p, ec] = std::from_chars(line.data(), line.data() + line.size(), size);
        if (ec != std::errc{} || p == line.data() + line.size() || *p != ' ') return malformed_at(pos);
        std::string path(p + 1, line.data() + line.size());
        if (!valid_archive_path(path))
            return Error{"archive.path", "a path in the bundle file is not allowed", {{"path", input::excerpt(path)}}};
        if (!seen.insert(path).second)
            return Error{"archive.duplicate", "the bundle file names a path twice", {{"path", input::excerpt(path)}}};
        const std::size_t data = end + 1;
        if (size > bytes.size() - data || bytes.size() - data - size < 1) return truncated;
        if (bytes[data + size] != '\n') return malformed_at(data + size);
        files.push_back({std::move(path), std::string(bytes.substr(data, size))});
        pos = data + size + 1;
    }
}

Result<std::string> export_outbox(const SyncState& state, const OrgRelations& rel, UtcTime now) {
    std::vector<ArchiveFile> files;
    const std::string day = utc_day(now);
    for (const auto& o : state.outbox) {
        const std::string path = feed_folder(o.org, o.device) + "/" + o.file.name;
        files.push_back({path, o.file.bytes});
        for (const auto& folder : pointer_folders(rel, o.org, o.to))
            files.push_back({folder + "/" + day + "/" + pointer_name(o.org, o.device, o.file.name), path});
    }
    return encode_archive(files);
}

Result<ReplayReport> import_archive(std::string_view bytes, const OrgRelations& rel, SyncState& state,
                                    TrustState& trust, DocumentStore& store, const AuthorityRules& rules,
                                    std::size_t max_bytes) {
    auto files = decode_archive(bytes, max_bytes);
    if (!files) return files.error();
    MemoryTransport t;
    std::vector<std::string> paths;
    for (auto& f : *files) {
        if (f.path.compare(0, 6, "feeds/") == 0) paths.push_back(f.path);
        t.files.emplace(std::move(f.path), std::move(f.bytes));
    }
    ReplayReport rep = replay_feeds(t, paths, rel, trust, store, rules);
    for (const auto& r : rep.rejected) {
        bool known = false;
        for (const auto& old : state.rejected) known = known || old.path == r.path;
        if (!known) state.rejected.push_back(r);
    }
    return rep;
}

}  // namespace vsys::sync
