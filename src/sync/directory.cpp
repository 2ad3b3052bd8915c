#include "sync/directory.hpp"

#include <nlohmann/json.hpp>

#include "sync/canonical.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {
namespace {

Error bad_manifest(const char* field) {
    return Error{"deployment.manifest", "deployment.json is not valid", {{"field", field}}};
}

Error bad_entry() { return Error{"deployment.enrolment_entry", "the enrolment lookup file is not valid"}; }

}  // namespace

std::string encode_manifest(const DeploymentManifest& m) {
    nlohmann::json j = {{"schema", 1}, {"root", m.root_key}, {"created", m.created}};
    if (m.demo)
        j["demo"] = {{"seed", m.seed}, {"sites", m.sites}, {"venues", m.venues}, {"prefecture", m.prefecture}};
    auto text = canonical(j);
    return text ? *text : std::string();
}

Result<DeploymentManifest> parse_manifest(std::string_view text) {
    auto parsed = parse_strict(text);
    if (!parsed || !parsed->is_object()) return bad_manifest("deployment");
    const auto& j = *parsed;
    DeploymentManifest m;
    auto schema = j.find("schema");
    if (schema == j.end() || !schema->is_number_unsigned() || schema->get<std::uint64_t>() != 1)
        return bad_manifest("schema");
    auto root = j.find("root"), created = j.find("created");
    if (root == j.end() || !root->is_string() || root->get<std::string>().size() != 64) return bad_manifest("root");
    if (created == j.end() || !created->is_string() || !parse_utc(created->get<std::string>()))
        return bad_manifest("created");
    m.root_key = root->get<std::string>();
    m.created = created->get<std::string>();
    if (auto d = j.find("demo"); d != j.end()) {
        if (!d->is_object()) return bad_manifest("demo");
        auto seed = d->find("seed"), sites = d->find("sites"), venues = d->find("venues"), pref = d->find("prefecture");
        if (seed == d->end() || !seed->is_number_unsigned()) return bad_manifest("seed");
        if (sites == d->end() || !sites->is_number_unsigned() || sites->get<std::uint64_t>() > 10'000'000)
            return bad_manifest("sites");
        if (venues == d->end() || !venues->is_number_unsigned() || venues->get<std::uint64_t>() > 10'000'000)
            return bad_manifest("venues");
        if (pref == d->end() || !pref->is_string()) return bad_manifest("prefecture");
        m.demo = true;
        m.seed = seed->get<std::uint64_t>();
        m.sites = static_cast<std::uint32_t>(sites->get<std::uint64_t>());
        m.venues = static_cast<std::uint32_t>(venues->get<std::uint64_t>());
        m.prefecture = pref->get<std::string>();
    }
    return m;
}

std::string enrolment_entry_path(std::string_view code_key) {
    return "directory/enrolment/" + std::string(code_key) + ".json";
}

std::string encode_enrolment_entry(const EnrolmentEntry& e) {
    auto chain = nlohmann::json::array();
    for (const auto& c : e.issuer_chain) chain.push_back(to_json(c));
    nlohmann::json j = {{"schema", 1}, {"enrolment", to_json(e.enrolment)}, {"chain", std::move(chain)}};
    auto text = canonical(j);
    return text ? *text : std::string();
}

Result<EnrolmentEntry> parse_enrolment_entry(std::string_view text) {
    auto parsed = parse_canonical(text);
    if (!parsed || !parsed->is_object() || parsed->size() != 3) return bad_entry();
    const auto& j = *parsed;
    auto schema = j.find("schema"), enrolment = j.find("enrolment"), chain = j.find("chain");
    if (schema == j.end() || !schema->is_number_unsigned() || schema->get<std::uint64_t>() != 1 ||
        enrolment == j.end() || chain == j.end() || !chain->is_array())
        return bad_entry();
    EnrolmentEntry e;
    auto cert = certificate_from_json(*enrolment);
    if (!cert) return cert.error();
    if (cert->type != "enrolment") return bad_entry();
    e.enrolment = std::move(*cert);
    for (const auto& c : *chain) {
        auto link = certificate_from_json(c);
        if (!link) return link.error();
        e.issuer_chain.push_back(std::move(*link));
    }
    return e;
}

Status check_enrolment_entry(const EnrolmentEntry& e, std::string_view root_key, const OrgRelations& rel,
                             std::unordered_set<std::string>* cache) {
    const Certificate& c = e.enrolment;
    const Error not_parent{"cert.issuer", "the key is not certified by its parent organisation", {{"org", c.org}}};
    if (!certificate_signature_ok(c))
        return Error{"cert.signature", "a certificate's signature is not valid", {{"account", c.account}}};
    Role role, org_role;
    if (!parse_role(c.role, role) || !role_of_org(c.org, org_role) || role != org_role)
        return Error{"cert.role", "the certificate's role does not match its organisation", {{"org", c.org}}};
    auto from = parse_utc(c.valid_from);
    if (!from) return Error{"cert.malformed", "bad validity dates", {{"field", "valid_from"}}};
    if (e.issuer_chain.empty()) {
        if (c.issuer != root_key || c.org != "nation") return not_parent;
        return ok_status();
    }
    auto issuer = verify_chain(e.issuer_chain, root_key, rel, *from, {}, cache);
    if (!issuer) return issuer.error();
    if (issuer->key != c.issuer || issuer->org != managing_org(rel, c.org)) return not_parent;
    return ok_status();
}

}  // namespace vsys::sync
