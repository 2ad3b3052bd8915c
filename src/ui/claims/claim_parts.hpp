// The parts of the claim screen (screen_claims.cpp draws them in this order): the editable
// table of a month's lines with what the core says of each row (view claim_check: its refusal,
// or its payer and amount) and the totals; the documents of the saved month to print or
// download (view claim_print); and the legacy 接種券付き予診票 counts of the site (R533).
// The lines are the core's ClaimLine (through the app's claims headers) and go typed to the
// save_claim command and the claim_check question.
#pragma once

#include <vector>

#include "app/claims/claim_check_view.hpp"
#include "app/claims/claim_view.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/widgets/table.hpp"

namespace vsys::ui {

class Shell;

// One row per line, anchored claims.line<i>.<field>; `check` is claim_check for these lines
// (nullptr when refused).
// A row's remove button takes effect at the end of the table.
// True when Enter was pressed in one of its fields (the screen saves, as with 保存).
bool claim_lines_table(Shell& shell, std::vector<ClaimLine>& rows, const ClaimCheckView* check, bool read_only);
// The print and CSV buttons of each 市区町村別請求書 and of the 請求総括書 (`print`: claim_print,
// nullptr before the month is saved), in the shared Table `t`.
void claim_documents_section(Shell& shell, const KeptView<ClaimPrintQuery>* print, KeptTable& t);

}  // namespace vsys::ui
