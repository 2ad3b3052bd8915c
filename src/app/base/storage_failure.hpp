// A save the browser could not make durable (IndexedDB through IDBFS), as an error to show.
// A full quota has an error of its own: the user can do something about it (free space), and
// must know that what the page holds is not lost while it stays open: the next save that
// succeeds stores it too (IDBFS writes every file that differs from IndexedDB).
#pragma once

#include <string_view>

#include "core/base/result.hpp"

namespace vsys {

// storage.full {detail} when the browser reports its quota exceeded (DOMException
// QuotaExceededError, also as the cause of an aborted transaction), else storage.write {detail}.
Error storage_failure(std::string_view detail);

}  // namespace vsys
