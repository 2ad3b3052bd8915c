// The training kiosk starts from the demo world's history (core/demo/demo_history.hpp): past
// rounds in every state, claims, reservation lists. They are not stored in the kiosk's
// IndexedDB: App::open regenerates them from the seed before it loads what trainees saved (whose
// versions may replace them), as versions received from elsewhere, so they are never "waiting
// to be sent" nor counted as a trainee's; kiosk_reset therefore returns to them.
#pragma once

#include <vector>

#include "core/documents/document.hpp"

namespace vsys {

class App;

// The kiosk's scope: the nation and 東京都, where the role switcher's sample accounts are (a
// national history would cost the browser ~40 MB of JSON and seconds to build; see
// docs/ARCHITECTURE.md "The demo world's history").
inline constexpr const char* k_kiosk_history_prefecture = "130001";

// The history as of the app's today (Japan time); empty if it cannot be built (the kiosk
// still works, without a past).
std::vector<DocumentVersion> kiosk_history(App& app);

}  // namespace vsys
