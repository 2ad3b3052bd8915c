// The record of every text the shared widgets had to cut short in the last frame (issue 13: no
// amount, code or name may be clipped without the user being able to read it whole). A widget
// that cannot fit a text draws it with an ellipsis, shows the whole text on hover and notes it
// here; tests read the record (window.vsys.screen().clipped) and the layout is wrong when an
// amount, code or name appears in it.
//
// The Shell owns one record and opens it for the length of a frame; outside a frame (or in a
// test drawing a widget alone) nothing is recorded.
//
// Plain ImGui text and buttons do not go through text_fit: the end of the frame also notes
// every window whose items ran past its right edge where it cannot scroll sideways (a month line
// or a help line wider than a phone), and every popup wider than the screen or whose content runs
// past its own edge (a modal ImGui keeps to a phone's width), as one entry each
// ("<n> px past the right edge", where: the window's name).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vsys::ui {

struct ClippedText {
    std::string text;   // the whole text
    std::string where;  // the table and column, or the field's label, it belongs to
    bool operator==(const ClippedText&) const = default;
};

class ClipRecord {
public:
    void begin_frame() { current_.clear(); }
    // Notes the frame's windows that overflow (note_overflowing_windows), then keeps the frame's
    // record as the last one. Call it after the frame's last window ended, before Render.
    void end_frame();
    void add(std::string_view text, std::string_view where);
    // What the last finished frame clipped.
    const std::vector<ClippedText>& last() const { return last_; }

private:
    std::vector<ClippedText> current_, last_;
};

// While a frame is drawn, the record the widgets write to (nullptr: none).
void set_clip_record(ClipRecord* record);
void note_clipped(std::string_view text, std::string_view where);

// Adds to `record` each window of the current ImGui frame whose items reach past its visible
// right edge although it has no sideways scroll bar, and each popup or modal that reaches past
// the screen's edges. Tooltips are left out (they wrap by themselves).
void note_overflowing_windows(ClipRecord& record);

// Draws `text` on one line in the space left on it: whole when it fits (flush right when
// `right`), otherwise cut with "…", the whole text in a tooltip, and noted as clipped.
void text_fit(const std::string& text, std::string_view where, bool right = false);

// `text` cut at a character boundary to fit `width` pixels with "…" at its end, `cut` set when
// it had to be (for a widget that draws a label itself: a combo's preview, a header, the top bar).
std::string fit_text(const std::string& text, float width, bool& cut);
// The whole of a cut text in a tooltip while the last item is hovered.
void whole_text_tooltip(const std::string& text);

}  // namespace vsys::ui
