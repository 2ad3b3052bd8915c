// libFuzzer target: one bundle file as it comes from the exchange, through verify_bundle (the
// reader's entry point: size, UTF-8, canonical JSON, file name, fields, certificates, signature,
// feed chain, documents, authority, locks) against the baseline reader, then commit() into a
// copy of that reader. Mutated files mostly stop at the signature; fuzz_bundle_resign goes
// past it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "sync/crypto.hpp"

using namespace vsys;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // With no name (a file whose name was lost), then under the name its content has (as the
    // exchange serves it: its own `seq` and its hash; none where no name can carry the seq): a
    // right name changes no verdict.
    const auto unnamed = fuzz::verify_and_commit(bytes, "");
    const std::uint64_t seq = fuzz::served_seq(nlohmann::json::parse(bytes, nullptr, false));
    if (seq == 0) return 0;
    const auto named = fuzz::verify_and_commit(bytes, sync::bundle_file_name(seq, crypto::blake2b_256_hex(bytes)));
    VSYS_FUZZ_CHECK(named.error.code == unnamed.error.code);
    VSYS_FUZZ_CHECK(named.accepted() == unnamed.accepted());
    return 0;
}
