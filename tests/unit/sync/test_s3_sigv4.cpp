// AWS Signature V4 against the example requests of AWS's S3 documentation ("Authenticating
// Requests: Using the Authorization Header", examples GET object, PUT object, GET bucket
// lifecycle and list objects): access key AKIAIOSFODNN7EXAMPLE, secret
// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, bucket examplebucket, 2013-05-24T00:00:00Z, us-east-1.
#include <doctest/doctest.h>

#include "sync/s3_sigv4.hpp"

using namespace vsys::sync;

namespace {

const s3::Credentials k_example{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1"};
const UtcTime k_may_24 = *parse_utc("2013-05-24T00:00:00Z");
const char* k_empty_sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

s3::Request example(std::string method, std::string path, s3::Pairs query = {}, s3::Pairs headers = {},
                    std::string payload_sha = k_empty_sha) {
    headers.insert(headers.begin(), {"Host", "examplebucket.s3.amazonaws.com"});
    return {std::move(method), std::move(path), std::move(query), std::move(headers), std::move(payload_sha)};
}

}  // namespace

TEST_SUITE_BEGIN("sync");

TEST_CASE("SigV4 signs AWS's GET object example (a Range header) to its published signature") {
    auto r = example("GET", "/test.txt", {}, {{"Range", "bytes=0-9"}});
    const auto s = s3::sign(r, k_example, k_may_24);
    CHECK(s3::canonical_request(r) ==
          "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
          "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
          "x-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n"
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(s3::string_to_sign(r, k_may_24, "us-east-1") ==
          "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
          "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    CHECK(s.authorization ==
          "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
          "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
          "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST_CASE("SigV4 signs AWS's PUT object example: a '$' in the key is encoded once, the body is hashed") {
    const std::string body = "Welcome to Amazon S3.";
    CHECK(s3::sha256_hex(body) == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    auto r = example("PUT", "/test$file.text", {},
                     {{"Date", "Fri, 24 May 2013 00:00:00 GMT"}, {"x-amz-storage-class", "REDUCED_REDUNDANCY"}},
                     s3::sha256_hex(body));
    const auto s = s3::sign(r, k_example, k_may_24);
    CHECK(s3::encoded_path(r) == "/test%24file.text");
    CHECK(s3::sha256_hex(s3::canonical_request(r)) ==
          "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
    CHECK(s.signed_headers == "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class");
    CHECK(s.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

TEST_CASE("SigV4 signs AWS's GET bucket lifecycle example: a query flag signs as name=") {
    auto r = example("GET", "/", {{"lifecycle", ""}});
    const auto s = s3::sign(r, k_example, k_may_24);
    CHECK(s3::encoded_query(r) == "lifecycle=");
    CHECK(s.signature == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
}

TEST_CASE("SigV4 signs AWS's list objects example: query parameters sorted by name whatever their order") {
    auto r = example("GET", "/", {{"prefix", "J"}, {"max-keys", "2"}});
    const auto s = s3::sign(r, k_example, k_may_24);
    CHECK(s3::encoded_query(r) == "max-keys=2&prefix=J");
    const std::string to_sign = s3::string_to_sign(r, k_may_24, "us-east-1");
    CHECK(to_sign.substr(to_sign.rfind('\n') + 1) == "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7");
    CHECK(s.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

TEST_CASE("SigV4 encodes what a listing's continuation token and prefix may hold: '/', '=', '+' and spaces") {
    CHECK(s3::uri_encode("feeds/a b+c=", false) == "feeds%2Fa%20b%2Bc%3D");
    CHECK(s3::uri_encode("feeds/a b", true) == "feeds/a%20b");
    // A signature changes with any byte of what is signed: another secret, another day, another body.
    auto a = example("GET", "/test.txt");
    auto b = example("GET", "/test.txt");
    auto c = example("GET", "/test.txt");
    const auto sa = s3::sign(a, k_example, k_may_24);
    CHECK(s3::sign(b, {k_example.access_key, "other", "us-east-1"}, k_may_24).signature != sa.signature);
    CHECK(s3::sign(c, k_example, k_may_24 + 86400).signature != sa.signature);
}

TEST_SUITE_END();
