// What the allocation screens share (requests, allocation overview, simulation, deliveries): the
// round chosen once and kept while moving between them (for the signed-in user only: it is
// Shell state), a round picker over the "rounds" view,
// and the status badge of a step (colour and word together, with a drawn padlock when locked,
// since the UI font has no lock glyph).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/allocation/round_state_view.hpp"  // RoundListing, StepStatus
#include "core/base/numbers.hpp"  // format_grouped, for numbers of boxes
#include "imgui.h"

namespace vsys::ui {

class Shell;

// The listed rounds, reloaded when the app's revision changes.
const std::vector<RoundListing>& round_list(Shell& shell);
// The round the allocation screens show; the first listed one (of `product`, when given) until
// the user picks another.
const RoundListing* current_round(Shell& shell, const char* product = nullptr);
// A combo of the listed rounds (of `product` when given); its items are anchored
// "<anchor>.<index>". True when the choice changed.
bool round_picker(Shell& shell, const char* anchor, const char* product = nullptr);

// locked (grey, padlock), confirmed (green), pending (amber); the word from strings
// "alloc.status.<status id>".
void status_badge(Shell& shell, StepStatus status);
ImVec4 status_colour(StepStatus status);
// A padlock drawn as an item of the current line's height.
void lock_mark(ImU32 colour);

// "2021-08-30 ～ 2021-09-12" from a round's (or a row's) period_start and period_end.
std::string period_text(Shell& shell, const std::string& start, const std::string& end);

}  // namespace vsys::ui
