// libFuzzer target: the canonical JSON codec (sync/canonical.hpp) and the document form read
// from it. Properties: canonical text re-encodes to itself; whatever parse_strict accepts
// encodes (when it encodes) to text that parse_canonical accepts and that encodes the same
// value again; a document's hash is stable.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/documents/document.hpp"
#include "fuzz_support.hpp"
#include "sync/canonical.hpp"

using namespace vsys;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto c = sync::parse_canonical(text)) {
        auto again = sync::canonical(*c);
        VSYS_FUZZ_CHECK(again.ok() && *again == text);
    }
    auto j = sync::parse_strict(text);
    if (!j) return 0;
    auto encoded = sync::canonical(*j);
    if (!encoded) return 0;
    auto back = sync::parse_canonical(*encoded);
    VSYS_FUZZ_CHECK(back.ok() && *back == *j);
    if (auto d = document_from_json(*j)) {
        auto h1 = sync::version_hash(*d), h2 = sync::version_hash(*d);
        VSYS_FUZZ_CHECK(h1.ok() == h2.ok() && (!h1.ok() || *h1 == *h2));
        if (h1.ok()) {
            sync::seal(*d);
            VSYS_FUZZ_CHECK(sync::hash_matches(*d));
        }
    }
    return 0;
}
