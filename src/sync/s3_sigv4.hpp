// AWS Signature Version 4 for S3 requests (docs/PROTOCOL.md "S3 transport"): the canonical
// request, the string to sign, the signing key and the Authorization header, in pure C++ over
// libsodium's SHA-256 and HMAC-SHA256, with no I/O and no clock (the caller passes "now"), so
// the same code signs natively and in the browser. Checked against the example requests of
// AWS's S3 SigV4 documentation (tests/unit/sync/test_s3_sigv4.cpp).
// What is signed is exactly what is sent: the path is encoded here (each byte outside
// A-Za-z0-9-._~ as %XX, '/' kept) and the caller sends the request to encoded_path(); query
// names and values are given decoded and encoded here; header names are compared without case.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sync/utc_time.hpp"

namespace vsys::sync::s3 {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Credentials {
    std::string access_key;
    std::string secret_key;
    std::string region = "us-east-1";  // RGW accepts any region name; AWS needs the bucket's
};

struct Request {
    std::string method;          // "GET", "PUT"
    std::string path;            // decoded: "/bucket/feeds/x/1-ab.json"
    Pairs query;                 // decoded names and values; "" for a flag such as ?lifecycle
    Pairs headers;               // must include Host; sign() adds x-amz-date and x-amz-content-sha256
    std::string payload_sha256;  // lower-case hex of the body's SHA-256
};

std::string sha256_hex(std::string_view data);
// RFC 3986 encoding as SigV4 wants it: unreserved bytes kept, everything else %XX (upper case).
std::string uri_encode(std::string_view text, bool keep_slash);
std::string encoded_path(const Request& r);   // the path as sent and signed
std::string encoded_query(const Request& r);  // name=value&… sorted, as sent and signed
std::string amz_date(UtcTime t);              // "20130524T000000Z"

std::string canonical_request(const Request& r);
std::string string_to_sign(const Request& r, UtcTime now, std::string_view region);
// HMAC chain "AWS4"+secret → day → region → "s3" → "aws4_request"; 32 raw bytes.
std::string signing_key(std::string_view secret, std::string_view day, std::string_view region);

struct Signature {
    std::string signed_headers;  // "host;x-amz-content-sha256;x-amz-date"
    std::string signature;       // 64 hex digits
    std::string authorization;   // the Authorization header's value
};

// Adds x-amz-date and x-amz-content-sha256 to r.headers (unless present) and signs r.
Signature sign(Request& r, const Credentials& c, UtcTime now);

}  // namespace vsys::sync::s3
