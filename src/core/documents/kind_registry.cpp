#include "core/documents/kind_registry.hpp"

#include "core/base/input.hpp"
#include "core/documents/document_store.hpp"
#include "core/documents/sealed_body.hpp"

namespace vsys {
namespace {

std::string member_of(const Error& e) {
    for (const char* name : {"member", "field", "name"})
        for (const auto& [k, v] : e.args)
            if (k == name) return v;
    return e.code;
}

}  // namespace

void KindRegistry::add(KindSpec spec) {
    if (kinds_.count(spec.name)) {
        duplicates_.push_back(spec.name);
        return;
    }
    std::string name = spec.name;
    kinds_.emplace(std::move(name), std::move(spec));
}

const KindSpec* KindRegistry::find(std::string_view name) const {
    auto it = kinds_.find(name);
    return it == kinds_.end() ? nullptr : &it->second;
}

std::vector<const KindSpec*> KindRegistry::all() const {
    std::vector<const KindSpec*> out;
    for (const auto& [name, spec] : kinds_) out.push_back(&spec);
    return out;
}

Status validate_version(const KindRegistry& kinds, const DocumentVersion& v) {
    const KindSpec* spec = kinds.find(v.kind);
    const bool device_local = v.owner == "device";
    if (!spec || (device_local ? !spec->local : spec->owners.empty()))
        return Error{"document.kind_unregistered", "no feature registered this document kind",
                     {{"kind", v.kind}, {"key", v.key()}}};
    // Device-local records never leave the device; their shape is their feature's business.
    if (device_local || !spec->validate) return ok_status();
    if (!v.body.is_object())
        return Error{"document.invalid_body", "a member of the document's body is missing or malformed",
                     {{"key", v.key()}, {"kind", v.kind}, {"member", "body"}}};
    // A resolution names the heads it resolves beside the body proper (document_store.hpp).
    Status s = ok_status();
    if (v.body.contains(k_resolves_member)) {
        DocumentVersion plain = v;
        plain.body.erase(k_resolves_member);
        s = spec->sealed && is_sealed_body(plain.body) ? validate_sealed_body(plain.body) : spec->validate(plain);
    } else {
        s = spec->sealed && is_sealed_body(v.body) ? validate_sealed_body(v.body) : spec->validate(v);
    }
    if (!s)
        return Error{"document.invalid_body", "a member of the document's body is missing or malformed",
                     {{"key", v.key()}, {"kind", v.kind}, {"member", member_of(s.error())}, {"detail", s.error().code}}};
    return ok_status();
}

std::vector<std::string> kind_audience(const KindRegistry& kinds, const DocumentVersion& v, const OrgRelations& rel) {
    const KindSpec* spec = kinds.find(v.kind);
    if (!spec || !spec->audience) return {};
    return spec->audience(v, rel);
}

template <class Pred>
BodyReader& BodyReader::check(const char* member, bool required, Pred is_type) {
    known_.emplace_back(member);
    if (!bad_.empty()) return *this;
    auto it = body_.find(member);
    if (it == body_.end() ? required : !is_type(*it)) bad_ = member;
    return *this;
}

BodyReader& BodyReader::string(const char* member, bool required) {
    return check(member, required, [](const nlohmann::json& j) { return j.is_string(); });
}
BodyReader& BodyReader::boolean(const char* member, bool required) {
    return check(member, required, [](const nlohmann::json& j) { return j.is_boolean(); });
}
BodyReader& BodyReader::integer(const char* member, bool required) {
    return check(member, required, [](const nlohmann::json& j) { return j.is_number_integer(); });
}
BodyReader& BodyReader::array(const char* member, bool required) {
    return check(member, required, [](const nlohmann::json& j) { return j.is_array(); });
}

Status BodyReader::finish() {
    if (bad_.empty() && body_.is_object())
        for (auto it = body_.begin(); it != body_.end(); ++it) {
            bool known = false;
            for (const auto& k : known_) known = known || it.key() == k;
            if (!known) {
                bad_ = input::excerpt(it.key());
                break;
            }
        }
    if (bad_.empty()) return ok_status();
    return Error{"document.invalid_body", "a member of the document's body is missing or malformed", {{"member", bad_}}};
}

}  // namespace vsys
