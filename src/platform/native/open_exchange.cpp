#include "platform/native/open_exchange.hpp"

#include <chrono>
#include <cstdlib>

#include "platform/native/http_curl.hpp"
#include "platform/transport_http.hpp"
#include "platform/transport_s3.hpp"

namespace vsys {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

sync::UtcTime system_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

Result<OpenedExchange> open_exchange(std::string_view where) {
    OpenedExchange out;
    if (starts_with(where, "s3://")) {
        auto at = parse_s3_url(where);
        if (!at) return at.error();
        const char* access = std::getenv("VSYS_S3_ACCESS_KEY");
        const char* secret = std::getenv("VSYS_S3_SECRET_KEY");
        const bool has_access = access && *access, has_secret = secret && *secret;
        if (has_access != has_secret)
            return Error{"s3.credentials", "set both VSYS_S3_ACCESS_KEY and VSYS_S3_SECRET_KEY, or neither"};
        std::optional<sync::s3::Credentials> credentials;
        if (has_access) credentials = sync::s3::Credentials{access, secret};
        out.http = std::make_unique<CurlHttpClient>();
        out.store = std::make_unique<S3Transport>(*at, *out.http, credentials, system_now);
    } else if (starts_with(where, "http://") || starts_with(where, "https://")) {
        out.http = std::make_unique<CurlHttpClient>();
        out.store = std::make_unique<HttpTransport>(std::string(where), *out.http);
    } else {
        out.store = std::make_unique<FolderStore>(std::string(where));
    }
    return out;
}

}  // namespace vsys
