// libFuzzer target: a bundle file as the user imports it (archive.hpp), through the function
// the app's import_bundle command calls (SyncAgent::import_file → import_archive: decode, then
// replay every feed file in order, verify and commit) against a copy of the baseline reader.
// Each input is tried as it is (the trailer's checksum stops almost every mutation) and, when it
// ends with a trailer line, again with the checksum recomputed, so mutations reach the framing
// and the replay of the files inside.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "sync/archive.hpp"

using namespace vsys;

namespace {

void import(std::string_view bytes) {
    const fuzz::FuzzWorld& w = fuzz::world();
    sync::SyncState state;
    sync::TrustState trust = w.trust;
    DocumentStore store = w.store;
    const std::size_t before = store.size();
    auto rep = sync::import_archive(bytes, w.rel, state, trust, store);
    if (!rep) {
        // A file refused as a whole changes nothing.
        VSYS_FUZZ_CHECK(store.size() == before && trust.feeds.size() == w.trust.feeds.size());
        return;
    }
    VSYS_FUZZ_CHECK(rep->accepted.size() + rep->rejected.size() + rep->skipped <= rep->files);
    VSYS_FUZZ_CHECK(state.rejected.size() <= rep->rejected.size());
    if (rep->accepted.empty()) return;
    // Importing the same file again accepts nothing new.
    auto again = sync::import_archive(bytes, w.rel, state, trust, store);
    VSYS_FUZZ_CHECK(again.ok());
    VSYS_FUZZ_CHECK(again->accepted.empty());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    import(bytes);
    if (fuzz::fix_archive_checksum(bytes)) {
        auto files = sync::decode_archive(bytes);
        if (files) {
            // Decoding and encoding give back the same files.
            auto encoded = sync::encode_archive(*files);
            VSYS_FUZZ_CHECK(encoded.ok());
            auto back = sync::decode_archive(*encoded);
            VSYS_FUZZ_CHECK(back.ok() && back->size() == files->size());
            for (std::size_t i = 0; i < files->size(); ++i)
                VSYS_FUZZ_CHECK((*back)[i].path == (*files)[i].path && (*back)[i].bytes == (*files)[i].bytes);
        }
        import(bytes);
    }
    return 0;
}
