// libFuzzer target: a pack as a reader gets it from the exchange (sync/pack.hpp: the archive, the
// signed manifest, the packer's certificate chain, the bundle entries). Property: a pack is
// trusted for delivery only, so whatever it holds, every bundle open_pack hands over hashes to
// its own file name, and its faults are the protocol's pack.* codes. The same bytes are also read
// as a pack's gzip twin (.pack.gz, which `vsys verify` and `mirror` unpack), never past its limit. Seeds are packs of the test
// deployment's ward 131016 (fuzz_seeds), opened under the name their bytes hash to.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "sync/crypto.hpp"
#include "sync/pack.hpp"
#include "sync/pack_twin.hpp"

using namespace vsys;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto& w = fuzz::world();
    const sync::PackName name = fuzz::seed_pack_name(crypto::blake2b_256_hex(bytes));
    const auto opened = sync::open_pack(bytes, name, w.root.public_hex, w.rel, w.trust.spent, nullptr);
    for (const auto& [path, body] : opened.bundles) {
        std::uint64_t seq = 0;
        std::string hash;
        VSYS_FUZZ_CHECK(sync::parse_bundle_name(path.substr(path.rfind('/') + 1), seq, hash));
        VSYS_FUZZ_CHECK(hash == crypto::blake2b_256_hex(body));
    }
    for (const auto& e : opened.faults) VSYS_FUZZ_CHECK(e.code.rfind("pack.", 0) == 0);
    constexpr std::size_t k_limit = 1u << 20;
    if (auto plain = sync::gunzip_pack_twin(bytes, k_limit)) VSYS_FUZZ_CHECK(plain->size() <= k_limit);
    return 0;
}
