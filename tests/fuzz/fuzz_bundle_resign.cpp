// libFuzzer target: a bundle mutated, then signed again with the key of the device it names
// (the world's test keys), so that mutations get past the signature check and reach what it
// guards: certificate chains, the feed chain, document parsing and hashes, authority rules,
// locks and the store's batch checks. The input may be any JSON object without floats or
// duplicate keys; it is re-encoded canonically before it is signed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/documents/document.hpp"
#include "fuzz_support.hpp"
#include "sync/canonical.hpp"
#include "sync/crypto.hpp"

using namespace vsys;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = sync::parse_strict(text);
    if (!parsed || !parsed->is_object()) return 0;
    nlohmann::json j = std::move(*parsed);
    j.erase("sig");
    // Documents sealed again too, so that a changed body, owner or kind reaches the authority
    // and store checks instead of stopping at bundle.doc_hash; inputs of odd length keep the
    // hashes they have, so that check stays reachable.
    if (size % 2 == 0)
        if (auto docs = j.find("docs"); docs != j.end() && docs->is_array())
            for (auto& dj : *docs)
                if (auto d = document_from_json(dj); d && sync::seal(*d)) dj["hash"] = d->hash;
    auto unsigned_bytes = sync::canonical(j);
    if (!unsigned_bytes) return 0;
    const fuzz::FuzzWorld& w = fuzz::world();
    const auto device = j.find("device");
    const sync::KeyPair* key =
        device != j.end() && device->is_string() ? w.key_of_device(device->get_ref<const std::string&>()) : nullptr;
    if (!key) key = &w.dev.at("site:0110113719").key;
    j["sig"] = sync::sign(*key, std::string(sync::k_sign_bundle) + *unsigned_bytes);
    auto bytes = sync::canonical(j);
    if (!bytes) return 0;
    // Named as the exchange would name it: its own seq (1 where no name can carry it), its hash.
    const std::uint64_t seq = std::max<std::uint64_t>(fuzz::served_seq(j), 1);
    auto v = fuzz::verify_and_commit(*bytes, sync::bundle_file_name(seq, crypto::blake2b_256_hex(*bytes)));
    // VSYS_FUZZ_VERDICTS=1 with files as arguments: which checks the corpus reaches.
    static const bool verdicts = std::getenv("VSYS_FUZZ_VERDICTS") != nullptr;
    if (verdicts) std::fprintf(stderr, "verdict %s\n", v.accepted() ? "accepted" : v.error.code.c_str());
    // What the signature covers is cut from the file, not re-encoded: when the named device
    // signed it, a refusal for the signature means the cut text was not what was signed.
    if (v.error.code == "bundle.signature" && v.signer.key == key->public_hex && !v.signer.key.empty())
        VSYS_FUZZ_CHECK(v.error.detail != "the signature is not valid");
    return 0;
}
