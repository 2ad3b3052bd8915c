// What a deployment keeps on its exchange outside the feeds (docs/PROTOCOL.md "Deployment
// files"): the manifest `deployment.json` and the enrolment lookup files
// `directory/enrolment/<code key>.json`. Both are public and trusted for nothing:
// - the manifest names the root key for tools and for the demo; a real client is configured
//   with the root key and refuses a manifest that names another (nothing on the exchange can
//   choose whom a client trusts);
// - a lookup file lets a new device that holds only a code (its key pair is derived from the
//   code) fetch the enrolment certificate and the issuer's chain it must extend; both are
//   signed, so the device checks them against its root before claiming.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/base/result.hpp"
#include "sync/authority.hpp"
#include "sync/certificate.hpp"

namespace vsys::sync {

inline constexpr const char* k_manifest_path = "deployment.json";

struct DeploymentManifest {
    std::string root_key;  // public key hex
    std::string created;   // ISO 8601 UTC
    // The demo deployment: the demo data set (core/demo/demo_data.hpp) its organisations come from.
    bool demo = false;
    std::uint64_t seed = 0;
    std::uint32_t sites = 0, venues = 0;
    std::string prefecture;  // "" for the whole country
};
// Canonical JSON {"created","demo":{"prefecture","seed","sites","venues"}?,"root","schema":1}.
std::string encode_manifest(const DeploymentManifest& m);
// Errors: deployment.manifest {field}.
Result<DeploymentManifest> parse_manifest(std::string_view text);

struct EnrolmentEntry {
    Certificate enrolment;
    std::vector<Certificate> issuer_chain;  // empty when the root issued it
};
std::string enrolment_entry_path(std::string_view code_key);  // "directory/enrolment/<key>.json"
// Canonical JSON {"chain":[…],"enrolment":{…},"schema":1}.
std::string encode_enrolment_entry(const EnrolmentEntry& e);
// Errors: deployment.enrolment_entry, cert.*.
Result<EnrolmentEntry> parse_enrolment_entry(std::string_view text);
// The entry's certificate is signed by its issuer, whose chain reaches `root_key` and belongs
// to the managing organisation of the account's organisation (the root for the nation).
// Errors: cert.* as verify_chain, enrolment.expired. `cache` as verify_chain's (may be null).
Status check_enrolment_entry(const EnrolmentEntry& e, std::string_view root_key, const OrgRelations& rel,
                             std::unordered_set<std::string>* cache = nullptr);

}  // namespace vsys::sync
