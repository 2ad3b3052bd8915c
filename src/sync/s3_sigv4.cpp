#include "sync/s3_sigv4.hpp"

#include <algorithm>
#include <sodium.h>

#include "sync/crypto.hpp"

namespace vsys::sync::s3 {

namespace {

std::string hex(const unsigned char* data, std::size_t size) { return crypto::to_hex(data, size); }

std::string hmac(std::string_view key, std::string_view message) {
    crypto_auth_hmacsha256_state state;
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&state, out);
    return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A header value as signed: leading and trailing blanks removed, inner runs of blanks as one space.
std::string trimmed(std::string_view v) {
    std::string out;
    bool blank = false;
    for (char c : v) {
        if (c == ' ' || c == '\t') {
            blank = !out.empty();
            continue;
        }
        if (blank) out += ' ';
        blank = false;
        out += c;
    }
    return out;
}

Pairs canonical_headers(const Request& r) {
    Pairs h;
    for (const auto& [name, value] : r.headers) h.emplace_back(lower(name), trimmed(value));
    std::sort(h.begin(), h.end());
    return h;
}

std::string scope(std::string_view day, std::string_view region) {
    return std::string(day) + "/" + std::string(region) + "/s3/aws4_request";
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    crypto::init();
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return hex(out, sizeof out);
}

std::string uri_encode(std::string_view text, bool keep_slash) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved || (keep_slash && c == '/')) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

std::string encoded_path(const Request& r) { return r.path.empty() ? "/" : uri_encode(r.path, true); }

std::string encoded_query(const Request& r) {
    Pairs q;
    for (const auto& [name, value] : r.query) q.emplace_back(uri_encode(name, false), uri_encode(value, false));
    std::sort(q.begin(), q.end());
    std::string out;
    for (const auto& [name, value] : q) out += (out.empty() ? "" : "&") + name + "=" + value;
    return out;
}

std::string amz_date(UtcTime t) {
    const std::string iso = format_utc(t);  // 2013-05-24T00:00:00Z
    std::string out;
    for (char c : iso)
        if (c != '-' && c != ':') out += c;
    return out;
}

std::string canonical_request(const Request& r) {
    std::string text = r.method + "\n" + encoded_path(r) + "\n" + encoded_query(r) + "\n";
    std::string names;
    for (const auto& [name, value] : canonical_headers(r)) {
        text += name + ":" + value + "\n";
        names += (names.empty() ? "" : ";") + name;
    }
    return text + "\n" + names + "\n" + r.payload_sha256;
}

std::string string_to_sign(const Request& r, UtcTime now, std::string_view region) {
    const std::string date = amz_date(now);
    return "AWS4-HMAC-SHA256\n" + date + "\n" + scope(date.substr(0, 8), region) + "\n" +
           sha256_hex(canonical_request(r));
}

std::string signing_key(std::string_view secret, std::string_view day, std::string_view region) {
    crypto::init();
    return hmac(hmac(hmac(hmac("AWS4" + std::string(secret), day), region), "s3"), "aws4_request");
}

Signature sign(Request& r, const Credentials& c, UtcTime now) {
    auto has = [&](std::string_view name) {
        return std::any_of(r.headers.begin(), r.headers.end(), [&](const auto& h) { return lower(h.first) == name; });
    };
    const std::string date = amz_date(now);
    if (!has("x-amz-date")) r.headers.emplace_back("x-amz-date", date);
    if (!has("x-amz-content-sha256")) r.headers.emplace_back("x-amz-content-sha256", r.payload_sha256);
    Signature s;
    for (const auto& h : canonical_headers(r)) s.signed_headers += (s.signed_headers.empty() ? "" : ";") + h.first;
    const std::string mac = hmac(signing_key(c.secret_key, date.substr(0, 8), c.region), string_to_sign(r, now, c.region));
    s.signature = hex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
    s.authorization = "AWS4-HMAC-SHA256 Credential=" + c.access_key + "/" + scope(date.substr(0, 8), c.region) +
                      ",SignedHeaders=" + s.signed_headers + ",Signature=" + s.signature;
    return s;
}

}  // namespace vsys::sync::s3
