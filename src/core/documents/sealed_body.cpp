#include "core/documents/sealed_body.hpp"

#include <algorithm>

namespace vsys {
namespace {

Error invalid(const std::string& member) {
    return Error{"document.invalid_body", "the sealed body is malformed", {{"member", "sealed." + member}}};
}

bool base64_text(const nlohmann::json& j) {
    if (!j.is_string()) return false;
    const auto& s = j.get_ref<const std::string&>();
    if (s.empty() || s.size() % 4 != 0) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
               c == '=';
    });
}

bool public_key_hex(const std::string& s) {
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

bool is_sealed_body(const nlohmann::json& body) {
    return body.is_object() && body.size() == 1 && body.contains(k_sealed_member);
}

Status validate_sealed_body(const nlohmann::json& body) {
    if (!is_sealed_body(body)) return invalid("");
    const nlohmann::json& e = body[k_sealed_member];
    if (!e.is_object()) return invalid("");
    for (const auto& [name, value] : e.items())
        if (name != "schema" && name != "nonce" && name != "box" && name != "keys") return invalid(name);
    if (!e.contains("schema") || !e["schema"].is_number_integer() || e["schema"] != k_sealed_schema)
        return invalid("schema");
    if (!e.contains("nonce") || !base64_text(e["nonce"]) || e["nonce"].get_ref<const std::string&>().size() != 32)
        return invalid("nonce");
    if (!e.contains("box") || !base64_text(e["box"])) return invalid("box");
    if (!e.contains("keys") || !e["keys"].is_object() || e["keys"].empty() ||
        e["keys"].size() > k_max_sealed_recipients)
        return invalid("keys");
    for (const auto& [recipient, key] : e["keys"].items())
        if (!public_key_hex(recipient) || !base64_text(key)) return invalid("keys");
    return ok_status();
}

std::vector<std::string> sealed_recipients(const nlohmann::json& body) {
    std::vector<std::string> out;
    if (!validate_sealed_body(body)) return out;
    for (const auto& [recipient, key] : body[k_sealed_member]["keys"].items()) out.push_back(recipient);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace vsys
