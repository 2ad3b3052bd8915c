// The answers of an S3 store that the exchange reads, parsed strictly: ListObjectsV2's
// ListBucketResult (keys with sizes, common prefixes, truncation and the continuation token) and
// an error's <Code>. The XML reader knows exactly what these answers use — a declaration,
// elements with attributes, text with the five named entities and numeric references — and
// refuses anything else (comments, CDATA, DTDs, unbalanced tags) as s3.xml {detail}, within
// limits on size and depth, so a hostile or broken store cannot make it guess.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace vsys::s3 {

struct ListedObject {
    std::string key;
    std::uint64_t size = 0;
};

struct ListPage {
    std::vector<ListedObject> objects;      // <Contents>
    std::vector<std::string> prefixes;      // <CommonPrefixes><Prefix>, ending in the delimiter
    bool truncated = false;                 // <IsTruncated>true
    std::string next_token;                 // <NextContinuationToken>, when truncated
};

Result<ListPage> parse_list_page(std::string_view xml);
// The <Code> of an <Error> answer ("PreconditionFailed", "AccessDenied"); "" when there is none.
std::string error_code(std::string_view xml);

}  // namespace vsys::s3
