// The S3 transport against a small in-memory S3 (ListObjectsV2 with prefix, delimiter and
// continuation tokens two keys at a time, GET, PUT honouring If-None-Match), and its strict
// reading of the store's XML. The real store (Ceph RGW) is exercised by tests/cli/s3.test.mjs.
//
// [SECTION] A fake S3 store and the browser's loop
// [SECTION] Reading the URL and the store's XML
// [SECTION] The S3 transport: listing, put_new, clock skew, offline
// [SECTION] The HTTP transport and its dates
// [SECTION] Browser steps, in C++ and through JSON
#include <doctest/doctest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "platform/s3_listing.hpp"
#include "platform/s3_steps.hpp"
#include "platform/transport_http.hpp"
#include "platform/transport_s3.hpp"

using namespace vsys;

// [SECTION] A fake S3 store and the browser's loop

namespace {

std::string decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '&' ? std::string("&amp;") : c == '<' ? std::string("&lt;") : std::string(1, c);
    return out;
}

// Bucket "vsys" on 127.0.0.1:7480; pages of two entries, so every listing of more pages is
// followed by its continuation token.
struct FakeS3 : HttpClient {
    std::map<std::string, std::string> objects;
    std::vector<HttpRequest> seen;
    bool down = false;
    bool check_time = false;  // refuse a signed time other than the store's own, as S3 does past 15 minutes

    HttpResponse perform(const HttpRequest& r) override {
        seen.push_back(r);
        HttpResponse a;
        if (down) {
            a.error = "Connection refused";
            return a;
        }
        a.headers.emplace_back("Date", "Sun, 06 Dec 2026 01:02:03 GMT");
        for (const auto& [n, v] : r.headers)
            if (check_time && n == "x-amz-date" && v != "20261206T010203Z") {
                a.status = 403;
                a.body = "<?xml version=\"1.0\"?><Error><Code>RequestTimeTooSkewed</Code></Error>";
                return a;
            }
        const std::string base = "http://127.0.0.1:7480/vsys";
        REQUIRE(r.url.rfind(base, 0) == 0);
        std::string rest = r.url.substr(base.size());
        std::map<std::string, std::string> q;
        if (auto mark = rest.find('?'); mark != std::string::npos) {
            std::string query = rest.substr(mark + 1);
            rest = rest.substr(0, mark);
            for (std::size_t start = 0; start <= query.size();) {
                auto amp = query.find('&', start);
                std::string pair = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
                auto eq = pair.find('=');
                q[decode(pair.substr(0, eq))] = decode(pair.substr(eq + 1));
                if (amp == std::string::npos) break;
                start = amp + 1;
            }
        }
        if (r.method == "GET" && rest.empty()) return list(q, a);
        const std::string key = decode(rest.substr(1));
        if (r.method == "GET") {
            auto it = objects.find(key);
            a.status = it == objects.end() ? 404 : 200;
            a.body = it == objects.end() ? "<Error><Code>NoSuchKey</Code></Error>" : it->second;
            return a;
        }
        if (r.method == "PUT") {
            bool if_none_match = false;
            for (const auto& [n, v] : r.headers) if_none_match |= n == "If-None-Match" && v == "*";
            REQUIRE(if_none_match);  // the transport must never send a PUT that could overwrite
            if (objects.count(key)) {
                a.status = 412;
                a.body = "<?xml version=\"1.0\"?><Error><Code>PreconditionFailed</Code></Error>";
                return a;
            }
            objects[key] = r.body;
            a.status = 200;
            return a;
        }
        a.status = 405;
        return a;
    }

