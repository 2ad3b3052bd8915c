// 代行入力: a municipality's sites, searchable by name, reading or code; choosing one opens the
// screen for it (#/<screen>/<site code>). One picker for every screen a municipality enters for
// its sites (claims, stock), so the search typed once stays for the next screen.
#pragma once

#include <string>

namespace vsys::ui {

class Shell;

// `help_key`: what the user is choosing a site for (strings.tsv); anchors <anchor>.query and
// the table's <anchor>.row.<i>.
void proxy_site_picker(Shell& shell, const std::string& screen, const std::string& anchor, const char* help_key);

}  // namespace vsys::ui
