#include "app/base/persistence.hpp"

#include <charconv>
#include <cstdio>

namespace vsys {

namespace {
constexpr const char* k_prefix = "seg-";
constexpr const char* k_suffix = ".json";
constexpr int k_format = 1;

bool parse_segment_number(const std::string& name, std::uint64_t& n) {
    const std::string_view s(name);
    const std::size_t pre = std::char_traits<char>::length(k_prefix), suf = std::char_traits<char>::length(k_suffix);
    if (s.size() <= pre + suf || s.substr(0, pre) != k_prefix || s.substr(s.size() - suf) != k_suffix) return false;
    auto digits = s.substr(pre, s.size() - pre - suf);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return ec == std::errc() && p == digits.data() + digits.size();
}
}  // namespace

Persistence::Persistence(Storage& storage, std::string dir, std::size_t compact_after)
    : storage_(storage), dir_(std::move(dir)), compact_after_(compact_after) {}

std::string Persistence::segment_name(std::uint64_t n) const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%08llu%s", k_prefix, static_cast<unsigned long long>(n), k_suffix);
    return buf;
}

std::vector<DocumentVersion> Persistence::load() {
    segments_.clear();
    problems_.clear();
    struct Loaded {
        std::string name;
        bool snapshot;
        std::vector<DocumentVersion> versions;
        nlohmann::json j;  // the segment without its versions (remote, pending, pushed)
    };
    std::vector<Loaded> loaded;
    std::uint64_t highest = 0;
    for (const auto& name : storage_.list(dir_)) {
        std::uint64_t n;
        if (!parse_segment_number(name, n)) continue;  // e.g. a .tmp left by an interrupted save
        highest = std::max(highest, n);
        // Each version becomes a DocumentVersion as soon as the parser closes it and its JSON is
        // dropped: a segment as large as a country's first sync never exists twice over as JSON.
        Loaded seg{name, false, {}, {}};
        bool bad = false;
        const auto take_version = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            if (depth != 2 || event != nlohmann::json::parse_event_t::object_end) return true;
            if (auto d = document_from_json(parsed)) seg.versions.push_back(std::move(*d));
            else bad = true;
            return false;
        };
        nlohmann::json j;
        if (auto text = storage_.read(path(name))) j = nlohmann::json::parse(*text, take_version, false);
        if (!j.is_object() || !j.contains("versions") || !j["versions"].is_array()) {
            problems_.push_back(name + ": unreadable segment");
            continue;
        }
        if (bad || !j["versions"].empty()) {  // a version that is not an object stays in the array
            problems_.push_back(name + ": malformed document version");
            continue;
        }
        seg.snapshot = j.value("snapshot", false);
        seg.j = std::move(j);
        loaded.push_back(std::move(seg));
    }
    next_ = highest + 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i < loaded.size(); ++i)
        if (loaded[i].snapshot) start = i;
    std::vector<DocumentVersion> all;
    settled_.clear();
    remote_.clear();
    auto strings = [](const nlohmann::json& j, const char* key) {
        std::unordered_set<std::string> out;
        if (auto it = j.find(key); it != j.end() && it->is_array())
            for (const auto& h : *it)
                if (h.is_string()) out.insert(h.get<std::string>());
        return out;
    };
    for (std::size_t i = start; i < loaded.size(); ++i) {
        segments_.push_back(loaded[i].name);
        const auto& j = loaded[i].j;
        const bool remote = j.value("remote", false);
        const auto pending = strings(j, "pending");
        const auto local = strings(j, "local");  // a snapshot's versions made here
        for (const auto& h : strings(j, "pushed")) settled_.insert(h);
        for (auto& v : loaded[i].versions) {
            if (remote || (loaded[i].snapshot && !pending.count(v.hash))) settled_.insert(v.hash);
            if (remote || (loaded[i].snapshot && !pending.count(v.hash) && !local.count(v.hash))) remote_.insert(v.hash);
            all.push_back(std::move(v));
        }
        loaded[i].versions = {};
    }
    return all;
}

namespace {
// A segment's text, written version by version: the same JSON object as one built whole
// ({"format", "snapshot", "versions", and `extra`'s members}), without a second copy of the
// versions as JSON. Readers take the members in any order.
std::string segment_text(const std::vector<const DocumentVersion*>& versions, bool snapshot,
                         const nlohmann::json& extra = nlohmann::json::object()) {
    std::string text = "{\"format\":" + std::to_string(k_format) + ",\"snapshot\":" + (snapshot ? "true" : "false");
    for (const auto& [key, value] : extra.items()) text += "," + nlohmann::json(key).dump() + ":" + value.dump();
    text += ",\"versions\":[";
    for (std::size_t i = 0; i < versions.size(); ++i) {
        if (i) text += ',';
        text += to_json(*versions[i]).dump();
    }
    text += "]}";
    return text;
}
}  // namespace

Status Persistence::clear() {
    std::vector<std::string> names;
    for (const auto& name : storage_.list(dir_))
        if (name.rfind(k_prefix, 0) == 0) names.push_back(name);  // segments and interrupted .tmp files
    Status result = ok_status();
    for (auto it = names.rbegin(); it != names.rend(); ++it)
        if (auto st = storage_.remove(path(*it)); !st && result) result = st;
    segments_.clear();
    problems_.clear();
    settled_.clear();
    next_ = 1;
    return result;
}

Status Persistence::write_segment(const std::string& text) {
    const std::string name = segment_name(next_);
    auto st = storage_.write_atomic(path(name), text);
    if (!st) return st;
    ++next_;
    segments_.push_back(name);
    return ok_status();
}

Status Persistence::append(const std::vector<const DocumentVersion*>& versions, bool remote) {
    if (versions.empty()) return ok_status();
    return write_segment(segment_text(versions, false, remote ? nlohmann::json{{"remote", true}} : nlohmann::json::object()));
}

Status Persistence::append(const std::vector<DocumentVersion>& versions, bool remote) {
    std::vector<const DocumentVersion*> refs;
    refs.reserve(versions.size());
    for (const auto& v : versions) refs.push_back(&v);
    return append(refs, remote);
}

Status Persistence::append_pushed(const std::vector<std::string>& hashes) {
    if (hashes.empty()) return ok_status();
    return write_segment(segment_text({}, false, {{"pushed", hashes}}));
}

Status Persistence::compact_if_needed(const std::vector<const DocumentVersion*>& keep,
                                      const std::vector<std::string>& pending, const std::vector<std::string>& local) {
    if (!needs_compaction()) return ok_status();
    auto old = segments_;
    auto st = write_segment(segment_text(keep, true, {{"pending", pending}, {"local", local}}));
    if (!st) return st;
    // The snapshot is in place; removing the old segments can fail or be cut off harmlessly.
    for (const auto& name : old) storage_.remove(path(name));
    segments_.erase(segments_.begin(), segments_.begin() + static_cast<std::ptrdiff_t>(old.size()));
    return ok_status();
}

StorageUsage Persistence::usage() {
    StorageUsage u;
    for (const auto& name : storage_.list(dir_)) {
        auto text = storage_.read(path(name));
        ++u.files;
        if (text) u.bytes += text->size();
    }
    return u;
}

}  // namespace vsys
