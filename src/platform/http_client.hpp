// One HTTP request at a time, as the exchange transports over HTTP need it (transport_s3,
// transport_http): a value in, a value out, no callbacks. The native tool implements it with
// libcurl (platform/native/http_curl); tests with a fake. A network failure is status 0 with
// `error` set; any HTTP answer, whatever its status, has status > 0.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.hpp"
#include "sync/utc_time.hpp"

namespace vsys {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method;  // GET, PUT
    std::string url;     // absolute, already encoded
    HttpHeaders headers;
    std::string body;
    std::size_t max_body = 16u << 20;  // a longer answer is cut off and reported as too_large
};

struct HttpResponse {
    int status = 0;
    HttpHeaders headers;  // names as received
    std::string body;
    std::string error;       // network failure (status 0)
    bool too_large = false;  // the body passed max_body and was dropped

    // The first header of that name, compared without case.
    std::optional<std::string> header(std::string_view name) const;
};

struct HttpClient {
    virtual ~HttpClient() = default;
    virtual HttpResponse perform(const HttpRequest& request) = 0;
};

// The answer to a GET of an exchange file, the same over nginx and an S3 store: its bytes (200),
// transport.too_large, transport.not_found (404), or `otherwise` for any other status.
Result<std::string> exchange_file_answer(HttpResponse&& r, std::string_view path, std::size_t max_read, Error otherwise);

// An HTTP date (RFC 9110 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"), as servers send in Date;
// nullopt for anything else.
std::optional<sync::UtcTime> parse_http_date(std::string_view text);

}  // namespace vsys
