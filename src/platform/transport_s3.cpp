#include "platform/transport_s3.hpp"

#include <algorithm>

#include "sync/archive.hpp"

namespace vsys {

namespace {

Error bad_url(std::string_view url) {
    return Error{"s3.url", "not an s3://HOST:PORT/BUCKET[/prefix] URL", {{"url", std::string(url)}}};
}

bool bucket_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

bool host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == ':';
}

std::string content_type(std::string_view path) {
    return path.size() >= 5 && path.substr(path.size() - 5) == ".json" ? "application/json" : "application/octet-stream";
}

}  // namespace

Result<S3Location> parse_s3_url(std::string_view url) {
    constexpr std::string_view scheme = "s3://";
    if (url.substr(0, scheme.size()) != scheme) return bad_url(url);
    std::string_view rest = url.substr(scheme.size());
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0) return bad_url(url);
    S3Location at;
    at.host = std::string(rest.substr(0, slash));
    if (!std::all_of(at.host.begin(), at.host.end(), host_char)) return bad_url(url);
    rest = rest.substr(slash + 1);
    const auto next = rest.find('/');
    at.bucket = std::string(rest.substr(0, next));
    if (at.bucket.size() < 3 || at.bucket.size() > 63 || !std::all_of(at.bucket.begin(), at.bucket.end(), bucket_char))
        return bad_url(url);
    if (next != std::string_view::npos) {
        std::string prefix(rest.substr(next + 1));
        while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
        if (!prefix.empty()) {
            if (!sync::valid_archive_path(prefix)) return bad_url(url);
            at.prefix = prefix + "/";
        }
    }
    const std::string name = at.host.substr(0, at.host.rfind(':') == std::string::npos ? at.host.size() : at.host.rfind(':'));
    at.scheme = name == "127.0.0.1" || name == "localhost" ? "http" : "https";
    return at;
}

std::string S3Transport::where() const {
    return "s3://" + at_.host + "/" + at_.bucket + (at_.prefix.empty() ? "" : "/" + at_.prefix.substr(0, at_.prefix.size() - 1));
}

HttpResponse S3Transport::request(const std::string& method, const std::string& path, sync::s3::Pairs query,
                                  std::string_view body, sync::s3::Pairs headers) {
    for (int attempt = 0;; ++attempt) {
        sync::s3::Request r{method, path, query, headers, sync::s3::sha256_hex(body)};
        r.headers.insert(r.headers.begin(), {"Host", at_.host});
        HttpRequest req;
        req.method = method;
        if (credentials_) {
            const auto s = sync::s3::sign(r, *credentials_, clock_() + skew_);
            r.headers.emplace_back("Authorization", s.authorization);
        }
        const std::string q = sync::s3::encoded_query(r);
        req.url = at_.scheme + "://" + at_.host + sync::s3::encoded_path(r) + (q.empty() ? "" : "?" + q);
        for (auto& h : r.headers)
            if (h.first != "Host") req.headers.push_back(std::move(h));
        req.body = std::string(body);
        req.max_body = max_read;
        ++requests;
        HttpResponse a = http_.perform(req);
        const auto date = a.header("Date");
        const auto t = date ? parse_http_date(*date) : std::nullopt;
        if (t) last_date_ = std::max(last_date_.value_or(*t), *t);
        // A device whose clock is off signs a time the store refuses (by more than 15 minutes):
        // sign again once with the store's own time.
        if (attempt == 0 && a.status == 403 && t && s3::error_code(a.body) == "RequestTimeTooSkewed") {
            skew_ = *t - clock_();
            continue;
        }
        return a;
    }
}

Error S3Transport::failure(const HttpResponse& r, std::string_view what) {
    if (r.status == 0)
        return Error{"transport.offline", "the exchange cannot be reached: " + r.error, {{"detail", r.error}}};
    std::string detail = "HTTP " + std::to_string(r.status);
    if (auto code = s3::error_code(r.body); !code.empty()) detail += " " + code;
    detail += " (" + std::string(what) + ")";
    return Error{"transport.failed", "the exchange failed: " + detail, {{"detail", detail}}};
}

sync::s3::Pairs S3Transport::list_query(const std::string& prefix, const std::string& token) {
    sync::s3::Pairs query{{"list-type", "2"}, {"prefix", prefix}, {"delimiter", "/"}};
    if (!token.empty()) query.emplace_back("continuation-token", token);
    return query;
}

