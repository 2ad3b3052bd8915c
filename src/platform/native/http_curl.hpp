// HttpClient over libcurl (Debian's libcurl4-openssl-dev), for the native `vsys` tool only. One
// easy handle per client, so consecutive requests to one store reuse its connection (a mirror or
// a verify of thousands of files is thousands of requests). Timeouts: 10 s to connect, 120 s per
// request. TLS certificates are verified against the system's store.
#pragma once

#include "platform/http_client.hpp"

namespace vsys {

class CurlHttpClient final : public HttpClient {
public:
    CurlHttpClient();
    ~CurlHttpClient() override;
    CurlHttpClient(const CurlHttpClient&) = delete;
    CurlHttpClient& operator=(const CurlHttpClient&) = delete;

    HttpResponse perform(const HttpRequest& request) override;

private:
    void* curl_;  // CURL*, kept out of the header
};

}  // namespace vsys