    HttpResponse list(std::map<std::string, std::string>& q, HttpResponse& a) {
        const std::string prefix = q["prefix"], delimiter = q["delimiter"], token = q["continuation-token"];
        std::vector<std::pair<std::string, bool>> entries;  // (key or common prefix, is prefix)
        for (const auto& [key, body] : objects) {
            if (key.rfind(prefix, 0) != 0) continue;
            auto cut = delimiter.empty() ? std::string::npos : key.find(delimiter, prefix.size());
            std::pair<std::string, bool> e = cut == std::string::npos ? std::pair{key, false}
                                                                      : std::pair{key.substr(0, cut + 1), true};
            if (entries.empty() || entries.back() != e) entries.push_back(e);
        }
        std::size_t from = token.empty() ? 0 : std::stoul(token.substr(4));
        a.status = 200;
        a.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                 "<Name>vsys</Name><Prefix>" + xml_escape(prefix) + "</Prefix>";
        for (std::size_t i = from; i < entries.size() && i < from + 2; ++i)
            a.body += entries[i].second ? "<CommonPrefixes><Prefix>" + xml_escape(entries[i].first) + "</Prefix></CommonPrefixes>"
                                        : "<Contents><Key>" + xml_escape(entries[i].first) + "</Key><Size>" +
                                              std::to_string(objects[entries[i].first].size()) + "</Size></Contents>";
        const bool more = from + 2 < entries.size();
        a.body += std::string("<IsTruncated>") + (more ? "true" : "false") + "</IsTruncated>";
        if (more) a.body += "<NextContinuationToken>tok=" + std::to_string(from + 2) + "</NextContinuationToken>";
        a.body += "</ListBucketResult>";
        return a;
    }
};

S3Location local(std::string prefix = "") { return {"http", "127.0.0.1:7480", "vsys", std::move(prefix)}; }
sync::UtcTime fixed_now() { return 1796000000; }

// The browser's loop (sync.js) in C++: perform what a step names, with the request's own body
// for a PUT, and step again with every answer so far, until the step answers.
S3Step drive(FakeS3& store, const sync::TransportRequest& r, const std::optional<sync::s3::Credentials>& writer,
             std::size_t* requests = nullptr) {
    std::vector<HttpResponse> answers;
    std::optional<S3ListCarry> carry;
    std::size_t performed = 0;
    for (int i = 0; i < 20; ++i) {
        S3Step step = s3_step(local(), r, answers, writer, fixed_now(), carry ? &*carry : nullptr);
        if (!step.next) {
            if (requests) *requests = performed;
            return step;
        }
        if (step.carry) {  // a page was read: it is not replayed
            carry = step.carry;
            answers.clear();
        }
        HttpRequest http = *step.next;
        CHECK(http.body.empty());
        if (http.method == "PUT") http.body = r.body;
        answers.push_back(store.perform(http));
        ++performed;
    }
    FAIL("the steps never answer");
    return {};
}

bool has_header(const HttpRequest& r, std::string_view name) {
    for (const auto& h : r.headers)
        if (h.first == name) return true;
    return false;
}

}  // namespace

TEST_SUITE_BEGIN("sync");

// [SECTION] Reading the URL and the store's XML

TEST_CASE("an s3:// URL names host, bucket and prefix; plain HTTP only for the loopback") {
    auto a = parse_s3_url("s3://127.0.0.1:7480/vsys");
    REQUIRE(a);
    CHECK(a->scheme == "http");
    CHECK(a->host == "127.0.0.1:7480");
    CHECK(a->bucket == "vsys");
    CHECK(a->prefix == "");
    auto b = parse_s3_url("s3://objects.example.jp/vsys-prod/japan/2027/");
    REQUIRE(b);
    CHECK(b->scheme == "https");
    CHECK(b->prefix == "japan/2027/");
    for (const char* bad : {"s3://host", "s3:///vsys", "s3://host/AB", "s3://host/vsys/../x", "http://host/vsys", "s3://a b/vsys"})
        CHECK_MESSAGE(parse_s3_url(bad).error().code == "s3.url", bad);
}

