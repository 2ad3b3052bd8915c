// libFuzzer target: one bundle file as it comes from the exchange, through verify_bundle (the
// reader's entry point: size, UTF-8, canonical JSON, file name, fields, certificates, signature,
// feed chain, documents, authority, locks) against the baseline reader, then commit() into a
// copy of that reader. Mutated files mostly stop at the signature; fuzz_bundle_resign goes
// past it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "sync/crypto.hpp"

using namespace vsys;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Under the name its content has (as the exchange serves it: its hash, and its own `seq`
    // where it holds one a name can carry), then with no name (a file whose name was lost): a
    // right name changes no verdict.
    std::uint64_t seq = 1;
    bool named_right = true;
    const auto j = nlohmann::json::parse(bytes, nullptr, false);
    if (j.is_object())
        if (auto s = j.find("seq"); s != j.end() && s->is_number_unsigned() && s->get<std::uint64_t>() > 0) {
            seq = s->get<std::uint64_t>();
            named_right = seq <= 9999999999ULL;  // ten digits
            if (!named_right) seq = 1;
        }
    const auto named = fuzz::verify_and_commit(bytes, sync::bundle_file_name(seq, crypto::blake2b_256_hex(bytes)));
    const auto unnamed = fuzz::verify_and_commit(bytes, "");
    if (!named_right) return 0;
    VSYS_FUZZ_CHECK(named.error.code == unnamed.error.code);
    VSYS_FUZZ_CHECK(named.accepted() == unnamed.accepted());
    return 0;
}
