// The sites an org_search answered, drawn in the shared Table: one look and one behaviour for
// 医療機関の検索 (screen_org_browser.cpp) and the municipality's 代行入力 picker (claims_ui.cpp),
// which used to be two hand-built tables. Code, name, reading and municipality; sortable, with
// the row count; a row opened (click or Enter) answers its site code. Row anchors are
// <anchor>.row.<i> for the first 20 rows shown.
#pragma once

#include <string>

#include "app/site/site_contract.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/widgets/table.hpp"

namespace vsys::ui {

class Shell;

// The code of the site the user opened this frame, or "".
std::string site_search_table(Shell& shell, const char* anchor, const KeptView<SiteSearchQuery>& sites, KeptTable& t);

}  // namespace vsys::ui
