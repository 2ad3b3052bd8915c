#include "core/documents/document.hpp"

#include <string_view>

#include "core/base/input.hpp"
#include "core/base/utc_text.hpp"

namespace vsys {

namespace {

Error malformed(const char* field, const char* detail) {
    return Error{"document.malformed", std::string(field) + ": " + detail, {{"field", field}}};
}

constexpr std::string_view k_members[] = {"owner", "kind", "id", "version", "replaces", "author",
                                          "time",  "body", "proxy", "hash"};

}  // namespace

nlohmann::json to_json(const DocumentVersion& d) {
    nlohmann::json j = {{"owner", d.owner}, {"kind", d.kind},     {"id", d.id},
                        {"version", d.version}, {"replaces", d.replaces}, {"author", d.author},
                        {"time", d.time},   {"body", d.body}};
    if (d.proxy) j["proxy"] = true;
    if (!d.hash.empty()) j["hash"] = d.hash;
    return j;
}

Result<DocumentVersion> document_from_json(const nlohmann::json& j) {
    if (!j.is_object()) return malformed("document", "a document must be a JSON object");
    // An unknown member is named, not left to surface later as a hash that does not match.
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool known = false;
        for (auto m : k_members) known = known || it.key() == m;
        if (!known)
            return Error{"document.unknown_member", "a document has an unknown member: " + input::excerpt(it.key()),
                         {{"member", input::excerpt(it.key())}}};
    }
    DocumentVersion d;
    struct Text {
        const char* name;
        std::string* out;
        bool required, nonempty;
    };
    for (const Text& f : {Text{"owner", &d.owner, true, true}, Text{"kind", &d.kind, true, true},
                          Text{"id", &d.id, true, false}, Text{"replaces", &d.replaces, true, false},
                          Text{"author", &d.author, true, false}, Text{"time", &d.time, true, false},
                          Text{"hash", &d.hash, false, false}}) {
        auto it = j.find(f.name);
        if (it == j.end()) {
            if (f.required) return malformed(f.name, "missing");
            continue;
        }
        if (!it->is_string()) return malformed(f.name, "must be a string");
        *f.out = it->get<std::string>();
        if (f.nonempty && f.out->empty()) return malformed(f.name, "must not be empty");
    }
    if (!utc_seconds(d.time)) return malformed("time", "must be an ISO 8601 UTC time YYYY-MM-DDTHH:MM:SSZ");
    auto v = j.find("version");
    if (v == j.end() || !v->is_number_unsigned() || v->get<std::uint64_t>() == 0)
        return malformed("version", "must be a positive integer");
    d.version = v->get<std::uint64_t>();
    if (auto p = j.find("proxy"); p != j.end()) {
        // Present only when true (PROTOCOL section 2), so every version has one encoding.
        if (!p->is_boolean() || !p->get<bool>()) return malformed("proxy", "present only as true");
        d.proxy = true;
    }
    auto b = j.find("body");
    if (b == j.end() || !b->is_object()) return malformed("body", "must be a JSON object");
    d.body = *b;
    return d;
}

}  // namespace vsys
