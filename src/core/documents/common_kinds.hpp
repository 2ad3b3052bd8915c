// Document kinds that belong to no single feature folder yet:
//   settings  an organisation's settings, and the device's own (device/settings/main)
//   reserved for coming features (report, web_application, notice, approval): kinds the former
//   hand-kept list allowed, with no writer yet (stock, transfer and receipt gave way to the stock
//   feature's kinds, core/stock/kinds.hpp). They keep their
//   owners so that nothing that was accepted is refused; each moves to its feature's folder,
//   with a validate function, when that feature is written.
#pragma once

#include "core/documents/kind_registry.hpp"

namespace vsys {

void register_settings_kinds(KindRegistry& kinds);
void register_reserved_kinds(KindRegistry& kinds);

}  // namespace vsys
