// Reading a pack's gzip twin back (pack.hpp): what `vsys verify` and `vsys mirror` check before
// they count a `.pack.gz` as the same bytes as its pack. Kept out of pack.hpp, which the sync
// engine's header includes, since only the command-line checks need it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace vsys::sync {

// The bytes a gzip stream holds, refused (pack.gzip) when it is not one whole gzip stream or
// would exceed `max_bytes`.
Result<std::string> gunzip_pack_twin(std::string_view gz, std::size_t max_bytes);

}  // namespace vsys::sync
