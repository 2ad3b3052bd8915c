#include "app/base/storage_failure.hpp"

#include <string>

namespace vsys {

Error storage_failure(std::string_view detail) {
    std::string d(detail);
    const bool full = d.find("QuotaExceeded") != std::string::npos;
    return Error{full ? "storage.full" : "storage.write", d, {{"detail", d}}};
}

}  // namespace vsys
