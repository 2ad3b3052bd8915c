#include "core/document.hpp"

namespace vsys {

nlohmann::json to_json(const DocumentVersion& d) {
    nlohmann::json j = {{"owner", d.owner}, {"kind", d.kind},     {"id", d.id},
                        {"version", d.version}, {"replaces", d.replaces}, {"author", d.author},
                        {"time", d.time},   {"body", d.body}};
    if (d.proxy) j["proxy"] = true;
    if (!d.hash.empty()) j["hash"] = d.hash;
    return j;
}

Result<DocumentVersion> document_from_json(const nlohmann::json& j) {
    if (!j.is_object()) return Error{"document.malformed", "a document must be a JSON object"};
    DocumentVersion d;
    auto str = [&](const char* name, std::string& out, bool required) -> bool {
        auto it = j.find(name);
        if (it == j.end()) return !required;
        if (!it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    if (!str("owner", d.owner, true) || d.owner.empty() || !str("kind", d.kind, true) || d.kind.empty() ||
        !str("id", d.id, true) || !str("replaces", d.replaces, true) || !str("author", d.author, true) ||
        !str("time", d.time, true) || !str("hash", d.hash, false))
        return Error{"document.malformed", "a document field is missing or not a string"};
    auto v = j.find("version");
    if (v == j.end() || !v->is_number_unsigned() || v->get<std::uint64_t>() == 0)
        return Error{"document.malformed", "version must be a positive integer"};
    d.version = v->get<std::uint64_t>();
    if (auto p = j.find("proxy"); p != j.end()) {
        if (!p->is_boolean()) return Error{"document.malformed", "proxy must be a boolean"};
        d.proxy = p->get<bool>();
    }
    auto b = j.find("body");
    if (b == j.end() || !b->is_object()) return Error{"document.malformed", "body must be a JSON object"};
    d.body = *b;
    return d;
}

}  // namespace vsys
