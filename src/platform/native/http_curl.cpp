#include "platform/native/http_curl.hpp"

#include <curl/curl.h>

namespace vsys {

namespace {

struct Receiving {
    HttpResponse* response;
    std::size_t max_body;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* r = static_cast<Receiving*>(user);
    const std::size_t n = size * count;
    if (r->response->body.size() + n > r->max_body) {
        r->response->too_large = true;
        return 0;  // aborts the transfer
    }
    r->response->body.append(data, n);
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* r = static_cast<Receiving*>(user);
    const std::size_t n = size * count;
    std::string line(data, n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.rfind("HTTP/", 0) == 0) {
        r->response->headers.clear();  // a new status line: the headers of a final answer follow
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) return n;
    std::string value = line.substr(colon + 1);
    const auto start = value.find_first_not_of(" \t");
    value = start == std::string::npos ? std::string() : value.substr(start);
    r->response->headers.emplace_back(line.substr(0, colon), value);
    return n;
}

}  // namespace

CurlHttpClient::CurlHttpClient() {
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    (void)initialised;
    curl_ = curl_easy_init();
}

CurlHttpClient::~CurlHttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResponse CurlHttpClient::perform(const HttpRequest& request) {
    HttpResponse response;
    CURL* c = static_cast<CURL*>(curl_);
    if (!c) {
        response.error = "libcurl could not be initialised";
        return response;
    }
    curl_easy_reset(c);  // keeps the connection cache
    Receiving receiving{&response, request.max_body};
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &receiving);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &receiving);
    if (request.method == "PUT") {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else if (request.method != "GET") {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    // No "Expect: 100-continue" round trip before a body; no default form content type.
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    const CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && response.too_large)) {
        response.status = 0;
        response.error = curl_easy_strerror(rc);
        return response;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    if (response.too_large) response.body.clear();
    return response;
}

}  // namespace vsys
