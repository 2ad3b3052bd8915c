// The exchange on an S3-compatible object store (docs/PROTOCOL.md "S3 transport"; tested against
// Ceph's RADOS Gateway, tools/exchange-s3). URL form s3://HOST:PORT/BUCKET[/prefix]: plain HTTP
// for 127.0.0.1 and localhost, HTTPS otherwise; path-style requests (HOST/BUCKET/key).
// - list(folder): ListObjectsV2 with prefix "<prefix><folder>/" and delimiter "/", following
//   continuation tokens; folders from CommonPrefixes, files from Contents, names without the
//   prefix, sorted, names starting with '.' left out (as the other transports).
// - get(path): GET; 404 transport.not_found; larger than max_read transport.too_large.
// - put_new(path, bytes): PUT with `If-None-Match: *`, so the store never overwrites: 412 (or 409
//   from a store that answers so) is transport.exists.
// - Requests are signed with SigV4 (sync/s3_sigv4) when credentials are given, else anonymous
//   (a public exchange is readable by anyone, §9).
// - exchange_time(): the latest Date header of the store's answers.
// A network failure is transport.offline; a PUT refused 403 for its key (AccessDenied,
// InvalidAccessKeyId, SignatureDoesNotMatch, UserSuspended) transport.key_refused {detail}; any
// other status transport.failed {detail} with the store's error code.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "platform/exchange_store.hpp"
#include "platform/http_client.hpp"
#include "platform/s3_listing.hpp"
#include "sync/s3_sigv4.hpp"

namespace vsys {

struct S3Location {
    std::string scheme;  // "http" or "https"
    std::string host;    // "127.0.0.1:7480"
    std::string bucket;
    std::string prefix;  // "" or ending in '/'
};

// Errors: s3.url {url}.
Result<S3Location> parse_s3_url(std::string_view url);

class S3Transport final : public ExchangeStore {
public:
    using Clock = std::function<sync::UtcTime()>;
    S3Transport(S3Location where, HttpClient& http, std::optional<sync::s3::Credentials> credentials, Clock clock)
        : at_(std::move(where)), http_(http), credentials_(std::move(credentials)), clock_(std::move(clock)) {}

    Result<std::vector<std::string>> list(std::string_view folder) override;
    Result<std::string> get(std::string_view path) override;
    Status put_new(std::string_view path, std::string_view bytes) override;
    std::optional<sync::UtcTime> exchange_time() const override { return last_date_; }
    Result<std::vector<ExchangeFile>> all_files() override;
    std::string where() const override;

    // A request to any path of the store, signed like the others: the bucket's policy, the
    // store's admin API (vsys deployment s3-users). `path` is decoded and absolute ("/vsys").
    HttpResponse request(const std::string& method, const std::string& path, sync::s3::Pairs query,
                         std::string_view body, sync::s3::Pairs headers = {});
    const S3Location& location() const { return at_; }

    // One ListObjectsV2 page of a folder's listing, for a host that pages itself (s3_steps):
    // the query of the page after `token` ("" for the first), and the names a page adds (the
    // folder's own files and subfolders, without the prefix; names starting with '.' left out).
    std::string folder_prefix(std::string_view folder) const;
    static sync::s3::Pairs list_query(const std::string& prefix, const std::string& token);
    static void add_names(const std::string& prefix, const s3::ListPage& page, std::vector<std::string>& names);
    // transport.offline for no answer, else transport.failed {detail: "HTTP 403 AccessDenied (what)"}.
    static Error failure(const HttpResponse& r, std::string_view what);

    std::size_t max_read = 16u << 20;
    std::size_t requests = 0;

private:
    HttpResponse send(const std::string& method, const std::string& key, sync::s3::Pairs query, std::string_view body,
                      sync::s3::Pairs headers = {}) {
        return request(method, "/" + at_.bucket + (key.empty() ? "" : "/" + key), std::move(query), body,
                       std::move(headers));
    }
    // Every page of one listing, each handed to fn.
    Status list_pages(const std::string& prefix, bool delimited, const std::function<void(const s3::ListPage&)>& fn);

    S3Location at_;
    HttpClient& http_;
    std::optional<sync::s3::Credentials> credentials_;
    Clock clock_;
    std::optional<sync::UtcTime> last_date_;
    sync::UtcTime skew_ = 0;  // the store's clock minus ours, learnt from a RequestTimeTooSkewed
};

}  // namespace vsys