TEST_CASE("a listing reads keys, sizes, common prefixes and the continuation token, with entities resolved") {
    auto page = s3::parse_list_page(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        "<Name>vsys</Name><Prefix>feeds/</Prefix><KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter>"
        "<IsTruncated>true</IsTruncated><Contents><Key>feeds/a&amp;b&#x2F;&lt;&#65;</Key><LastModified>2026-12-06T01:00:00.000Z"
        "</LastModified><ETag>&quot;764e&quot;</ETag><Size>1234</Size><StorageClass>STANDARD</StorageClass></Contents>"
        "<CommonPrefixes><Prefix>feeds/nation/</Prefix></CommonPrefixes><NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="
        "</NextContinuationToken></ListBucketResult>");
    REQUIRE(page);
    REQUIRE(page->objects.size() == 1);
    CHECK(page->objects[0].key == "feeds/a&b/<A");
    CHECK(page->objects[0].size == 1234);
    CHECK(page->prefixes == std::vector<std::string>{"feeds/nation/"});
    CHECK(page->truncated);
    CHECK(page->next_token == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
    CHECK(s3::error_code("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message></Message></Error>") ==
          "AccessDenied");
}

TEST_CASE("the store's XML is read strictly: comments, DTDs, unknown entities, stray tags and endless listings are refused") {
    for (const char* bad : {
             "<ListBucketResult><!-- x --></ListBucketResult>",
             "<!DOCTYPE x [<!ENTITY a \"b\">]><ListBucketResult></ListBucketResult>",
             "<ListBucketResult><Contents><Key>a&nbsp;</Key></Contents></ListBucketResult>",
             "<ListBucketResult><Contents><Key>a</Contents></Key></ListBucketResult>",
             "<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>",
             "<ListBucketResult><Contents><Key>a</Key><Size>-1</Size></Contents></ListBucketResult>",
             "<ListBucketResult></ListBucketResult><more/>",
             "<Error><Code>x</Code></Error>",
             "<ListBucketResult><![CDATA[x]]></ListBucketResult>",
         })
        CHECK_MESSAGE(s3::parse_list_page(bad).error().code == "s3.xml", bad);
}

// [SECTION] The S3 transport: listing, put_new, clock skew, offline

TEST_CASE("S3 list() follows continuation tokens and names folders and files of one folder without the prefix") {
    FakeS3 store;
    for (const char* key : {"dep/feeds/a/1.json", "dep/feeds/b/1.json", "dep/feeds/c/1.json", "dep/feeds/x.json",
                            "dep/feeds/.hidden", "dep/inbox/a/2026-12-06/p", "other/feeds/z/1.json"})
        store.objects[key] = "{}";
    S3Transport t(local("dep/"), store, std::nullopt, fixed_now);
    auto names = t.list("feeds");
    REQUIRE(names);
    CHECK(*names == std::vector<std::string>{"a", "b", "c", "x.json"});
    CHECK(store.seen.size() == 3);  // five entries, two a page
    auto top = t.list("");
    REQUIRE(top);
    CHECK(*top == std::vector<std::string>{"feeds", "inbox"});
    auto none = t.list("news");
    REQUIRE(none);
    CHECK(none->empty());
    auto all = t.all_files();
    REQUIRE(all);
    REQUIRE(all->size() == 5);
    CHECK(all->front().path == "feeds/a/1.json");
    CHECK(all->front().size == 2);
}

TEST_CASE("S3 put_new never overwrites: If-None-Match on every PUT, 412 is transport.exists and the bytes stay") {
    FakeS3 store;
    S3Transport t(local(), store, sync::s3::Credentials{"AK", "SK"}, fixed_now);
    REQUIRE(t.put_new("feeds/a/1.json", "first"));
    auto again = t.put_new("feeds/a/1.json", "second");
    REQUIRE_FALSE(again);
    CHECK(again.error().code == "transport.exists");
    CHECK(*t.get("feeds/a/1.json") == "first");
    CHECK(t.get("feeds/a/2.json").error().code == "transport.not_found");
    // Signed: an Authorization header naming the access key, and the body's hash.
    bool signed_put = false;
    for (const auto& [n, v] : store.seen.front().headers)
        signed_put |= n == "Authorization" && v.rfind("AWS4-HMAC-SHA256 Credential=AK/", 0) == 0;
    CHECK(signed_put);
    // The exchange's clock: the store's Date header.
    REQUIRE(t.exchange_time());
    CHECK(sync::format_utc(*t.exchange_time()) == "2026-12-06T01:02:03Z");
}

TEST_CASE("a device clock the store refuses (RequestTimeTooSkewed) is corrected once from the store's Date") {
    FakeS3 store;
    store.check_time = true;
    S3Transport t(local(), store, sync::s3::Credentials{"AK", "SK"}, fixed_now);  // days before the store's time
    REQUIRE(t.put_new("feeds/a/1.json", "x"));
    CHECK(store.seen.size() == 2);  // refused once, then signed with the store's time
    REQUIRE(t.put_new("feeds/a/2.json", "y"));
    CHECK(store.seen.size() == 3);  // the correction is kept
}

TEST_CASE("a PUT refused 403 for its key is transport.key_refused (the device fetches its key again); other refusals stay transport.failed") {
    using nlohmann::json;
    const json put = {{"exchange", "s3://127.0.0.1:7480/vsys"},
                      {"request", {{"kind", "put"}, {"path", "feeds/a/1.json"}, {"body", "x"}}}};
    auto answer = [&](int status, const std::string& code) {
        json p = put;
        p["answers"] = json::array({json{{"status", status}, {"body", "<?xml version=\"1.0\"?><Error><Code>" + code + "</Code></Error>"}}});
        return json::parse(s3_step_json(p.dump(), sync::s3::Credentials{"AKOLD", "SK"}, fixed_now()))["answer"];
    };
    for (const char* code : {"InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "UserSuspended"}) {
        auto a = answer(403, code);
        CHECK_MESSAGE(a["code"] == sync::k_transport_key_refused, code);
        CHECK(a["detail"] == std::string("HTTP 403 ") + code + " (put feeds/a/1.json)");
    }
    CHECK(answer(403, "QuotaExceeded")["code"] == "transport.failed");
    CHECK(answer(500, "AccessDenied")["code"] == "transport.failed");
}

TEST_CASE("S3 without credentials sends no Authorization; a store that cannot be reached is transport.offline") {
    FakeS3 store;
    store.objects["deployment.json"] = "{}";
    S3Transport t(local(), store, std::nullopt, fixed_now);
    REQUIRE(t.get("deployment.json"));
    for (const auto& [n, v] : store.seen.front().headers) CHECK(n != "Authorization");
    store.down = true;
    CHECK(t.get("deployment.json").error().code == "transport.offline");
    CHECK(t.list("feeds").error().code == "transport.offline");
}

// [SECTION] The HTTP transport and its dates

TEST_CASE("HTTP transport: nginx's JSON listings name folders and files, 404 is an empty folder, 409 is transport.exists") {
    struct FakeNginx : HttpClient {
        HttpResponse perform(const HttpRequest& r) override {
            HttpResponse a;
            a.headers.emplace_back("Date", "Sun, 06 Dec 2026 01:02:03 GMT");
            if (r.url == "http://127.0.0.1:8081/feeds/") {
                a.status = 200;
                a.body = R"([{"name":"nation","type":"directory","mtime":"x"},{"name":"a.json","type":"file","mtime":"x","size":7}])";
            } else if (r.url == "http://127.0.0.1:8081/feeds/nation/") {
                a.status = 200;
                a.body = R"([{"name":"1.json","type":"file","mtime":"x","size":3}])";
            } else if (r.method == "PUT") {
                a.status = r.url.find("taken") != std::string::npos ? 409 : 201;
            } else {
                a.status = 404;
            }
            return a;
        }
    } nginx;
    HttpTransport t("http://127.0.0.1:8081", nginx);
    CHECK(*t.list("feeds") == std::vector<std::string>{"a.json", "nation"});
    CHECK(t.list("inbox")->empty());
    REQUIRE(t.put_new("feeds/nation/2.json", "{}"));
    CHECK(t.put_new("feeds/nation/taken.json", "{}").error().code == "transport.exists");
    CHECK(t.get("feeds/none.json").error().code == "transport.not_found");
    REQUIRE(t.exchange_time());
    CHECK(sync::format_utc(*t.exchange_time()) == "2026-12-06T01:02:03Z");
}

TEST_CASE("an HTTP date is read only in its fixed form") {
    CHECK(sync::format_utc(*parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT")) == "1994-11-06T08:49:37Z");
    CHECK_FALSE(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"));
    CHECK_FALSE(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"));
    CHECK_FALSE(parse_http_date(""));
}

// [SECTION] Browser steps, in C++ and through JSON

TEST_CASE("browser steps: a listing of three pages is asked page by page, anonymously, and answered as names") {
    FakeS3 store;
    for (const char* key : {"feeds/a/1.json", "feeds/b/1.json", "feeds/c/1.json", "feeds/x.json", "feeds/.hidden"})
        store.objects[key] = "{}";
    std::size_t requests = 0;
    S3Step step = drive(store, {sync::TransportRequest::Kind::list, "feeds", ""}, sync::s3::Credentials{"AK", "SK"}, &requests);
    REQUIRE(step.answer);
    CHECK(*step.answer == "a\nb\nc\nx.json");
    CHECK(requests == 3);
    for (const auto& r : store.seen) {
        CHECK(r.url.rfind("http://127.0.0.1:7480/vsys?", 0) == 0);
        CHECK_FALSE(has_header(r, "Authorization"));  // reads are simple requests: no preflight
    }
    CHECK(store.seen[1].url.find("continuation-token=tok%3D2") != std::string::npos);
    REQUIRE(step.date);
    CHECK(sync::format_utc(*step.date) == "2026-12-06T01:02:03Z");
    // A GET answers the bytes or transport.not_found; an empty folder is no names.
    store.objects["deployment.json"] = "{\"root\":1}";
    CHECK(*drive(store, {sync::TransportRequest::Kind::get, "deployment.json", ""}, std::nullopt).answer == "{\"root\":1}");
    CHECK(drive(store, {sync::TransportRequest::Kind::get, "none.json", ""}, std::nullopt).answer.error().code ==
          "transport.not_found");
    CHECK(drive(store, {sync::TransportRequest::Kind::list, "news", ""}, std::nullopt).answer.value().empty());
}

TEST_CASE("browser steps: a put is signed with the organisation's store key and If-None-Match; over an existing file it is transport.exists") {
    FakeS3 store;
    const sync::TransportRequest put{sync::TransportRequest::Kind::put, "feeds/a/1.json", "first"};
    REQUIRE(drive(store, put, sync::s3::Credentials{"AKORG", "SK"}).answer);
    CHECK(store.objects["feeds/a/1.json"] == "first");
    const HttpRequest& sent = store.seen.back();
    bool signed_put = false;
    for (const auto& [n, v] : sent.headers)
        signed_put |= n == "Authorization" && v.rfind("AWS4-HMAC-SHA256 Credential=AKORG/", 0) == 0;
    CHECK(signed_put);
    CHECK(has_header(sent, "If-None-Match"));
    CHECK(has_header(sent, "x-amz-content-sha256"));
    auto again = drive(store, {sync::TransportRequest::Kind::put, "feeds/a/1.json", "second"}, sync::s3::Credentials{"AKORG", "SK"});
    CHECK(again.answer.error().code == "transport.exists");
    CHECK(store.objects["feeds/a/1.json"] == "first");
    // Without a store key the put goes unsigned (the store refuses it).
    REQUIRE(drive(store, {sync::TransportRequest::Kind::put, "feeds/a/2.json", "x"}, std::nullopt).answer);
    CHECK_FALSE(has_header(store.seen.back(), "Authorization"));
    // A clock the store refuses: one more request, signed with the store's time.
    store.check_time = true;
    std::size_t requests = 0;
    REQUIRE(drive(store, {sync::TransportRequest::Kind::put, "feeds/a/3.json", "y"}, sync::s3::Credentials{"AKORG", "SK"}, &requests)
                .answer);
    CHECK(requests == 2);
    // A store that cannot be reached is transport.offline.
    store.down = true;
    CHECK(drive(store, {sync::TransportRequest::Kind::get, "feeds/a/1.json", ""}, std::nullopt).answer.error().code ==
          "transport.offline");
}

TEST_CASE("browser steps through JSON: the request to perform, then the answer in sync.js's shape") {
    using nlohmann::json;
    const json list = {{"exchange", "s3://127.0.0.1:7480/vsys/dep"}, {"request", {{"kind", "list"}, {"path", "inbox/nation"}}},
                       {"answers", json::array()}};
    auto first = json::parse(s3_step_json(list.dump(), std::nullopt, fixed_now()));
    REQUIRE(first.contains("http"));
    CHECK(first["http"]["method"] == "GET");
    CHECK(first["http"]["url"] == "http://127.0.0.1:7480/vsys?delimiter=%2F&list-type=2&prefix=dep%2Finbox%2Fnation%2F");
    json answered = list;
    answered["answers"].push_back({{"status", 200}, {"date", "Sun, 06 Dec 2026 01:02:03 GMT"},
                                   {"body", "<?xml version=\"1.0\"?><ListBucketResult><CommonPrefixes><Prefix>dep/inbox/nation/2026-12-06/"
                                            "</Prefix></CommonPrefixes><IsTruncated>false</IsTruncated></ListBucketResult>"}});
    auto done = json::parse(s3_step_json(answered.dump(), std::nullopt, fixed_now()));
    CHECK(done["answer"] == json{{"kind", "list"}, {"path", "inbox/nation"}, {"ok", true}, {"data", "2026-12-06"},
                                 {"date", "2026-12-06T01:02:03Z"}});
    // The store's XML is read strictly here, not by the page.
    answered["answers"][0]["body"] = "<ListBucketResult><!-- x --></ListBucketResult>";
    auto refused = json::parse(s3_step_json(answered.dump(), std::nullopt, fixed_now()));
    CHECK(refused["answer"]["ok"] == false);
    CHECK(refused["answer"]["code"] == "s3.xml");
    // A binary body (a pack's gzip twin) comes as base64 and is signed as its bytes.
    const json put = {{"exchange", "s3://127.0.0.1:7480/vsys"},
                      {"request", {{"kind", "put"}, {"path", "packs/nation/2026-12-06/x.pack.gz"}, {"body64", "H4sIAA=="}}}};
    auto p = json::parse(s3_step_json(put.dump(), sync::s3::Credentials{"AK", "SK"}, fixed_now()));
    REQUIRE(p.contains("http"));
    bool hashed = false;
    for (const auto& h : p["http"]["headers"])
        hashed |= h[0] == "x-amz-content-sha256" && h[1] == sync::s3::sha256_hex(std::string("\x1f\x8b\x08\x00", 4));
    CHECK(hashed);
    json put_done = put;
    put_done["answers"] = json::array({json{{"status", 412}, {"body", "<Error><Code>PreconditionFailed</Code></Error>"}}});
    CHECK(json::parse(s3_step_json(put_done.dump(), std::nullopt, fixed_now()))["answer"]["code"] == "transport.exists");
    put_done["answers"] = json::array({json{{"status", 0}, {"error", "Failed to fetch"}}});
    CHECK(json::parse(s3_step_json(put_done.dump(), std::nullopt, fixed_now()))["answer"]["code"] == "transport.offline");
    // A listing of two pages: the first page's names come back as the carry with the next request.
    const json paged = {{"exchange", "s3://127.0.0.1:7480/vsys"}, {"request", {{"kind", "list"}, {"path", "feeds"}}},
                        {"answers", json::array({json{{"status", 200}, {"date", "Sun, 06 Dec 2026 01:02:03 GMT"},
                                                      {"body", "<ListBucketResult><CommonPrefixes><Prefix>feeds/b/</Prefix></CommonPrefixes>"
                                                               "<IsTruncated>true</IsTruncated><NextContinuationToken>T2"
                                                               "</NextContinuationToken></ListBucketResult>"}}})}};
    auto next = json::parse(s3_step_json(paged.dump(), std::nullopt, fixed_now()));
    REQUIRE(next.contains("http"));
    CHECK(next["http"]["url"].get<std::string>().find("continuation-token=T2") != std::string::npos);
    CHECK(next["carry"]["names"] == json::array({"b"}));
    json second = paged;
    second["carry"] = next["carry"];
    second["answers"] = json::array({json{{"status", 200}, {"body", "<ListBucketResult><CommonPrefixes><Prefix>feeds/a/"
                                                                    "</Prefix></CommonPrefixes><IsTruncated>false"
                                                                    "</IsTruncated></ListBucketResult>"}}});
    auto all = json::parse(s3_step_json(second.dump(), std::nullopt, fixed_now()));
    CHECK(all["answer"]["data"] == "a\nb");
    CHECK(all["answer"]["date"] == "2026-12-06T01:02:03Z");  // carried from the first page
    // Anything else is refused, never guessed at.
    for (const char* bad : {"", "[]", "{\"request\":{\"kind\":\"delete\",\"path\":\"x\"},\"exchange\":\"s3://127.0.0.1:7480/vsys\"}",
                            "{\"request\":{\"kind\":\"get\",\"path\":\"x\"},\"exchange\":\"http://127.0.0.1/\"}"})
        CHECK_MESSAGE(json::parse(s3_step_json(bad, std::nullopt, fixed_now()))["answer"]["ok"] == false, bad);
}

TEST_SUITE_END();
