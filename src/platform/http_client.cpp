#include "platform/http_client.hpp"

#include <cstdio>

namespace vsys {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
    for (const auto& [n, v] : headers)
        if (same_name(n, name)) return v;
    return std::nullopt;
}

std::optional<sync::UtcTime> parse_http_date(std::string_view text) {
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // "Sun, 06 Nov 1994 08:49:37 GMT": 29 characters, fixed positions.
    if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT") return std::nullopt;
    int month = 0;
    for (int m = 0; m < 12; ++m)
        if (text.substr(8, 3) == months[m]) month = m + 1;
    if (month == 0) return std::nullopt;
    const std::string day(text.substr(5, 2)), year(text.substr(12, 4)), time(text.substr(17, 8));
    char iso[32];
    std::snprintf(iso, sizeof iso, "%s-%02d-%sT%sZ", year.c_str(), month, day.c_str(), time.c_str());
    auto t = sync::parse_utc(iso);
    if (!t) return std::nullopt;
    return *t;
}

Result<std::string> exchange_file_answer(HttpResponse&& r, std::string_view path, std::size_t max_read, Error otherwise) {
    if (r.too_large)
        return Error{"transport.too_large", "the file is too large to read",
                     {{"path", std::string(path)}, {"size", "> " + std::to_string(max_read)}, {"max", std::to_string(max_read)}}};
    if (r.status == 404) return Error{"transport.not_found", "no such file on the exchange", {{"path", std::string(path)}}};
    if (r.status != 200) return otherwise;
    return std::move(r.body);
}

}  // namespace vsys
