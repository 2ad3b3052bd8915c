#include "platform/s3_steps.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "platform/s3_listing.hpp"
#include "sync/archive.hpp"
#include "sync/crypto.hpp"

namespace vsys {

namespace {

// Answers the transport's requests from those the host performed, in order; the first request
// beyond them is kept as the next to perform and answered as a network failure meanwhile.
struct ReplayClient final : HttpClient {
    const std::vector<HttpResponse>& answers;
    std::size_t used = 0;
    std::optional<HttpRequest> next;

    explicit ReplayClient(const std::vector<HttpResponse>& a) : answers(a) {}
    HttpResponse perform(const HttpRequest& r) override {
        if (used < answers.size()) {
            HttpResponse a = answers[used++];
            if (a.body.size() > r.max_body) {
                a.too_large = true;
                a.body.clear();
            }
            return a;
        }
        if (!next) next = r;
        HttpResponse pending;
        pending.error = "not performed yet";
        return pending;
    }
};

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "\n") + n;
    return out;
}

Error bad_input(std::string detail) {
    return Error{"transport.failed", "the exchange failed: " + detail, {{"detail", std::move(detail)}}};
}

// A listing page by page: the page after carry's token, replayed from `answers` (anonymous).
S3Step list_step(const S3Location& at, const std::string& folder, const std::vector<HttpResponse>& answers,
                 sync::UtcTime now, S3ListCarry carry) {
    S3Step step;
    if (!folder.empty() && !sync::valid_archive_path(folder)) {
        step.answer = Error{"transport.failed", "not an exchange path", {{"detail", folder}}};
        return step;
    }
    ReplayClient client(answers);
    S3Transport store(at, client, std::nullopt, [now] { return now; });
    const std::string prefix = store.folder_prefix(folder);
    HttpResponse r = store.request("GET", "/" + at.bucket, S3Transport::list_query(prefix, carry.token), "");
    if (auto t = store.exchange_time()) carry.date = std::max(carry.date.value_or(*t), *t);
    step.date = carry.date;
    if (client.next) {
        step.next = std::move(client.next);
        return step;
    }
    if (r.status == 404 && s3::error_code(r.body) == "NoSuchBucket") {
        step.answer = S3Transport::failure(r, "bucket " + at.bucket);
        return step;
    }
    if (r.status != 200) {
        step.answer = S3Transport::failure(r, "list " + prefix);
        return step;
    }
    auto page = s3::parse_list_page(r.body);
    if (!page) {
        step.answer = page.error();
        return step;
    }
    S3Transport::add_names(prefix, *page, carry.names);
    if (page->truncated) {
        if (page->next_token == carry.token) {
            step.answer = S3Transport::failure(r, "the listing does not advance");
            return step;
        }
        carry.token = page->next_token;
        const std::vector<HttpResponse> none;
        ReplayClient fresh(none);
        S3Transport(at, fresh, std::nullopt, [now] { return now; })
            .request("GET", "/" + at.bucket, S3Transport::list_query(prefix, carry.token), "");
        step.next = std::move(fresh.next);
        step.carry = std::move(carry);
        return step;
    }
    std::sort(carry.names.begin(), carry.names.end());
    carry.names.erase(std::unique(carry.names.begin(), carry.names.end()), carry.names.end());
    step.answer = joined(carry.names);
    return step;
}

}  // namespace

S3Step s3_step(const S3Location& at, const sync::TransportRequest& request, const std::vector<HttpResponse>& answers,
               const std::optional<sync::s3::Credentials>& writer, sync::UtcTime now, const S3ListCarry* carry) {
    if (request.kind == sync::TransportRequest::Kind::list)
        return list_step(at, request.path, answers, now, carry ? *carry : S3ListCarry{});
    ReplayClient client(answers);
    const bool put = request.kind == sync::TransportRequest::Kind::put;
    S3Transport store(at, client, put ? writer : std::nullopt, [now] { return now; });
    S3Step step;
    switch (request.kind) {
        case sync::TransportRequest::Kind::list: break;  // above
        case sync::TransportRequest::Kind::get: step.answer = store.get(request.path); break;
        case sync::TransportRequest::Kind::put: {
            auto s = store.put_new(request.path, request.body);
            if (s) step.answer = std::string();
            else step.answer = s.error();
            break;
        }
    }
    step.date = store.exchange_time();
    if (client.next) {
        step.next = std::move(client.next);
        step.next->body.clear();  // the host sends the request's own body
    }
    return step;
}

