// The exchange a command names, whatever it is: a folder path, s3://HOST:PORT/BUCKET[/prefix]
// (credentials from VSYS_S3_ACCESS_KEY and VSYS_S3_SECRET_KEY in the environment, never from
// arguments; without them requests are anonymous, enough to read a public exchange) or
// http(s)://… (an nginx exchange, §13). Native only: the HTTP ones run over libcurl.
#pragma once

#include <memory>
#include <string_view>

#include "platform/exchange_store.hpp"
#include "platform/http_client.hpp"

namespace vsys {

struct OpenedExchange {
    std::unique_ptr<HttpClient> http;  // null for a folder
    std::unique_ptr<ExchangeStore> store;
    bool remote() const { return http != nullptr; }
};

// Errors: s3.url {url}; s3.credentials when only one of the two variables is set.
Result<OpenedExchange> open_exchange(std::string_view where);

}  // namespace vsys
