// libFuzzer target: a sealed body as it arrives in a received document (sync/sealed_body.hpp):
// the envelope {"sealed":{box,keys,nonce,schema}} read strictly, each recipient's sealed box, the
// secretbox, and the document key inside compared with the version's. The input is the body as
// JSON text; it is opened with the keys of ward 131016's device and of site 0110113719's, the
// recipients of the seeds (fuzz_seeds). Properties: opening is deterministic, a body that opens
// never opens for a version of another document, and refusals are the documented codes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "sync/canonical.hpp"
#include "sync/sealed_body.hpp"

using namespace vsys;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto body = sync::parse_strict(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!body) return 0;
    const auto keys = fuzz::sealed_recipient_keys();
    DocumentVersion v = fuzz::sealed_seed_version(*body);
    auto first = sync::open_body(v, keys);
    auto again = sync::open_body(v, keys);
    VSYS_FUZZ_CHECK(first.ok() == again.ok());
    if (!first) {
        const std::string& c = first.error().code;
        VSYS_FUZZ_CHECK(c.rfind("sealed.", 0) == 0 || c == "document.invalid_body");
        return 0;
    }
    VSYS_FUZZ_CHECK(*first == *again);
    v.id += "x";  // the same envelope copied into another document
    VSYS_FUZZ_CHECK(!sync::open_body(v, keys).ok());
    return 0;
}
