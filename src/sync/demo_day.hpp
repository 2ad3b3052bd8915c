// A day of the demo deployment (demo_exchange.hpp) after it was written: what its devices would
// put on the exchange between two of the nation's daily syncs, for the benchmarks of issue 16
// (the nation's daily sync in a browser against nginx) and for trying packs by hand.
// - publish_demo_day: every organisation with a demo device publishes one bundle, continuing its
//   feed (the next sequence number after the last bundle on the exchange, no certificate chain):
//   the nation a new round, each prefecture and municipality its allocations to its children,
//   each site a request, the chain's own documents so that every reader's checks accept them.
// - pack_demo_day: the municipalities' demo devices, then the prefectures', each sync once as a
//   new device of their organisation would, and pack their subtree's day for their parent
//   (docs/PROTOCOL.md §16), as those devices do in the evening.
// Both take the demo data set the deployment was written from (same seed) and the time of the
// day; the round of a day is "DEMO-<YYYY-MM-DD>" (one per day: a second call on the same day is
// refused by the feeds' readers as a duplicate document).
#pragma once

#include <cstddef>
#include <string>

#include "core/base/result.hpp"
#include "core/demo/demo_data.hpp"
#include "core/directory/hierarchy.hpp"
#include "sync/transport.hpp"
#include "sync/utc_time.hpp"

namespace vsys::sync {

struct DemoDayOptions {
    UtcTime now = 0;
    std::string prefecture;  // "" for the whole country, else as write_demo_exchange's option
};

struct DemoDayReport {
    std::size_t bundles = 0, documents = 0, pointers = 0, bytes = 0;
    // pack_demo_day: packs written, the requests and bundles the packers read, those refused.
    std::size_t packs = 0, packer_fetched = 0, packer_rejected = 0;
};

// Errors: demo.prefecture {code}, demo.feed {org} (an organisation's feed is not on the
// exchange: it was written without site devices or for another prefecture), transport.*.
Result<DemoDayReport> publish_demo_day(const DemoData& data, const Hierarchy& tree, const DemoDayOptions& options,
                                       Transport& exchange);
Result<DemoDayReport> pack_demo_day(const DemoData& data, const Hierarchy& tree, const DemoDayOptions& options,
                                    Transport& exchange);

}  // namespace vsys::sync
