#include "platform/transport_http.hpp"

#include <algorithm>

#include "core/base/input.hpp"
#include "sync/archive.hpp"
#include "sync/s3_sigv4.hpp"

namespace vsys {

HttpTransport::HttpTransport(std::string base, HttpClient& http) : base_(std::move(base)), http_(http) {
    if (base_.empty() || base_.back() != '/') base_ += '/';
}

HttpResponse HttpTransport::send(const std::string& method, std::string_view path, std::string_view body) {
    HttpRequest req;
    req.method = method;
    req.url = base_ + sync::s3::uri_encode(path, true);
    req.body = std::string(body);
    req.max_body = max_read;
    if (method == "PUT")
        req.headers.emplace_back("Content-Type", path.size() >= 5 && path.substr(path.size() - 5) == ".json"
                                                     ? "application/json"
                                                     : "application/octet-stream");
    HttpResponse r = http_.perform(req);
    if (auto date = r.header("Date"))
        if (auto t = parse_http_date(*date)) last_date_ = std::max(last_date_.value_or(*t), *t);
    return r;
}

Error HttpTransport::failure(const HttpResponse& r, std::string_view what) const {
    if (r.status == 0)
        return Error{"transport.offline", "the exchange cannot be reached: " + r.error, {{"detail", r.error}}};
    const std::string detail = "HTTP " + std::to_string(r.status) + " (" + std::string(what) + ")";
    return Error{"transport.failed", "the exchange failed: " + detail, {{"detail", detail}}};
}

Result<std::vector<HttpTransport::Entry>> HttpTransport::entries(std::string_view folder) {
    if (!folder.empty() && !sync::valid_archive_path(folder))
        return Error{"transport.failed", "not an exchange path", {{"detail", std::string(folder)}}};
    HttpResponse r = send("GET", folder.empty() ? std::string() : std::string(folder) + "/");
    std::vector<Entry> out;
    if (r.status == 404) return out;
    if (r.status != 200) return failure(r, "list " + std::string(folder));
    auto json = input::parse_json(r.body);
    if (!json) return json.error();
    if (!json->is_array()) return failure(r, "a listing is not a JSON array");
    for (const auto& e : *json) {
        if (!e.is_object() || !e.contains("name") || !e["name"].is_string() || !e.contains("type"))
            return failure(r, "a listing entry without name or type");
        Entry entry{e["name"].get<std::string>(), e["type"] == "directory", 0};
        if (e.contains("size") && e["size"].is_number_unsigned()) entry.size = e["size"].get<std::uint64_t>();
        if (entry.name.empty() || entry.name[0] == '.' || entry.name.find('/') != std::string::npos) continue;
        out.push_back(std::move(entry));
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return out;
}

Result<std::vector<std::string>> HttpTransport::list(std::string_view folder) {
    auto e = entries(folder);
    if (!e) return e.error();
    std::vector<std::string> names;
    for (auto& entry : *e) names.push_back(std::move(entry.name));
    return names;
}

Result<std::vector<ExchangeFile>> HttpTransport::all_files() {
    std::vector<ExchangeFile> files;
    std::vector<std::string> folders{""};
    while (!folders.empty()) {
        const std::string folder = folders.back();
        folders.pop_back();
        auto e = entries(folder);
        if (!e) return e.error();
        for (const auto& entry : *e) {
            const std::string path = folder.empty() ? entry.name : folder + "/" + entry.name;
            if (entry.folder) folders.push_back(path);
            else files.push_back({path, entry.size});
        }
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
}

Result<std::string> HttpTransport::get(std::string_view path) {
    if (!sync::valid_archive_path(path))
        return Error{"transport.failed", "not an exchange path", {{"detail", std::string(path)}}};
    HttpResponse r = send("GET", path);
    Error otherwise = r.status == 200 ? Error{} : failure(r, "get " + std::string(path));
    return exchange_file_answer(std::move(r), path, max_read, std::move(otherwise));
}

Status HttpTransport::put_new(std::string_view path, std::string_view bytes) {
    if (!sync::valid_archive_path(path))
        return Error{"transport.failed", "not an exchange path", {{"detail", std::string(path)}}};
    HttpResponse r = send("PUT", path, bytes);
    if (r.status == 201 || r.status == 200 || r.status == 204) return ok_status();
    if (r.status == 409 || r.status == 412)
        return Error{"transport.exists", "the file already exists on the exchange", {{"path", std::string(path)}}};
    return failure(r, "put " + std::string(path));
}

}  // namespace vsys