std::string s3_step_json(std::string_view in, const std::optional<sync::s3::Credentials>& writer, sync::UtcTime now) {
    using nlohmann::json;
    const json j = json::parse(in.begin(), in.end(), nullptr, false);
    const json* req = j.is_object() && j.contains("request") && j["request"].is_object() ? &j["request"] : nullptr;
    sync::TransportRequest r;
    std::string kind;
    if (req) {
        kind = req->value("kind", "");
        r.path = req->value("path", "");
    }
    auto answer_json = [&](const Result<std::string>& a, const std::optional<sync::UtcTime>& date) {
        json out = {{"kind", kind}, {"path", r.path}, {"ok", a.ok()}};
        if (a) {
            out["data"] = *a;
        } else {
            out["code"] = a.error().code;
            // As sync.js says it: the transport's detail ("HTTP 403 AccessDenied (put …)"), else the path.
            std::string detail, path;
            for (const auto& [name, value] : a.error().args) {
                if (name == "detail") detail = value;
                if (name == "path") path = value;
            }
            out["detail"] = !detail.empty() ? detail : !path.empty() ? path : a.error().detail;
        }
        if (date) out["date"] = sync::format_utc(*date);
        return json{{"answer", out}}.dump();
    };
    if (!req) return answer_json(bad_input("not a request"), std::nullopt);
    if (kind == "list") r.kind = sync::TransportRequest::Kind::list;
    else if (kind == "get") r.kind = sync::TransportRequest::Kind::get;
    else if (kind == "put") r.kind = sync::TransportRequest::Kind::put;
    else return answer_json(bad_input("unknown request kind"), std::nullopt);
    if (r.kind == sync::TransportRequest::Kind::put) {
        if (req->contains("body64") && (*req)["body64"].is_string()) {
            const std::string b64 = (*req)["body64"].get<std::string>();
            r.body.assign(b64.size(), '\0');
            std::size_t n = 0;
            crypto::init();
            if (sodium_base642bin(reinterpret_cast<unsigned char*>(r.body.data()), r.body.size(), b64.data(), b64.size(),
                                  nullptr, &n, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
                return answer_json(bad_input("body64 is not base64"), std::nullopt);
            r.body.resize(n);
        } else if (req->contains("body") && (*req)["body"].is_string()) {
            r.body = (*req)["body"].get<std::string>();
        } else {
            return answer_json(bad_input("a put without a body"), std::nullopt);
        }
    }
    auto at = parse_s3_url(j.value("exchange", ""));
    if (!at) return answer_json(at.error(), std::nullopt);
    std::vector<HttpResponse> answers;
    if (j.contains("answers") && j["answers"].is_array())
        for (const auto& a : j["answers"]) {
            if (!a.is_object()) return answer_json(bad_input("an answer is not an object"), std::nullopt);
            HttpResponse h;
            h.status = a.value("status", 0);
            h.body = a.value("body", "");
            h.error = a.value("error", "");
            if (h.status == 0 && h.error.empty()) h.error = "no answer";
            if (const std::string date = a.value("date", ""); !date.empty()) h.headers.emplace_back("Date", date);
            answers.push_back(std::move(h));
        }
    std::optional<S3ListCarry> carry;
    if (j.contains("carry") && j["carry"].is_object()) {
        const json& c = j["carry"];
        carry.emplace();
        carry->token = c.value("token", "");
        if (c.contains("names") && c["names"].is_array())
            for (const auto& n : c["names"])
                if (n.is_string()) carry->names.push_back(n.get<std::string>());
        if (c.contains("date") && c["date"].is_number_integer()) carry->date = c["date"].get<sync::UtcTime>();
    }
    S3Step step = s3_step(*at, r, answers, writer, now, carry ? &*carry : nullptr);
    if (!step.next) return answer_json(step.answer, step.date);
    json headers = json::array();
    for (const auto& [name, value] : step.next->headers) headers.push_back({name, value});
    json out = {{"http", {{"method", step.next->method}, {"url", step.next->url}, {"headers", headers}}}};
    if (step.carry) {
        out["carry"] = {{"names", step.carry->names}, {"token", step.carry->token}};
        if (step.carry->date) out["carry"]["date"] = *step.carry->date;
    }
    return out.dump();
}

}  // namespace vsys