Status S3Transport::list_pages(const std::string& prefix, bool delimited,
                               const std::function<void(const s3::ListPage&)>& fn) {
    std::string token;
    do {
        sync::s3::Pairs query{{"list-type", "2"}, {"prefix", prefix}};
        if (delimited) query = list_query(prefix, token);
        else if (!token.empty()) query.emplace_back("continuation-token", token);
        HttpResponse r = send("GET", "", query, "");
        if (r.status == 404 && s3::error_code(r.body) == "NoSuchBucket") return failure(r, "bucket " + at_.bucket);
        if (r.status != 200) return failure(r, "list " + prefix);
        auto page = s3::parse_list_page(r.body);
        if (!page) return page.error();
        fn(*page);
        if (page->truncated && page->next_token == token) return failure(r, "the listing does not advance");
        token = page->truncated ? page->next_token : std::string();
    } while (!token.empty());
    return ok_status();
}

std::string S3Transport::folder_prefix(std::string_view folder) const {
    return at_.prefix + (folder.empty() ? "" : std::string(folder) + "/");
}

void S3Transport::add_names(const std::string& prefix, const s3::ListPage& page, std::vector<std::string>& names) {
    auto add = [&](std::string_view full, bool is_folder) {
        std::string_view name = full.substr(prefix.size());
        if (is_folder && !name.empty() && name.back() == '/') name.remove_suffix(1);
        if (!name.empty() && name[0] != '.' && name.find('/') == std::string_view::npos) names.emplace_back(name);
    };
    for (const auto& o : page.objects)
        if (o.key.size() > prefix.size() && o.key.compare(0, prefix.size(), prefix) == 0) add(o.key, false);
    for (const auto& p : page.prefixes)
        if (p.size() > prefix.size() && p.compare(0, prefix.size(), prefix) == 0) add(p, true);
}

Result<std::vector<std::string>> S3Transport::list(std::string_view folder) {
    if (!folder.empty() && !sync::valid_archive_path(folder))
        return Error{"transport.failed", "not an exchange path", {{"detail", std::string(folder)}}};
    const std::string prefix = folder_prefix(folder);
    std::vector<std::string> names;
    auto s = list_pages(prefix, true, [&](const s3::ListPage& page) { add_names(prefix, page, names); });
    if (!s) return s.error();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

Result<std::vector<ExchangeFile>> S3Transport::all_files() {
    std::vector<ExchangeFile> files;
    auto s = list_pages(at_.prefix, false, [&](const s3::ListPage& page) {
        for (const auto& o : page.objects) {
            if (o.key.size() <= at_.prefix.size() || o.key.compare(0, at_.prefix.size(), at_.prefix) != 0) continue;
            std::string path = o.key.substr(at_.prefix.size());
            const auto last = path.rfind('/');
            if (path[last == std::string::npos ? 0 : last + 1] == '.') continue;
            files.push_back({std::move(path), o.size});
        }
    });
    if (!s) return s.error();
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
}

Result<std::string> S3Transport::get(std::string_view path) {
    if (!sync::valid_archive_path(path))
        return Error{"transport.failed", "not an exchange path", {{"detail", std::string(path)}}};
    HttpResponse r = send("GET", at_.prefix + std::string(path), {}, "");
    Error otherwise = r.status == 200 ? Error{} : failure(r, "get " + std::string(path));
    return exchange_file_answer(std::move(r), path, max_read, std::move(otherwise));
}

Status S3Transport::put_new(std::string_view path, std::string_view bytes) {
    if (!sync::valid_archive_path(path))
        return Error{"transport.failed", "not an exchange path", {{"detail", std::string(path)}}};
    HttpResponse r = send("PUT", at_.prefix + std::string(path), {}, bytes,
                          {{"Content-Type", content_type(path)}, {"If-None-Match", "*"}});
    if (r.status == 200 || r.status == 201) return ok_status();
    if (r.status == 412 || r.status == 409)
        return Error{"transport.exists", "the file already exists on the exchange", {{"path", std::string(path)}}};
    Error e = failure(r, "put " + std::string(path));
    // Refused for the key that signed it (rotated and removed, suspended, wrong, or not allowed
    // there): the device may hold an older key than the operator's newest (PROTOCOL §15 "Rotation").
    if (r.status == 403)
        for (const char* code : {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "UserSuspended"})
            if (s3::error_code(r.body) == code) e.code = sync::k_transport_key_refused;
    return e;
}

}  // namespace vsys
