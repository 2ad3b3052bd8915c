// Reading the packs addressed to a reader (pack_read.hpp).
#include "sync/pack_read.hpp"

#include <algorithm>

#include "sync/crypto.hpp"

namespace vsys::sync {

Status read_packs(Transport& t, const OrgRelations& rel, std::string_view reader, const std::string& from_day,
                  SyncState& state, TrustState& trust, std::map<std::string, std::string>& delivered,
                  std::map<std::string, std::set<std::string>>& taken, SyncReport& rep, bool& pending) {
    const std::string folder = packs_folder(reader);
    auto days = t.list(folder);
    if (!days && days.error().code == k_transport_pending) {
        pending = true;
        return ok_status();
    }
    if (!days) return days.error();
    for (const auto& day : *days) {
        if (day < from_day) continue;
        auto names = t.list(folder + "/" + day);
        if (!names && names.error().code == k_transport_pending) {
            pending = true;
            continue;
        }
        if (!names) return names.error();
        const auto& already = state.packs_read[day];
        for (const auto& n : *names) {
            PackName pn;
            if (!parse_pack_name(n, pn) || already.count(n)) continue;
            const std::string path = folder + "/" + day + "/" + n;
            auto bytes = t.get(path);
            if (!bytes && bytes.error().code == k_transport_pending) {
                pending = true;
                continue;
            }
            if (!bytes && bytes.error().code == "transport.not_found") continue;
            if (!bytes && bytes.error().code == k_transport_released) {
                // Opened by an earlier pass of this run, which applied what it delivered (a
                // bundle it could not apply then is fetched on its own).
                taken[day].insert(n);
                continue;
            }
            if (!bytes) return bytes.error();
            // Exchanges write whole files (a rename into place, an object store's PUT), so other
            // bytes under a pack's name are not a pack: noted, and its bundles come one by one.
            OpenedPack opened;
            if (crypto::blake2b_256_hex(*bytes) != pn.hash)
                opened.faults.push_back(Error{"pack.hash", "the pack's bytes do not hash to its name"});
            else
                opened = open_pack(*bytes, pn, trust.root_key, rel, trust.spent, &trust.cert_cache);
            for (auto& e : opened.faults) {
                const bool known = std::any_of(state.pack_faults.begin(), state.pack_faults.end(), [&](const PackFault& f) {
                    return f.pack == path && f.error.code == e.code && f.error.args == e.args;
                });
                if (!known) state.pack_faults.push_back({path, pn.org + "/" + pn.device, std::move(e)});
            }
            for (auto& [p, b] : opened.bundles) delivered.emplace(p, std::move(b));
            bytes = std::string();
            t.release(path);
            taken[day].insert(n);
            ++rep.packs_read;
        }
    }
    return ok_status();
}

}  // namespace vsys::sync
