// The demo deployment (ARCHITECTURE.md "Identity": the deployment `tools/serve` starts): the
// demo data set (core/demo/demo_data.hpp) published as signed feeds under a demo root, exactly as
// real devices would publish it, so every client verifies it like any other data.
//
// Everything is derived from the seed, so the same seed gives the same keys and codes:
// - the root key, and one "publisher" device per organisation, enrolled through the normal
//   chain (the nation's by the root, every other by its managing organisation's device);
// - for each account, `codes_per_account` further enrolment codes, left unclaimed, which a
//   browser uses to enrol a device of its own (demo_enrolment_code prints them);
// - the time is passed in: every certificate and bundle is signed at `now`.
// Feeds (in tree order, each organisation's documents split into bundles of ~bundle_bytes):
//   the managing organisation publishes each account it manages (kind "account") and its
//   enrolment certificates (kind "enrolment"); every organisation publishes its publisher
//   device (kind "device") and its master data: a site's or venue's "site_info" (site.hpp), a
//   municipality's "population" {"schema":1,"total","eligible","child"}; and, with
//   options.history, the demo world's history (rounds, claims, reservation lists; the lists
//   sealed to their municipality's and site's demo devices and unclaimed codes, PROTOCOL §2).
// Without site devices (options.site_devices = false), a site's or venue's "site_info" is
//   published by its municipality as a proxy version and the site has no feed yet.
// Each bundle gets its pointers (exchange.hpp); each unclaimed code gets its lookup file
// (directory.hpp). Demo keys are public knowledge: no real deployment may trust the demo root.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "core/base/calendar.hpp"
#include "core/base/result.hpp"
#include "sync/authority.hpp"
#include "sync/bundle.hpp"
#include "sync/identity.hpp"
#include "sync/keys.hpp"
#include "sync/transport.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

struct DemoExchangeOptions {
    UtcTime now = 0;
    std::string prefecture;                 // "" for the whole country, else e.g. "130001": the
                                            // nation, that prefecture's subtree, its federation, support
    std::uint32_t codes_per_account = 1;    // unclaimed codes per account, for browsers
    std::int64_t code_days = 365;           // claimable this long from `now`
    std::int64_t device_days = 3 * 365;     // devices they enrol are valid this long from `now`
    std::size_t bundle_bytes = 512u << 10;  // target size of a bundle (well under the 4 MiB limit)
    // false: sites and venues get no publisher device; their municipality publishes their
    // master data as proxy versions, and their feeds start when a browser enrols (a tenth of the
    // national exchange's size: see docs/PROTOCOL.md "The demo deployment").
    bool site_devices = true;
    // The demo world's history (core/demo/demo_history.hpp), each version in its writer's feed
    // (a site's own, or its municipality's as proxy versions without site devices), its rules
    // checked on `today` (the day in Japan of `now`, which the caller decides).
    bool history = true;
    Date today{2026, 1, 1};
};

struct DemoExchangeReport {
    std::string root_key;
    std::size_t organisations = 0, bundles = 0, documents = 0, pointers = 0, lookup_files = 0;
    std::size_t bytes = 0;  // of every file written
    std::size_t history = 0;  // documents of the demo world's history among `documents`
};

KeyPair demo_root_key(std::uint64_t seed);
KeyPair demo_device_key(std::uint64_t seed, std::string_view org);
// The n-th unclaimed demo code of an account (n from 1 to codes_per_account).
CodeSecret demo_code_secret(std::uint64_t seed, std::string_view vsys_id, std::uint32_t n);
std::string demo_enrolment_code(std::uint64_t seed, std::string_view vsys_id, std::uint32_t n);

// Signs the next bundle of `feed` at `now` and puts it on `out` straight away, then its pointers
// (exchange.hpp's pointer_folders, on the day of `now`), as the demo's devices publish; no
// outbox and no read-back (a real device's push: sync_once). Returns the bytes and pointers put.
struct PutBundle {
    std::size_t bytes = 0, pointers = 0;
};
Result<PutBundle> put_demo_bundle(Transport& out, const OrgRelations& rel, FeedWriter& feed, UtcTime now,
                                  const std::vector<DocumentVersion>& docs, const std::vector<std::string>& to);

// Writes the feeds, pointers and lookup files through `out` (put_new; a file that already
// exists is an error). The manifest (directory.hpp) is the caller's. Errors: demo.prefecture
// {code} (unknown prefecture), account.invalid, transport.*.
Result<DemoExchangeReport> write_demo_exchange(const DemoData& data, const Hierarchy& tree,
                                               const DemoExchangeOptions& options, Transport& out);

}  // namespace vsys::sync
