// Writes the seed corpora of the fuzz targets: `fuzz_seeds DIR` fills DIR/<target>/ with valid
// inputs made by the product's own functions from the test deployment (fuzz_support.hpp):
// bundles a reader accepts or refuses for their content, bundle files as the app exports them,
// canonical documents and certificates, and claims and allocation problems from the examples of
// docs/CLAIMS.md, docs/ALLOCATION.md and the unit tests, packs and sealed bodies. The S3 listing
// target's seeds are hand-written (tests/fuzz/seeds/s3_listing/). tools/fuzz runs it before fuzzing; the
// hand-written seeds in tests/fuzz/seeds/ are used beside these.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/claims/claims_json.hpp"
#include "fuzz_support.hpp"
#include "sync/canonical.hpp"
#include "sync/crypto.hpp"
#include "sync/sealed_body.hpp"

using namespace vsys;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

int written = 0;

void put(const fs::path& dir, const std::string& target, const std::string& name, const std::string& bytes) {
    fs::create_directories(dir / target);
    std::ofstream(dir / target / name, std::ios::binary) << bytes;
    ++written;
}

const char* k_claim = R"({"site": "0110113719", "site_municipality": "011002", "month": "2022-01",
  "lines": [{"municipality": "011002", "form": "new", "category": 2, "normal": 100, "outside_hours": 10,
             "holiday": 5, "pre_exam_only": 0, "under_6": 0}]})";

const char* k_problem = R"({"total": 10, "children": [{"id": "北海道", "weight": 5188},
  {"id": "青森県", "weight": 1237, "cap": 2}, {"id": "東京都", "weight": 14047, "fixed": 4}]})";

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds DIR\n");
        return 2;
    }
    const fs::path dir = argv[1];
    for (const auto& [name, file] : fuzz::seed_bundles()) {
        // What the baseline reader makes of it, so a seed that stopped reaching its check shows.
        const auto v = fuzz::verify_and_commit(file.bytes, file.name);
        std::printf("bundle %-28s %s\n", name.c_str(), v.accepted() ? "accepted" : v.error.code.c_str());
        put(dir, "bundle", name + ".json", file.bytes);
        put(dir, "bundle_resign", name + ".json", file.bytes);
        put(dir, "canonical", "bundle-" + name + ".json", file.bytes);
        // Each document and certificate alone, as canonical JSON.
        const json j = json::parse(file.bytes);
        int i = 0;
        for (const auto& d : j["docs"]) put(dir, "canonical", name + "-doc" + std::to_string(i++) + ".json", *sync::canonical(d));
        for (const auto& c : j["chain"]) put(dir, "canonical", name + "-cert" + std::to_string(i++) + ".json", *sync::canonical(c));
    }
    for (const auto& [name, bytes] : fuzz::seed_archives()) {
        const auto& w = fuzz::world();
        sync::SyncState state;
        sync::TrustState trust = w.trust;
        DocumentStore store = w.store;
        auto rep = sync::import_archive(bytes, w.rel, state, trust, store);
        std::printf("archive %-27s %s", name.c_str(), rep ? "" : rep.error().code.c_str());
        if (rep) {
            std::printf("%zu accepted", rep->accepted.size());
            for (const auto& r : rep->rejected) std::printf(", %s", r.error.code.c_str());
        }
        std::printf("\n");
        put(dir, "archive", name + ".vsysbundle", bytes);
    }

    // Claims: the example of docs/CLAIMS.md and variations of every field the reader knows.
    const json claim = json::parse(k_claim);
    put(dir, "claim", "example.json", claim.dump(2));
    int n = 0;
    for (const char* form : {"old", "new", "additional"})
        for (int category : {1, 2}) {
            json c = claim;
            c["lines"][0]["form"] = form;
            c["lines"][0]["category"] = category;
            c["lines"][0]["under_6"] = n;
            put(dir, "claim", "form-" + std::to_string(n++) + ".json", c.dump());
        }
    {
        json c = claim;
        c["schema"] = k_claim_schema;
        c["today"] = "2022-01-15";
        c["commissioned"] = {"011002"};
        json other = c["lines"][0];
        other["municipality"] = "131016";
        other["pre_exam_only"] = 3;
        c["lines"].push_back(other);
        put(dir, "claim", "request-two-lines.json", c.dump());
        auto req = claim_request_from_json(c);
        if (req) put(dir, "claim", "round-trip.json", to_json(req->claim).dump());
    }

    // Allocation problems: the example of docs/ALLOCATION.md under each method and option.
    const json problem = json::parse(k_problem);
    put(dir, "allocation", "example.json", problem.dump(2));
    for (const char* method : {"hamilton", "dhondt", "sainte_lague", "adams", "dean", "huntington_hill"})
        for (bool by_weight : {false, true}) {
            json p = problem;
            p["method"] = method;
            if (by_weight) p["cap_by_weight"] = true;
            put(dir, "allocation", std::string(method) + (by_weight ? "-by-weight" : "") + ".json", p.dump());
        }
    {
        json p2 = problem;
        p2["total"] = 7;
        json t = {{"tranches", {problem, p2}}, {"combined_caps", {{"北海道", 6}}}};
        put(dir, "allocation", "tranches.json", t.dump());
        put(dir, "allocation", "jsonl.txt", problem.dump() + "\n\n" + p2.dump() + "\n[1]\n");
    }
    // Packs of ward 131016 (also as their gzip twins), and sealed reservation lists.
    for (const auto& [name, bytes] : fuzz::seed_packs()) {
        const auto& w = fuzz::world();
        const auto opened = sync::open_pack(bytes, fuzz::seed_pack_name(crypto::blake2b_256_hex(bytes)), w.root.public_hex,
                                            w.rel, w.trust.spent, nullptr);
        std::printf("pack %-30s %zu bundles, %s\n", name.c_str(), opened.bundles.size(),
                    opened.faults.empty() ? "sound" : opened.faults.front().code.c_str());
        put(dir, "pack", name + ".pack", bytes);
        if (auto gz = sync::pack_gzip(bytes); !gz.empty()) put(dir, "pack", name + ".pack.gz", gz);
    }
    for (const auto& [name, text] : fuzz::seed_sealed_bodies()) {
        const auto opened = sync::open_body(fuzz::sealed_seed_version(json::parse(text)), fuzz::sealed_recipient_keys());
        std::printf("sealed_body %-23s %s\n", name.c_str(), opened ? "opens" : opened.error().code.c_str());
        put(dir, "sealed_body", name + ".json", text);
    }
    std::printf("fuzz_seeds: %d files in %s\n", written, dir.c_str());
    return 0;
}
