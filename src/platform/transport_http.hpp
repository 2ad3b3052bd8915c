// The exchange over plain HTTP as nginx serves it (docs/PROTOCOL.md §13; web/nginx.conf.in,
// web/exchange.js), for the native tool: the same requests the browser makes (platform/web/sync.js).
// URL form http(s)://HOST[:PORT][/path]/. list(folder): GET <folder>/, a JSON array of
// {"name","type","size"} (404: an empty folder); get(path): GET; put_new: PUT, 201 written,
// 409 transport.exists. exchange_time(): the latest Date header. all_files() walks the listings.
#pragma once

#include <optional>
#include <string>

#include "platform/exchange_store.hpp"
#include "platform/http_client.hpp"

namespace vsys {

class HttpTransport final : public ExchangeStore {
public:
    // base: "http://127.0.0.1:8081/" (a trailing '/' is added when missing).
    HttpTransport(std::string base, HttpClient& http);

    Result<std::vector<std::string>> list(std::string_view folder) override;
    Result<std::string> get(std::string_view path) override;
    Status put_new(std::string_view path, std::string_view bytes) override;
    std::optional<sync::UtcTime> exchange_time() const override { return last_date_; }
    Result<std::vector<ExchangeFile>> all_files() override;
    std::string where() const override { return base_; }

    std::size_t max_read = 16u << 20;

private:
    struct Entry {
        std::string name;
        bool folder = false;
        std::uint64_t size = 0;
    };
    Result<std::vector<Entry>> entries(std::string_view folder);
    HttpResponse send(const std::string& method, std::string_view path, std::string_view body = {});
    Error failure(const HttpResponse& r, std::string_view what) const;

    std::string base_;
    HttpClient& http_;
    std::optional<sync::UtcTime> last_date_;
};

}  // namespace vsys
