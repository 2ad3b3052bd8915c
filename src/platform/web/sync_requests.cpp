#include "platform/web/sync_requests.hpp"

#include <nlohmann/json.hpp>

#include "core/base/text.hpp"
#include "sync/crypto.hpp"

namespace vsys::web {

std::string sync_requests_json(const std::vector<sync::TransportRequest>& requests) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& r : requests) {
        nlohmann::json e = {{"kind", sync::request_kind_name(r.kind)}, {"path", r.path}};
        if (r.kind == sync::TransportRequest::Kind::put) {
            if (text::valid_utf8(r.body)) e["body"] = r.body;
            else e["body64"] = crypto::to_base64(r.body);
        }
        j.push_back(std::move(e));
    }
    return j.dump();
}

}  // namespace vsys::web
