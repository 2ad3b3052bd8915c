// libFuzzer target: an S3 store's answers as the exchange reads them (platform/s3_listing.hpp):
// ListObjectsV2's ListBucketResult and an <Error>'s <Code>, through the strict XML reader.
// Properties: an accepted page names no empty key and a truncated page carries its continuation
// token (the reader would otherwise list the same page forever); refusals are s3.* codes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "platform/s3_listing.hpp"

using namespace vsys;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    auto page = s3::parse_list_page(xml);
    if (page) {
        for (const auto& o : page->objects) VSYS_FUZZ_CHECK(!o.key.empty());
        if (page->truncated) VSYS_FUZZ_CHECK(!page->next_token.empty());
    } else {
        VSYS_FUZZ_CHECK(page.error().code.rfind("s3.", 0) == 0);
    }
    (void)s3::error_code(xml);
    return 0;
}
