// The S3 exchange for a host whose HTTP is asynchronous (the browser's fetch): the sync engine's
// requests (list a folder, get a file, put a new file; sync/pending_transport.hpp) are carried
// out by the native S3 transport itself (platform/transport_s3: ListObjectsV2 with continuation,
// If-None-Match: *, SigV4 signing, the strict XML reader), run against the HTTP answers the host
// has performed so far. Each step either names the next HTTP request to perform (method, URL,
// headers; a PUT's body is the request's own) or gives the final answer in the shape the engine
// takes from sync.js. The host is a dumb performer: it fetches what a step names and calls the
// step again with every answer so far; signing and XML parsing stay here.
// - Reads are anonymous (simple requests: no CORS preflight); only a PUT is signed, with the
//   organisation's store key when the device holds one (sync/store_credential.hpp), anonymous
//   otherwise (the store then refuses it: 403).
// - Steps are pure: the same answers give the same requests (only signatures carry `now`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http_client.hpp"
#include "platform/transport_s3.hpp"
#include "sync/pending_transport.hpp"
#include "sync/s3_sigv4.hpp"

namespace vsys {

// What a listing has read so far: its names and where the next page starts. A listing of many
// pages (1,000 names each) carries this from page to page instead of replaying its earlier
// pages, so each page is read once.
struct S3ListCarry {
    std::vector<std::string> names;
    std::string token;
    std::optional<sync::UtcTime> date;
};

struct S3Step {
    std::optional<HttpRequest> next;             // perform this, then step again with its answer added
    Result<std::string> answer = std::string();  // when `next` is empty; a listing as names, one per line
    std::optional<sync::UtcTime> date;           // the exchange's clock from the latest Date header
    // Set when a listing's page was read: step on with it and only the answers from now on.
    std::optional<S3ListCarry> carry;
};

S3Step s3_step(const S3Location& at, const sync::TransportRequest& request, const std::vector<HttpResponse>& answers,
               const std::optional<sync::s3::Credentials>& writer, sync::UtcTime now,
               const S3ListCarry* carry = nullptr);

// The same through JSON, as sync.js calls it:
//   in  {"exchange":"s3://…","request":{"kind","path","body"|"body64"},
//        "answers":[{"status":N,"date":"<Date header>","body":"…","error":"…"}], "carry":{…}?}
//   out {"http":{"method","url","headers":[[name,value]…]}, "carry":{…}?}: when "carry" comes
//        back the host keeps it, sends it with the next step and drops the answers it had
//    or {"answer":{"kind","path","ok":true,"data"} | {…,"ok":false,"code","detail"}, with "date"
//        (YYYY-MM-DDTHH:MM:SSZ) when the exchange sent one}
// Input that is not this shape answers transport.failed.
std::string s3_step_json(std::string_view in, const std::optional<sync::s3::Credentials>& writer, sync::UtcTime now);

}  // namespace vsys
